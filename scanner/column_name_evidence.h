// scanner/column_name_evidence.h
//
// Column names are evidence, not verdicts. ColumnNameEvidence splits an
// identifier into words (snake_case, camelCase, kebab-case, spaces, dots,
// letter/digit boundaries), folds them (scanner/text_fold.h) and looks the
// word sequence up in the multilingual lexicon of dictionaries/: the longest
// phrase found suggests a category, and identifier-like endings ("_id",
// "_no", "sku", "hash") or cancelling phrases ("email verified", "product
// name") make the name negative evidence instead. A word no phrase matches
// may still end in one, as compounds in German, Dutch, the Nordic languages
// and Japanese do: "privatanschrift", "hauptdiagnose", "現住所" take the
// category of their head ("anschrift", "diagnose", "住所").
//
// Thread-safety: immutable after Create(); share freely.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/category.h"
#include "core/status.h"
#include "dictionaries/column_lexicon.h"

namespace pgveil::scanner {

// Folded words of `identifier`: "firstName" -> {first, name}, "E-Mail-Adresse"
// -> {e, mail, adresse}, "HTTPServer" -> {http, server}, "addr2" -> {addr, 2},
// "Téléphone" -> {telephone}. Scripts without case (CJK, Arabic) split only
// at separators and digits.
std::vector<std::string> SplitIdentifier(std::string_view identifier);

struct NameVerdict {
  std::optional<Category> category;  // suggested category, if any phrase matched
  bool negative = false;  // the name says "identifier/code", or a cancelling phrase matched
  std::string phrase;     // the matched phrase, for the signal ("name:e mail")
  // The phrase names a person only in a table of people (a bare "name");
  // JudgeColumn and JudgeJsonKey drop it elsewhere.
  bool generic = false;
  bool version = false;  // a word says "version": dotted quads are versions, not IPv4
};

class ColumnNameEvidence {
 public:
  static std::unique_ptr<ColumnNameEvidence> Create(const dictionaries::ColumnLexicon& lexicon);

  NameVerdict Judge(std::string_view identifier) const;

  // Judge(column), with the table as evidence: a generic person-name phrase
  // ("name") counts only when the column's other words or `table` name
  // people (customer.name and consultas.nome_paciente count, genre.name
  // does not).
  NameVerdict JudgeColumn(std::string_view column, std::string_view table) const;

  // Whether `identifier` (a column, JSONB key or object name) speaks of
  // people: one of its words, singular, is a person entity ("customers",
  // "nome_paciente", "patienten"), or ends in one ("webusers").
  bool NamesPeople(std::string_view identifier) const;

  // Whether table `name` holds people: its head word, the last one that is
  // not a qualifier, is a person entity ("crm_contacts", "customers_archive";
  // not "user_roles", which holds roles).
  bool TableOfPeople(std::string_view name) const;

  // The verdict for a JSONB leaf under `key`, in an object under `parent`
  // ("" at the top level), in JSONB column `column` of `table`: a key that
  // only says "the value" ("nr", "value") takes the parent's category
  // ("$.telefone[*].nr" is a phone); a generic person-name key counts only
  // when the key, parent, column or table names people ("$.actor.name"
  // counts, "$.labels[*].name" does not).
  NameVerdict JudgeJsonKey(std::string_view key, std::string_view parent,
                           std::string_view column = {}, std::string_view table = {}) const;

 private:
  ColumnNameEvidence() = default;
  // Heads are phrases of at least kMinCompoundHead bytes (shorter ones end
  // too many words: "hostname", "automobile"), after at least
  // kMinCompoundModifier bytes of modifier.
  static constexpr size_t kMinCompoundHead = 7;
  static constexpr size_t kMinCompoundModifier = 3;
  // The verdict of the longest phrase that ends one of `words`.
  NameVerdict CompoundHead(const std::vector<std::string>& words) const;
  // Phrases keyed by their words joined without separators ("firstname"), so
  // "first_name", "firstName" and "firstname" meet.
  std::unordered_map<std::string, std::pair<Category, std::string>> phrases_;
  std::vector<std::pair<std::string, std::pair<Category, std::string>>> compound_heads_;
  std::unordered_set<std::string> negative_phrases_;
  std::unordered_set<std::string> negative_tokens_;
  std::unordered_set<std::string> value_keys_;  // folded
  std::unordered_set<std::string> generic_names_;
  std::unordered_set<std::string> person_entities_;
  std::unordered_set<std::string> table_qualifiers_;
  // Whether one folded word is a person entity, singular or plural.
  bool IsPersonWord(const std::string& word) const;
  std::unordered_set<std::string> version_words_;
  size_t longest_phrase_words_ = 1;
};

}  // namespace pgveil::scanner
