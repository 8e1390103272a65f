// scanner/word_evidence.h
//
// Dictionary evidence for values that no pattern can describe: person names,
// cities and street addresses. Values are split into words and each word is
// folded (scanner/text_fold.h) and looked up in hash sets built from the
// word lists of dictionaries/. Han, Hangul and Kana values without spaces
// ("王小明", "김민준") are judged by their leading surname and length.
//
// A value is a person name when it has one to five words, no digits, at least
// half its words are known given names or surnames, and no word is only a
// decoy (a colour, product word or company suffix from not_names.txt) —
// "Amber Lamp" is not a person, "Rose Müller" is. Longer text mentions a
// person when a word that does not start a sentence is capitalised (or in a
// script without case) and is a known name that is not also a decoy word,
// unless a legal form (GmbH, Ltd) makes the text a company name.
//
// Thread-safety: immutable after Create(); share freely, with one Scratch
// per thread.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace pgveil::scanner {

struct WordMatch {
  bool person_name = false;           // the value is a name
  bool embedded_person_name = false;  // free text that names someone ("Happy birthday, Ольга!")
  bool city = false;
  bool street_address = false;
};

// A set of folded words that can be probed with a string_view, so lookups on
// the hot path allocate nothing.
struct WordHash {
  using is_transparent = void;
  size_t operator()(std::string_view word) const { return std::hash<std::string_view>{}(word); }
};
using WordSet = std::unordered_set<std::string, WordHash, std::equal_to<>>;

class WordEvidence {
 public:
  static constexpr size_t kMaxWords = 64;
  using Words = std::array<std::string_view, kMaxWords>;

  // One thread's working memory: the folded word being looked up, and the
  // folds of recent non-ASCII words. Names, cities and street words repeat
  // from value to value, and ICU's folding costs far more than a lookup.
  class Scratch {
   public:
    // `word` folded (scanner/text_fold.h); valid until the next call.
    std::string_view Fold(std::string_view word);

   private:
    static constexpr size_t kMaxCachedFolds = 8192;
    std::string folded_;
    std::unordered_map<std::string, std::string, WordHash, std::equal_to<>> folds_;
  };

  // Builds the sets from the embedded word lists.
  static std::unique_ptr<WordEvidence> CreateFromDictionaries();

  // `value` must be valid UTF-8 (NFKC-normalised or ASCII).
  WordMatch Judge(std::string_view value, Scratch& scratch) const;

 private:
  WordEvidence() = default;
  // `words` are the first `kept` of the `count` words of `value`.
  bool IsPersonName(std::string_view value, const Words& words, size_t count, size_t kept,
                    Scratch& scratch) const;
  bool IsUnspacedCjkName(std::string_view value) const;
  bool MentionsPerson(std::string_view text, Scratch& scratch) const;
  bool AllPartsKnown(std::string_view word, Scratch& scratch) const;
  bool IsStreetWord(std::string_view word, Scratch& scratch) const;

  // Whether folded `word` is in `set`.
  static bool Contains(const WordSet& set, std::string_view word, Scratch& scratch);

  WordSet names_;      // given names and surnames, folded
  WordSet surnames_;   // folded, for unspaced CJK names
  WordSet not_names_;  // folded decoys
  WordSet cities_;     // folded, whole values
  WordSet street_words_;
  std::vector<std::string> street_suffixes_;  // folded; end compounds ("Hauptstraße")
  WordSet company_suffixes_;  // folded
};

}  // namespace pgveil::scanner
