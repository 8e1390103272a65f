#include "scanner/column_name_evidence.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "scanner/text_fold.h"

namespace pgveil::scanner {
namespace {

enum class CharClass { kSeparator, kLower, kUpper, kDigit, kOther };

CharClass Classify(UChar32 c) {
  if (u_isdigit(c)) return CharClass::kDigit;
  if (u_isUUppercase(c) || u_istitle(c)) return CharClass::kUpper;
  if (u_isULowercase(c)) return CharClass::kLower;
  if (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK ||
      u_charType(c) == U_COMBINING_SPACING_MARK) {
    return CharClass::kOther;  // letters without case: CJK, Arabic, Hebrew, ...
  }
  return CharClass::kSeparator;
}

std::string Join(const std::vector<std::string>& words, size_t begin, size_t end) {
  std::string joined;
  for (size_t i = begin; i < end; ++i) joined += words[i];
  return joined;
}

}  // namespace

std::vector<std::string> SplitIdentifier(std::string_view identifier) {
  std::vector<std::string> words;
  std::string current;
  CharClass previous = CharClass::kSeparator;
  const auto* s = reinterpret_cast<const uint8_t*>(identifier.data());
  int32_t length = static_cast<int32_t>(identifier.size());
  auto flush = [&] {
    if (!current.empty()) words.push_back(FoldForMatching(current));
    current.clear();
  };
  for (int32_t i = 0; i < length;) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, length, c);
    CharClass cls = c < 0 ? CharClass::kSeparator : Classify(c);
    // Look ahead for "HTTPServer" -> "HTTP", "Server": an upper-case letter
    // followed by lower case starts a word even after other capitals.
    bool next_is_lower = false;
    if (cls == CharClass::kUpper && i < length) {
      int32_t j = i;
      UChar32 next;
      U8_NEXT(s, j, length, next);
      next_is_lower = next >= 0 && Classify(next) == CharClass::kLower;
    }
    bool boundary = cls == CharClass::kSeparator ||
                    (cls == CharClass::kUpper && previous == CharClass::kLower) ||
                    (cls == CharClass::kUpper && previous == CharClass::kUpper && next_is_lower) ||
                    ((cls == CharClass::kDigit) != (previous == CharClass::kDigit) &&
                     previous != CharClass::kSeparator);
    if (boundary) flush();
    if (cls != CharClass::kSeparator) current.append(identifier.substr(start, i - start));
    previous = cls;
  }
  flush();
  return words;
}

std::unique_ptr<ColumnNameEvidence> ColumnNameEvidence::Create(
    const dictionaries::ColumnLexicon& lexicon) {
  auto evidence = std::unique_ptr<ColumnNameEvidence>(new ColumnNameEvidence());
  auto fold_all = [](const std::vector<std::string>& tokens) {
    std::vector<std::string> folded;
    for (const std::string& token : tokens) folded.push_back(FoldForMatching(token));
    return folded;
  };
  for (const dictionaries::NamePhrase& phrase : lexicon.phrases) {
    std::vector<std::string> words = fold_all(phrase.tokens);
    std::string text;
    for (const std::string& word : words) text += (text.empty() ? "" : " ") + word;
    std::string joined = Join(words, 0, words.size());
    if (joined.size() >= kMinCompoundHead) {
      evidence->compound_heads_.emplace_back(joined, std::make_pair(phrase.category, text));
    }
    evidence->phrases_.emplace(std::move(joined), std::make_pair(phrase.category, text));
    evidence->longest_phrase_words_ = std::max(evidence->longest_phrase_words_, words.size());
  }
  for (const auto& phrase : lexicon.negative_phrases) {
    std::vector<std::string> words = fold_all(phrase);
    evidence->negative_phrases_.insert(Join(words, 0, words.size()));
  }
  for (const std::string& token : lexicon.negative_tokens) {
    evidence->negative_tokens_.insert(FoldForMatching(token));
  }
  for (const std::string& key : lexicon.value_keys) {
    evidence->value_keys_.insert(FoldForMatching(key));
  }
  for (const std::string& phrase : lexicon.generic_names) {
    std::string text;
    for (const std::string& word : SplitIdentifier(phrase))
      text += (text.empty() ? "" : " ") + word;
    evidence->generic_names_.insert(std::move(text));
  }
  for (const std::string& word : lexicon.person_entities) {
    evidence->person_entities_.insert(FoldForMatching(word));
  }
  for (const std::string& word : lexicon.table_qualifiers) {
    evidence->table_qualifiers_.insert(FoldForMatching(word));
  }
  for (const std::string& word : lexicon.version_words) {
    evidence->version_words_.insert(FoldForMatching(word));
  }
  return evidence;
}

NameVerdict ColumnNameEvidence::CompoundHead(const std::vector<std::string>& words) const {
  NameVerdict verdict;
  size_t best = 0;
  for (const std::string& word : words) {
    for (const auto& [head, category] : compound_heads_) {
      if (head.size() <= best || word.size() < head.size() + kMinCompoundModifier) continue;
      std::string_view rest = std::string_view(word).substr(word.size() - head.size());
      bool plural = false;
      if (rest != head) {
        // "nebendiagnosen": a plural ending after the head.
        for (std::string_view ending : {"n", "en", "e", "s", "es"}) {
          if (word.ends_with(ending) && word.size() >= head.size() + ending.size() + kMinCompoundModifier &&
              std::string_view(word).substr(word.size() - ending.size() - head.size(), head.size()) == head) {
            plural = true;
            break;
          }
        }
        if (!plural) continue;
      }
      best = head.size();
      verdict.category = category.first;
      verdict.phrase = category.second;
    }
  }
  return verdict;
}

NameVerdict ColumnNameEvidence::Judge(std::string_view identifier) const {
  std::vector<std::string> words = SplitIdentifier(identifier);
  NameVerdict verdict;
  if (words.empty()) return verdict;
  size_t best_length = 0;
  size_t best_end = 0;
  const size_t max_span = longest_phrase_words_ + 2;  // "e-mail" may split finer than the phrase
  for (size_t begin = 0; begin < words.size(); ++begin) {
    for (size_t end = begin + 1; end <= words.size() && end - begin <= max_span; ++end) {
      std::string joined = Join(words, begin, end);
      if (negative_phrases_.contains(joined)) {
        verdict.negative = true;
        verdict.category.reset();
        return verdict;
      }
      auto it = phrases_.find(joined);
      if (it != phrases_.end() && joined.size() > best_length) {
        best_length = joined.size();
        best_end = end;
        verdict.category = it->second.first;
        verdict.phrase = it->second.second;
      }
    }
  }
  if (!verdict.category) verdict = CompoundHead(words);
  // "email_hash", "customer_id", "order_no": the last word makes the column
  // an identifier or a derived value, unless it is part of the phrase itself
  // ("zip code", "phone no").
  bool ends_negative = negative_tokens_.contains(words.back());
  if (ends_negative && (!verdict.category || best_end < words.size())) {
    verdict.negative = true;
  }
  verdict.generic =
      verdict.category == Category::kPersonName && generic_names_.contains(verdict.phrase);
  for (const std::string& word : words)
    verdict.version = verdict.version || version_words_.contains(word);
  return verdict;
}

bool ColumnNameEvidence::IsPersonWord(const std::string& word) const {
  if (person_entities_.contains(word)) return true;
  // Plural endings: English, German, Romance, Dutch; Russian, Greek.
  for (std::string_view ending : {"s", "es", "en", "n", "e", "ы", "и", "ов", "ей", "ες", "οι"}) {
    if (word.size() > ending.size() + 2 && word.ends_with(ending) &&
        person_entities_.contains(word.substr(0, word.size() - ending.size()))) {
      return true;
    }
  }
  // Compounds: "webusers", "projektmitarbeiter".
  for (const std::string& entity : person_entities_) {
    if (entity.size() >= 5 && word.size() >= entity.size() + kMinCompoundModifier &&
        (word.ends_with(entity) || word.ends_with(entity + "s"))) {
      return true;
    }
  }
  return false;
}

bool ColumnNameEvidence::NamesPeople(std::string_view identifier) const {
  for (const std::string& word : SplitIdentifier(identifier)) {
    if (IsPersonWord(word)) return true;
  }
  return false;
}

bool ColumnNameEvidence::TableOfPeople(std::string_view name) const {
  std::vector<std::string> words = SplitIdentifier(name);
  while (!words.empty() &&
         (table_qualifiers_.contains(words.back()) ||
          std::all_of(words.back().begin(), words.back().end(),
                      [](char c) { return c >= '0' && c <= '9'; }) ||
          (words.back().size() <= 2 && words.size() > 1 && words.back()[0] == 'v'))) {
    words.pop_back();
  }
  return !words.empty() && IsPersonWord(words.back());
}

NameVerdict ColumnNameEvidence::JudgeColumn(std::string_view column, std::string_view table) const {
  NameVerdict verdict = Judge(column);
  if (verdict.generic && !NamesPeople(column) && !TableOfPeople(table)) {
    verdict.category.reset();
    verdict.phrase.clear();
  }
  return verdict;
}

NameVerdict ColumnNameEvidence::JudgeJsonKey(std::string_view key, std::string_view parent,
                                             std::string_view column,
                                             std::string_view table) const {
  NameVerdict verdict = Judge(key);
  if (verdict.generic && !NamesPeople(key) && !NamesPeople(parent) && !NamesPeople(column) &&
      !TableOfPeople(table)) {
    verdict.category.reset();
    verdict.phrase.clear();
  }
  if (verdict.category || parent.empty()) return verdict;
  std::vector<std::string> words = SplitIdentifier(key);
  if (words.size() != 1 || !value_keys_.contains(words[0])) return verdict;
  NameVerdict outer = Judge(parent);
  return outer.category && !outer.negative ? outer : verdict;
}

}  // namespace pgveil::scanner
