// reports/compliance_privacy.cc
//
// The privacy verdict of the compliance report: anonymous, pseudonymous or
// personal (policy/anonymity.h), for every location holding personal data,
// every table holding such data or quasi-identifiers, and the masked copy
// as a whole, each with its reason.
//
// A table's verdict is the worst of its locations' and of what its
// quasi-identifiers allow:
//   - k below the bar, or l = 1 for a sensitive column, on the masked copy:
//     personal (people are singled out, or their sensitive value inferred,
//     without any key);
//   - not measured (no --target, or the table could not be measured):
//     at best pseudonymous, since nothing shows the rows cannot be linked to
//     outside data;
//   - otherwise the quasi-identifiers do not change the verdict.

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>

#include "reports/compliance_model.h"
#include "reports/compliance_text.h"

namespace pgveil::reports {
namespace {

using policy::Identifiability;

LocationVerdict JudgeLocation(const InventoryRow& row) {
  LocationVerdict v;
  v.column = row.column;
  v.path = row.path;
  v.method = row.treatment.method;
  v.policy_line = row.treatment.policy_line;
  switch (row.treatment.protection) {
    case Protection::kUncovered:
      v.verdict = Identifiability::kPersonal;
      v.reason = "no rule, so copied as it is";
      break;
    case Protection::kKept:
      v.verdict = Identifiability::kPersonal;
      v.reason = "copied as it is";
      break;
    case Protection::kSuppressed:
      v.verdict = Identifiability::kAnonymous;
      v.reason = "suppressed, declared not personal data";
      break;
    case Protection::kMasked:
      v.verdict = policy::IdentifiabilityOf(row.treatment.privacy);
      v.reason = policy::PrivacyReason(row.treatment.method, row.treatment.privacy);
      break;
  }
  return v;
}

using TableKey = std::pair<std::string, std::string>;

struct TableDraft {
  Identifiability verdict = Identifiability::kAnonymous;
  std::string reason;
  std::vector<std::string> quasi_identifiers;
  std::optional<TableAnonymity> anonymity;
  bool unmeasured = false;

  // Takes `reason` when `verdict` is worse than what the table has, or as
  // bad and nothing was said yet.
  void Raise(Identifiability candidate, std::string why) {
    if (candidate > verdict || (candidate == verdict && reason.empty())) {
      verdict = candidate;
      reason = std::move(why);
    }
  }
};

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

// What the measured (or unmeasured) quasi-identifiers do to `table`.
void JudgeQuasiIdentifiers(const TableKey& key, bool measured, TableDraft& table) {
  const std::string name = TableName(key.first, key.second);
  if (!table.anonymity || !table.anonymity->Measured()) {
    table.unmeasured = true;
    const std::string why = !measured ? "measure it with pgveil report --target on the masked copy"
                                      : table.anonymity->not_measured;
    table.Raise(Identifiability::kPseudonymous,
                fmt::format("{}: k-anonymity over {} not measured ({})", name,
                            Joined(table.quasi_identifiers), why));
    return;
  }
  const TableAnonymity& a = *table.anonymity;
  if (a.BelowBar()) {
    table.Raise(Identifiability::kPersonal,
                fmt::format("{}: {} — re-identifiable ({} of {} rows in groups smaller than {})",
                            name, policy::KAnonymityText(a), a.rows_below_bar, a.rows, a.bar));
    return;
  }
  for (const SensitiveDiversity& s : a.sensitive) {
    if (s.l == 1) {
      table.Raise(Identifiability::kPersonal,
                  fmt::format("{}: l = {} for {} over {} — a group shares one value, so it is "
                              "inferred",
                              name, s.l, s.column, Joined(a.quasi_identifiers)));
      return;
    }
  }
  if (table.verdict == Identifiability::kAnonymous) {  // the measurement is the evidence
    table.reason = fmt::format("{}: {}, at least {}", name, policy::KAnonymityText(a), a.bar);
  }
}

std::string Sentence(const PrivacyVerdict& verdict) {
  if (verdict.tables.empty()) {
    return "The masked copy is anonymous: no table holds personal data or quasi-identifiers.";
  }
  std::vector<const TableVerdict*> worst;
  for (const TableVerdict& t : verdict.tables) {
    if (t.verdict == verdict.verdict) worst.push_back(&t);
  }
  switch (verdict.verdict) {
    case Identifiability::kAnonymous:
      return fmt::format(
          "The masked copy is anonymous: every personal value is removed or generalised{}.",
          verdict.measured ? fmt::format(" and every table's rows hide among at least {} over "
                                         "their quasi-identifiers",
                                         verdict.k_bar)
                           : "");
    case Identifiability::kPseudonymous:
    case Identifiability::kPersonal:
      break;
  }
  std::string text =
      fmt::format("The masked copy {}: {}", VerdictPhrase(verdict.verdict), worst[0]->reason);
  if (worst.size() > 1) {
    text +=
        fmt::format(" (and {} more {})", worst.size() - 1, worst.size() == 2 ? "table" : "tables");
  }
  return text + ".";
}

std::string GdprConsequence(Identifiability verdict) {
  switch (verdict) {
    case Identifiability::kAnonymous:
      return "Recital 26: information that no longer relates to an identifiable person is not "
             "personal data, so the GDPR does not apply to the masked copy. Keep this report as "
             "the evidence, and measure again when the data or the policy changes.";
    case Identifiability::kPseudonymous:
      return "Art. 4(5) and Recital 26: pseudonymised data, which a key or other additional "
             "information can attribute to a person, is still personal data. The masked copy "
             "stays within the GDPR: it needs a lawful basis, a place in this Art. 30 record and "
             "the security of Art. 32, and the masking key must be kept apart from it.";
    case Identifiability::kPersonal:
      return "The masked copy holds personal data that can be attributed to people without any "
             "key: the GDPR applies to it in full, as it does to the source.";
  }
  return "";
}

}  // namespace

PrivacyVerdict BuildPrivacyVerdict(const std::vector<InventoryRow>& inventory,
                                   const ComplianceInput& input) {
  PrivacyVerdict verdict;
  verdict.measured = input.anonymity_measured;
  verdict.k_bar = input.policy.k_anonymity;

  // One verdict per location, at its worst.
  std::map<std::pair<ColumnRef, std::optional<std::string>>, LocationVerdict> locations;
  for (const InventoryRow& row : inventory) {
    if (row.possible) continue;
    LocationVerdict v = JudgeLocation(row);
    auto [it, inserted] = locations.try_emplace({row.column, row.path}, v);
    if (!inserted && v.verdict > it->second.verdict) it->second = std::move(v);
  }
  const std::vector<QuasiIdentifier>& quasi = input.scan.quasi_identifiers;

  std::map<TableKey, TableDraft> tables;
  for (auto& [key, v] : locations) {
    if (!v.path) {
      const QuasiIdentifier* q = FindQuasiIdentifier(quasi, v.column);
      if (q != nullptr) v.quasi_kind = q->kind;
    }
    TableDraft& table = tables[{v.column.schema, v.column.table}];
    table.Raise(v.verdict, v.method.empty()
                               ? LocationName(v.column, v.path) + ": " + v.reason
                               : fmt::format("{} ({}): {}", LocationName(v.column, v.path),
                                             v.method, v.reason));
    verdict.locations.push_back(v);
  }
  for (const QuasiIdentifier& q : quasi) {
    const policy::TableRule* rule = input.policy.FindTable(q.column.schema, q.column.table);
    if (rule != nullptr && rule->skip) continue;  // not copied: nothing to link
    tables[{q.column.schema, q.column.table}].quasi_identifiers.push_back(q.column.column);
  }
  for (const TableAnonymity& a : input.anonymity) {
    auto it = tables.find({a.schema, a.table});
    if (it != tables.end()) it->second.anonymity = a;
  }
  for (auto& [key, table] : tables) {
    if (!table.quasi_identifiers.empty()) {
      JudgeQuasiIdentifiers(key, input.anonymity_measured, table);
    }
    verdict.verdict = std::max(verdict.verdict, table.verdict);
    verdict.unmeasured_quasi = verdict.unmeasured_quasi || table.unmeasured;
    verdict.tables.push_back(
        TableVerdict{key.first, key.second, table.verdict, std::move(table.reason),
                     std::move(table.quasi_identifiers), std::move(table.anonymity)});
  }
  verdict.sentence = Sentence(verdict);
  verdict.gdpr_consequence = GdprConsequence(verdict.verdict);
  return verdict;
}

}  // namespace pgveil::reports
