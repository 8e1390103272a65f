#include "policy/check.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

#include "masking/registry.h"
#include "policy/anonymity.h"
#include "policy/fingerprint.h"
#include "policy/path_match.h"

namespace pgveil::policy {
namespace {

std::string Key(const ColumnRef& column) {
  return column.schema + '\x1f' + column.table + '\x1f' + column.column;
}

std::string PathKey(const ColumnRef& column, const std::string& path) {
  return Key(column) + '\x1f' + path;
}

std::string Confidence(double confidence) { return fmt::format("{:.2f}", confidence); }

class Checker {
 public:
  Checker(const Policy& policy, const Catalog& catalog, const std::vector<Finding>& findings,
          const CalendarDate& today, const CheckOptions& options)
      : policy_(policy),
        catalog_(catalog),
        all_findings_(findings),
        today_(today),
        options_(options),
        mode_(options.mode.value_or(policy.mode)),
        used_(policy.suppressions.size(), false) {
    for (const Finding& finding : findings) {
      findings_[Key(finding.column)].push_back(&finding);
    }
    for (size_t i = 0; i < policy.suppressions.size(); ++i) {
      suppressions_[Key(policy.suppressions[i].column)].push_back(i);
    }
    if (options.baseline != nullptr) {
      for (const TableInfo& table : options.baseline->catalog.tables) {
        for (const ColumnInfo& column : table.columns) {
          baseline_columns_.insert(Key({table.schema, table.name, column.name}));
        }
      }
      for (const PiiLocation& pii : options.baseline->pii) {
        if (pii.path) {
          baseline_paths_.insert(PathKey(pii.column, *pii.path));
        }
      }
    }
  }

  CheckResult Run() {
    CheckResult result;
    result.policy_file = policy_.file;
    result.mode = std::string(ModeName(mode_));
    for (const TableInfo& table : catalog_.tables) {
      existing_tables_.insert(Key({table.schema, table.name, ""}));
      const TableRule* rule = policy_.FindTable(table.schema, table.name);
      if (rule != nullptr && !rule->skip) {
        CheckStaleColumns(table, *rule);
      }
      if (!IsGated(table.kind) || (rule != nullptr && rule->skip)) {
        continue;
      }
      ++result.tables;
      for (const ColumnInfo& column : table.columns) {
        ++result.columns;
        CheckColumn(table, column, rule);
      }
    }
    CheckStaleTables();
    CheckSuppressions();
    static const std::vector<QuasiIdentifier> kNoQuasi;
    static const std::vector<TableAnonymity> kNotMeasured;
    for (Violation& violation : CheckAnonymity(
             policy_, all_findings_,
             options_.quasi_identifiers ? *options_.quasi_identifiers : kNoQuasi,
             options_.anonymity ? *options_.anonymity : kNotMeasured, options_.low_confidence)) {
      violations_.push_back(std::move(violation));
    }
    for (Violation& violation : violations_) {
      violation.fingerprint = ViolationFingerprint(violation.rule, violation.column, violation.path,
                                                   violation.category);
    }
    std::sort(violations_.begin(), violations_.end(), [](const Violation& a, const Violation& b) {
      return std::tie(a.column, a.path, a.rule, a.category, a.message) <
             std::tie(b.column, b.path, b.rule, b.category, b.message);
    });
    result.violations = std::move(violations_);
    return result;
  }

 private:
  bool IsNewColumn(const ColumnRef& column) const {
    return options_.baseline != nullptr && !baseline_columns_.count(Key(column));
  }

  // The migration line of the column (or path), else the policy line of the
  // column's rule, of the table's rules, or of `tables:`.
  SourceLocation Anchor(const ColumnRef& column, const std::optional<std::string>& path,
                        const TableRule* table_rule, const ColumnRule* rule) const {
    if (options_.anchors != nullptr) {
      std::optional<SourceLocation> anchor =
          path ? options_.anchors->ForPath(column, *path) : options_.anchors->ForColumn(column);
      if (anchor) {
        return *anchor;
      }
    }
    if (rule != nullptr) {
      return rule->location;
    }
    if (table_rule != nullptr) {
      return table_rule->location;
    }
    return policy_.tables_location;
  }

  Violation& Add(std::string rule, Severity severity, const ColumnRef& column, std::string message,
                 SourceLocation location) {
    Violation violation;
    violation.rule = std::move(rule);
    violation.severity = severity;
    violation.column = column;
    violation.message = std::move(message);
    violation.location = std::move(location);
    if (violation.location.file.empty()) {
      violation.location.file = policy_.file;
    }
    violations_.push_back(std::move(violation));
    return violations_.back();
  }

  bool Expired(const Suppression& suppression) const {
    return suppression.expires && today_ > *suppression.expires;
  }

  // True when a suppression that has not expired covers `finding`; marks
  // every matching suppression used.
  bool Suppressed(const Finding& finding) {
    auto it = suppressions_.find(Key(finding.column));
    if (it == suppressions_.end()) {
      return false;
    }
    bool suppressed = false;
    for (size_t index : it->second) {
      const Suppression& s = policy_.suppressions[index];
      if (s.category && *s.category != finding.category) {
        continue;
      }
      if (s.path) {
        if (!finding.path) {
          continue;
        }
        std::vector<PathRule> as_rule(1);
        as_rule[0].path = *s.path;
        if (FindPathRule(as_rule, *finding.path) == nullptr) {
          continue;
        }
      }
      used_[index] = true;
      if (!Expired(s)) {
        suppressed = true;
      }
    }
    return suppressed;
  }

  // Whether `rule` masks the values of `finding`.
  static bool Masks(const ColumnRule* rule, const Finding& finding, std::string* why) {
    if (rule == nullptr) {
      *why = "has no rule";
      return false;
    }
    if (rule->kind == ColumnRule::Kind::kKeep) {
      *why = "its rule is keep";
      return false;
    }
    if (!finding.path || rule->transformer != "json") {
      return true;
    }
    const PathRule* path_rule = FindPathRule(rule->paths, *finding.path);
    if (path_rule == nullptr) {
      *why = "no path rule masks it";
      return false;
    }
    if (path_rule->IsKeep()) {
      *why = "its path rule " + path_rule->path + " is keep";
      return false;
    }
    return true;
  }

  void CheckColumn(const TableInfo& table, const ColumnInfo& column, const TableRule* table_rule) {
    const ColumnRef ref{table.schema, table.name, column.name};
    const std::string name = FormatColumnName(ref);
    const ColumnRule* rule = table_rule == nullptr ? nullptr : policy_.FindColumn(ref);
    const bool is_new = IsNewColumn(ref);
    bool reported_pii = false;
    auto found = findings_.find(Key(ref));
    if (found != findings_.end()) {
      for (const Finding* finding : found->second) {
        std::string why;
        if (Masks(rule, *finding, &why) || Suppressed(*finding)) {
          continue;
        }
        const bool path_new = is_new || (finding->path && options_.baseline != nullptr &&
                                         !baseline_paths_.count(PathKey(ref, *finding->path)));
        const std::string where = finding->path ? name + " " + *finding->path : name;
        const std::string subject =
            path_new ? (finding->path ? "new path " : "new column ") + where : where;
        const bool low = finding->confidence < options_.low_confidence;
        std::string message =
            low ? fmt::format("{} may hold {} (confidence {}, below {}) and {}", subject,
                              IdOf(finding->category), Confidence(finding->confidence),
                              Confidence(options_.low_confidence), why)
                : fmt::format("{} holds {} (confidence {}) and {}", subject,
                              IdOf(finding->category), Confidence(finding->confidence), why);
        Violation& v = Add(low ? "low-confidence-pii" : "unmasked-pii",
                           low ? Severity::kWarning : Severity::kError, ref, std::move(message),
                           Anchor(ref, finding->path, table_rule, rule));
        v.path = finding->path;
        v.category = finding->category;
        v.confidence = finding->confidence;
        v.is_new = path_new;
        reported_pii = reported_pii || !low;
      }
    }
    if (rule == nullptr) {
      if (mode_ == Mode::kStrict && !reported_pii) {
        Violation& v = Add("uncovered-column", Severity::kError, ref,
                           (is_new ? "new column " : "") + name +
                               " has no rule; strict mode needs one for every column (keep it "
                               "if it holds no personal data)",
                           Anchor(ref, std::nullopt, table_rule, nullptr));
        v.is_new = is_new;
      }
      return;
    }
    if (rule->kind == ColumnRule::Kind::kTransform) {
      CheckFit(ref, column, *rule);
    }
  }

  void CheckFit(const ColumnRef& ref, const ColumnInfo& column, const ColumnRule& rule) {
    const std::string name = FormatColumnName(ref);
    const masking::ParamMap params = rule.RegistryParams();
    Status fits = masking::CheckFits(
        rule.transformer, params, column.data_type,
        column.max_length ? std::optional<int64_t>(*column.max_length) : std::nullopt);
    if (!fits.ok()) {
      Add("transformer-mismatch", Severity::kError, ref, name + ": " + fits.message(),
          rule.location);
    } else if (rule.transformer == "null" && column.not_null) {
      Add("transformer-mismatch", Severity::kError, ref,
          name +
              " is NOT NULL, and transformer null writes NULL; use a transformer that keeps "
              "a value",
          rule.location);
    }
    if (!column.primary_key && !column.unique) {
      return;
    }
    Result<masking::OutputTraits> traits = masking::DescribeTransformer(rule.transformer, params);
    if (traits.ok() && traits->uniqueness == masking::Uniqueness::kLossy) {
      Add("lossy-on-unique", Severity::kError, ref,
          fmt::format("{} is {}, and transformer {} is lossy: distinct values would collide", name,
                      column.primary_key ? "part of the primary key" : "unique", rule.transformer),
          rule.location);
    }
  }

  void CheckStaleColumns(const TableInfo& table, const TableRule& rule) {
    std::unordered_set<std::string> names;
    for (const ColumnInfo& column : table.columns) {
      names.insert(column.name);
    }
    for (const auto& [column, column_rule] : rule.columns) {
      if (names.count(column)) {
        continue;
      }
      const ColumnRef ref{table.schema, table.name, column};
      Add("stale-rule", Severity::kError, ref,
          "the rule for " + FormatColumnName(ref) + " names a column that no longer exists",
          column_rule.location);
    }
  }

  void CheckStaleTables() {
    for (const auto& [name, rule] : policy_.tables) {
      if (existing_tables_.count(Key({name.schema, name.name, ""}))) {
        continue;
      }
      Add("stale-rule", Severity::kError, ColumnRef{name.schema, name.name, ""},
          "the rule for table " + FormatTableName(name) + " names a table that no longer exists",
          rule.location);
    }
  }

  void CheckSuppressions() {
    for (size_t i = 0; i < policy_.suppressions.size(); ++i) {
      const Suppression& s = policy_.suppressions[i];
      const std::string name = FormatColumnName(s.column) + (s.path ? " " + *s.path : "");
      Violation* v = nullptr;
      if (Expired(s)) {
        v = &Add("expired-suppression", Severity::kError, s.column,
                 "the suppression of " + name + " expired on " + s.expires->ToString() +
                     "; renew it with a new date or mask the column",
                 s.location);
      } else if (!used_[i]) {
        v = &Add("unused-suppression", Severity::kWarning, s.column,
                 "the suppression of " + name + " matched no finding; remove it", s.location);
      }
      if (v != nullptr) {
        v->path = s.path;
        v->category = s.category;
      }
    }
  }

  const Policy& policy_;
  const Catalog& catalog_;
  const std::vector<Finding>& all_findings_;
  const CalendarDate today_;
  const CheckOptions& options_;
  const Mode mode_;
  std::unordered_map<std::string, std::vector<const Finding*>> findings_;
  std::unordered_map<std::string, std::vector<size_t>> suppressions_;
  std::vector<bool> used_;
  std::unordered_set<std::string> baseline_columns_;
  std::unordered_set<std::string> baseline_paths_;
  std::unordered_set<std::string> existing_tables_;
  std::vector<Violation> violations_;
};

}  // namespace

bool IsGated(RelationKind kind) {
  return kind == RelationKind::kTable || kind == RelationKind::kPartitionedTable ||
         kind == RelationKind::kMaterializedView;
}

CheckResult Check(const Policy& policy, const Catalog& catalog,
                  const std::vector<Finding>& findings, const CalendarDate& today,
                  const CheckOptions& options) {
  return Checker(policy, catalog, findings, today, options).Run();
}

}  // namespace pgveil::policy
