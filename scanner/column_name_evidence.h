// scanner/column_name_evidence.h
//
// Column names are evidence, not verdicts. ColumnNameEvidence splits an
// identifier into words (snake_case, camelCase, kebab-case, spaces, dots,
// letter/digit boundaries), folds them (scanner/text_fold.h) and looks the
// word sequence up in the multilingual lexicon of dictionaries/: the longest
// phrase found suggests a category, and identifier-like endings ("_id",
// "_no", "sku", "hash") or cancelling phrases ("email verified", "product
// name") make the name negative evidence instead.
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
};

class ColumnNameEvidence {
 public:
  static std::unique_ptr<ColumnNameEvidence> Create(const dictionaries::ColumnLexicon& lexicon);

  NameVerdict Judge(std::string_view identifier) const;

 private:
  ColumnNameEvidence() = default;
  // Phrases keyed by their words joined without separators ("firstname"), so
  // "first_name", "firstName" and "firstname" meet.
  std::unordered_map<std::string, std::pair<Category, std::string>> phrases_;
  std::unordered_set<std::string> negative_phrases_;
  std::unordered_set<std::string> negative_tokens_;
  size_t longest_phrase_words_ = 1;
};

}  // namespace pgveil::scanner
