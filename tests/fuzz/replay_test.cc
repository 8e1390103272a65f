// Replays every input kept under tests/fuzz/corpus/<target>/ — the seeds and
// every crash a fuzzer ever found (crash-*) — through its target in the
// normal build, so a fixed parser bug stays fixed without clang or libFuzzer.
// A broken promise aborts inside the target; Catch2 reports the input's path.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {
namespace {

std::vector<std::filesystem::path> Inputs(const std::string& target) {
  const std::filesystem::path folder = std::filesystem::path(PGVEIL_FUZZ_CORPUS_DIR) / target;
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) {
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

std::string Read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

TEST_CASE("every kept fuzz input replays cleanly through its target", "[fuzz]") {
  for (const NamedFuzzTarget& target : AllFuzzTargets()) {
    DYNAMIC_SECTION(target.name) {
      const auto inputs = Inputs(target.name);
      // A target without seeds would make this test pass on nothing.
      REQUIRE(inputs.size() >= 3);
      for (const auto& input : inputs) {
        INFO("replaying " << input.string());
        target.run(Read(input));
      }
    }
  }
}

TEST_CASE("every crash a fuzzer found is kept next to the seeds of its target", "[fuzz]") {
  // Regression inputs are named crash-<what it pinned>; each must belong to a
  // target that still exists, so it keeps being replayed above.
  const std::filesystem::path root(PGVEIL_FUZZ_CORPUS_DIR);
  for (const auto& folder : std::filesystem::directory_iterator(root)) {
    const std::string name = folder.path().filename().string();
    const auto& targets = AllFuzzTargets();
    INFO("corpus folder " << name);
    CHECK(std::any_of(targets.begin(), targets.end(),
                      [&](const NamedFuzzTarget& target) { return name == target.name; }));
  }
}

}  // namespace pgveil::fuzz
