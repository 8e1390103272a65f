// tests/golden/golden_file.h
//
// Comparing output with a golden file byte for byte. A mismatch fails with
// the file's path and its first differing line (never both whole files);
// with PGVEIL_UPDATE_GOLDEN=1 in the environment the file is written
// instead (see tests/golden/README.md). Shared by the check and compliance
// golden tests.
#pragma once

#include <string>

namespace pgveil::testing {

void CheckGoldenFile(const std::string& path, const std::string& actual);

}  // namespace pgveil::testing
