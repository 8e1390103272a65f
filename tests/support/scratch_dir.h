// tests/support/scratch_dir.h
//
// Temporary directories for tests, removed with everything in them when the
// test binary exits, so a run leaves nothing behind in /tmp.
#pragma once

#include <string>

namespace pgveil::testing {

// A fresh directory /tmp/pgveil-<name>-XXXXXX; REQUIREs success.
std::string ScratchDir(const std::string& name);

}  // namespace pgveil::testing
