// reports/compliance_markdown.cc
//
// The compliance report as GitHub-flavoured Markdown, for pull requests and
// wikis: the same sections as the HTML page, as tables. Identifiers go into
// code spans (a "|" escaped, the fence one backtick longer than any run
// inside) and prose is backslash-escaped, so no column name can end a table
// row, open an HTML tag or start a link. Control characters show as U+FFFD.

#include <fmt/format.h>

#include <algorithm>

#include "reports/check_common.h"
#include "reports/compliance_report.h"
#include "reports/compliance_text.h"

namespace pgveil::reports {
namespace {


std::string Row(std::initializer_list<std::string> cells) {
  std::string out = "|";
  for (const std::string& cell : cells) out += " " + cell + " |";
  return out + "\n";
}

std::string Header(std::initializer_list<std::string> cells) {
  std::string out = Row(cells) + "|";
  for (size_t i = 0; i < cells.size(); ++i) out += " --- |";
  return out + "\n";
}

std::string Location(const ColumnRef& column, const std::optional<std::string>& path) {
  return MarkdownCode(LocationName(column, path));
}

std::string CountsCells(const CoverageCounts& c) {
  return fmt::format("{} | {} | {} | {} | {}", c.masked, c.kept, c.suppressed, c.uncovered,
                     PercentText(c.Percent()));
}

std::string Front(const ComplianceReport& r) {
  const ScanParameters& p = r.scan_parameters;
  std::string out = fmt::format("# PII compliance report: {}\n\n", MarkdownText(p.database));
  out += "> **" + VerdictTitle(r.privacy.verdict) + ".** " + MarkdownText(r.privacy.sentence) +
         "\n>\n";
  out += "> " + MarkdownText(HeadlineText(r)) + "\n\n";
  out += Header({"Report", ""});
  out += Row({"Generated", MarkdownText(r.generated_at)});
  out += Row({"Tool", "pgveil " + MarkdownText(r.tool_version)});
  out += Row({"Policy", fmt::format("{} ({} mode), sha256 {}", MarkdownCode(r.policy_file), MarkdownText(r.mode),
                                    MarkdownCode(r.policy_sha256))});
  out += Row({"Scan", fmt::format("{}% sample, seed {}, at most {} rows per table; {} rows sampled "
                                  "in {} ms; confidence bar {}",
                                  p.sample_percent, p.seed, p.max_rows_per_table, r.rows_sampled,
                                  r.duration_ms, ConfidenceText(r.low_confidence))});
  out += Row({"Baseline", r.drift ? MarkdownCode(r.baseline) : "none (run with --baseline for drift)"});
  if (r.branch) out += Row({"Branch", MarkdownText(BranchOriginText(r))});
  return out;
}

std::string Summary(const ComplianceReport& r) {
  const ComplianceSummary& s = r.summary;
  const CoverageCounts& c = s.coverage;
  std::string out = "\n## Summary\n\n" + Header({"Measure", "Value"});
  out += Row({"Tables scanned", std::to_string(s.tables_scanned)});
  out += Row({"Columns scanned", std::to_string(s.columns_scanned)});
  out += Row({"Tables with personal data", std::to_string(s.pii_tables)});
  out += Row({"Columns with personal data", std::to_string(s.pii_columns)});
  out += Row({"Categories of personal data", std::to_string(s.categories)});
  out += Row({"Policy coverage",
              fmt::format("{} ({} masked, {} kept, {} suppressed, {} uncovered)",
                          PercentText(c.Percent()), c.masked, c.kept, c.suppressed, c.uncovered)});
  out +=
      Row({"Check violations", CountOf(s.errors, "error") + ", " + CountOf(s.warnings, "warning")});
  out += Row({"HIPAA Safe Harbor",
              fmt::format("{} pass, {} fail, {} not found, {} not assessed", s.hipaa_pass,
                          s.hipaa_fail, s.hipaa_not_found, s.hipaa_not_assessed)});
  out += Row({"GDPR special-category locations", std::to_string(s.special_locations)});
  out += Row({"Possible PII for review", std::to_string(s.possible)});
  out += Row({"Expired suppressions", std::to_string(s.suppressions_expired)});
  out += Row({"Drift since the baseline",
              s.drift_changes ? CountOf(*s.drift_changes, "change") : "no baseline"});
  return out;
}

std::string Inventory(const ComplianceReport& r) {
  std::string out =
      "\n## Inventory\n\nEvery finding, by category. Evidence is redacted; "
      "*possible* marks findings below the confidence bar, listed for review and "
      "not counted elsewhere.\n\n";
  if (r.inventory.empty()) return out + "No personal data found.\n";
  out += Header({"Category", "Location", "Type", "Confidence", "Match", "Evidence", "Treatment"});
  for (const InventoryRow& row : r.inventory) {
    std::string category = MarkdownCode(IdOf(row.category));
    std::string_view article = GdprArticle(row.category);
    if (!article.empty()) category += " **" + std::string(article) + "**";
    if (row.possible) category += " *possible*";
    std::string evidence;
    for (const std::string& e : row.evidence) evidence += (evidence.empty() ? "" : " ") + MarkdownCode(e);
    out += Row({category, Location(row.column, row.path), MarkdownCode(row.data_type),
                ConfidenceText(row.confidence), RatioText(row.match_ratio), evidence,
                std::string(ProtectionName(row.treatment.protection)) + ": " +
                    MarkdownText(MethodText(row.treatment))});
  }
  return out;
}

std::string Coverage(const ComplianceReport& r) {
  std::string out =
      "\n## Policy coverage\n\nLocations are columns and JSONB paths with personal "
      "data. Coverage is masked / (masked + kept + uncovered); suppressed locations "
      "are declared not personal data.\n\n";
  if (r.coverage.empty()) return out + "No personal data found.\n";
  out += Header(
      {"Table", "Masked", "Kept", "Suppressed", "Uncovered", "Coverage", "Columns with a rule"});
  for (const TableCoverage& t : r.coverage) {
    out += fmt::format("| {}{} | {} | {} of {} |\n", MarkdownCode(TableName(t.schema, t.table)),
                       t.skipped ? " (skipped)" : "", CountsCells(t.pii), t.columns_with_rule,
                       t.columns);
  }
  out += fmt::format("| **Overall** | {} | |\n", CountsCells(r.summary.coverage));
  return out;
}

std::string Hipaa(const ComplianceReport& r) {
  std::string out =
      "\n## HIPAA Safe Harbor\n\nThe 18 identifiers of 45 CFR 164.514(b)(2)(i). An identifier "
      "passes when every location is masked or suppressed; dates and ZIP codes only when "
      "generalised, coordinates only when removed.\n\n";
  out += Header({"", "Identifier", "Status", "Where found and how masked", "Notes"});
  for (const HipaaRow& row : r.hipaa) {
    std::string where;
    std::string notes = MarkdownText(row.note);
    for (const HipaaLocation& l : row.locations) {
      where += (where.empty() ? "" : "; ") + Location(l.column, l.path) + " " +
               std::string(ProtectionName(l.treatment.protection)) + ": " +
               MarkdownText(MethodText(l.treatment));
      if (!l.passes) {
        notes += (notes.empty() ? "" : " ") + Location(l.column, l.path) + ": " + MarkdownText(l.reason);
      }
    }
    std::string status(HipaaStatusName(row.status));
    if (row.status == HipaaStatus::kPass || row.status == HipaaStatus::kFail) {
      status = fmt::format("**{}**", status);
    }
    out += Row({std::string(1, row.letter), MarkdownText(row.identifier), status,
                where.empty() ? "—" : where, notes});
  }
  return out;
}

std::string Privacy(const ComplianceReport& r) {
  const PrivacyVerdict& p = r.privacy;
  std::string out = "\n## Anonymous or pseudonymous?\n\n";
  out += "**" + VerdictTitle(p.verdict) + ".** " + MarkdownText(p.sentence) + "\n\n";
  if (p.unmeasured_quasi) {
    out +=
        "Some re-identification risk is not measured: `pgveil report --target DSN` measures "
        "k-anonymity on the masked copy.\n\n";
  }
  if (!p.tables.empty()) {
    out += Header({"Table", "Verdict", "Why", "Quasi-identifiers",
                   "k-anonymity (bar " + std::to_string(p.k_bar) + ")"});
    for (const TableVerdict& t : p.tables) {
      std::string quasi;
      for (const std::string& q : t.quasi_identifiers) {
        quasi += (quasi.empty() ? "" : " ") + MarkdownCode(q);
      }
      out += Row({MarkdownCode(TableName(t.schema, t.table)),
                  "**" + std::string(policy::IdentifiabilityName(t.verdict)) + "**",
                  MarkdownText(t.reason), quasi.empty() ? "—" : quasi,
                  t.anonymity ? MarkdownText(AnonymityFiguresText(*t.anonymity)) : "—"});
    }
  }
  if (!p.locations.empty()) {
    out += "\n" + Header({"Location", "Verdict", "Why", "Policy line"});
    for (const LocationVerdict& l : p.locations) {
      out += Row({Location(l.column, l.path), std::string(policy::IdentifiabilityName(l.verdict)),
                  MarkdownText(l.reason), l.policy_line > 0 ? std::to_string(l.policy_line) : "—"});
    }
  }
  return out;
}

std::string Gdpr(const ComplianceReport& r) {
  std::string out = "\n## GDPR: which regime applies\n\n";
  out += "**The masked copy " + std::string(VerdictPhrase(r.privacy.verdict)) + ".** " +
         MarkdownText(r.privacy.gdpr_consequence) + "\n";
  out += "\n## GDPR Art. 30(1)(c): categories of personal data\n\n";
  if (r.gdpr.categories.empty()) {
    out += "No personal data found.\n";
  } else {
    out += Header({"Category", "Special", "Locations", "Exposed", "Tables", "Masked by"});
    for (const GdprCategory& c : r.gdpr.categories) {
      std::string tables;
      for (const std::string& t : c.tables) tables += (tables.empty() ? "" : " ") + MarkdownCode(t);
      std::string methods;
      for (const std::string& m : c.methods) methods += (methods.empty() ? "" : ", ") + MarkdownText(m);
      out += Row({MarkdownText(c.label) + " (" + MarkdownCode(IdOf(c.category)) + ")",
                  c.article.empty() ? "" : "**" + c.article + "**", std::to_string(c.locations),
                  std::to_string(c.exposed), tables, methods});
    }
  }
  out += "\n## GDPR Art. 30(1)(g): technical measures\n\n";
  out += "Masking is keyed and deterministic; the key comes from the " + MarkdownText(r.gdpr.key_source) +
         ", never from the policy.\n\n";
  if (!r.gdpr.measures.empty()) {
    out += Header({"Measure", "What it does", "Keyed", "Uniqueness", "Locations"});
    for (const TechnicalMeasure& m : r.gdpr.measures) {
      out += Row({MarkdownCode(m.method), MarkdownText(m.summary), m.keyed ? "yes" : "no",
                  MarkdownText(m.uniqueness.empty() ? "—" : m.uniqueness), std::to_string(m.locations)});
    }
  }
  out += "\n### To be completed by the controller\n\nA database cannot evidence these:\n\n";
  for (const Placeholder& p : Art30Placeholders()) {
    out += fmt::format("- Art. 30(1){}: {} *To be completed.*\n", p.item, MarkdownText(p.text));
  }
  for (const Placeholder& p : OrganisationalPlaceholders()) {
    out += fmt::format("- Art. 30(1)(g), {}: {} *To be completed.*\n", MarkdownText(p.item), MarkdownText(p.text));
  }
  return out;
}

std::string Special(const ComplianceReport& r) {
  std::string out = "\n## GDPR Art. 9 and Art. 10: special categories\n\n";
  std::string rows;
  for (const InventoryRow& row : r.inventory) {
    if (row.possible || GdprArticle(row.category).empty()) continue;
    rows += Row({"**high**", MarkdownCode(IdOf(row.category)), std::string(GdprArticle(row.category)),
                 Location(row.column, row.path),
                 std::string(ProtectionName(row.treatment.protection)) + ": " +
                     MarkdownText(MethodText(row.treatment))});
  }
  if (rows.empty()) return out + "None found.\n";
  return out + Header({"Severity", "Category", "Article", "Location", "Treatment"}) + rows;
}

std::string Suppressions(const ComplianceReport& r) {
  std::string out =
      "\n## Suppression register\n\nFindings the policy declares not personal "
      "data. Who accepted each one is recorded in the policy file's version "
      "history (the line given here).\n\n";
  if (r.suppressions.empty()) return out + "No suppressions.\n";
  out += Header({"Suppressed", "Reason", "Expires", "State", "Findings silenced", "Policy line"});
  for (const SuppressionEntry& e : r.suppressions) {
    std::string state(SuppressionStateName(e.state));
    if (e.state != SuppressionState::kActive) state = fmt::format("**{}**", state);
    out += Row({MarkdownCode(SuppressionSubjectText(e)), MarkdownText(e.reason), e.expires.value_or("never"), state,
                std::to_string(e.matched),
                e.policy_line > 0 ? MarkdownCode(fmt::format("{}:{}", r.policy_file, e.policy_line)) : ""});
  }
  return out;
}

std::string Drift(const ComplianceReport& r) {
  std::string out = "\n## Drift since the baseline\n\n";
  if (!r.drift) return out + "No baseline given (`pgveil report --baseline FILE`).\n";
  out += "Against " + MarkdownCode(r.baseline) + ".\n\n";
  if (r.drift->empty()) return out + "No drift.\n";
  out += Header({"Change", "Table or column", "Detail"});
  for (const policy::DriftChange& c : *r.drift) {
    std::string detail = DriftDetailText(c);
    out += Row({std::string(DriftKindText(c.kind)), MarkdownCode(DriftSubjectText(c)),
                detail.empty() ? "" : MarkdownCode(detail)});
  }
  return out;
}

std::string Violations(const ComplianceReport& r) {
  std::string out = "\n## Check violations\n\n";
  if (r.violations.empty()) return out + "None: the policy passes `pgveil check`.\n";
  out += Header({"Severity", "Rule", "Subject", "Message"});
  for (const Violation& v : r.violations) {
    out += Row({std::string(SeverityName(v.severity)) + (v.is_new ? " (new)" : ""), MarkdownCode(v.rule),
                MarkdownCode(SubjectOf(v)), MarkdownText(v.message)});
  }
  return out;
}

std::string Skipped(const ComplianceReport& r) {
  if (r.skipped.empty()) return "";
  std::string out = "\n## Tables not scanned\n\n" + Header({"Table", "Reason"});
  for (const SkippedTable& s : r.skipped) {
    out += Row({MarkdownCode(TableName(s.schema, s.table)), MarkdownText(s.reason)});
  }
  return out;
}

}  // namespace

std::string ComplianceMarkdown(const ComplianceReport& report) {
  return Front(report) + Summary(report) + Privacy(report) + Inventory(report) + Coverage(report) +
         Hipaa(report) + Gdpr(report) + Special(report) + Suppressions(report) + Drift(report) +
         Violations(report) + Skipped(report);
}

}  // namespace pgveil::reports
