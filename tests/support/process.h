// tests/support/process.h
//
// Runs the pgveil binary (PGVEIL_BINARY, set by ci/test.sh) as a user would,
// capturing exit code, stdout and stderr.
#pragma once

#include <string>
#include <vector>

namespace pgveil::testing {

struct ProcessResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs pgveil with `args`; `env` entries ("NAME=value") are added to the
// environment of the child only, and "-NAME" removes NAME from it. With
// `cwd` the child runs there.
ProcessResult RunPgveil(const std::vector<std::string>& args,
                        const std::vector<std::string>& env = {}, const std::string& cwd = "");

}  // namespace pgveil::testing
