// reports/compliance_format.cc
//
// Format names of `pgveil report --format` and the dispatch to the writers.

#include "reports/compliance_report.h"

namespace pgveil::reports {

std::optional<ComplianceFormat> ComplianceFormatFromName(std::string_view name) {
  if (name == "html") return ComplianceFormat::kHtml;
  if (name == "markdown" || name == "md") return ComplianceFormat::kMarkdown;
  if (name == "json") return ComplianceFormat::kJson;
  return std::nullopt;
}

std::string RenderCompliance(const ComplianceReport& report, ComplianceFormat format) {
  switch (format) {
    case ComplianceFormat::kHtml:
      return ComplianceHtml(report);
    case ComplianceFormat::kMarkdown:
      return ComplianceMarkdown(report);
    case ComplianceFormat::kJson:
      return ComplianceJson(report);
  }
  return ComplianceJson(report);
}

}  // namespace pgveil::reports
