// Bad input has defined behaviour for every transformer: NULL, the empty
// string, values of the wrong shape, invalid UTF-8 and huge values. Nothing
// crashes, errors never quote the value, and on_invalid picks between an
// error, NULL and keyed hex of the same length.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "masking/test_support.h"
#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

using testing::Make;
using testing::MaskStatus;
using testing::MaskText;

// Parameters that make each transformer constructible.
ParamMap RequiredParams(std::string_view name) {
  if (name == "constant") {
    return {{"value", "x"}};
  }
  if (name == "json") {
    return {{"paths", R"({"$.a": "hash"})"}};
  }
  return {};
}

TEST_CASE("NULL stays NULL for every transformer", "[masking][bad_input]") {
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    MaskedValue out;
    out.text = "stale";
    INFO(spec->name);
    REQUIRE(MaskStatus(spec->name, std::nullopt, RequiredParams(spec->name), &out).ok());
    CHECK(out.is_null);
  }
}

TEST_CASE("the empty string stays empty (constant and null aside)", "[masking][bad_input]") {
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    if (spec->name == "constant" || spec->name == "null") {
      continue;
    }
    MaskedValue out;
    INFO(spec->name);
    REQUIRE(MaskStatus(spec->name, "", RequiredParams(spec->name), &out).ok());
    CHECK(!out.is_null);
    CHECK(out.text.empty());
  }
}

// A value no grammar-bound transformer accepts, containing a marker that
// must never show up in a message.
constexpr std::string_view kSecretMarker = "SECRETMARKER";

TEST_CASE("wrong shapes are errors that name the problem, not the value", "[masking][bad_input]") {
  const std::vector<std::pair<std::string_view, std::string>> cases = {
      {"email", "SECRETMARKER no at sign"},
      {"email", "@SECRETMARKER.com"},
      {"email", "SECRETMARKER@bad_domain!"},
      {"phone", "call SECRETMARKER"},
      {"phone", "12"},
      {"credit_card", "SECRETMARKER 4111"},
      {"credit_card", "41111111111"},
      {"iban", "SECRETMARKER0000000"},
      {"iban", "1234567890123456"},
      {"fpe_digits", "12-34"},
      {"fpe_digits", "SECRETMARKER1234567"},
      {"fpe_alnum", "a!"},
      {"fpe_int", "12.5"},
      {"fpe_int", "-1"},
      {"fpe_int", "99999999999"},
      {"postal_generalize", "SW1A SECRETMARKER"},
      {"date_shift", "SECRETMARKER"},
      {"date_shift", "2023-02-29"},
      {"date_shift", "2024-13-01"},
      {"date_generalize", "15/03/2024"},
      {"age_cap", "-4"},
      {"age_cap", "ninety"},
      {"numeric_noise", "1e10"},
      {"ip", "300.1.2.3"},
      {"ip", "10.0.0.0/33"},
      {"uuid", "SECRETMARKER"},
      {"uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1"},
      {"json", "{\"a\": SECRETMARKER}"},
      {"json", "[1, 2"},
  };
  for (const auto& [name, input] : cases) {
    INFO(name << " on " << input);
    Status status = MaskStatus(name, input, RequiredParams(name));
    CHECK(status.code() == StatusCode::kInvalidArgument);
    CHECK(status.message().starts_with(std::string(name) + ": "));
    CHECK(status.message().find(kSecretMarker) == std::string::npos);
  }
}

TEST_CASE("on_invalid null and hash replace unmaskable values", "[masking][bad_input]") {
  MaskedValue out;
  REQUIRE(MaskStatus("email", "no at sign", {{"on_invalid", "null"}}, &out).ok());
  CHECK(out.is_null);
  REQUIRE(MaskStatus("email", "no at sign", {{"on_invalid", "hash"}}, &out).ok());
  CHECK(!out.is_null);
  CHECK(out.text.size() == 10);
  CHECK(out.text.find_first_not_of("0123456789abcdef") == std::string::npos);
  // Deterministic, and different for different values.
  MaskedValue again;
  REQUIRE(MaskStatus("email", "no at sign", {{"on_invalid", "hash"}}, &again).ok());
  CHECK(again.text == out.text);
  REQUIRE(MaskStatus("email", "no at sigm", {{"on_invalid", "hash"}}, &again).ok());
  CHECK(again.text != out.text);
  // The hash counts characters, not bytes, and stops at 64.
  REQUIRE(MaskStatus("phone", "Ünïcödé", {{"on_invalid", "hash"}}, &out).ok());
  CHECK(out.text.size() == 7);
  REQUIRE(MaskStatus("phone", std::string(500, 'x'), {{"on_invalid", "hash"}}, &out).ok());
  CHECK(out.text.size() == 64);
}

TEST_CASE("invalid UTF-8 is handled by every transformer", "[masking][bad_input]") {
  const std::string bad = "ab\xC3\x28\xFF\xFE cd@\x80x.com";
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    MaskedValue out;
    INFO(spec->name);
    Status status = MaskStatus(spec->name, bad, RequiredParams(spec->name), &out);
    if (spec->name == "keep") {
      CHECK(out.text == bad);
    } else if (spec->name.starts_with("fake_") || spec->name == "hash" ||
               spec->name == "constant" || spec->name == "null") {
      REQUIRE(status.ok());
      if (!out.is_null) {
        CHECK(IsValidUtf8(out.text));
      }
    } else {
      // Every other transformer has a grammar that invalid UTF-8 breaks.
      CHECK(status.code() == StatusCode::kInvalidArgument);
    }
  }
}

TEST_CASE("huge values do not crash and get a defined result", "[masking][bad_input]") {
  constexpr size_t kHugeSize = 10'000'000;
  std::string huge_digits;
  huge_digits.assign(kHugeSize, '7');
  std::string huge_text;
  huge_text.assign(kHugeSize, 'a');
  std::string huge_json = "[1";
  for (int i = 0; i < 2'000'000; ++i) {
    huge_json += ",1";
  }
  huge_json += "]";
  for (const TransformerSpec* spec : AllTransformerSpecs()) {
    auto transformer = Make(spec->name, RequiredParams(spec->name));
    for (const std::string* input : {&huge_digits, &huge_text}) {
      MaskedValue out;
      INFO(spec->name);
      Status status = transformer->Apply(*input, &out);
      if (status.ok()) {
        CHECK((out.is_null || out.text.size() <= input->size() || spec->name == "json"));
      } else {
        CHECK(status.code() == StatusCode::kInvalidArgument);
        CHECK(status.message().size() < 200);
      }
    }
  }
  // Keyed hashes of huge values are fine and bounded.
  CHECK(MaskText("hash", huge_text).size() == 64);
  CHECK(MaskText("fake_city", huge_text).size() < 100);
  // Big but valid JSON passes through.
  const std::string masked = MaskText("json", huge_json, {{"paths", R"({"$[*]": "delete"})"}});
  CHECK(masked == "[]");
}

TEST_CASE("transformers without a grammar never fail on odd text", "[masking][bad_input]") {
  for (std::string_view name : {"keep", "hash", "fake_first_name", "fake_last_name", "fake_name",
                                "fake_street", "fake_city"}) {
    for (std::string_view input :
         {std::string_view(" "), std::string_view("\t\n"), std::string_view("123"),
          std::string_view("!!!"), std::string_view("🙂🙂"), std::string_view("a\0b", 3)}) {
      MaskedValue out;
      INFO(name << " on [" << input << "]");
      CHECK(MaskStatus(name, input, {}, &out).ok());
    }
  }
  CHECK(MaskText("fake_name", "   ") == "   ");
}

}  // namespace
}  // namespace pgveil::masking
