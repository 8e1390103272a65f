// replicator/child_process.h
//
// Runs a PostgreSQL client program (pg_dump, pg_restore) and waits for it.
// The program is found on PATH; PGVEIL_PG_BIN, when set, names the folder
// to take it from instead (for a client newer than the Debian default).
//
// The child is tied to this process's life (Linux PR_SET_PDEATHSIG): if
// pgveil is killed, pg_restore does not go on writing into a target that a
// rerun is about to reset. Its stderr is captured (at most 64 KiB) for the
// error message; stdout is captured only when asked for.
// The child inherits pgveil's environment except PGVEIL_KEY: the masking
// key stays in this process.
//
// Thread-safety: call from the thread that lives as long as the child must
// (the death signal follows the thread that forked, not the process); the
// replicator calls it from the Replicate thread only.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace pgveil::replicator {

struct ChildOutput {
  int exit_code = 0;  // 128 + signal when the child was killed
  std::string out;    // stdout, when captured
  std::string err;    // stderr, truncated to 64 KiB
};

// Runs `argv` (argv[0] a program name) with `env` ("NAME=value") added to
// this process's environment. NotFound when the program is not installed;
// Unavailable when it cannot be started. A non-zero exit is not an error
// here: the caller reads exit_code and err.
Result<ChildOutput> RunChild(const std::vector<std::string>& argv,
                             const std::vector<std::string>& env, bool capture_stdout);

// The lines of `err` a user may see: those the program itself prefixed
// with "<program>: ", without DETAIL lines or the statement text that may
// follow, which can hold values. At most `max_lines`, joined with "; ".
std::string ChildErrorSummary(const std::string& program, const std::string& err,
                              int max_lines = 3);

}  // namespace pgveil::replicator
