// reports/compliance_html.cc
//
// The HTML compliance page: the header (what was scanned, when, with which
// tool and policy), the one-minute summary (a verdict sentence, eight
// figures, the category and coverage charts), a contents list, then the
// evidence sections (compliance_html_sections.cc). One self-contained file:
// the stylesheet and charts are inline, nothing is fetched, no script runs.
//
// The summary figures carry ids a test or a tool can look up in the DOM:
// summary-tables, summary-pii-columns, summary-categories,
// summary-coverage, summary-violations, summary-hipaa-pass,
// summary-hipaa-fail, summary-special; the privacy verdict, first, is
// summary-verdict and its sentence summary-verdict-sentence.

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "reports/check_common.h"
#include "reports/compliance_html.h"
#include "reports/compliance_report.h"
#include "reports/compliance_text.h"

namespace pgveil::reports {
namespace {

constexpr size_t kMaxChartTables = 15;
constexpr size_t kMaxChartCategories = 16;

struct Tile {
  std::string_view id;
  std::string figure;
  std::string_view label;
  std::string_view tone;  // "", "good", "warn", "bad", "special"
};

std::string Tiles(const ComplianceSummary& s) {
  const CoverageCounts& c = s.coverage;
  const bool exposed = c.kept + c.uncovered > 0;
  const std::vector<Tile> tiles = {
      {"summary-tables", std::to_string(s.tables_scanned), "tables scanned", ""},
      {"summary-pii-columns", std::to_string(s.pii_columns), "columns with personal data", ""},
      {"summary-categories", std::to_string(s.categories), "categories of personal data", ""},
      {"summary-coverage", PercentText(c.Percent()), "of personal data masked",
       exposed ? "bad" : "good"},
      {"summary-violations", std::to_string(s.errors), "check violations",
       s.errors > 0 ? "bad" : "good"},
      {"summary-hipaa-pass", std::to_string(s.hipaa_pass), "HIPAA identifiers pass", "good"},
      {"summary-hipaa-fail", std::to_string(s.hipaa_fail), "HIPAA identifiers fail",
       s.hipaa_fail > 0 ? "bad" : "good"},
      {"summary-special", std::to_string(s.special_locations), "GDPR special-category locations",
       s.special_locations > 0 ? "special" : ""},
  };
  std::string out = "<ul class=\"tiles\">";
  for (const Tile& t : tiles) {
    out += fmt::format(
        "<li class=\"tile{}{}\"><span class=\"figure\" id=\"{}\">{}</span>"
        "<span class=\"label\">{}</span></li>",
        t.tone.empty() ? "" : " ", t.tone, t.id, HtmlEscape(t.figure), t.label);
  }
  return out + "</ul>";
}

std::string Header(const ComplianceReport& r) {
  const ScanParameters& p = r.scan_parameters;
  std::string out = "<header class=\"report\"><div class=\"inner\">";
  out += "<h1>PII compliance report</h1>";
  out += fmt::format("<div class=\"database\">Database <strong>{}</strong></div>",
                     HtmlEscape(p.database));
  out += "<dl>";
  auto item = [&](std::string_view term, const std::string& html) {
    out += fmt::format("<dt>{}</dt><dd>{}</dd>", term, html);
  };
  item("Generated", HtmlEscape(r.generated_at));
  item("Tool", "pgveil " + HtmlEscape(r.tool_version));
  item("Policy",
       fmt::format("<code>{}</code> ({} mode), sha256 <code>{}</code>", HtmlEscape(r.policy_file),
                   HtmlEscape(r.mode), HtmlEscape(r.policy_sha256)));
  item("Scan", fmt::format("{}% sample, seed {}, at most {} rows per table; {} rows sampled in "
                           "{} ms; confidence bar {}",
                           p.sample_percent, p.seed, p.max_rows_per_table, r.rows_sampled,
                           r.duration_ms, ConfidenceText(r.low_confidence)));
  item("Baseline", r.drift ? "<code>" + HtmlEscape(r.baseline) + "</code>" : std::string("none"));
  if (r.branch) item("Branch", HtmlEscape(BranchOriginText(r)));
  return out + "</dl></div></header>";
}

std::vector<ChartBar> CategoryBars(const ComplianceReport& r) {
  std::vector<ChartBar> bars;
  for (const GdprCategory& c : r.gdpr.categories) {
    ChartBar bar;
    bar.label = c.label;
    bar.value = c.locations;
    bar.highlight = !c.article.empty();
    bars.push_back(std::move(bar));
  }
  std::stable_sort(bars.begin(), bars.end(),
                   [](const ChartBar& a, const ChartBar& b) { return a.value > b.value; });
  if (bars.size() > kMaxChartCategories) bars.resize(kMaxChartCategories);
  return bars;
}

std::string Legend() {
  return "<ul class=\"legend\"><li class=\"masked\"><span>masked</span></li>"
         "<li class=\"kept\"><span>kept</span></li>"
         "<li class=\"suppressed\"><span>suppressed</span></li>"
         "<li class=\"uncovered\"><span>uncovered</span></li></ul>";
}

std::string Charts(const ComplianceReport& r) {
  if (r.summary.pii_locations == 0) return "";
  std::string out = "<div class=\"charts\">";
  out += "<figure><figcaption>Personal data by category (locations)</figcaption>";
  out += BarChartSvg(CategoryBars(r), "chart-categories-title",
                     "Columns and JSONB paths holding each category of personal data");
  out += "</figure>";
  out += "<figure><figcaption>Policy coverage</figcaption>";
  out += CoverageDonutSvg(r.summary.coverage, "chart-coverage-title",
                          "Share of personal data locations the policy masks");
  out += Legend() + "</figure></div>";
  out +=
      fmt::format("<figure><figcaption>Coverage by table{}</figcaption>",
                  r.coverage.size() > kMaxChartTables
                      ? fmt::format(" ({} tables with the most exposed locations)", kMaxChartTables)
                      : "");
  out += TableCoverageSvg(r.coverage, kMaxChartTables, "chart-tables-title",
                          "Masked, kept, suppressed and uncovered locations per table");
  out += Legend() + "</figure>";
  return out;
}

std::string Contents() {
  const std::vector<std::pair<std::string_view, std::string_view>> entries = {
      {"privacy", "Anonymous or pseudonymous?"},
      {"inventory", "Inventory"},
      {"coverage", "Coverage"},
      {"hipaa", "HIPAA Safe Harbor"},
      {"gdpr", "GDPR Art. 30"},
      {"special", "Special categories"},
      {"suppressions", "Suppressions"},
      {"drift", "Drift"},
      {"violations", "Violations"},
  };
  std::string out = "<nav class=\"contents\" aria-label=\"Contents\"><ol>";
  for (const auto& [id, title] : entries) {
    out += fmt::format("<li><a href=\"#{}\">{}</a></li>", id, title);
  }
  return out + "</ol></nav>";
}

}  // namespace

std::string HtmlEscape(std::string_view raw) { return MarkupEscape(raw, "&#39;"); }

std::string HtmlBadge(std::string_view css_class, std::string_view text) {
  std::string name;
  for (char c : css_class) name += (c >= 'a' && c <= 'z') || c == '-' ? c : '-';
  return fmt::format("<span class=\"badge {}\">{}</span>", name, HtmlEscape(text));
}

std::string ComplianceHtml(const ComplianceReport& report) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>";
  out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>";
  out += "<meta name=\"generator\" content=\"pgveil " + HtmlEscape(report.tool_version) + "\"/>";
  out += fmt::format("<title>PII compliance report: {}</title>",
                     HtmlEscape(report.scan_parameters.database));
  out += "<style>" + std::string(ComplianceStylesheet()) + "</style></head><body>";
  out += Header(report);
  out += "<main><section id=\"summary\" aria-labelledby=\"summary-title\">";
  out += "<h2 id=\"summary-title\">Summary</h2>";
  const std::string_view verdict = policy::IdentifiabilityName(report.privacy.verdict);
  out += fmt::format(
      "<p class=\"verdict {}\" id=\"summary-verdict\">{} <span "
      "id=\"summary-verdict-sentence\">{}</span></p>",
      verdict, HtmlBadge(verdict, VerdictTitle(report.privacy.verdict)),
      HtmlEscape(report.privacy.sentence));
  out +=
      "<p class=\"headline\" id=\"summary-headline\">" + HtmlEscape(HeadlineText(report)) + "</p>";
  out += Tiles(report.summary) + Charts(report) + "</section>";
  out += Contents();
  out += HtmlPrivacySection(report) + HtmlInventorySection(report) + HtmlCoverageSection(report) +
         HtmlHipaaSection(report) + HtmlGdprSection(report) + HtmlSpecialSection(report) +
         HtmlSuppressionSection(report) + HtmlDriftSection(report) + HtmlViolationSection(report);
  out += fmt::format(
      "<footer>Generated by pgveil {} from the database itself. Evidence is redacted: no "
      "sampled value appears in this report.</footer>",
      HtmlEscape(report.tool_version));
  return out + "</main></body></html>\n";
}

}  // namespace pgveil::reports
