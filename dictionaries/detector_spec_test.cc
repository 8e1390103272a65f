#include "dictionaries/detector_spec.h"

#include <catch2/catch.hpp>

#include "dictionaries/column_lexicon.h"

namespace pgveil::dictionaries {

TEST_CASE("the embedded detectors and column lexicon parse", "[dictionaries]") {
  auto specs = EmbeddedDetectorSpecs();
  REQUIRE(specs.ok());
  CHECK(specs->size() >= 8);
  auto lexicon = EmbeddedColumnLexicon();
  REQUIRE(lexicon.ok());
  CHECK(lexicon->phrases.size() > 100);
}

TEST_CASE("detector spec errors name the file, line and field", "[dictionaries]") {
  auto unknown = ParseDetectorSpecs(
      "detectors:\n  - id: x\n    category: shoe_size\n    pattern: a\n", "d.yaml");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().message() == "d.yaml:3:15: unknown category 'shoe_size'");

  auto field = ParseDetectorSpecs("detectors:\n  - id: x\n    categry: email\n", "d.yaml");
  REQUIRE_FALSE(field.ok());
  CHECK(field.status().message() == "d.yaml:3:5: unknown field 'categry'");

  auto duplicate = ParseDetectorSpecs(
      "detectors:\n  - {id: x, category: email, pattern: a}\n  - {id: x, category: email, pattern: "
      "b}\n",
      "d.yaml");
  REQUIRE_FALSE(duplicate.ok());
  CHECK(duplicate.status().message() == "d.yaml:3:5: duplicate detector id 'x'");

  auto syntax = ParseDetectorSpecs("detectors: [\n", "d.yaml");
  REQUIRE_FALSE(syntax.ok());
  CHECK(syntax.status().message().rfind("d.yaml:", 0) == 0);
}

}  // namespace pgveil::dictionaries
