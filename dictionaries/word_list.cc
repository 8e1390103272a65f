#include "dictionaries/word_list.h"

#include <array>
#include <vector>

#include "dictionaries/embedded.h"

namespace pgveil::dictionaries {
namespace {

struct ListSource {
  WordListId id;
  std::string_view file;
  const std::string_view* text;
};

const std::array kSources = {
    ListSource{WordListId::kGivenNames, "given_names.txt", &embedded::given_names},
    ListSource{WordListId::kSurnames, "surnames.txt", &embedded::surnames},
    ListSource{WordListId::kCities, "cities.txt", &embedded::cities},
    ListSource{WordListId::kStreetWords, "street_words.txt", &embedded::street_words},
    ListSource{WordListId::kStreetSuffixes, "street_suffixes.txt", &embedded::street_suffixes},
    ListSource{WordListId::kNotNames, "not_names.txt", &embedded::not_names},
    ListSource{WordListId::kCompanySuffixes, "company_suffixes.txt", &embedded::company_suffixes},
};

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (line.empty() || line.front() == '#') continue;
    lines.push_back(line);
  }
  return lines;
}

}  // namespace

std::span<const std::string_view> WordList(WordListId id) {
  static const auto* lists = [] {
    auto* all = new std::array<std::vector<std::string_view>, kSources.size()>;
    for (size_t i = 0; i < kSources.size(); ++i) (*all)[i] = SplitLines(*kSources[i].text);
    return all;
  }();
  return (*lists)[static_cast<size_t>(id)];
}

std::string_view FileName(WordListId id) { return kSources[static_cast<size_t>(id)].file; }

}  // namespace pgveil::dictionaries
