#include "scanner/prefilter_database.h"

#include <catch2/catch.hpp>

namespace pgveil::embedded {
extern const std::string_view prefilters;
}  // namespace pgveil::embedded

namespace pgveil::scanner {
namespace {

std::vector<dictionaries::DetectorSpec> Specs() {
  auto specs = dictionaries::EmbeddedDetectorSpecs();
  REQUIRE(specs.ok());
  return *specs;
}

}  // namespace

TEST_CASE("the build embeds the database of the embedded detectors", "[scanner]") {
  // Otherwise every scan would silently pay for compiling it again.
  CHECK(LoadPrefilters(embedded::prefilters, Specs()) != nullptr);
}

TEST_CASE("a serialised database is used only for the detectors it was built from",
          "[scanner]") {
  std::vector<dictionaries::DetectorSpec> specs = Specs();
  Result<std::string> serialized = SerializePrefilters(specs);
  REQUIRE(serialized.ok());
  CHECK(LoadPrefilters(*serialized, specs) != nullptr);

  std::vector<dictionaries::DetectorSpec> changed = specs;
  changed[0].prefilter += "x";
  CHECK(LoadPrefilters(*serialized, changed) == nullptr);
  changed = specs;
  changed[0].caseless = !changed[0].caseless;
  CHECK(LoadPrefilters(*serialized, changed) == nullptr);
  changed = specs;
  changed.pop_back();
  CHECK(LoadPrefilters(*serialized, changed) == nullptr);

  CHECK(LoadPrefilters("", specs) == nullptr);
  CHECK(LoadPrefilters(serialized->substr(0, serialized->size() / 2), specs) == nullptr);
}

TEST_CASE("a pattern Hyperscan rejects is named by file and line", "[scanner]") {
  std::vector<dictionaries::DetectorSpec> specs = Specs();
  specs[1].prefilter = "(unclosed";
  Result<PrefilterDatabase> database = CompilePrefilters(specs);
  REQUIRE_FALSE(database.ok());
  CHECK_THAT(database.status().message(),
             Catch::StartsWith(specs[1].source + ":" + std::to_string(specs[1].line) +
                               ": detector '" + specs[1].id + "': Hyperscan rejects the pattern"));
}

}  // namespace pgveil::scanner
