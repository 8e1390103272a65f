// tests/golden/compliance_golden_test.cc
//
// Byte-for-byte tests of the compliance report's Markdown and JSON against
// tests/golden/compliance/<case>.md and <case>.json, for the fixtures in
// compliance_fixtures.h. A failure names the file and the first line that
// differs. PGVEIL_UPDATE_GOLDEN=1 writes the files instead of comparing (see
// tests/golden/README.md).

#include <catch2/catch.hpp>

#include <string>

#include "reports/compliance_report.h"
#include "tests/golden/compliance_fixtures.h"
#include "tests/golden/golden_file.h"

namespace pgveil {
namespace {

void CheckGolden(const std::string& name, const reports::ComplianceInput& input) {
  const reports::ComplianceReport report = reports::BuildComplianceReport(input);
  const std::pair<std::string, reports::ComplianceFormat> variants[] = {
      {"md", reports::ComplianceFormat::kMarkdown},
      {"json", reports::ComplianceFormat::kJson},
  };
  for (const auto& [suffix, format] : variants) {
    const std::string path = std::string(PGVEIL_COMPLIANCE_GOLDEN_DIR) + "/" + name + "." + suffix;
    testing::CheckGoldenFile(path, reports::RenderCompliance(report, format));
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
