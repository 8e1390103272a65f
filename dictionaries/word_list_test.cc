#include "dictionaries/word_list.h"

#include <catch2/catch.hpp>

namespace pgveil::dictionaries {

TEST_CASE("every word list is embedded, non-empty and free of comments", "[dictionaries]") {
  for (WordListId id : {WordListId::kGivenNames, WordListId::kSurnames, WordListId::kCities,
                        WordListId::kStreetWords, WordListId::kStreetSuffixes,
                        WordListId::kNotNames,
                        WordListId::kCompanySuffixes}) {
    INFO(FileName(id));
    auto words = WordList(id);
    CHECK_FALSE(words.empty());
    for (std::string_view word : words) {
      CHECK_FALSE(word.empty());
      CHECK(word.front() != '#');
      CHECK(word.back() != ' ');
    }
  }
}

}  // namespace pgveil::dictionaries
