// Tests of the transformers that generalise, shift or pick: keep, null,
// constant, hash, fake_*, postal_generalize, date_shift, date_generalize,
// age_cap, numeric_noise.

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <string>

#include "dictionaries/word_list.h"
#include "masking/decimal.h"
#include "masking/pg_date.h"
#include "masking/test_support.h"
#include "masking/text_util.h"
#include "masking/word_index.h"

namespace pgveil::masking {
namespace {

using dictionaries::WordListId;
using testing::Make;
using testing::MaskStatus;
using testing::MaskText;

TEST_CASE("keep, null and constant", "[masking][simple]") {
  CHECK(MaskText("keep", "as is") == "as is");
  MaskedValue out;
  REQUIRE(MaskStatus("null", "x", {}, &out).ok());
  CHECK(out.is_null);
  CHECK(MaskText("constant", "secret", {{"value", "REDACTED"}}) == "REDACTED");
}

TEST_CASE("hash encodings and lengths", "[masking][hash]") {
  const std::string hex = MaskText("hash", "alice");
  CHECK(hex.size() == 64);
  CHECK(hex.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(MaskText("hash", "alice", {{"length", "12"}}) == hex.substr(0, 12));
  const std::string base32 = MaskText("hash", "alice", {{"encoding", "base32"}});
  CHECK(base32.size() == 51);
  CHECK(base32.find_first_not_of("abcdefghijklmnopqrstuvwxyz234567") == std::string::npos);
}

bool Contains(WordListId list, std::string_view text) {
  for (std::string_view entry : dictionaries::WordList(list)) {
    if (entry == text) {
      return true;
    }
  }
  return false;
}

TEST_CASE("fake names come from the dictionaries", "[masking][fake]") {
  const std::string first = MaskText("fake_first_name", "John");
  CHECK(Contains(WordListId::kGivenNames, first));
  const std::string last = MaskText("fake_last_name", "Smith");
  CHECK(Contains(WordListId::kSurnames, last));
  const std::string city = MaskText("fake_city", "Porto");
  CHECK(Contains(WordListId::kCities, city));
  const std::string full = MaskText("fake_name", "John Smith");
  const size_t space = full.find(' ');
  REQUIRE(space != std::string::npos);
  CHECK(Contains(WordListId::kGivenNames, full.substr(0, space)));
  CHECK(Contains(WordListId::kSurnames, full.substr(space + 1)));
  const std::string street = MaskText("fake_street", "1600 Pennsylvania Avenue");
  const int number = std::atoi(street.c_str());
  CHECK(number >= 1);
  CHECK(number <= 999);
  // Case follows the input; the pick does not depend on it.
  auto transformer = Make("fake_first_name");
  const std::string mixed = MaskText(*transformer, "Maria");
  const std::string upper = MaskText(*transformer, "MARIA");
  const std::string lower = MaskText(*transformer, "maria");
  std::string expected_upper, expected_lower;
  for (char c : mixed) {
    expected_upper.push_back(ToUpperAscii(c));
    expected_lower.push_back(ToLowerAscii(c));
  }
  if (std::all_of(mixed.begin(), mixed.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    CHECK(upper == expected_upper);
    CHECK(lower == expected_lower);
  }
}

TEST_CASE("fake names keep the input's script when the dictionary has it", "[masking][fake]") {
  const std::pair<std::string_view, WordListId> kinds[] = {
      {"fake_first_name", WordListId::kGivenNames},
      {"fake_last_name", WordListId::kSurnames},
      {"fake_city", WordListId::kCities}};
  for (const auto& [name, list] : kinds) {
    for (std::string_view input : {"Maria", "Иван", "Γιώργος", "王伟", "محمد", "김민준"}) {
      const ScriptCode script = DetectScript(input);
      const std::string out = MaskText(name, input);
      INFO(name << ": " << input << " -> " << out);
      // The output's script is the input's when the list has entries in it,
      // and Latin (the fallback) otherwise.
      const auto entries = WordIndex::For(list).EntriesFor(script);
      REQUIRE(!entries.empty());
      CHECK(DetectScript(out) == DetectScript(entries.front().text));
      if (DetectScript(entries.front().text) != script) {
        CHECK(DetectScript(out) == LatinScript());
      }
    }
  }
  CHECK(DetectScript("Иван") != DetectScript("Ivan"));
  CHECK(DetectScript("12345 !!") == LatinScript());
  CHECK(DetectScript("\xFF\xFE") == LatinScript());
}

TEST_CASE("postal_generalize follows HIPAA Safe Harbor", "[masking][postal]") {
  CHECK(MaskText("postal_generalize", "94107") == "94100");
  CHECK(MaskText("postal_generalize", "94107-1234") == "94100-0000");
  CHECK(MaskText("postal_generalize", "941071234") == "941000000");
  CHECK(MaskText("postal_generalize", "94107", {{"truncate", "true"}}) == "941");
  for (std::string_view restricted :
       {"03601", "05901", "06390", "10201", "20301", "55601", "69201", "79001", "82101", "82301",
        "83001", "83101", "87801", "87901", "88401", "89001", "89301"}) {
    INFO(restricted);
    CHECK(MaskText("postal_generalize", restricted) == "00000");
  }
  CHECK(MaskText("postal_generalize", "03701") == "03700");
  CHECK(MaskText("postal_generalize", "94107     ") == "94100     ");
}

TEST_CASE("date_shift moves dates by a keyed non-zero offset within the bound", "[masking][date]") {
  auto transformer = Make("date_shift", {{"days", "10"}});
  std::set<int64_t> offsets;
  for (int day = 1; day <= 28; ++day) {
    const std::string input = "2024-02-" + std::string(day < 10 ? "0" : "") + std::to_string(day);
    const std::string out = MaskText(*transformer, input);
    const IsoDateTime parsed = ParseIsoDateTime(out).value();
    const int64_t offset =
        DaysFromCivil(parsed.year, parsed.month, parsed.day) - DaysFromCivil(2024, 2, day);
    INFO(input << " -> " << out);
    CHECK(offset != 0);
    CHECK(offset >= -10);
    CHECK(offset <= 10);
    offsets.insert(offset);
  }
  CHECK(offsets.size() > 5);
  // All timestamps of one day move together, time and zone kept.
  const std::string morning = MaskText(*transformer, "2024-02-10 08:00:00+01");
  const std::string evening = MaskText(*transformer, "2024-02-10 20:30:15.25+01");
  CHECK(morning.substr(0, 10) == evening.substr(0, 10));
  CHECK(morning.ends_with(" 08:00:00+01"));
  CHECK(evening.ends_with(" 20:30:15.25+01"));
  CHECK(MaskText(*transformer, "infinity") == "infinity");
  CHECK(MaskText(*transformer, "2024-02-10T08:00:00").substr(10, 1) == "T");
}

TEST_CASE("date_generalize keeps the year or the month", "[masking][date]") {
  CHECK(MaskText("date_generalize", "1984-07-23") == "1984-01-01");
  CHECK(MaskText("date_generalize", "1984-07-23", {{"to", "month"}}) == "1984-07-01");
  CHECK(MaskText("date_generalize", "2024-03-15 13:45:00.123+01") == "2024-01-01 00:00:00+01");
  CHECK(MaskText("date_generalize", "-infinity") == "-infinity");
}

TEST_CASE("age_cap aggregates 90 and older", "[masking][age]") {
  CHECK(MaskText("age_cap", "89") == "89");
  CHECK(MaskText("age_cap", "90") == "90");
  CHECK(MaskText("age_cap", "104") == "90");
  CHECK(MaskText("age_cap", "95.5") == "90");
  CHECK(MaskText("age_cap", "89.9") == "89.9");
  CHECK(MaskText("age_cap", "70", {{"cap", "65"}}) == "65");
}

TEST_CASE("numeric_noise stays within the percentage and keeps decimals", "[masking][noise]") {
  auto transformer = Make("numeric_noise", {{"percent", "5"}});
  int changed = 0;
  for (int i = 1; i <= 500; ++i) {
    const std::string input = std::to_string(i * 1000) + ".00";
    const std::string out = MaskText(*transformer, input);
    const double in_value = i * 1000.0;
    const double out_value = std::strtod(out.c_str(), nullptr);
    INFO(input << " -> " << out);
    CHECK(out_value >= in_value * 0.95 - 0.01);
    CHECK(out_value <= in_value * 1.05 + 0.01);
    CHECK(out.size() - out.find('.') == 3);
    changed += out != input;
  }
  CHECK(changed > 450);
  CHECK(MaskText(*transformer, "NaN") == "NaN");
  // Never more integer digits than the input: 999.99 cannot grow to 1049.99.
  auto wide = Make("numeric_noise", {{"percent", "100"}});
  for (int i = 0; i < 100; ++i) {
    const std::string out = MaskText(*wide, "999.9" + std::to_string(i % 10));
    CHECK(ParseDecimal(out)->integer_digits <= 3);
  }
  auto clamped = Make("numeric_noise", {{"percent", "50"}, {"min", "0"}, {"max", "100"}});
  for (int i = 0; i <= 100; ++i) {
    const int64_t out = std::stoll(MaskText(*clamped, std::to_string(i)));
    CHECK(out >= 0);
    CHECK(out <= 100);
  }
}

}  // namespace
}  // namespace pgveil::masking
