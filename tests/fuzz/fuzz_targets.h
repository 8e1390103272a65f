// tests/fuzz/fuzz_targets.h
//
// The fuzz targets: one function per parser that reads untrusted input. Each
// takes arbitrary bytes, must never crash, hang or trip a sanitizer, and
// checks its parser's own promises with PGVEIL_CHECK (a broken promise aborts
// with file and line, which libFuzzer reports as a crash).
//
// The same functions run two ways: under libFuzzer (fuzz_main.cc, one binary
// per target, clang only, PGVEIL_FUZZ=ON) and in the normal test suite
// (replay_test.cc), which feeds them every input kept under
// tests/fuzz/corpus/<name>/ — the seeds and every crash ever found.
//
// Thread-safety: each target keeps its parser state in function statics;
// call from one thread.
#pragma once

#include <string_view>
#include <vector>

namespace pgveil::fuzz {

using FuzzTarget = void (*)(std::string_view data);

struct NamedFuzzTarget {
  const char* name;  // also the corpus folder and the libFuzzer binary: <name>_fuzz
  FuzzTarget run;
};

// Policy YAML -> model, "did you mean" included.
void FuzzPolicyLoader(std::string_view data);
// JSON documents through the JSONB walker and a jsonb column scan.
void FuzzJsonWalker(std::string_view data);
// COPY text rows: split, unescape, escape; values survive the round trip.
void FuzzCopyRowCodec(std::string_view data);
// Migration SQL through the tokenizer and the migration anchors.
void FuzzSqlTokenizer(std::string_view data);
// One pgoutput message of the replication stream.
void FuzzPgoutput(std::string_view data);
// A change event of the JetStream stream, through Decode and Encode.
void FuzzChangeEvent(std::string_view data);
// Connection strings: libpq's parse, the password split, quoting.
void FuzzConnInfo(std::string_view data);
// Sampled values (any bytes, invalid UTF-8 included) through every detector.
void FuzzValueDetector(std::string_view data);

// Every target above, by name.
const std::vector<NamedFuzzTarget>& AllFuzzTargets();

}  // namespace pgveil::fuzz
