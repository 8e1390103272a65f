#include "tests/golden/golden_file.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace pgveil::testing {
namespace {

bool UpdateRequested() {
  const char* update = std::getenv("PGVEIL_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "<missing: run with PGVEIL_UPDATE_GOLDEN=1 to create it>";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

// "line N:\n  expected: …\n  actual:   …" for the first differing line.
std::string FirstDifference(const std::string& expected, const std::string& actual) {
  std::istringstream e(expected);
  std::istringstream a(actual);
  std::string el;
  std::string al;
  for (int line = 1;; ++line) {
    bool more_e = static_cast<bool>(std::getline(e, el));
    bool more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) return "files differ only in the final newline";
    if (!more_e || !more_a || el != al) {
      return "line " + std::to_string(line) + ":\n  expected: " + (more_e ? el : "<end>") +
             "\n  actual:   " + (more_a ? al : "<end>");
    }
  }
}

}  // namespace

void CheckGoldenFile(const std::string& path, const std::string& actual) {
  if (UpdateRequested()) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << actual;
    REQUIRE(out.good());
    return;
  }
  const std::string expected = ReadFile(path);
  // Not CHECK(expected == actual): Catch would print both whole files.
  if (expected != actual) FAIL_CHECK(path << " differs at " << FirstDifference(expected, actual));
  SUCCEED(path);
}

}  // namespace pgveil::testing
