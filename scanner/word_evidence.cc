#include "scanner/word_evidence.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <vector>

#include "dictionaries/word_list.h"
#include "scanner/text_fold.h"

namespace pgveil::scanner {
namespace {

using dictionaries::WordList;
using dictionaries::WordListId;

constexpr size_t kMaxNameWords = 5;
constexpr size_t kMaxValueBytes = 4096;
constexpr size_t kMaxNameBytes = 200;

void AddFolded(std::unordered_set<std::string>& set, WordListId id) {
  for (std::string_view word : WordList(id)) set.insert(FoldForMatching(word));
}

// Splits on spaces, commas and periods; hyphenated names ("Jean-Pierre") stay
// whole and are also tried part by part.
std::vector<std::string_view> Words(std::string_view value) {
  std::vector<std::string_view> words;
  size_t start = 0;
  for (size_t i = 0; i <= value.size(); ++i) {
    bool separator = i == value.size() || value[i] == ' ' || value[i] == ',' || value[i] == '\t' ||
                     value[i] == '.' || value[i] == '(' || value[i] == ')';
    if (!separator) continue;
    if (i > start) words.push_back(value.substr(start, i - start));
    start = i + 1;
  }
  return words;
}

bool HasDigit(std::string_view value) {
  for (char c : value) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

// "jean-pierre": every part of a hyphenated word is a known name.
bool AllPartsKnown(std::string_view word, const std::unordered_set<std::string>& known) {
  size_t start = 0;
  while (true) {
    size_t dash = word.find('-', start);
    std::string part(
        word.substr(start, dash == std::string_view::npos ? std::string_view::npos : dash - start));
    if (part.empty() || !known.contains(part)) return false;
    if (dash == std::string_view::npos) return true;
    start = dash + 1;
  }
}

bool IsCjkScript(UScriptCode script) {
  return script == USCRIPT_HAN || script == USCRIPT_HANGUL || script == USCRIPT_HIRAGANA ||
         script == USCRIPT_KATAKANA;
}

}  // namespace

std::unique_ptr<WordEvidence> WordEvidence::CreateFromDictionaries() {
  auto evidence = std::unique_ptr<WordEvidence>(new WordEvidence());
  AddFolded(evidence->names_, WordListId::kGivenNames);
  AddFolded(evidence->names_, WordListId::kSurnames);
  AddFolded(evidence->surnames_, WordListId::kSurnames);
  AddFolded(evidence->not_names_, WordListId::kNotNames);
  AddFolded(evidence->cities_, WordListId::kCities);
  AddFolded(evidence->street_words_, WordListId::kStreetWords);
  AddFolded(evidence->company_suffixes_, WordListId::kCompanySuffixes);
  return evidence;
}

bool WordEvidence::IsUnspacedCjkName(std::string_view value) const {
  const auto* s = reinterpret_cast<const uint8_t*>(value.data());
  int32_t length = static_cast<int32_t>(value.size());
  int code_points = 0;
  for (int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    UErrorCode status = U_ZERO_ERROR;
    if (c < 0 || !IsCjkScript(uscript_getScript(c, &status))) return false;
    ++code_points;
  }
  if (code_points < 2 || code_points > 4) return false;
  // Surnames are one or two characters: 王, 김, 山田, 欧阳.
  int32_t first_end = 0;
  UChar32 c;
  U8_NEXT(s, first_end, length, c);
  if (surnames_.contains(std::string(value.substr(0, first_end)))) return true;
  int32_t second_end = first_end;
  U8_NEXT(s, second_end, length, c);
  return code_points >= 3 && surnames_.contains(std::string(value.substr(0, second_end)));
}

bool WordEvidence::IsPersonName(std::string_view value) const {
  if (value.size() > kMaxNameBytes || HasDigit(value)) return false;
  std::vector<std::string_view> words = Words(value);
  if (words.empty() || words.size() > kMaxNameWords) return false;
  if (words.size() == 1 && IsUnspacedCjkName(words[0])) return true;
  size_t known = 0;
  for (std::string_view word : words) {
    std::string folded = FoldForMatching(word);
    if (not_names_.contains(folded) && !(words.size() > 1 && names_.contains(folded))) return false;
    bool is_name = names_.contains(folded) ||
                   (folded.find('-') != std::string::npos && AllPartsKnown(folded, names_));
    if (is_name) ++known;
  }
  return known * 2 >= words.size() && known > 0;
}

bool WordEvidence::MentionsPerson(std::string_view text) const {
  for (size_t start = 0; start < text.size();) {
    size_t end = std::min(text.find_first_of(" ,\n", start), text.size());
    if (end > start && company_suffixes_.contains(FoldForMatching(text.substr(start, end - start)))) {
      return false;
    }
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
    if (i < length) U8_NEXT(s, i, length, c);
    else ++i;
    bool letter = c >= 0 && (u_isalpha(c) || c == '-' || u_charType(c) == U_NON_SPACING_MARK);
    if (letter && word_start < 0) {
      word_start = at;
      capitalised = u_isupper(c) || (!u_islower(c) && !u_isupper(c));  // caseless scripts count
      continue;
    }
    if (letter) continue;
    if (word_start >= 0) {
      if (!sentence_start && capitalised) {
        std::string folded = FoldForMatching(text.substr(word_start, at - word_start));
        if (names_.contains(folded) && !not_names_.contains(folded)) return true;
      }
      sentence_start = false;
      word_start = -1;
    }
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == 0x3002) sentence_start = true;
  }
  return false;
}

WordMatch WordEvidence::Judge(std::string_view value) const {
  WordMatch match;
  if (value.empty() || value.size() > kMaxValueBytes) return match;
  match.person_name = IsPersonName(value);
  match.embedded_person_name = !match.person_name && MentionsPerson(value);
  std::string folded = FoldForMatching(value);
  match.city = cities_.contains(folded);
  if (HasDigit(value)) {
    for (std::string_view word : Words(folded)) {
      if (street_words_.contains(std::string(word))) {
        match.street_address = true;
        break;
      }
    }
  }
  return match;
}

}  // namespace pgveil::scanner
