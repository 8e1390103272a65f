// Every transformer's privacy class, and the behaviour that earns it: a
// reversible transformer is undone by whoever holds the key, a linkable one
// gives the same output for the same input wherever it runs with that key,
// an irreversible one needs no key and maps many inputs to one.
#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>

#include "masking/test_support.h"

namespace pgveil::masking {
namespace {

using testing::MaskText;
using testing::OtherKeys;
using testing::TestKeys;

// The class each transformer must declare. A transformer added to the
// registry without an entry here fails the first test: deciding its class is
// part of adding it.
const std::map<std::string_view, PrivacyClass>& ExpectedClasses() {
  static const std::map<std::string_view, PrivacyClass> classes = {
      {"keep", PrivacyClass::kKept},
      {"null", PrivacyClass::kIrreversible},
      {"constant", PrivacyClass::kIrreversible},
      {"hash", PrivacyClass::kLinkable},
      {"email", PrivacyClass::kLinkable},
      {"phone", PrivacyClass::kLinkable},
      {"credit_card", PrivacyClass::kLinkable},
      {"iban", PrivacyClass::kLinkable},
      {"fpe_digits", PrivacyClass::kReversible},
      {"fpe_alnum", PrivacyClass::kReversible},
      {"fpe_int", PrivacyClass::kReversible},
      {"fake_first_name", PrivacyClass::kLinkable},
      {"fake_last_name", PrivacyClass::kLinkable},
      {"fake_name", PrivacyClass::kLinkable},
      {"fake_street", PrivacyClass::kLinkable},
      {"fake_city", PrivacyClass::kLinkable},
      {"postal_generalize", PrivacyClass::kIrreversible},
      {"date_shift", PrivacyClass::kReversible},
      {"date_generalize", PrivacyClass::kIrreversible},
      {"age_cap", PrivacyClass::kIrreversible},
      {"numeric_noise", PrivacyClass::kLinkable},
      {"ip", PrivacyClass::kReversible},
      {"uuid", PrivacyClass::kReversible},
      {"json", PrivacyClass::kLinkable},
  };
  return classes;
}

TEST_CASE("every registered transformer declares its privacy class", "[masking][privacy]") {
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    INFO(spec->name);
    CHECK(spec->privacy != PrivacyClass::kUndeclared);
    auto expected = ExpectedClasses().find(spec->name);
    REQUIRE(expected != ExpectedClasses().end());
    CHECK(PrivacyClassName(spec->privacy) == PrivacyClassName(expected->second));
  }
  CHECK(ExpectedClasses().size() == AllTransformerSpecs().size());
}

TEST_CASE("irreversible transformers need no key and merge inputs", "[masking][privacy]") {
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    if (spec->privacy != PrivacyClass::kIrreversible) continue;
    INFO(spec->name);
    CHECK_FALSE(spec->keyed);
    CHECK(spec->uniqueness == Uniqueness::kLossy);
  }
  CHECK(MaskText("postal_generalize", "02139") == MaskText("postal_generalize", "02142"));
  CHECK(MaskText("date_generalize", "1984-03-07") == MaskText("date_generalize", "1984-11-30"));
}

TEST_CASE("keyed transformers are never irreversible, kept or undeclared", "[masking][privacy]") {
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    if (!spec->keyed) continue;
    INFO(spec->name);
    CHECK((spec->privacy == PrivacyClass::kReversible || spec->privacy == PrivacyClass::kLinkable));
  }
}

TEST_CASE("linkable output is the same wherever the key and domain are", "[masking][privacy]") {
  // Two transformers built apart, as two tables or two runs would build them.
  for (std::string_view name : {"email", "hash", "fake_name", "phone"}) {
    INFO(name);
    const std::string value = name == "phone" ? "+1 415 555 0134" : "jane.doe@example.com";
    const std::string first = MaskText(name, value, {}, "shared.domain");
    const std::string again = MaskText(name, value, {}, "shared.domain");
    CHECK(first == again);
    CHECK(first != value);
    CHECK(MaskText(name, value, {}, "shared.domain", OtherKeys()) != first);
  }
}

TEST_CASE("a key holder undoes fpe_digits and date_shift", "[masking][privacy]") {
  // fpe_digits is a permutation of the digit strings of one length: the key
  // holder finds the one input that maps to the output.
  const std::string masked = MaskText("fpe_digits", "123456");
  std::set<std::string> outputs;
  std::string recovered;
  auto fpe = testing::Make("fpe_digits");
  for (int i = 123000; i < 124000; ++i) {
    const std::string candidate = std::to_string(i);
    const std::string out = MaskText(*fpe, candidate);
    outputs.insert(out);
    if (out == masked) recovered = candidate;
  }
  CHECK(outputs.size() == 1000);
  CHECK(recovered == "123456");

  // date_shift moves a date by at most `days`: trying every date within
  // that distance of the output finds the input.
  const std::string shifted = MaskText("date_shift", "1984-03-07");
  auto shift = testing::Make("date_shift");
  std::set<std::string> preimages;
  for (int day = 1; day <= 28; ++day) {
    for (std::string month : {"02", "03", "04"}) {
      const std::string candidate = "1984-" + month + (day < 10 ? "-0" : "-") + std::to_string(day);
      if (MaskText(*shift, candidate) == shifted) preimages.insert(candidate);
    }
  }
  CHECK(preimages.count("1984-03-07") == 1);
}

TEST_CASE("parameters can make a rule less private", "[masking][privacy]") {
  auto privacy = [](std::string_view name, const ParamMap& params) {
    Result<PrivacyClass> got = DescribePrivacy(name, params);
    REQUIRE(got.ok());
    return std::string(PrivacyClassName(*got));
  };
  CHECK(privacy("postal_generalize", {}) == "irreversible");
  // Malformed codes get a keyed hash, which links them across tables.
  CHECK(privacy("postal_generalize", {{"on_invalid", "hash"}}) == "linkable");
  CHECK(privacy("fpe_digits", {{"on_invalid", "hash"}}) == "reversible");
  // json is as private as its weakest path rule.
  CHECK(privacy("json", {{"paths", R"({"$.a": "delete", "$.b": "null"})"}}) == "irreversible");
  CHECK(privacy("json", {{"paths", R"({"$.a": "delete", "$.b": {"transform": "email"}})"}}) ==
        "linkable");
  CHECK(privacy("json", {{"paths", R"({"$.a": "email", "$.b": "fpe_digits"})"}}) == "reversible");
  CHECK(privacy("json", {{"paths", R"({"$.a": "keep"})"}}) == "kept");
  CHECK(DescribePrivacy("json", {{"paths", R"({"$.a": "nope"})"}}).status().message() ==
        "path $.a: unknown transformer 'nope'");
  CHECK(!DescribePrivacy("nope", {}).ok());
}

}  // namespace
}  // namespace pgveil::masking
