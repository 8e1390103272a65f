// reports/compliance_json.cc
//
// The compliance report for other tools. The schema, field by field, is in
// reports/DESIGN.md ("`pgveil report --format json`"). As in the check's
// document, every field is always present, an unknown value is null, and
// key order is fixed, so the bytes depend on the report alone.

#include <cmath>

#include <nlohmann/json.hpp>

#include "reports/compliance_report.h"
#include "reports/compliance_text.h"

namespace pgveil::reports {
namespace {

using nlohmann::ordered_json;

template <typename T>
ordered_json OrNull(const std::optional<T>& value) {
  return value ? ordered_json(*value) : ordered_json(nullptr);
}

ordered_json StringOrNull(const std::string& text) {
  return text.empty() ? ordered_json(nullptr) : ordered_json(text);
}

ordered_json LineOrNull(int line) { return line > 0 ? ordered_json(line) : ordered_json(nullptr); }

// Percent with one decimal, rounded down like the other formats.
double Percent(const CoverageCounts& counts) { return std::floor(counts.Percent() * 10.0) / 10.0; }

ordered_json CountsJson(const CoverageCounts& c) {
  return {{"masked", c.masked},       {"kept", c.kept},     {"suppressed", c.suppressed},
          {"uncovered", c.uncovered}, {"total", c.Total()}, {"percent", Percent(c)}};
}

void PutWhere(ordered_json& out, const ColumnRef& column, const std::optional<std::string>& path) {
  out["schema"] = column.schema;
  out["table"] = column.table;
  out["column"] = column.column;
  out["path"] = OrNull(path);
}

ordered_json TreatmentJson(ordered_json out, const Treatment& t) {
  out["protection"] = ProtectionName(t.protection);
  out["method"] = StringOrNull(t.method);
  out["rule_path"] = StringOrNull(t.rule_path);
  out["uniqueness"] = StringOrNull(t.uniqueness);
  out["generalises"] = t.generalises;
  out["privacy"] = t.privacy == masking::PrivacyClass::kUndeclared
                       ? ordered_json(nullptr)
                       : ordered_json(masking::PrivacyClassName(t.privacy));
  out["policy_line"] = LineOrNull(t.policy_line);
  return out;
}

ordered_json InventoryJson(const InventoryRow& row) {
  ordered_json out;
  PutWhere(out, row.column, row.path);
  out["data_type"] = row.data_type;
  out["category"] = IdOf(row.category);
  char letter = InfoOf(row.category).hipaa_identifier;
  out["hipaa"] = letter == 0 ? ordered_json(nullptr) : ordered_json(std::string(1, letter));
  out["gdpr_special"] = StringOrNull(std::string(GdprArticle(row.category)));
  out["severity"] = InfoOf(row.category).gdpr_special ? "high" : "normal";
  out["confidence"] = row.confidence;
  out["match_ratio"] = row.match_ratio;
  out["values_sampled"] = row.values_sampled;
  out["evidence"] = row.evidence;
  out["possible"] = row.possible;
  return TreatmentJson(std::move(out), row.treatment);
}

ordered_json CoverageJson(const ComplianceReport& report) {
  ordered_json tables = ordered_json::array();
  for (const TableCoverage& t : report.coverage) {
    ordered_json entry = {{"schema", t.schema},
                          {"table", t.table},
                          {"columns", t.columns},
                          {"columns_with_rule", t.columns_with_rule},
                          {"skipped", t.skipped}};
    entry.update(CountsJson(t.pii));
    tables.push_back(std::move(entry));
  }
  return {{"overall", CountsJson(report.summary.coverage)}, {"tables", std::move(tables)}};
}

ordered_json HipaaJson(const HipaaRow& row) {
  ordered_json categories = ordered_json::array();
  for (Category c : row.categories) categories.push_back(IdOf(c));
  ordered_json locations = ordered_json::array();
  for (const HipaaLocation& l : row.locations) {
    ordered_json entry;
    PutWhere(entry, l.column, l.path);
    entry["category"] = IdOf(l.category);
    entry = TreatmentJson(std::move(entry), l.treatment);
    entry["passes"] = l.passes;
    entry["reason"] = l.reason;
    locations.push_back(std::move(entry));
  }
  return {{"letter", std::string(1, row.letter)}, {"identifier", row.identifier},
          {"categories", std::move(categories)},  {"status", HipaaStatusName(row.status)},
          {"note", StringOrNull(row.note)},       {"locations", std::move(locations)}};
}

ordered_json PlaceholdersJson(std::span<const Placeholder> placeholders) {
  ordered_json out = ordered_json::array();
  for (const Placeholder& p : placeholders) out.push_back({{"item", p.item}, {"text", p.text}});
  return out;
}

ordered_json AnonymityJson(const std::optional<TableAnonymity>& a) {
  if (!a) return nullptr;
  ordered_json sensitive = ordered_json::array();
  for (const SensitiveDiversity& d : a->sensitive) {
    sensitive.push_back({{"column", d.column}, {"l", d.l}});
  }
  return {{"quasi_identifiers", a->quasi_identifiers},
          {"bar", a->bar},
          {"measured", a->Measured()},
          {"not_measured", StringOrNull(a->not_measured)},
          {"rows", a->rows},
          {"classes", a->classes},
          {"k", a->k},
          {"rows_below_bar", a->rows_below_bar},
          {"sample_percent", OrNull(a->sample_percent)},
          {"sensitive", std::move(sensitive)}};
}

ordered_json PrivacyJson(const PrivacyVerdict& privacy) {
  ordered_json locations = ordered_json::array();
  for (const LocationVerdict& l : privacy.locations) {
    ordered_json entry;
    PutWhere(entry, l.column, l.path);
    entry["verdict"] = policy::IdentifiabilityName(l.verdict);
    entry["method"] = StringOrNull(l.method);
    entry["reason"] = l.reason;
    entry["quasi_identifier"] =
        l.quasi_kind ? ordered_json(QuasiKindId(*l.quasi_kind)) : ordered_json(nullptr);
    entry["policy_line"] = LineOrNull(l.policy_line);
    locations.push_back(std::move(entry));
  }
  ordered_json tables = ordered_json::array();
  for (const TableVerdict& t : privacy.tables) {
    tables.push_back({{"schema", t.schema},
                      {"table", t.table},
                      {"verdict", policy::IdentifiabilityName(t.verdict)},
                      {"reason", t.reason},
                      {"quasi_identifiers", t.quasi_identifiers},
                      {"k_anonymity", AnonymityJson(t.anonymity)}});
  }
  return {{"verdict", policy::IdentifiabilityName(privacy.verdict)},
          {"sentence", privacy.sentence},
          {"gdpr_consequence", privacy.gdpr_consequence},
          {"measured", privacy.measured},
          {"k_anonymity_bar", privacy.k_bar},
          {"locations", std::move(locations)},
          {"tables", std::move(tables)}};
}

ordered_json GdprJson(const GdprSection& gdpr, const PrivacyVerdict& privacy) {
  ordered_json categories = ordered_json::array();
  for (const GdprCategory& c : gdpr.categories) {
    categories.push_back({{"category", IdOf(c.category)},
                          {"label", c.label},
                          {"article", StringOrNull(c.article)},
                          {"locations", c.locations},
                          {"exposed", c.exposed},
                          {"tables", c.tables},
                          {"methods", c.methods}});
  }
  ordered_json measures = ordered_json::array();
  for (const TechnicalMeasure& m : gdpr.measures) {
    measures.push_back({{"method", m.method},
                        {"summary", m.summary},
                        {"keyed", m.keyed},
                        {"uniqueness", StringOrNull(m.uniqueness)},
                        {"locations", m.locations}});
  }
  return {{"regime",
           {{"verdict", policy::IdentifiabilityName(privacy.verdict)},
            {"consequence", privacy.gdpr_consequence}}},
          {"categories_of_personal_data", std::move(categories)},
          {"technical_measures", {{"key_source", gdpr.key_source}, {"measures", measures}}},
          {"to_complete", PlaceholdersJson(Art30Placeholders())},
          {"organisational_measures_to_complete", PlaceholdersJson(OrganisationalPlaceholders())}};
}

ordered_json SuppressionJson(const SuppressionEntry& e) {
  ordered_json out;
  PutWhere(out, e.column, e.path);
  out["category"] = e.category ? ordered_json(IdOf(*e.category)) : ordered_json(nullptr);
  out["reason"] = e.reason;
  out["expires"] = OrNull(e.expires);
  out["state"] = SuppressionStateName(e.state);
  out["matched"] = e.matched;
  out["policy_line"] = LineOrNull(e.policy_line);
  return out;
}

ordered_json DriftJson(const std::optional<std::vector<policy::DriftChange>>& drift) {
  if (!drift) return nullptr;
  ordered_json out = ordered_json::array();
  for (const policy::DriftChange& c : *drift) {
    out.push_back(
        {{"kind", policy::DriftKindName(c.kind)},
         {"schema", c.schema},
         {"table", c.table},
         {"column", StringOrNull(c.column)},
         {"old", StringOrNull(c.old_value)},
         {"new", StringOrNull(c.new_value)},
         {"path", OrNull(c.path)},
         {"category", c.category ? ordered_json(IdOf(*c.category)) : ordered_json(nullptr)}});
  }
  return out;
}

ordered_json ViolationJson(const Violation& v) {
  return {{"rule", v.rule},
          {"severity", v.severity == Severity::kError ? "error" : "warning"},
          {"schema", StringOrNull(v.column.schema)},
          {"table", StringOrNull(v.column.table)},
          {"column", StringOrNull(v.column.column)},
          {"path", OrNull(v.path)},
          {"category", v.category ? ordered_json(IdOf(*v.category)) : ordered_json(nullptr)},
          {"message", v.message},
          {"new", v.is_new},
          {"fingerprint", v.fingerprint}};
}

ordered_json SummaryJson(const ComplianceReport& report) {
  const ComplianceSummary& s = report.summary;
  return {{"headline", HeadlineText(report)},
          {"privacy_verdict", policy::IdentifiabilityName(report.privacy.verdict)},
          {"privacy_sentence", report.privacy.sentence},
          {"tables_scanned", s.tables_scanned},
          {"columns_scanned", s.columns_scanned},
          {"pii_tables", s.pii_tables},
          {"pii_columns", s.pii_columns},
          {"pii_locations", s.pii_locations},
          {"categories", s.categories},
          {"special_locations", s.special_locations},
          {"possible", s.possible},
          {"coverage", CountsJson(s.coverage)},
          {"violations", {{"errors", s.errors}, {"warnings", s.warnings}}},
          {"hipaa",
           {{"pass", s.hipaa_pass},
            {"fail", s.hipaa_fail},
            {"not_found", s.hipaa_not_found},
            {"not_assessed", s.hipaa_not_assessed}}},
          {"suppressions_expired", s.suppressions_expired},
          {"drift_changes", OrNull(s.drift_changes)}};
}

}  // namespace

std::string ComplianceJson(const ComplianceReport& report) {
  ordered_json doc;
  doc["tool"] = {{"name", "pgveil"}, {"version", report.tool_version}};
  doc["report"] = {
      {"generated_at", report.generated_at},
      {"policy",
       {{"file", report.policy_file}, {"sha256", report.policy_sha256}, {"mode", report.mode}}},
      {"baseline", report.drift ? ordered_json(report.baseline) : ordered_json()}};
  if (report.branch) {
    const BranchOrigin& b = *report.branch;
    doc["report"]["branch"] = {{"replica", b.replica},         {"lsn", b.lsn},
                               {"policy_sha256", b.policy_sha256}, {"policy_mode", b.policy_mode},
                               {"created_at", b.created_at},   {"creator", b.creator}};
  }
  ordered_json skipped = ordered_json::array();
  for (const SkippedTable& s : report.skipped) {
    skipped.push_back({{"schema", s.schema}, {"table", s.table}, {"reason", s.reason}});
  }
  const ScanParameters& p = report.scan_parameters;
  doc["scan"] = {{"database", p.database},
                 {"sample_percent", p.sample_percent},
                 {"seed", p.seed},
                 {"max_rows_per_table", p.max_rows_per_table},
                 {"rows_sampled", report.rows_sampled},
                 {"duration_ms", report.duration_ms},
                 {"confidence_bar", report.low_confidence},
                 {"skipped", std::move(skipped)}};
  doc["summary"] = SummaryJson(report);
  ordered_json inventory = ordered_json::array();
  for (const InventoryRow& row : report.inventory) inventory.push_back(InventoryJson(row));
  doc["inventory"] = std::move(inventory);
  doc["coverage"] = CoverageJson(report);
  ordered_json hipaa = ordered_json::array();
  for (const HipaaRow& row : report.hipaa) hipaa.push_back(HipaaJson(row));
  doc["hipaa_safe_harbor"] = std::move(hipaa);
  doc["gdpr_art30"] = GdprJson(report.gdpr, report.privacy);
  doc["privacy"] = PrivacyJson(report.privacy);
  ordered_json suppressions = ordered_json::array();
  for (const SuppressionEntry& e : report.suppressions) suppressions.push_back(SuppressionJson(e));
  doc["suppressions"] = std::move(suppressions);
  doc["drift"] = DriftJson(report.drift);
  ordered_json violations = ordered_json::array();
  for (const Violation& v : report.violations) violations.push_back(ViolationJson(v));
  doc["violations"] = std::move(violations);
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pgveil::reports
