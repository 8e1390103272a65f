#include "policy/sql_tokenizer.h"

#include <catch2/catch.hpp>

namespace pgveil::policy {

TEST_CASE("tokens know their line and column, counted in characters", "[policy]") {
  auto statements = SplitSqlStatements("ALTER TABLE \"Straße\" ADD x;\n  -- c\n  DROP y");
  REQUIRE(statements.size() == 2);
  REQUIRE(statements[0].size() == 5);
  CHECK(statements[0][2].text == "Straße");
  CHECK(statements[0][3].column == 22);  // ß is one column, two bytes
  CHECK(statements[1][0].line == 3);
  CHECK(statements[1][0].column == 3);
}

// Found by the sql_tokenizer fuzz target (tests/fuzz/corpus/sql_tokenizer/
// crash-stray-continuation-byte): a byte that continues no UTF-8 character
// took no column, so the token after it shared its position and a migration
// anchor could point at the wrong token.
TEST_CASE("a stray byte of invalid UTF-8 takes a column of its own", "[policy][regression]") {
  auto statements = SplitSqlStatements("\xa2]");
  REQUIRE(statements.size() == 1);
  REQUIRE(statements[0].size() == 2);
  CHECK(statements[0][0].column == 1);
  CHECK(statements[0][1].column == 2);
  auto truncated = SplitSqlStatements("\xc3 x");  // a lead byte without its continuation
  REQUIRE(truncated[0].size() == 2);
  CHECK(truncated[0][1].column == 3);
}

}  // namespace pgveil::policy
