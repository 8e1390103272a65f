#include "scanner/word_evidence.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "dictionaries/word_list.h"
#include "scanner/text_fold.h"

namespace pgveil::scanner {
namespace {

using dictionaries::WordList;
using dictionaries::WordListId;
using Words = WordEvidence::Words;
constexpr size_t kMaxWords = WordEvidence::kMaxWords;

constexpr size_t kMaxNameWords = 5;
constexpr size_t kMaxCityWords = 4;
constexpr size_t kMaxStreetWords = 12;
constexpr size_t kMinMentionWords = 3;   // shorter values are names or nothing, not prose
constexpr size_t kMaxValueBytes = 4096;  // longer values are documents, not names or addresses
constexpr size_t kMaxNameBytes = 200;
constexpr size_t kMinStreetModifier = 3;

void AddFolded(WordSet& set, WordListId id) {
  for (std::string_view word : WordList(id)) set.insert(FoldForMatching(word));
}

bool IsSeparator(char c) {
  return c == ' ' || c == ',' || c == '\t' || c == '\n' || c == '.' || c == '(' || c == ')';
}

// Up to kMaxWords words of `value`, split on spaces, commas, periods and
// parentheses, without allocating. Returns how many there are in all.
size_t SplitWords(std::string_view value, Words& words, size_t* kept) {
  size_t count = 0;
  size_t start = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    if (i < value.size() && !IsSeparator(value[i])) continue;
    if (i > start) {
      if (count < kMaxWords) words[count] = value.substr(start, i - start);
      ++count;
    }
    start = i + 1;
  }
  *kept = std::min(count, kMaxWords);
  return count;
}

bool HasDigit(std::string_view value) {
  return std::any_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Any ASCII letter, or any non-ASCII byte (every other script's letters).
bool HasLetter(std::string_view value) {
  return std::any_of(value.begin(), value.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
  });
}

bool IsCjkScript(UScriptCode script) {
  return script == USCRIPT_HAN || script == USCRIPT_HANGUL || script == USCRIPT_HIRAGANA ||
         script == USCRIPT_KATAKANA;
}

}  // namespace

std::string_view WordEvidence::Scratch::Fold(std::string_view word) {
  if (IsAscii(word)) {
    FoldForMatchingInto(word, &folded_);
    return folded_;
  }
  if (auto it = folds_.find(word); it != folds_.end()) return it->second;
  if (folds_.size() >= kMaxCachedFolds) folds_.clear();
  FoldForMatchingInto(word, &folded_);
  return folds_.emplace(std::string(word), folded_).first->second;
}

bool WordEvidence::Contains(const WordSet& set, std::string_view word, Scratch& scratch) {
  std::string_view folded = scratch.Fold(word);
  return !folded.empty() && set.find(folded) != set.end();
}

std::unique_ptr<WordEvidence> WordEvidence::CreateFromDictionaries() {
  auto evidence = std::unique_ptr<WordEvidence>(new WordEvidence());
  AddFolded(evidence->names_, WordListId::kGivenNames);
  AddFolded(evidence->names_, WordListId::kSurnames);
  AddFolded(evidence->surnames_, WordListId::kSurnames);
  AddFolded(evidence->not_names_, WordListId::kNotNames);
  AddFolded(evidence->cities_, WordListId::kCities);
  AddFolded(evidence->street_words_, WordListId::kStreetWords);
  for (std::string_view suffix : WordList(WordListId::kStreetSuffixes)) {
    evidence->street_suffixes_.push_back(FoldForMatching(suffix));
  }
  AddFolded(evidence->company_suffixes_, WordListId::kCompanySuffixes);
  return evidence;
}

bool WordEvidence::IsUnspacedCjkName(std::string_view value) const {
  const auto* s = reinterpret_cast<const uint8_t*>(value.data());
  int32_t length = static_cast<int32_t>(value.size());
  int code_points = 0;
  int32_t ends[2] = {0, 0};
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    UErrorCode status = U_ZERO_ERROR;
    if (c < 0 || !IsCjkScript(uscript_getScript(c, &status))) return false;
    if (code_points < 2) ends[code_points] = i;
    ++code_points;
  }
  if (code_points < 2 || code_points > 4) return false;
  // Surnames are one or two characters: 王, 김, 山田, 欧阳.
  return surnames_.contains(value.substr(0, static_cast<size_t>(ends[0]))) ||
         (code_points >= 3 && surnames_.contains(value.substr(0, static_cast<size_t>(ends[1]))));
}

bool WordEvidence::IsPersonName(std::string_view value, const Words& words, size_t count,
                                size_t kept, Scratch& scratch) const {
  if (value.size() > kMaxNameBytes) return false;
  if (count == 0 || count > kMaxNameWords) return false;
  if (count == 1 && IsUnspacedCjkName(words[0])) return true;
  size_t known = 0;
  for (size_t i = 0; i < kept; ++i) {
    bool is_name = Contains(names_, words[i], scratch) ||
                   (words[i].find('-') != std::string_view::npos && AllPartsKnown(words[i], scratch));
    // A decoy word ("Amber", "Lamp") sinks the value unless it is also a
    // name among other names ("Rose Müller").
    if ((!is_name || count == 1) && Contains(not_names_, words[i], scratch)) return false;
    if (is_name) ++known;
  }
  return known * 2 >= count && known > 0;
}

// "Jean-Pierre": every part of a hyphenated word is a known name.
bool WordEvidence::AllPartsKnown(std::string_view word, Scratch& scratch) const {
  size_t start = 0;
  while (true) {
    size_t dash = word.find('-', start);
    std::string_view part =
        word.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start);
    if (part.empty() || !Contains(names_, part, scratch)) return false;
    if (dash == std::string_view::npos) return true;
    start = dash + 1;
  }
}

bool WordEvidence::MentionsPerson(std::string_view text, Scratch& scratch) const {
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find_first_of(" ,\n", start), text.size());
    if (end > start && Contains(company_suffixes_, text.substr(start, end - start), scratch))
      return false;
    start = end + 1;
  }
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t length = static_cast<int32_t>(text.size());
  bool sentence_start = true;
  int32_t word_start = -1;
  bool capitalised = false;
  for (int32_t i = 0; i <= length;) {
    int32_t at = i;
    UChar32 c = ' ';
    if (i < length) {
      U8_NEXT(s, i, length, c);
    } else {
      ++i;
    }
    bool letter = c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c == '-'
                           : c > 0 && (u_isalpha(c) || u_charType(c) == U_NON_SPACING_MARK);
    if (letter && word_start < 0) {
      word_start = at;
      // Scripts without case (CJK, Arabic, Hebrew) count as capitalised.
      capitalised =
          c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c) || (!u_islower(c) && !u_isupper(c));
      continue;
    }
    if (letter) continue;
    if (word_start >= 0) {
      if (!sentence_start && capitalised) {
        std::string_view word =
            text.substr(static_cast<size_t>(word_start), static_cast<size_t>(at - word_start));
        if (Contains(names_, word, scratch) && !Contains(not_names_, word, scratch)) return true;
      }
      sentence_start = false;
      word_start = -1;
    }
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x3002) sentence_start = true;
  }
  return false;
}

// A street word on its own ("Street", "rue") or at the end of a compound
// after at least kMinStreetModifier more bytes ("Hauptstraße", "Kerkstraat").
bool WordEvidence::IsStreetWord(std::string_view word, Scratch& scratch) const {
  std::string_view folded = scratch.Fold(word);
  if (folded.empty()) return false;
  if (street_words_.contains(folded)) return true;
  return std::any_of(street_suffixes_.begin(), street_suffixes_.end(), [&](const std::string& suffix) {
    return folded.back() == suffix.back() &&  // cheap first: most words end otherwise
           folded.size() >= suffix.size() + kMinStreetModifier && folded.ends_with(suffix);
  });
}

WordMatch WordEvidence::Judge(std::string_view value, Scratch& scratch) const {
  WordMatch match;
  // Emails, URLs and documents are never names or addresses, and neither is
  // a value without a letter (amounts, identifiers, codes).
  if (value.empty() || value.size() > kMaxValueBytes || !HasLetter(value) ||
      value.find('@') != std::string_view::npos || value.find("://") != std::string_view::npos) {
    return match;
  }
  Words words;
  size_t kept = 0;
  size_t count = SplitWords(value, words, &kept);
  bool digits = HasDigit(value);
  match.person_name =
      !digits && count <= kMaxNameWords && IsPersonName(value, words, count, kept, scratch);
  match.city = !digits && count <= kMaxCityWords && Contains(cities_, value, scratch);
  if (digits && count >= 2 && count <= kMaxStreetWords) {
    for (size_t i = 0; i < kept && !match.street_address; ++i) {
      match.street_address = IsStreetWord(words[i], scratch);
    }
  }
  match.embedded_person_name =
      !match.person_name && count >= kMinMentionWords && MentionsPerson(value, scratch);
  return match;
}

}  // namespace pgveil::scanner
