// tests/golden/compliance_golden_test.cc
//
// Byte-for-byte tests of the compliance report's Markdown and JSON against
// tests/golden/compliance/<case>.md and <case>.json, for the fixtures in
// compliance_fixtures.h. A failure names the file and the first line that
// differs. PGVEIL_UPDATE_GOLDEN=1 writes the files instead of comparing (see
// tests/golden/README.md).

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "reports/compliance_report.h"
#include "tests/golden/compliance_fixtures.h"

namespace pgveil {
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

void CheckGolden(const std::string& name, const reports::ComplianceInput& input) {
  const reports::ComplianceReport report = reports::BuildComplianceReport(input);
  const std::pair<std::string, reports::ComplianceFormat> variants[] = {
      {"md", reports::ComplianceFormat::kMarkdown},
      {"json", reports::ComplianceFormat::kJson},
  };
  for (const auto& [suffix, format] : variants) {
    const std::string path = std::string(PGVEIL_COMPLIANCE_GOLDEN_DIR) + "/" + name + "." + suffix;
    const std::string actual = reports::RenderCompliance(report, format);
    if (UpdateRequested()) {
      std::ofstream out(path, std::ios::binary | std::ios::trunc);
      out << actual;
      REQUIRE(out.good());
      continue;
    }
    const std::string expected = ReadFile(path);
    if (expected != actual) FAIL_CHECK(path << " differs at " << FirstDifference(expected, actual));
    SUCCEED(path);
  }
}

TEST_CASE("golden: the compliance report of a shop with every kind of finding",
          "[golden][reports][compliance]") {
  CheckGolden("full", testing::FullComplianceInput());
}

TEST_CASE("golden: the compliance report of a database without personal data",
          "[golden][reports][compliance]") {
  CheckGolden("clean", testing::CleanComplianceInput());
}

TEST_CASE("the same input renders the same bytes twice", "[reports][compliance]") {
  for (auto format : {reports::ComplianceFormat::kHtml, reports::ComplianceFormat::kMarkdown,
                      reports::ComplianceFormat::kJson}) {
    std::string first = reports::RenderCompliance(
        reports::BuildComplianceReport(testing::FullComplianceInput()), format);
    std::string second = reports::RenderCompliance(
        reports::BuildComplianceReport(testing::FullComplianceInput()), format);
    CHECK(first == second);
  }
}

}  // namespace
}  // namespace pgveil
