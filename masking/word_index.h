// masking/word_index.h
//
// WordIndex groups one dictionary word list (dictionaries/word_list.h) by
// writing system (ICU script: Latin, Cyrillic, Greek, Han, Arabic, ...) and
// sorts each group by length in characters, so the fake_* transformers can
// pick "a surname in the same script as the input, at most 12 characters
// long" as a prefix of one sorted group. Also detects the script of an
// input value and how it is cased.
//
// Thread-safety: indexes are built once, on first use, and immutable after;
// every function is safe to call from any thread.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dictionaries/word_list.h"

namespace pgveil::masking {

// An ICU UScriptCode, kept as an int so <unicode/uscript.h> stays out of
// headers.
using ScriptCode = int;
ScriptCode LatinScript();

enum class LetterCase { kMixed, kUpper, kLower };

struct WordEntry {
  std::string text;
  size_t chars = 0;  // code points
};

class WordIndex {
 public:
  // The index of `list`. Street words are title-cased ("street" -> "Street").
  static const WordIndex& For(dictionaries::WordListId list);

  // Entries in `script`, shortest first. When the list has none in that
  // script: Han for Hiragana/Katakana input, then Latin, then the largest
  // group; empty only when the list is empty.
  std::span<const WordEntry> EntriesFor(ScriptCode script) const;

  // Longest and shortest entry of the whole list, in characters.
  size_t max_chars() const { return max_chars_; }
  size_t min_chars() const { return min_chars_; }

 private:
  struct Group {
    ScriptCode script;
    std::vector<WordEntry> entries;
  };
  std::vector<Group> groups_;
  size_t max_chars_ = 0;
  size_t min_chars_ = 0;
};

// The dominant script among the letters of the first 64 code points of
// `text` (ignoring digits, punctuation and combining marks); Latin when
// there are no letters or the text is not valid UTF-8.
ScriptCode DetectScript(std::string_view text);

// True for scripts whose personal names are written without a space
// between family and given name (Han, Hangul, Hiragana, Katakana).
bool JoinsNamesWithoutSpace(ScriptCode script);

// kUpper when every cased letter is upper case and there are at least two,
// kLower when every one is lower case, kMixed otherwise.
LetterCase DetectCase(std::string_view text);

// Appends `text` converted to `letter_case` (kMixed: unchanged).
void AppendCased(std::string_view text, LetterCase letter_case, std::string* out);

}  // namespace pgveil::masking
