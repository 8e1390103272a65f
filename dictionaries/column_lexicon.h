// dictionaries/column_lexicon.h
//
// The vocabulary of column names, from dictionaries/data/column_names.yaml:
// phrases (sequences of case-folded tokens) that suggest a category in many
// languages, tokens that mark an identifier or code rather than PII ("id",
// "no", "sku", "hash"), and phrases that cancel a positive match ("email
// verified", "product name"). The scanner splits identifiers into tokens and
// matches them against this (scanner/column_name_evidence.h).
//
// Thread-safety: plain values.
#pragma once

#include <string>
#include <unordered_set>
#include <vector>

#include "core/category.h"
#include "core/status.h"

namespace pgveil::dictionaries {

struct NamePhrase {
  std::vector<std::string> tokens;  // case-folded, non-empty
  Category category;
};

struct ColumnLexicon {
  std::vector<NamePhrase> phrases;
  std::unordered_set<std::string> negative_tokens;
  // JSONB keys that only say "the value" ("nr", "value"): a leaf under one
  // takes its category from the key of the object around it.
  std::unordered_set<std::string> value_keys;
  std::vector<std::vector<std::string>> negative_phrases;
  // Phrases that name a person only in a table of people: a bare "name"
  // ("nom", "nombre", "имя") in `customer` is a person's, in `genre` or
  // `language` a thing's. Folded phrase text, words separated by spaces.
  std::unordered_set<std::string> generic_names;
  // Words of table (or JSONB object) names that say their rows are people:
  // customer, employee, patient, actor, kunde, usuario, ... (folded, singular).
  std::unordered_set<std::string> person_entities;
  // Words that qualify a table name without being its head ("archive",
  // "info", "stamm"): the head of "customers_archive" is "customers".
  std::unordered_set<std::string> table_qualifiers;
  // Words that make a name say "version" (version, build, release, firmware):
  // dotted quads under such a name are versions, not IPv4 addresses.
  std::unordered_set<std::string> version_words;
};

// Parses `text`; errors name `source`:line:column.
Result<ColumnLexicon> ParseColumnLexicon(std::string_view text, std::string_view source);

// The lexicon compiled into the binary.
Result<ColumnLexicon> EmbeddedColumnLexicon();

}  // namespace pgveil::dictionaries
