#include "masking/word_index.h"

#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>

#include "core/status.h"
#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

constexpr size_t kScanCodePoints = 64;

ScriptCode ScriptOf(char32_t code_point) {
  UErrorCode error = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(code_point), &error);
  if (U_FAILURE(error)) {
    return USCRIPT_INVALID_CODE;
  }
  return script;
}

std::string TitleCase(std::string_view text) {
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (unicode.isEmpty()) {
    return std::string(text);
  }
  const UChar32 first = unicode.char32At(0);
  icu::UnicodeString result;
  result.append(u_totitle(first));
  result.append(unicode, U16_LENGTH(first), unicode.length() - U16_LENGTH(first));
  std::string out;
  result.toUTF8String(out);
  return out;
}

}  // namespace

ScriptCode LatinScript() { return USCRIPT_LATIN; }

const WordIndex& WordIndex::For(dictionaries::WordListId list) {
  static const auto* indexes = [] {
    auto* all = new std::array<WordIndex, 5>;
    for (size_t i = 0; i < all->size(); ++i) {
      const auto id = static_cast<dictionaries::WordListId>(i);
      WordIndex& index = (*all)[i];
      std::map<ScriptCode, std::vector<WordEntry>> by_script;
      for (std::string_view word : dictionaries::WordList(id)) {
        WordEntry entry;
        entry.text =
            id == dictionaries::WordListId::kStreetWords ? TitleCase(word) : std::string(word);
        entry.chars = CountCodePoints(entry.text);
        by_script[DetectScript(entry.text)].push_back(std::move(entry));
      }
      index.min_chars_ = by_script.empty() ? 0 : SIZE_MAX;
      for (auto& [script, entries] : by_script) {
        std::stable_sort(entries.begin(), entries.end(),
                         [](const WordEntry& a, const WordEntry& b) { return a.chars < b.chars; });
        index.max_chars_ = std::max(index.max_chars_, entries.back().chars);
        index.min_chars_ = std::min(index.min_chars_, entries.front().chars);
        index.groups_.push_back({script, std::move(entries)});
      }
    }
    return all;
  }();
  PGVEIL_CHECK(static_cast<size_t>(list) < indexes->size());
  return (*indexes)[static_cast<size_t>(list)];
}

std::span<const WordEntry> WordIndex::EntriesFor(ScriptCode script) const {
  auto find = [this](ScriptCode wanted) -> const Group* {
    for (const Group& group : groups_) {
      if (group.script == wanted) {
        return &group;
      }
    }
    return nullptr;
  };
  const Group* group = find(script);
  if (group == nullptr && (script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA)) {
    group = find(USCRIPT_HAN);
  }
  if (group == nullptr) {
    group = find(USCRIPT_LATIN);
  }
  if (group == nullptr) {
    for (const Group& candidate : groups_) {
      if (group == nullptr || candidate.entries.size() > group->entries.size()) {
        group = &candidate;
      }
    }
  }
  if (group == nullptr) {
    return {};
  }
  return group->entries;
}

ScriptCode DetectScript(std::string_view text) {
  std::array<std::pair<ScriptCode, int>, 4> counts{};
  size_t used = 0;
  size_t pos = 0;
  char32_t code_point;
  for (size_t seen = 0; pos < text.size() && seen < kScanCodePoints; ++seen) {
    if (!DecodeUtf8(text, &pos, &code_point)) {
      return USCRIPT_LATIN;
    }
    if (!u_isalpha(static_cast<UChar32>(code_point))) {
      continue;
    }
    const ScriptCode script = ScriptOf(code_point);
    if (script == USCRIPT_COMMON || script == USCRIPT_INHERITED || script == USCRIPT_UNKNOWN ||
        script == USCRIPT_INVALID_CODE) {
      continue;
    }
    size_t slot = 0;
    while (slot < used && counts[slot].first != script) {
      ++slot;
    }
    if (slot == used) {
      if (used == counts.size()) {
        continue;
      }
      counts[used++] = {script, 0};
    }
    ++counts[slot].second;
  }
  ScriptCode best = USCRIPT_LATIN;
  int best_count = 0;
  for (size_t i = 0; i < used; ++i) {
    if (counts[i].second > best_count) {
      best = counts[i].first;
      best_count = counts[i].second;
    }
  }
  return best;
}

bool JoinsNamesWithoutSpace(ScriptCode script) {
  return script == USCRIPT_HAN || script == USCRIPT_HANGUL || script == USCRIPT_HIRAGANA ||
         script == USCRIPT_KATAKANA;
}

LetterCase DetectCase(std::string_view text) {
  int upper = 0;
  int lower = 0;
  size_t pos = 0;
  char32_t code_point;
  for (size_t seen = 0; pos < text.size() && seen < kScanCodePoints; ++seen) {
    if (!DecodeUtf8(text, &pos, &code_point)) {
      return LetterCase::kMixed;
    }
    if (u_isupper(static_cast<UChar32>(code_point))) {
      ++upper;
    }
    if (u_islower(static_cast<UChar32>(code_point))) {
      ++lower;
    }
  }
  if (upper >= 2 && lower == 0) {
    return LetterCase::kUpper;
  }
  if (lower >= 1 && upper == 0) {
    return LetterCase::kLower;
  }
  return LetterCase::kMixed;
}

void AppendCased(std::string_view text, LetterCase letter_case, std::string* out) {
  if (letter_case == LetterCase::kMixed) {
    out->append(text);
    return;
  }
  icu::UnicodeString unicode = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (letter_case == LetterCase::kUpper) {
    unicode.toUpper(icu::Locale::getRoot());
  } else {
    unicode.toLower(icu::Locale::getRoot());
  }
  unicode.toUTF8String(*out);
}

}  // namespace pgveil::masking
