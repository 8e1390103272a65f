// reports/compliance_html_sections.cc
//
// The evidence sections of the HTML compliance page, each a <section> with
// a heading and semantic tables: a <caption>, column headers with
// scope="col", the row's subject in a <th scope="row">. Every identifier,
// reason and message is escaped (HtmlEscape); the only markup is ours.

#include <fmt/format.h>

#include "reports/check_common.h"
#include "reports/compliance_html.h"
#include "reports/compliance_text.h"

namespace pgveil::reports {
namespace {

struct Column {
  std::string_view title;
  bool numeric = false;
};

std::string Table(std::string_view caption, std::initializer_list<Column> columns,
                  const std::string& rows, const std::string& foot = "") {
  std::string out = fmt::format("<table><caption>{}</caption><thead><tr>", caption);
  for (const Column& c : columns) {
    out += fmt::format("<th scope=\"col\"{}>{}</th>", c.numeric ? " class=\"num\"" : "", c.title);
  }
  out += "</tr></thead><tbody>" + rows + "</tbody>";
  if (!foot.empty()) out += "<tfoot>" + foot + "</tfoot>";
  return out + "</table>";
}

std::string Section(std::string_view id, std::string_view title, std::string_view lead,
                    const std::string& body) {
  return fmt::format(
      "<section id=\"{0}\" aria-labelledby=\"{0}-title\"><h2 id=\"{0}-title\">{1}</h2>"
      "<p class=\"lead\">{2}</p>{3}</section>",
      id, title, lead, body);
}

std::string Empty(std::string_view text) { return fmt::format("<p class=\"empty\">{}</p>", text); }

std::string Code(std::string_view raw) { return "<code>" + HtmlEscape(raw) + "</code>"; }

// A qualified name in code, with a line-break opportunity after every dot,
// so narrow columns break "schema.table.column" between its parts.
std::string NameCode(std::string_view raw) {
  std::string out = "<code>";
  for (char c : HtmlEscape(raw)) {
    out += c;
    if (c == '.') out += "<wbr/>";
  }
  return out + "</code>";
}

std::string Num(const std::string& text) { return "<td class=\"num\">" + text + "</td>"; }

std::string Num(int64_t n) { return Num(std::to_string(n)); }

std::string TreatmentCell(const Treatment& t) {
  return HtmlBadge(ProtectionName(t.protection), ProtectionName(t.protection)) + " " +
         HtmlEscape(MethodText(t));
}

std::string CategoryCell(Category category) {
  std::string out = Code(IdOf(category));
  std::string_view article = GdprArticle(category);
  if (!article.empty()) out += " " + HtmlBadge("special", article);
  return out;
}

std::string CountCells(const CoverageCounts& c) {
  return Num(c.masked) + Num(c.kept) + Num(c.suppressed) + Num(c.uncovered) +
         Num(PercentText(c.Percent()));
}

}  // namespace

std::string HtmlInventorySection(const ComplianceReport& r) {
  std::string rows;
  for (const InventoryRow& row : r.inventory) {
    std::string css = row.possible                         ? " class=\"possible-row\""
                      : !GdprArticle(row.category).empty() ? " class=\"special-row\""
                                                           : "";
    std::string category = CategoryCell(row.category);
    if (row.possible) category += " " + HtmlBadge("possible", "possible");
    std::string evidence;
    for (const std::string& e : row.evidence) evidence += (evidence.empty() ? "" : " ") + Code(e);
    rows += fmt::format(
        "<tr{}><th scope=\"row\">{}</th><td>{}</td><td>{}</td>{}{}<td>{}</td>"
        "<td>{}</td></tr>",
        css, category, NameCode(LocationName(row.column, row.path)), Code(row.data_type),
        Num(ConfidenceText(row.confidence)), Num(RatioText(row.match_ratio)), evidence,
        TreatmentCell(row.treatment));
  }
  std::string body = r.inventory.empty()
                         ? Empty("No personal data found.")
                         : Table("Findings by category, table, column and JSONB path",
                                 {{"Category"},
                                  {"Location"},
                                  {"Type"},
                                  {"Confidence", true},
                                  {"Match", true},
                                  {"Evidence (redacted)"},
                                  {"Treatment"}},
                                 rows);
  if (!r.skipped.empty()) {
    std::string skipped;
    for (const SkippedTable& s : r.skipped) {
      skipped += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
                             NameCode(TableName(s.schema, s.table)), HtmlEscape(s.reason));
    }
    body += Table("Tables the scan could not read", {{"Table"}, {"Reason"}}, skipped);
  }
  return Section("inventory", "Inventory",
                 "Where personal data lives. Confidence reflects the sample size; match is the "
                 "share of sampled values that hold the category. Findings marked possible are "
                 "below the confidence bar: listed for review, not counted elsewhere.",
                 body);
}

std::string HtmlCoverageSection(const ComplianceReport& r) {
  std::string rows;
  for (const TableCoverage& t : r.coverage) {
    rows += fmt::format("<tr><th scope=\"row\">{}{}</th>{}<td class=\"num\">{} of {}</td></tr>",
                        NameCode(TableName(t.schema, t.table)),
                        t.skipped ? " " + HtmlBadge("suppressed", "skipped") : "",
                        CountCells(t.pii), t.columns_with_rule, t.columns);
  }
  std::string foot =
      fmt::format("<tr class=\"total\"><th scope=\"row\">Overall</th>{}<td></td></tr>",
                  CountCells(r.summary.coverage));
  return Section(
      "coverage", "Policy coverage",
      "Locations are columns and JSONB paths with personal data. Coverage is masked / (masked + "
      "kept + uncovered); suppressed locations are declared not personal data.",
      r.coverage.empty() ? Empty("No personal data found.")
                         : Table("Personal data locations per table and how the policy treats them",
                                 {{"Table"},
                                  {"Masked", true},
                                  {"Kept", true},
                                  {"Suppressed", true},
                                  {"Uncovered", true},
                                  {"Coverage", true},
                                  {"Columns with a rule", true}},
                                 rows, foot));
}

std::string HtmlHipaaSection(const ComplianceReport& r) {
  std::string rows;
  for (const HipaaRow& row : r.hipaa) {
    std::string where;
    for (const HipaaLocation& l : row.locations) {
      where += fmt::format("<li>{} {}{}</li>", NameCode(LocationName(l.column, l.path)),
                           TreatmentCell(l.treatment),
                           l.passes ? "" : " " + HtmlBadge("fail", l.reason));
    }
    std::string status_class(HipaaStatusName(row.status));
    for (char& c : status_class) c = c == ' ' ? '-' : c;
    rows += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        row.letter, HtmlEscape(row.identifier),
        HtmlBadge(status_class, HipaaStatusName(row.status)),
        where.empty() ? "\u2014" : "<ul>" + where + "</ul>", HtmlEscape(row.note));
  }
  return Section(
      "hipaa", "HIPAA Safe Harbor",
      "The 18 identifiers of 45 CFR 164.514(b)(2)(i). An identifier passes when every "
      "location is masked or suppressed; dates and ZIP codes only when generalised, "
      "coordinates only when removed.",
      Table("Safe Harbor identifiers A to R",
            {{"ID"}, {"Identifier"}, {"Status"}, {"Where found and how masked"}, {"Notes"}}, rows));
}

std::string HtmlPrivacySection(const ComplianceReport& r) {
  const PrivacyVerdict& p = r.privacy;
  auto verdict = [](policy::Identifiability v) {
    const std::string_view name = policy::IdentifiabilityName(v);
    return HtmlBadge(name, name);
  };
  std::string body = fmt::format(
      "<p class=\"verdict {}\" id=\"privacy-verdict\">{} {}</p>",
      policy::IdentifiabilityName(p.verdict),
      HtmlBadge(policy::IdentifiabilityName(p.verdict), VerdictTitle(p.verdict)),
      HtmlEscape(p.sentence));
  if (p.unmeasured_quasi) {
    body +=
        "<p>Some re-identification risk is not measured: <code>pgveil report --target "
        "DSN</code> measures k-anonymity on the masked copy.</p>";
  }
  std::string tables;
  for (const TableVerdict& t : p.tables) {
    std::string quasi;
    for (const std::string& q : t.quasi_identifiers) quasi += (quasi.empty() ? "" : " ") + Code(q);
    tables += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
        NameCode(TableName(t.schema, t.table)), verdict(t.verdict), HtmlEscape(t.reason),
        quasi.empty() ? "\u2014" : quasi,
        t.anonymity ? HtmlEscape(AnonymityFiguresText(*t.anonymity)) : "\u2014");
  }
  if (!tables.empty()) {
    body += Table(fmt::format("Tables: k-anonymity bar {}", p.k_bar),
                  {{"Table"}, {"Verdict"}, {"Why"}, {"Quasi-identifiers"}, {"Measured"}}, tables);
  }
  std::string locations;
  for (const LocationVerdict& l : p.locations) {
    locations += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td>{}</tr>",
                             NameCode(LocationName(l.column, l.path)), verdict(l.verdict),
                             HtmlEscape(l.reason),
                             Num(l.policy_line > 0 ? std::to_string(l.policy_line) : "\u2014"));
  }
  if (!locations.empty()) {
    body += Table("Personal data in the masked copy",
                  {{"Location"}, {"Verdict"}, {"Why"}, {"Policy line", true}}, locations);
  }
  return Section("privacy", "Anonymous or pseudonymous?",
                 "Whether the masked copy still identifies people: through a key (reversible or "
                 "linkable masking), or through quasi-identifiers few rows share.",
                 body);
}

std::string HtmlGdprSection(const ComplianceReport& r) {
  std::string rows;
  for (const GdprCategory& c : r.gdpr.categories) {
    std::string tables;
    for (const std::string& t : c.tables) tables += (tables.empty() ? "" : ", ") + Code(t);
    std::string methods;
    for (const std::string& m : c.methods) methods += (methods.empty() ? "" : ", ") + HtmlEscape(m);
    rows += fmt::format(
        "<tr{}><th scope=\"row\">{} {}</th><td>{}</td>{}{}<td>{}</td><td>{}</td>"
        "</tr>",
        c.article.empty() ? "" : " class=\"special-row\"", HtmlEscape(c.label),
        Code(IdOf(c.category)), c.article.empty() ? "" : HtmlBadge("special", c.article),
        Num(c.locations), Num(c.exposed), tables, methods);
  }
  std::string body = fmt::format(
      "<h3>Which regime applies</h3><p id=\"gdpr-regime\"><strong>The masked copy {}.</strong> "
      "{}</p>",
      VerdictPhrase(r.privacy.verdict), HtmlEscape(r.privacy.gdpr_consequence));
  body += "<h3>Art. 30(1)(c): categories of personal data</h3>";
  body += r.gdpr.categories.empty() ? Empty("No personal data found.")
                                    : Table("Categories of personal data held",
                                            {{"Category"},
                                             {"Special"},
                                             {"Locations", true},
                                             {"Exposed", true},
                                             {"Tables"},
                                             {"Masked by"}},
                                            rows);
  body += "<h3>Art. 30(1)(g): technical measures</h3>";
  body += fmt::format(
      "<p>Masking is keyed and deterministic; the key comes from the {}, never "
      "from the policy.</p>",
      HtmlEscape(r.gdpr.key_source));
  std::string measures;
  for (const TechnicalMeasure& m : r.gdpr.measures) {
    measures +=
        fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td>{}</tr>",
                    Code(m.method), HtmlEscape(m.summary), m.keyed ? "yes" : "no",
                    m.uniqueness.empty() ? "\u2014" : HtmlEscape(m.uniqueness), Num(m.locations));
  }
  if (!measures.empty()) {
    body += Table("Masking applied by the policy",
                  {{"Measure"}, {"What it does"}, {"Keyed"}, {"Uniqueness"}, {"Locations", true}},
                  measures);
  }
  body +=
      "<div class=\"placeholder\"><h3>To be completed by the controller</h3>"
      "<p>A database cannot evidence these parts of the record.</p><ul>";
  for (const Placeholder& p : Art30Placeholders()) {
    body += fmt::format("<li>Art. 30(1){}: {} <span class=\"todo\">To be completed.</span></li>",
                        p.item, HtmlEscape(p.text));
  }
  for (const Placeholder& p : OrganisationalPlaceholders()) {
    body +=
        fmt::format("<li>Art. 30(1)(g), {}: {} <span class=\"todo\">To be completed.</span></li>",
                    p.item, HtmlEscape(p.text));
  }
  body += "</ul></div>";
  return Section("gdpr", "GDPR Art. 30 record of processing",
                 "The parts of the record the database itself evidences.", body);
}

std::string HtmlSpecialSection(const ComplianceReport& r) {
  std::string rows;
  for (const InventoryRow& row : r.inventory) {
    if (row.possible || GdprArticle(row.category).empty()) continue;
    rows += fmt::format(
        "<tr class=\"special-row\"><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td>"
        "<td>{}</td></tr>",
        NameCode(LocationName(row.column, row.path)), HtmlBadge("error", "high"),
        Code(IdOf(row.category)), GdprArticle(row.category), TreatmentCell(row.treatment));
  }
  return Section(
      "special", "GDPR Art. 9 and Art. 10 special categories",
      "Health, biometric, genetic, ethnic, religious, political, trade-union and "
      "sexual-orientation data (Art. 9) and criminal data (Art. 10) need a legal basis "
      "of their own; they are flagged at high severity.",
      rows.empty()
          ? Empty("None found.")
          : Table("Special-category locations",
                  {{"Location"}, {"Severity"}, {"Category"}, {"Article"}, {"Treatment"}}, rows));
}

std::string HtmlSuppressionSection(const ComplianceReport& r) {
  std::string rows;
  for (const SuppressionEntry& e : r.suppressions) {
    rows += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td>{}<td>{}</td></tr>",
        NameCode(SuppressionSubjectText(e)), HtmlEscape(e.reason),
        HtmlEscape(e.expires.value_or("never")),
        HtmlBadge(SuppressionStateName(e.state), SuppressionStateName(e.state)), Num(e.matched),
        e.policy_line > 0 ? Code(fmt::format("{}:{}", r.policy_file, e.policy_line)) : "");
  }
  return Section("suppressions", "Suppression register",
                 "Findings the policy declares not personal data, and until when. Who accepted "
                 "each one is recorded in the policy file's version history at the line given.",
                 rows.empty() ? Empty("No suppressions.")
                              : Table("Suppressions in the policy",
                                      {{"Suppressed"},
                                       {"Reason"},
                                       {"Expires"},
                                       {"State"},
                                       {"Findings silenced", true},
                                       {"Policy line"}},
                                      rows));
}

std::string HtmlDriftSection(const ComplianceReport& r) {
  if (!r.drift) {
    return Section("drift", "Drift since the baseline", "Schema changes since the last report.",
                   Empty("No baseline given (pgveil report --baseline FILE)."));
  }
  std::string rows;
  for (const policy::DriftChange& c : *r.drift) {
    std::string detail = DriftDetailText(c);
    rows += fmt::format("<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td></tr>",
                        DriftKindText(c.kind), NameCode(DriftSubjectText(c)),
                        detail.empty() ? "" : Code(detail));
  }
  return Section("drift", "Drift since the baseline",
                 "Schema changes since " + HtmlEscape(r.baseline) + ".",
                 rows.empty() ? Empty("No drift.")
                              : Table("Changes since the baseline",
                                      {{"Change"}, {"Table or column"}, {"Detail"}}, rows));
}

std::string HtmlViolationSection(const ComplianceReport& r) {
  std::string rows;
  for (const Violation& v : r.violations) {
    rows += fmt::format(
        "<tr><th scope=\"row\">{}</th><td>{}{}</td><td>{}</td><td>{}</td></tr>",
        NameCode(SubjectOf(v)), HtmlBadge(SeverityName(v.severity), SeverityName(v.severity)),
        v.is_new ? " " + HtmlBadge("new", "new") : "", Code(v.rule), HtmlEscape(v.message));
  }
  return Section("violations", "Check violations",
                 "What pgveil check reports for this policy and database; this report does not "
                 "fail on them.",
                 rows.empty() ? Empty("None: the policy passes pgveil check.")
                              : Table("Violations of the policy",
                                      {{"Subject"}, {"Severity"}, {"Rule"}, {"Message"}}, rows));
}

}  // namespace pgveil::reports
