// tests/golden/check_golden_test.cc
//
// Byte-for-byte tests of every `pgveil check` report format against the
// files in tests/golden/check/, named <case>.<variant>. A failure names the
// file and the first line that differs. With PGVEIL_UPDATE_GOLDEN=1 in the
// environment the test writes the files instead of comparing (see
// tests/golden/README.md); review the diff before committing it.

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <vector>

#include "reports/check_report.h"
#include "tests/golden/check_fixtures.h"
#include "tests/golden/golden_file.h"

namespace pgveil {
namespace {

using reports::CheckFormat;
using reports::CheckRenderOptions;

struct Variant {
  std::string suffix;
  std::function<std::string(const CheckResult&)> render;
};

// Every format for every case; with `extras`, also colour and a capped
// GitHub run.
std::vector<Variant> Variants(bool extras) {
  auto format = [](CheckFormat f, CheckRenderOptions options = {}) {
    return [f, options](const CheckResult& r) { return reports::RenderCheck(r, f, options); };
  };
  CheckRenderOptions color;
  color.color = true;
  CheckRenderOptions capped;
  capped.github_annotation_cap = 3;
  std::vector<Variant> variants = {
      {"txt", format(CheckFormat::kText)},
      {"json", format(CheckFormat::kJson)},
      {"sarif", format(CheckFormat::kSarif)},
      {"junit.xml", format(CheckFormat::kJunit)},
      {"github.txt", format(CheckFormat::kGithub)},
      {"summary.md", [](const CheckResult& r) { return reports::GithubStepSummary(r); }},
      {"gitlab.json", format(CheckFormat::kGitlab)},
  };
  if (extras) {
    variants.push_back({"color.txt", format(CheckFormat::kText, color)});
    variants.push_back({"github-capped.txt", format(CheckFormat::kGithub, capped)});
  }
  return variants;
}

void CheckGolden(const std::string& name, const CheckResult& result, bool extras = false) {
  for (const Variant& variant : Variants(extras)) {
    std::string path = std::string(PGVEIL_GOLDEN_DIR) + "/" + name + "." + variant.suffix;
    testing::CheckGoldenFile(path, variant.render(result));
  }
}

TEST_CASE("golden: a clean run in every check format", "[golden][reports]") {
  CheckGolden("clean", testing::CleanRun());
}

TEST_CASE("golden: a failing run with every rule in every check format", "[golden][reports]") {
  CheckGolden("failing", testing::FailingRun(), /*extras=*/true);
}

TEST_CASE("golden: a run with warnings only passes in every check format", "[golden][reports]") {
  CheckGolden("warnings", testing::WarningsOnlyRun());
}

}  // namespace
}  // namespace pgveil
