// Properties every transformer must have, checked over the whole registry
// with realistic inputs: determinism, clones that agree, key and domain
// separation for keyed transformers, outputs that respect the length and
// type limits the registry declares, and valid outputs for typed columns.

#include <arpa/inet.h>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

#include "dictionaries/word_list.h"
#include "masking/decimal.h"
#include "masking/pg_date.h"
#include "masking/test_support.h"
#include "masking/text_util.h"
#include "masking/word_index.h"

namespace pgveil::masking {
namespace {

using testing::Make;
using testing::MaskText;
using testing::OtherKeys;
using testing::TestKeys;

struct Sample {
  ParamMap params;
  std::vector<std::string> inputs;
};

// At least one sample per transformer; the test below fails if one is
// missing, so a new transformer cannot skip these properties.
const std::map<std::string, Sample>& Samples() {
  static const auto* samples = new std::map<std::string, Sample>{
      {"keep", {{}, {"anything", "x"}}},
      {"null", {{}, {"anything"}}},
      {"constant", {{{"value", "REDACTED"}}, {"secret", "other"}}},
      {"hash", {{}, {"alice", "bob", "Zoë", "a much longer value with spaces"}}},
      {"email",
       {{}, {"jane.doe@example.com", "JOHN@EXAMPLE.ORG", "a@b.co", "x.y+z@sub.mail.example"}}},
      {"phone", {{}, {"+1 (415) 555-0123", "030 1234567", "+44 20 7946 0958", "555-0199"}}},
      {"credit_card", {{}, {"4111 1111 1111 1111", "5500-0000-0000-0004", "340000000000009"}}},
      {"iban", {{}, {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432"}}},
      {"fpe_digits", {{}, {"123-45-6789", "4111111111111111", "000000", "12/34/5678"}}},
      {"fpe_alnum", {{}, {"AB12CD34", "x9Y8z7", "LU28-0019-4006"}}},
      {"fpe_int", {{}, {"0", "42", "2147483647", "1000000"}}},
      {"fake_first_name", {{}, {"Maria", "Иван", "JOHN", "李"}}},
      {"fake_last_name", {{}, {"García", "Иванов", "smith"}}},
      {"fake_name", {{}, {"Maria García", "Иван Иванов", "王伟"}}},
      {"fake_street", {{}, {"12 Rua Augusta", "Hauptstraße 5"}}},
      {"fake_city", {{}, {"Lisboa", "Москва", "Paris"}}},
      {"postal_generalize", {{}, {"94107", "03601-1234", "102345678"}}},
      {"date_shift",
       {{}, {"2024-03-15", "1980-02-29", "2024-03-15 13:45:00.123456+01", "0001-01-01"}}},
      {"date_generalize", {{}, {"2024-03-15", "2024-03-15 13:45:00-05:30"}}},
      {"age_cap", {{}, {"95", "42", "90", "89.5"}}},
      {"numeric_noise", {{}, {"1234.56", "-17", "0.001", "99999"}}},
      {"ip", {{}, {"10.1.2.3", "192.168.0.0/16", "2001:db8::1", "2001:db8::/32"}}},
      {"uuid",
       {{}, {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "00000000-0000-4000-8000-000000000000"}}},
      {"json",
       {{{"paths", R"({"$.email": "email", "$.phones[*]": "phone", "$.ssn": "delete"})"}},
        {R"({"email":"a@b.com","phones":["+1 415 555 0123"],"ssn":"123-45-6789","n":1.50})",
         R"([1, 2, {"email": "x@y.org"}])"}}},
  };
  return *samples;
}

std::string Apply(Transformer& transformer, const std::string& input) {
  MaskedValue out;
  Status status = transformer.Apply(input, &out);
  if (!status.ok()) {
    FAIL(transformer.name() << ": " << status.message());
  }
  return out.is_null ? std::string("<NULL>") : out.text;
}

TEST_CASE("every transformer has property samples", "[masking][property]") {
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    INFO(spec->name);
    CHECK(Samples().count(std::string(spec->name)) == 1);
  }
}

TEST_CASE("transformers are deterministic and clones agree", "[masking][property]") {
  for (const auto& [name, sample] : Samples()) {
    auto first = Make(name, sample.params);
    auto second = Make(name, sample.params);
    auto clone = first->Clone();
    for (const std::string& input : sample.inputs) {
      INFO(name << " on " << input);
      const std::string expected = Apply(*first, input);
      CHECK(Apply(*second, input) == expected);
      CHECK(Apply(*clone, input) == expected);
      CHECK(Apply(*first, input) == expected);  // no state leaks between calls
    }
  }
}

// How many picks a fake_* transformer has for Latin input; separation can
// only show with at least two.
size_t DictionaryChoices(const std::string& name) {
  using dictionaries::WordListId;
  if (name == "fake_first_name") {
    return dictionaries::WordList(WordListId::kGivenNames).size();
  }
  if (name == "fake_city") {
    return dictionaries::WordList(WordListId::kCities).size();
  }
  if (name == "fake_street") {
    return 999;
  }
  if (name == "fake_last_name" || name == "fake_name") {
    return dictionaries::WordList(WordListId::kSurnames).size();
  }
  return 1000;
}

TEST_CASE("keyed transformers separate keys and domains", "[masking][property]") {
  for (const auto& [name, sample] : Samples()) {
    const TransformerSpec* spec = FindTransformerSpec(name);
    REQUIRE(spec != nullptr);
    auto base = Make(name, sample.params, "public.a.b", TestKeys());
    auto other_key = Make(name, sample.params, "public.a.b", OtherKeys());
    auto other_domain = Make(name, sample.params, "public.a.c", TestKeys());
    std::vector<std::string> inputs = sample.inputs;
    if (name.starts_with("fake_")) {
      for (int i = 0; i < 40; ++i) {
        inputs.push_back("Name" + std::to_string(i));
      }
    }
    int key_differs = 0;
    int domain_differs = 0;
    for (const std::string& input : inputs) {
      const std::string out = Apply(*base, input);
      key_differs += Apply(*other_key, input) != out;
      domain_differs += Apply(*other_domain, input) != out;
    }
    INFO(name);
    if (!spec->keyed) {
      CHECK(key_differs == 0);
      CHECK(domain_differs == 0);
    } else if (DictionaryChoices(name) >= 2) {
      CHECK(key_differs > 0);
      CHECK(domain_differs > 0);
    }
  }
}

TEST_CASE("outputs respect the declared length limits", "[masking][property]") {
  for (const auto& [name, sample] : Samples()) {
    const OutputTraits traits = DescribeTransformer(name, sample.params).value();
    auto transformer = Make(name, sample.params);
    for (const std::string& input : sample.inputs) {
      MaskedValue out;
      REQUIRE(transformer->Apply(input, &out).ok());
      if (out.is_null) {
        continue;
      }
      const size_t chars = CountCodePoints(out.text);
      INFO(name << ": " << input << " -> " << out.text);
      CHECK(IsValidUtf8(out.text));
      if (traits.length_rule == LengthRule::kSameAsInput) {
        CHECK(chars <= CountCodePoints(input));
      }
      if (traits.length_rule == LengthRule::kAtMost) {
        CHECK(chars <= static_cast<size_t>(traits.max_length));
      }
    }
  }
}

TEST_CASE("fake names respect max_length down to the shortest entry", "[masking][property]") {
  using dictionaries::WordListId;
  const std::pair<std::string_view, WordListId> kinds[] = {
      {"fake_first_name", WordListId::kGivenNames},
      {"fake_last_name", WordListId::kSurnames},
      {"fake_city", WordListId::kCities}};
  for (const auto& [name, list] : kinds) {
    const size_t shortest = WordIndex::For(list).EntriesFor(LatinScript()).front().chars;
    for (int limit = 1; limit <= 12; ++limit) {
      const ParamMap params = {{"max_length", std::to_string(limit)}};
      auto transformer = Make(name, params);
      MaskedValue out;
      Status status = transformer->Apply("Maria", &out);
      INFO(name << " max_length " << limit);
      if (static_cast<size_t>(limit) < shortest) {
        // Nothing in the dictionary is that short: a defined error, never a longer name.
        CHECK(status.code() == StatusCode::kInvalidArgument);
        continue;
      }
      REQUIRE(status.ok());
      CHECK(CountCodePoints(out.text) <= static_cast<size_t>(limit));
    }
  }
}

TEST_CASE("outputs are valid values of their column types", "[masking][property]") {
  for (const std::string date : {"2024-03-15", "2000-02-29", "9999-12-31", "0001-01-01"}) {
    for (std::string_view name : {"date_shift", "date_generalize"}) {
      const std::string out = MaskText(name, date);
      INFO(name << " " << date << " -> " << out);
      std::optional<IsoDateTime> parsed = ParseIsoDateTime(out);
      REQUIRE(parsed.has_value());
      CHECK(!parsed->has_time);
      CHECK(parsed->year <= 9999);
    }
  }
  const std::string timestamp = MaskText("date_shift", "2024-03-15 13:45:00.5+05:30");
  CHECK(timestamp.ends_with(" 13:45:00.5+05:30"));

  auto small = Make("fpe_int", {{"min", "-32768"}, {"max", "32767"}});
  for (int v = -32768; v <= 32767; v += 97) {
    const int64_t out = std::stoll(MaskText(*small, std::to_string(v)));
    CHECK(out >= -32768);
    CHECK(out <= 32767);
  }
  for (const std::string value : {"1234.56", "-0.05", "99.99", "7"}) {
    const std::string out = MaskText("numeric_noise", value);
    INFO(value << " -> " << out);
    std::optional<Decimal> parsed = ParseDecimal(out);
    REQUIRE(parsed.has_value());
    CHECK(parsed->scale == ParseDecimal(value)->scale);
    CHECK(parsed->integer_digits <= std::max(1, ParseDecimal(value)->integer_digits));
  }
  for (const std::string address : {"10.0.0.1", "fe80::1", "255.255.255.255"}) {
    const std::string out = MaskText("ip", address);
    unsigned char buffer[16];
    CHECK(inet_pton(address.find(':') == std::string::npos ? AF_INET : AF_INET6, out.c_str(),
                    buffer) == 1);
  }
  const std::string json =
      MaskText("json", R"({"a":{"email":"q@r.st"}})", {{"paths", R"({"$.a.email": "email"})"}});
  CHECK(nlohmann::json::accept(json));
}

}  // namespace
}  // namespace pgveil::masking
