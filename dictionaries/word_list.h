// dictionaries/word_list.h
//
// Word lists compiled into the binary from dictionaries/data/*.txt: given
// names, surnames, cities, street words, and the decoy lexicons that look like
// names but are not (colours, product and company words). Each file is UTF-8,
// one entry per line; lines starting with '#' are comments (the source of the
// list is noted there) and blank lines are ignored. Entries are kept as
// written; matching code folds case itself.
//
// Thread-safety: the lists are built once, on first use, and immutable after;
// safe to call from any thread.
#pragma once

#include <span>
#include <string_view>

namespace pgveil::dictionaries {

enum class WordListId {
  kGivenNames,   // given names in every script we ship
  kSurnames,     // family names in every script we ship
  kCities,       // city and town names
  kStreetWords,  // street-type words: street, str., rue, calle, улица, ...
  kStreetSuffixes,  // street types that end compounds: straße, straat, gatan, vej, ...
  kNotNames,     // words that look like names but are not: colours, products, lorem
  kCompanySuffixes,  // legal forms: GmbH, KG, Ltd, 株式会社, ...
};

// Entries of `id`, in file order, without comments or blank lines. The views
// point into static storage and stay valid for the life of the program.
std::span<const std::string_view> WordList(WordListId id);

// Name of the data file behind `id`, e.g. "given_names.txt" (for messages).
std::string_view FileName(WordListId id);

}  // namespace pgveil::dictionaries
