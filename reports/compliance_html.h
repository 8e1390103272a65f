// reports/compliance_html.h
//
// The pieces of the HTML compliance page (ComplianceHtml in
// compliance_report.h): escaping, the stylesheet, the inline SVG charts and
// one function per section. Internal to reports/.
//
// The page is well-formed XML after its doctype line (every element closed,
// attributes quoted, only the five XML entities and numeric references), so
// a strict XML reader can check its structure; HTML parsers read it the
// same way. It holds no script, no comment and no reference to anything
// outside the file.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reports/compliance_model.h"

namespace pgveil::reports {

// `raw` made printable (control characters and ill-formed UTF-8 become
// U+FFFD) with &, <, >, " and ' as character references: safe as element
// text and as a double-quoted attribute value.
std::string HtmlEscape(std::string_view raw);

// The inline stylesheet: screen and print (@media print, @page).
std::string_view ComplianceStylesheet();

// One bar of a horizontal bar chart.
struct ChartBar {
  std::string label;
  int value = 0;
  bool highlight = false;  // drawn in the special-category colour
};

// Horizontal bars, longest first as given, with the value after each bar.
// `id` names the chart's <title> for aria-labelledby.
std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view id,
                        std::string_view title);

// A donut of masked / kept / suppressed / uncovered with the coverage
// percent in the middle.
std::string CoverageDonutSvg(const CoverageCounts& counts, std::string_view id,
                             std::string_view title);

// One stacked bar per table (masked, kept, suppressed, uncovered), at most
// `max_tables` of them, the tables with the most exposed locations first.
std::string TableCoverageSvg(const std::vector<TableCoverage>& tables, size_t max_tables,
                             std::string_view id, std::string_view title);

// <section> elements of the page, each with its id for the contents list.
std::string HtmlPrivacySection(const ComplianceReport& report);      // id="privacy"
std::string HtmlInventorySection(const ComplianceReport& report);    // id="inventory"
std::string HtmlCoverageSection(const ComplianceReport& report);     // id="coverage"
std::string HtmlHipaaSection(const ComplianceReport& report);        // id="hipaa"
std::string HtmlGdprSection(const ComplianceReport& report);         // id="gdpr"
std::string HtmlSpecialSection(const ComplianceReport& report);      // id="special"
std::string HtmlSuppressionSection(const ComplianceReport& report);  // id="suppressions"
std::string HtmlDriftSection(const ComplianceReport& report);        // id="drift"
std::string HtmlViolationSection(const ComplianceReport& report);    // id="violations"

// `<span class="badge NAME">text</span>`, NAME made of [a-z-] only.
std::string HtmlBadge(std::string_view css_class, std::string_view text);

}  // namespace pgveil::reports
