// Tests of the pure helpers under the transformers: dates, decimals, type
// names, JSON paths, UTF-8 and format validators.

#include <catch2/catch.hpp>

#include <string>

#include "masking/decimal.h"
#include "masking/formats.h"
#include "masking/json_path.h"
#include "masking/pg_date.h"
#include "masking/pg_type.h"
#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

TEST_CASE("civil day arithmetic round-trips across eras and leap years", "[masking][date]") {
  CHECK(DaysFromCivil(1970, 1, 1) == 0);
  CHECK(DaysFromCivil(2000, 3, 1) - DaysFromCivil(2000, 2, 28) == 2);
  CHECK(DaysFromCivil(1900, 3, 1) - DaysFromCivil(1900, 2, 28) == 1);
  for (int64_t days = DaysFromCivil(1, 1, 1); days < DaysFromCivil(9999, 12, 31); days += 997) {
    int64_t year;
    int month;
    int day;
    CivilFromDays(days, &year, &month, &day);
    CHECK(DaysFromCivil(year, month, day) == days);
  }
}

TEST_CASE("ISO dates and timestamps parse as PostgreSQL prints them", "[masking][date]") {
  CHECK(ParseIsoDateTime("2024-02-29").has_value());
  CHECK(!ParseIsoDateTime("2023-02-29").has_value());
  CHECK(!ParseIsoDateTime("2024-2-29").has_value());
  CHECK(!ParseIsoDateTime("24-02-29").has_value());
  CHECK(!ParseIsoDateTime("2024-02-29 BC").has_value());
  CHECK(ParseIsoDateTime("12345-01-01").has_value());
  const IsoDateTime t = ParseIsoDateTime("2024-03-15 13:45:07.123456-05:30").value();
  CHECK(t.hour == 13);
  CHECK(t.second == 7);
  CHECK(t.fraction == "123456");
  CHECK(t.zone == "-05:30");
  std::string text;
  AppendIsoTime(t, &text);
  CHECK(text == "13:45:07.123456-05:30");
  text.clear();
  AppendIsoDate(44, 3, 5, &text);
  CHECK(text == "0044-03-05");
}

TEST_CASE("decimals parse and print exactly", "[masking][decimal]") {
  const Decimal d = ParseDecimal("-12345678901234567890.125").value();
  CHECK(d.negative);
  CHECK(d.scale == 3);
  CHECK(d.integer_digits == 20);
  std::string text;
  AppendDecimal(d, &text);
  CHECK(text == "-12345678901234567890.125");
  text.clear();
  AppendDecimal(Decimal{true, 0, 2, 1}, &text);
  CHECK(text == "0.00");
  CHECK(!ParseDecimal("1e5").has_value());
  CHECK(!ParseDecimal("1.2.3").has_value());
  CHECK(!ParseDecimal("").has_value());
  CHECK(!ParseDecimal(std::string(40, '9')).has_value());
  CHECK(IsSpecialNumber("NaN"));
}

TEST_CASE("PostgreSQL type names are canonicalised", "[masking][types]") {
  CHECK(CanonicalType("character varying(20)").name == "varchar");
  CHECK(CanonicalType("character varying(20)").modifier == 20);
  CHECK(CanonicalType("VARCHAR(255)").name == "varchar");
  CHECK(CanonicalType("character(2)").name == "bpchar");
  CHECK(CanonicalType("character").modifier == 1);
  CHECK(CanonicalType("integer").name == "int4");
  CHECK(CanonicalType("bigint").name == "int8");
  CHECK(CanonicalType("timestamp(3) with time zone").name == "timestamptz");
  CHECK(!CanonicalType("timestamp(3) with time zone").modifier.has_value());
  CHECK(CanonicalType("numeric(10,2)").name == "numeric");
  CHECK(CanonicalType("text[]").name == "text[]");
  CHECK(CanonicalType("_int4").name == "int4[]");
  CHECK(CanonicalType("mood").name == "mood");
  CHECK(IntegerTypeRange("int2")->max == 32767);
  CHECK(!IntegerTypeRange("numeric").has_value());
}

TEST_CASE("JSON paths parse into steps", "[masking][json]") {
  auto steps = ParseJsonPath(R"($.a."odd \"key\""[3][*].*['x y'])").value();
  REQUIRE(steps.size() == 6);
  CHECK(steps[0].key == "a");
  CHECK(steps[1].key == "odd \"key\"");
  CHECK(steps[2].kind == PathStep::Kind::kIndex);
  CHECK(steps[2].index == 3);
  CHECK(steps[3].kind == PathStep::Kind::kAnyIndex);
  CHECK(steps[4].kind == PathStep::Kind::kAnyKey);
  CHECK(steps[5].key == "x y");
  CHECK(ParseJsonPath("$").value().empty());
  CHECK(ParseJsonPath("a.b").status().message().find("starts with '$'") != std::string::npos);
  CHECK(!ParseJsonPath("$.").ok());
  CHECK(!ParseJsonPath("$[1").ok());
  CHECK(!ParseJsonPath("$.a b").ok());
  CHECK(!ParseJsonPath("$.\"open").ok());

  JsonPathTrie trie;
  REQUIRE(trie.Add(ParseJsonPath("$.a[*]").value(), 0).ok());
  REQUIRE(trie.Add(ParseJsonPath("$.a[1]").value(), 1).ok());
  CHECK(!trie.Add(ParseJsonPath("$['a'][1]").value(), 2).ok());
  std::vector<int> a, element;
  trie.MatchMember(JsonPathTrie::kRoot, "a", &a);
  REQUIRE(a.size() == 1);
  trie.MatchElement(a[0], 1, &element);
  REQUIRE(element.size() == 2);
  CHECK(trie.rule(element[0]) == 1);  // the index beats the wildcard
  CHECK(trie.rule(element[1]) == 0);
}

TEST_CASE("UTF-8 helpers", "[masking][text]") {
  CHECK(IsValidUtf8("Ségolène 李 🙂"));
  CHECK(!IsValidUtf8("\xC3\x28"));
  CHECK(!IsValidUtf8("\xED\xA0\x80"));  // a surrogate
  CHECK(!IsValidUtf8("\xC0\xAF"));      // overlong
  CHECK(!IsValidUtf8("\xE2\x82"));      // truncated
  CHECK(CountCodePoints("Ségolène") == 8);
  CHECK(CountCodePoints("\xFF\xFE") == 2);
  std::string out;
  const uint8_t bytes[] = {0xDE, 0xAD, 0xBE, 0xEF, 0x00};
  AppendHex(bytes, 8, &out);
  CHECK(out == "deadbeef");
  out.clear();
  AppendBase32(bytes, 8, &out);
  CHECK(out == "32w353ya");  // RFC 4648 base32 of DEADBEEF00, lowercased
}

TEST_CASE("format validators", "[masking][formats]") {
  CHECK(IsValidEmailAddress("jane.doe@example.com"));
  CHECK(IsValidEmailAddress("\"john doe\"@example.com"));
  CHECK(!IsValidEmailAddress("jane..doe@example.com"));
  CHECK(!IsValidEmailAddress("jane@-example.com"));
  CHECK(!IsValidEmailAddress("jane@"));
  CHECK(!IsValidEmailAddress("jane"));
  CHECK(LuhnValid("4111 1111 1111 1111"));
  CHECK(!LuhnValid("4111 1111 1111 1112"));
  CHECK(LuhnCheckDigit("411111111111111") == '1');
  CHECK(IbanValid("DE89 3704 0044 0532 0130 00"));
  CHECK(IbanValid("GB82WEST12345698765432"));
  CHECK(!IbanValid("GB83WEST12345698765432"));
}

}  // namespace
}  // namespace pgveil::masking
