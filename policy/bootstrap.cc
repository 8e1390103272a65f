#include "policy/bootstrap.h"

#include <map>
#include <unordered_map>

#include <fmt/format.h>

#include "masking/registry.h"
#include "policy/check.h"
#include "policy/policy.h"

namespace pgveil::policy {
namespace {

std::string Key(const ColumnRef& column) {
  return column.schema + '\x1f' + column.table + '\x1f' + column.column;
}

// Comments hold names and redacted evidence; a control character would end
// the comment line early.
std::string CommentSafe(std::string text) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      c = '?';
    }
  }
  return text;
}

std::string Describe(const Finding& finding) {
  std::string text =
      fmt::format("{}, confidence {:.2f}", IdOf(finding.category), finding.confidence);
  for (size_t i = 0; i < finding.evidence.size() && i < 2; ++i) {
    text += (i == 0 ? ", evidence " : " ") + finding.evidence[i];
  }
  return CommentSafe(text);
}

std::string DescribeAll(const std::vector<const Finding*>& findings) {
  std::string text;
  for (const Finding* finding : findings) {
    text += (text.empty() ? "" : "; ") + Describe(*finding);
  }
  return text;
}

struct ColumnFindings {
  std::vector<const Finding*> column;                        // path == nullopt
  std::map<std::string, std::vector<const Finding*>> paths;  // by path
  std::vector<const Finding*> low;                           // below the bar
};

std::string DescribeQuasi(const QuasiIdentifier& quasi) {
  return CommentSafe("quasi-identifier (" + std::string(QuasiKindId(quasi.kind)) +
                     "): identifies people in combination with others");
}

// For a quasi-identifier without a finding: the irreversible rule that
// keeps it useful (Safe Harbor's ZIP prefix and age cap), or keep.
std::optional<TransformerChoice> ChooseForQuasi(const ColumnInfo& column, QuasiKind kind) {
  switch (kind) {
    case QuasiKind::kPostalCode:
      return FirstFitting(column, {{"postal_generalize", {{"on_invalid", "null"}}}});
    case QuasiKind::kAge:
      return FirstFitting(column, {{"age_cap", {}}});
    default:
      return std::nullopt;
  }
}

// A key a join needs: its values must stay linkable.
bool IsJoinKey(const ColumnInfo& column) {
  return column.primary_key || column.unique || column.references.has_value();
}

// The note offering the irreversible rule that makes `column` anonymous,
// when its rule is reversible or linkable and it is no join key; "" when
// there is nothing to offer.
std::string AnonymousOffer(const ColumnInfo& column, const TransformerChoice& choice) {
  if (IsJoinKey(column) || choice.transformer == "json") return "";
  Result<masking::PrivacyClass> privacy =
      masking::DescribePrivacy(choice.transformer, choice.params);
  if (!privacy.ok() || (*privacy != masking::PrivacyClass::kReversible &&
                        *privacy != masking::PrivacyClass::kLinkable)) {
    return "";
  }
  std::optional<TransformerChoice> anonymous =
      FirstFitting(column, {{"null", {}}, {"constant", {{"value", "redacted"}}}});
  if (!anonymous) return "";
  std::string rule = anonymous->transformer == "null" ? "{transform: null}"
                                                      : "{transform: constant, value: redacted}";
  return CommentSafe(choice.transformer + " is " +
                     std::string(masking::PrivacyClassName(*privacy)) +
                     " (pseudonymous); for an anonymous copy write " + rule);
}

class Drafter {
 public:
  Drafter(const std::vector<Finding>& findings, const std::vector<AnonLabel>& labels,
          const std::vector<QuasiIdentifier>& quasi_identifiers, const BootstrapOptions& options)
      : quasi_identifiers_(quasi_identifiers) {
    for (const Finding& finding : findings) {
      ColumnFindings& entry = findings_[Key(finding.column)];
      if (finding.confidence < options.low_confidence) {
        entry.low.push_back(&finding);
      } else if (finding.path) {
        entry.paths[*finding.path].push_back(&finding);
      } else {
        entry.column.push_back(&finding);
      }
    }
    for (const AnonLabel& label : labels) {
      labels_[Key(label.column)] = &label;
    }
  }

  DraftColumn Column(const TableInfo& table, const ColumnInfo& column) {
    DraftColumn draft;
    draft.name = column.name;
    const ColumnRef ref{table.schema, table.name, column.name};
    static const ColumnFindings kNone;
    auto found = findings_.find(Key(ref));
    const ColumnFindings& findings = found == findings_.end() ? kNone : found->second;
    if (Label(ref, column, draft)) {
      return draft;
    }
    const QuasiIdentifier* quasi = FindQuasiIdentifier(quasi_identifiers_, ref);
    if (!findings.column.empty()) {
      draft.choice = ChooseForColumn(column, findings.column);
      draft.comment = DescribeAll(findings.column);
      if (!draft.choice) {
        draft.notes.push_back("no transformer fits this column: review it");
      }
    } else if (!findings.paths.empty()) {
      JsonRule(column, findings, draft);
    } else if (quasi != nullptr) {
      draft.choice = ChooseForQuasi(column, quasi->kind);
    }
    if (quasi != nullptr) {
      draft.notes.push_back(DescribeQuasi(*quasi));
    }
    if (draft.choice) {
      std::string offer = AnonymousOffer(column, *draft.choice);
      if (!offer.empty()) draft.notes.push_back(std::move(offer));
    }
    for (const Finding* low : findings.low) {
      draft.notes.push_back("possible " + Describe(*low) +
                            (low->path ? " at " + CommentSafe(*low->path) : "") +
                            ": below the confidence bar, review");
    }
    return draft;
  }

  // Foreign keys whose target is masked get the target's transformer and
  // domain (when it fits), so equal values stay equal across the join.
  // `tables[i]` is the catalog table of `draft.tables[i]`.
  void AlignForeignKeys(const std::vector<const TableInfo*>& tables, DraftPolicy& draft) {
    std::unordered_map<std::string, const DraftColumn*> by_column;
    for (size_t t = 0; t < tables.size(); ++t) {
      for (size_t c = 0; c < tables[t]->columns.size(); ++c) {
        const ColumnRef ref{tables[t]->schema, tables[t]->name, tables[t]->columns[c].name};
        by_column[Key(ref)] = &draft.tables[t].columns[c];
      }
    }
    for (size_t t = 0; t < tables.size(); ++t) {
      for (size_t c = 0; c < tables[t]->columns.size(); ++c) {
        const ColumnInfo& column = tables[t]->columns[c];
        if (!column.references ||
            labels_.count(Key({tables[t]->schema, tables[t]->name, column.name}))) {
          continue;
        }
        auto target = by_column.find(Key(*column.references));
        if (target == by_column.end() || !target->second->choice ||
            target->second->choice->transformer == "json" ||
            !Fits(column, *target->second->choice)) {
          continue;
        }
        DraftColumn& own = draft.tables[t].columns[c];
        own.choice = target->second->choice;
        own.domain = target->second->domain.value_or(column.references->ToString());
        own.notes.push_back("same transformer and domain as " +
                            CommentSafe(FormatColumnName(*column.references)) +
                            ", so joins survive masking");
      }
    }
  }

 private:
  // Carries a PostgreSQL Anonymizer label over; true when it decided the rule.
  bool Label(const ColumnRef& ref, const ColumnInfo& column, DraftColumn& draft) {
    auto it = labels_.find(Key(ref));
    if (it == labels_.end()) {
      return false;
    }
    const std::string label = CommentSafe(it->second->label);
    AnonTranslation translation = TranslateAnonLabel(it->second->label);
    if (translation.outcome == AnonTranslation::Outcome::kTranslated) {
      TransformerChoice choice{translation.transformer, translation.params};
      std::optional<TransformerChoice> fitted = FirstFitting(column, {choice});
      if (fitted) {
        draft.choice = fitted;
        draft.notes.push_back("from PostgreSQL Anonymizer: " + label);
        return true;
      }
      draft.notes.push_back("PostgreSQL Anonymizer: " + label + " (transformer " +
                            translation.transformer + " does not fit this column)");
    } else {
      draft.notes.push_back("PostgreSQL Anonymizer: " + label + " (no pgveil counterpart)");
    }
    auto found = findings_.find(Key(ref));
    if (found != findings_.end() && !found->second.column.empty()) {
      draft.choice = ChooseForColumn(column, found->second.column);
      draft.comment = DescribeAll(found->second.column);
    } else {
      draft.choice = ChooseWithoutCategory(column);
    }
    return true;
  }

  void JsonRule(const ColumnInfo& column, const ColumnFindings& findings, DraftColumn& draft) {
    ColumnRule rule;
    rule.kind = ColumnRule::Kind::kTransform;
    rule.transformer = "json";
    for (const auto& [path, path_findings] : findings.paths) {
      DraftPathRule path_rule{path, ChooseForPath(path_findings), DescribeAll(path_findings)};
      PathRule as_rule;
      as_rule.path = path;
      as_rule.transformer = path_rule.choice.transformer;
      as_rule.params = path_rule.choice.params;
      rule.paths.push_back(std::move(as_rule));
      draft.paths.push_back(std::move(path_rule));
    }
    if (Fits(column, TransformerChoice{"json", rule.RegistryParams()})) {
      draft.choice = TransformerChoice{"json", {}};
      return;
    }
    draft.paths.clear();
    draft.choice = ChooseWithoutCategory(column);
    draft.notes.push_back("PII at JSON paths, and transform json does not fit this column");
  }

  const std::vector<QuasiIdentifier>& quasi_identifiers_;
  std::unordered_map<std::string, ColumnFindings> findings_;
  std::unordered_map<std::string, const AnonLabel*> labels_;
};

}  // namespace

DraftPolicy DraftFromScan(const Catalog& catalog, const std::vector<Finding>& findings,
                          const std::vector<AnonLabel>& labels,
                          const std::vector<QuasiIdentifier>& quasi_identifiers,
                          const BootstrapOptions& options) {
  DraftPolicy draft;
  draft.database = catalog.database;
  Drafter drafter(findings, labels, quasi_identifiers, options);
  std::vector<const TableInfo*> tables;
  for (const TableInfo& table : catalog.tables) {
    if (!IsGated(table.kind) || table.columns.empty()) {
      continue;
    }
    tables.push_back(&table);
    DraftTable entry;
    entry.name = {table.schema, table.name};
    for (const ColumnInfo& column : table.columns) {
      entry.columns.push_back(drafter.Column(table, column));
    }
    draft.tables.push_back(std::move(entry));
  }
  drafter.AlignForeignKeys(tables, draft);
  return draft;
}

}  // namespace pgveil::policy
