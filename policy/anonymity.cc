#include "policy/anonymity.h"

#include <map>
#include <set>

#include <fmt/format.h>

#include "masking/registry.h"

namespace pgveil::policy {
namespace {

using masking::PrivacyClass;

std::string IrreversibleReason(std::string_view method) {
  if (method == "skip") return "not copied";
  if (method == "delete") return "deleted";
  if (method == "null") return "nulled";
  if (method == "set" || method == "constant") return "replaced by a constant";
  if (method == "date_generalize" || method == "postal_generalize" || method == "age_cap") {
    return "generalised, irreversible";
  }
  return "irreversible";
}

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

}  // namespace

std::string_view IdentifiabilityName(Identifiability identifiability) {
  switch (identifiability) {
    case Identifiability::kAnonymous:
      return "anonymous";
    case Identifiability::kPseudonymous:
      return "pseudonymous";
    case Identifiability::kPersonal:
      return "personal";
  }
  return "personal";
}

Identifiability IdentifiabilityOf(PrivacyClass privacy) {
  switch (privacy) {
    case PrivacyClass::kIrreversible:
      return Identifiability::kAnonymous;
    case PrivacyClass::kReversible:
    case PrivacyClass::kLinkable:
      return Identifiability::kPseudonymous;
    case PrivacyClass::kKept:
    case PrivacyClass::kUndeclared:
      return Identifiability::kPersonal;
  }
  return Identifiability::kPersonal;
}

std::string PrivacyReason(std::string_view method, PrivacyClass privacy) {
  switch (privacy) {
    case PrivacyClass::kReversible:
      if (method.starts_with("fpe_") || method == "uuid") return "FF1, reversible with the key";
      if (method == "ip") return "prefix-preserving encryption, reversible with the key";
      if (method == "date_shift") return "a keyed shift of a few days, undone with the key";
      return "reversible with the key";
    case PrivacyClass::kLinkable:
      return "keyed and deterministic, linkable across tables and runs";
    case PrivacyClass::kIrreversible:
      return IrreversibleReason(method);
    case PrivacyClass::kKept:
      return "kept as it is";
    case PrivacyClass::kUndeclared:
      break;
  }
  return "privacy class unknown";
}

PrivacyClass PrivacyOfRule(const ColumnRule& rule) {
  if (rule.kind == ColumnRule::Kind::kKeep) return PrivacyClass::kKept;
  Result<PrivacyClass> privacy = masking::DescribePrivacy(rule.transformer, rule.RegistryParams());
  return privacy.ok() ? *privacy : PrivacyClass::kUndeclared;
}

std::string KAnonymityText(const TableAnonymity& anonymity) {
  std::string text =
      fmt::format("k = {} over {}", anonymity.k, Joined(anonymity.quasi_identifiers));
  if (anonymity.sample_percent) {
    text += fmt::format(" (in a {:.4g}% sample)", *anonymity.sample_percent);
  }
  return text;
}

std::vector<Violation> CheckAnonymity(const Policy& policy, const std::vector<Finding>& findings,
                                      const std::vector<QuasiIdentifier>& quasi_identifiers,
                                      const std::vector<TableAnonymity>& anonymity,
                                      double low_confidence) {
  std::set<ColumnRef> judged;
  for (const Finding& finding : findings) {
    if (finding.confidence >= low_confidence) judged.insert(finding.column);
  }
  for (const QuasiIdentifier& quasi : quasi_identifiers) judged.insert(quasi.column);

  std::vector<Violation> violations;
  for (const ColumnRef& column : judged) {
    if (!policy.AnonymityRequired(column.schema, column.table)) continue;
    const ColumnRule* rule = policy.FindColumn(column);
    if (rule == nullptr || rule->kind == ColumnRule::Kind::kKeep) continue;
    const PrivacyClass privacy = PrivacyOfRule(*rule);
    if (IdentifiabilityOf(privacy) != Identifiability::kPseudonymous) continue;
    Violation v;
    v.rule = "not-anonymous";
    v.column = column;
    v.message = fmt::format(
        "{} is masked with {}: {}, so the copy is pseudonymous; require: anonymous needs an "
        "irreversible rule (null, constant, a generaliser) or skip",
        column.ToString(), rule->transformer, PrivacyReason(rule->transformer, privacy));
    v.location = rule->location;
    violations.push_back(std::move(v));
  }
  for (const TableAnonymity& table : anonymity) {
    std::optional<SourceLocation> required = policy.AnonymityRequired(table.schema, table.table);
    if (!required || !table.BelowBar()) continue;
    Violation v;
    v.rule = "not-anonymous";
    v.column = {table.schema, table.table, ""};
    v.message = fmt::format(
        "{}.{}: {} in the masked copy, below k_anonymity {}: {} of {} rows are in smaller "
        "groups and can be re-identified; generalise or remove a quasi-identifier",
        table.schema, table.table, KAnonymityText(table), table.bar, table.rows_below_bar,
        table.rows);
    v.location = *required;
    violations.push_back(std::move(v));
  }
  for (Violation& v : violations) {
    v.severity = Severity::kError;
    if (v.location.file.empty()) v.location.file = policy.file;
  }
  return violations;
}

}  // namespace pgveil::policy
