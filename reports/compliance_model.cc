// reports/compliance_model.cc
//
// Builds the compliance report: how the policy treats every finding (the
// same reading of rules, JSON path rules and suppressions as the check in
// policy/check.cc), coverage per location and table, the suppression
// register and the one-minute summary. The HIPAA matrix and the GDPR
// sections are built in their own files from the inventory made here.

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "core/version.h"
#include "masking/registry.h"
#include "policy/path_match.h"
#include "reports/compliance_model.h"

namespace pgveil::reports {
namespace {

using policy::ColumnRule;
using policy::PathRule;
using policy::Suppression;

// Whether the transformer removes or generalises values rather than
// replacing them one for one (see Treatment::generalises).
bool Generalises(const std::string& method, const masking::ParamMap& params) {
  if (method == "skip" || method == "delete" || method == "set" || method == "null" ||
      method == "constant" || method == "age_cap" || method == "postal_generalize") {
    return true;
  }
  if (method == "date_generalize") {
    auto to = params.find("to");
    return to == params.end() || to->second == "year";
  }
  return false;
}

Treatment Masked(std::string method, const masking::ParamMap& params, int line) {
  Treatment t;
  t.protection = Protection::kMasked;
  t.generalises = Generalises(method, params);
  t.policy_line = line;
  Result<masking::OutputTraits> traits = masking::DescribeTransformer(method, params);
  if (traits.ok()) t.uniqueness = std::string(masking::UniquenessName(traits->uniqueness));
  if (method == "skip" || method == "delete" || method == "set") {
    t.privacy = masking::PrivacyClass::kIrreversible;
  } else {
    Result<masking::PrivacyClass> privacy = masking::DescribePrivacy(method, params);
    t.privacy = privacy.ok() ? *privacy : masking::PrivacyClass::kUndeclared;
  }
  t.method = std::move(method);
  return t;
}

// The treatment the rules give `finding`, before suppressions.
Treatment RuleTreatment(const policy::Policy& policy, const Finding& finding) {
  Treatment t;
  const policy::TableRule* table = policy.FindTable(finding.column.schema, finding.column.table);
  if (table != nullptr && table->skip) return Masked("skip", {}, table->location.line);
  const ColumnRule* rule = policy.FindColumn(finding.column);
  if (rule == nullptr) return t;
  t.policy_line = rule->location.line;
  if (rule->kind == ColumnRule::Kind::kKeep) {
    t.protection = Protection::kKept;
    t.method = "keep";
    t.privacy = masking::PrivacyClass::kKept;
    return t;
  }
  if (!finding.path || rule->transformer != "json") {
    return Masked(rule->transformer, rule->RegistryParams(), rule->location.line);
  }
  const PathRule* path_rule = policy::FindPathRule(rule->paths, *finding.path);
  if (path_rule == nullptr) return t;  // the json transformer leaves the path as it is
  switch (path_rule->action) {
    case PathRule::Action::kDelete:
      t = Masked("delete", {}, path_rule->location.line);
      break;
    case PathRule::Action::kSet:
      t = Masked("set", {}, path_rule->location.line);
      break;
    case PathRule::Action::kTransform:
      if (path_rule->IsKeep()) {
        t.protection = Protection::kKept;
        t.method = "keep";
        t.privacy = masking::PrivacyClass::kKept;
        t.policy_line = path_rule->location.line;
      } else {
        t = Masked(path_rule->transformer, path_rule->params, path_rule->location.line);
      }
      break;
  }
  t.rule_path = path_rule->path;
  return t;
}

bool SuppressionMatches(const Suppression& s, const Finding& finding) {
  if (s.column != finding.column) return false;
  if (s.category && *s.category != finding.category) return false;
  if (!s.path) return true;
  if (!finding.path) return false;
  std::vector<PathRule> as_rule(1);
  as_rule[0].path = *s.path;
  return policy::FindPathRule(as_rule, *finding.path) != nullptr;
}

bool Expired(const Suppression& s, const policy::CalendarDate& today) {
  return s.expires && today > *s.expires;
}

// Worse treatments rank higher; a location shows its worst.
int Badness(Protection p) {
  switch (p) {
    case Protection::kMasked:
      return 0;
    case Protection::kSuppressed:
      return 1;
    case Protection::kKept:
      return 2;
    case Protection::kUncovered:
      return 3;
  }
  return 3;
}

using Location = std::pair<ColumnRef, std::optional<std::string>>;

std::vector<InventoryRow> Inventory(const ComplianceInput& input) {
  std::map<ColumnRef, std::string> types;
  for (const ColumnSummary& c : input.scan.columns) types[c.column] = c.data_type;
  std::vector<InventoryRow> rows;
  for (const Finding& f : input.scan.findings) {
    InventoryRow row;
    row.column = f.column;
    row.path = f.path;
    row.data_type = types[f.column];
    row.category = f.category;
    row.confidence = f.confidence;
    row.match_ratio = f.match_ratio;
    row.values_sampled = f.values_sampled;
    row.evidence = f.evidence;
    row.possible = f.confidence < input.low_confidence;
    row.treatment = TreatmentOf(input.policy, f, input.today);
    rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const InventoryRow& a, const InventoryRow& b) {
    return std::tie(a.category, a.column, a.path) < std::tie(b.category, b.column, b.path);
  });
  return rows;
}

std::vector<TableCoverage> Coverage(const ComplianceInput& input,
                                    const std::vector<InventoryRow>& inventory) {
  std::map<Location, Protection> worst;
  for (const InventoryRow& row : inventory) {
    if (row.possible) continue;
    auto [it, inserted] = worst.try_emplace({row.column, row.path}, row.treatment.protection);
    if (!inserted && Badness(row.treatment.protection) > Badness(it->second)) {
      it->second = row.treatment.protection;
    }
  }
  std::map<std::pair<std::string, std::string>, TableCoverage> tables;
  for (const auto& [location, protection] : worst) {
    TableCoverage& t = tables[{location.first.schema, location.first.table}];
    t.pii.Add(protection);
  }
  for (const TableInfo& info : input.catalog.tables) {
    auto it = tables.find({info.schema, info.name});
    if (it == tables.end()) continue;
    const policy::TableRule* rule = input.policy.FindTable(info.schema, info.name);
    it->second.skipped = rule != nullptr && rule->skip;
    it->second.columns = static_cast<int>(info.columns.size());
    for (const ColumnInfo& column : info.columns) {
      bool named = rule != nullptr && (rule->skip || rule->columns.count(column.name) > 0);
      it->second.columns_with_rule += named ? 1 : 0;
    }
  }
  std::vector<TableCoverage> out;
  for (auto& [name, coverage] : tables) {
    coverage.schema = name.first;
    coverage.table = name.second;
    out.push_back(std::move(coverage));
  }
  return out;
}

std::vector<SuppressionEntry> Register(const ComplianceInput& input) {
  std::vector<SuppressionEntry> entries;
  for (const Suppression& s : input.policy.suppressions) {
    SuppressionEntry entry;
    entry.column = s.column;
    entry.path = s.path;
    entry.category = s.category;
    entry.reason = s.reason;
    if (s.expires) entry.expires = s.expires->ToString();
    entry.policy_line = s.location.line;
    for (const Finding& f : input.scan.findings) {
      if (!SuppressionMatches(s, f)) continue;
      if (RuleTreatment(input.policy, f).protection != Protection::kMasked) ++entry.matched;
    }
    entry.state = Expired(s, input.today) ? SuppressionState::kExpired
                  : entry.matched == 0    ? SuppressionState::kUnused
                                          : SuppressionState::kActive;
    entries.push_back(std::move(entry));
  }
  return entries;
}

ComplianceSummary Summarise(const ComplianceReport& report, const ComplianceInput& input) {
  ComplianceSummary s;
  s.tables_scanned = input.scan.tables;
  s.columns_scanned = input.scan.columns_scanned;
  std::set<ColumnRef> columns;
  std::set<Location> special;
  std::set<Category> categories;
  for (const InventoryRow& row : report.inventory) {
    if (row.possible) {
      ++s.possible;
      continue;
    }
    columns.insert(row.column);
    categories.insert(row.category);
    if (InfoOf(row.category).gdpr_special) special.insert({row.column, row.path});
  }
  s.pii_columns = static_cast<int>(columns.size());
  s.categories = static_cast<int>(categories.size());
  s.special_locations = static_cast<int>(special.size());
  s.pii_tables = static_cast<int>(report.coverage.size());
  for (const TableCoverage& t : report.coverage) {
    s.coverage.masked += t.pii.masked;
    s.coverage.kept += t.pii.kept;
    s.coverage.suppressed += t.pii.suppressed;
    s.coverage.uncovered += t.pii.uncovered;
  }
  s.pii_locations = s.coverage.Total();
  s.errors = input.check.Errors();
  s.warnings = input.check.Warnings();
  for (const HipaaRow& row : report.hipaa) {
    s.hipaa_pass += row.status == HipaaStatus::kPass;
    s.hipaa_fail += row.status == HipaaStatus::kFail;
    s.hipaa_not_found += row.status == HipaaStatus::kNotFound;
    s.hipaa_not_assessed += row.status == HipaaStatus::kNotAssessed;
  }
  for (const SuppressionEntry& e : report.suppressions) {
    s.suppressions_expired += e.state == SuppressionState::kExpired;
  }
  if (report.drift) s.drift_changes = static_cast<int>(report.drift->size());
  return s;
}

}  // namespace

double CoverageCounts::Percent() const {
  int relevant = masked + kept + uncovered;
  return relevant == 0 ? 100.0 : 100.0 * masked / relevant;
}

void CoverageCounts::Add(Protection protection) {
  switch (protection) {
    case Protection::kMasked:
      ++masked;
      break;
    case Protection::kKept:
      ++kept;
      break;
    case Protection::kSuppressed:
      ++suppressed;
      break;
    case Protection::kUncovered:
      ++uncovered;
      break;
  }
}

Treatment TreatmentOf(const policy::Policy& policy, const Finding& finding,
                      const policy::CalendarDate& today) {
  Treatment t = RuleTreatment(policy, finding);
  if (t.protection == Protection::kMasked) return t;
  for (const Suppression& s : policy.suppressions) {
    if (Expired(s, today) || !SuppressionMatches(s, finding)) continue;
    t.protection = Protection::kSuppressed;
    t.policy_line = s.location.line;
    break;
  }
  return t;
}

ComplianceReport BuildComplianceReport(const ComplianceInput& input) {
  ComplianceReport report;
  report.tool_version = std::string(kVersion);
  report.generated_at = input.generated_at;
  report.policy_file = input.policy.file;
  report.policy_sha256 = input.policy_sha256;
  report.branch = input.branch;
  report.mode = input.check.mode.empty() ? std::string(policy::ModeName(input.policy.mode))
                                         : input.check.mode;
  report.scan_parameters = input.scan.parameters;
  report.rows_sampled = input.scan.rows_sampled;
  report.duration_ms = input.scan.duration_ms;
  report.low_confidence = input.low_confidence;
  report.inventory = Inventory(input);
  report.coverage = Coverage(input, report.inventory);
  report.hipaa = BuildHipaaMatrix(report.inventory);
  report.gdpr = BuildGdprSection(report.inventory, input.policy);
  report.suppressions = Register(input);
  report.drift = input.drift;
  report.baseline = input.baseline;
  report.violations = input.check.violations;
  report.skipped = input.scan.skipped;
  report.summary = Summarise(report, input);
  report.privacy = BuildPrivacyVerdict(report.inventory, input);
  return report;
}

}  // namespace pgveil::reports
