// reports/compliance_report.h
//
// Writers for the compliance report (compliance_model.h), one per reader:
//   html      one self-contained page for people and for printing to PDF:
//             inline CSS and SVG, no script, no external asset; a summary a
//             manager reads in a minute, then the evidence in semantic
//             tables. The summary figures carry ids (`summary-pii-columns`,
//             ...) so tools can find them in the DOM.
//   markdown  for pull requests and wikis (GitHub-flavoured tables)
//   json      for other tools; the schema is in reports/DESIGN.md
// All are deterministic for a given report (the time shown is the one the
// caller put into the model) and hold redacted evidence only. Identifiers
// are escaped for each format, whatever characters they hold.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "reports/compliance_model.h"

namespace pgveil::reports {

enum class ComplianceFormat { kHtml, kMarkdown, kJson };

// "html", "markdown" (or "md"), "json"; nullopt otherwise.
std::optional<ComplianceFormat> ComplianceFormatFromName(std::string_view name);

std::string RenderCompliance(const ComplianceReport& report, ComplianceFormat format);

std::string ComplianceHtml(const ComplianceReport& report);
std::string ComplianceMarkdown(const ComplianceReport& report);
std::string ComplianceJson(const ComplianceReport& report);

}  // namespace pgveil::reports
