#include "core/identifier.h"

#include <catch2/catch.hpp>

namespace pgveil {

TEST_CASE("QuoteIdent quotes every name and doubles embedded quotes", "[core]") {
  CHECK(QuoteIdent("customers") == "\"customers\"");
  CHECK(QuoteIdent("MixedCase") == "\"MixedCase\"");
  CHECK(QuoteIdent("with space") == "\"with space\"");
  CHECK(QuoteIdent("we\"ird") == "\"we\"\"ird\"");
  CHECK(QuoteIdent("\"") == "\"\"\"\"");
  CHECK(QuoteIdent("straße_ünïcode") == "\"straße_ünïcode\"");
  CHECK(QuoteIdent("select") == "\"select\"");
}

TEST_CASE("QuoteQualified joins schema and name", "[core]") {
  CHECK(QuoteQualified("Sales Data", "Kunden") == "\"Sales Data\".\"Kunden\"");
}

TEST_CASE("QuoteLiteral doubles single quotes", "[core]") {
  CHECK(QuoteLiteral("it's") == "'it''s'");
  CHECK(QuoteLiteral("") == "''");
}

TEST_CASE("QuoteShellWord survives quotes and spaces", "[core]") {
  CHECK(QuoteShellWord("a b") == "'a b'");
  CHECK(QuoteShellWord("it's") == "'it'\\''s'");
}

}  // namespace pgveil
