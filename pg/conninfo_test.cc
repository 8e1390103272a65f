#include "pg/conninfo.h"

#include <catch2/catch.hpp>

namespace pgveil::pg {

TEST_CASE("the password leaves a key/value DSN and nothing else does", "[pg]") {
  auto parts = SplitPassword("host=/tmp/x port=5433 user=app password=s3cret dbname=shop");
  REQUIRE(parts.ok());
  CHECK(parts->without_password.find("s3cret") == std::string::npos);
  CHECK(parts->without_password.find("host=/tmp/x") != std::string::npos);
  CHECK(parts->without_password.find("port=5433") != std::string::npos);
  CHECK(parts->without_password.find("dbname=shop") != std::string::npos);
  REQUIRE(parts->password.has_value());
  CHECK(*parts->password == "s3cret");
}

TEST_CASE("a URI's password is taken out too, and odd values are quoted", "[pg]") {
  auto parts = SplitPassword("postgresql://app:pw@db.example:5432/my%20shop?sslmode=disable");
  REQUIRE(parts.ok());
  CHECK(parts->without_password.find("pw") == std::string::npos);
  CHECK(parts->without_password.find("dbname='my shop'") != std::string::npos);
  CHECK(parts->without_password.find("sslmode=disable") != std::string::npos);
  CHECK(*parts->password == "pw");
  CHECK(ConnInfoValue("it's") == "'it\\'s'");
  CHECK(ConnInfoValue("") == "''");
}

// Found by the conninfo fuzz target (tests/fuzz/corpus/conninfo/
// crash-form-feed-left-bare): a host or database name holding a form feed,
// vertical tab or carriage return was written bare, and libpq split it there,
// so the DSN handed to pg_dump named another database.
TEST_CASE("a value holding any whitespace libpq splits at is quoted", "[pg][regression]") {
  for (const std::string value : {"a\fb", "a\vb", "a\rb", "a b", "a\tb", "a\nb"}) {
    INFO("value with byte " << static_cast<int>(value[1]));
    CHECK(ConnInfoValue(value) == "'" + value + "'");
    auto moved = WithDatabase("host=/tmp", value);
    REQUIRE(moved.ok());
    auto parts = SplitPassword(moved.value());
    REQUIRE(parts.ok());
    CHECK(parts->without_password == "dbname='" + value + "' host=/tmp");
  }
}

TEST_CASE("an empty DSN stays empty and a broken one is a usage error", "[pg]") {
  auto empty = SplitPassword("");
  REQUIRE(empty.ok());
  CHECK(empty->without_password.empty());
  CHECK_FALSE(empty->password.has_value());
  auto broken = SplitPassword("host='unterminated");
  REQUIRE_FALSE(broken.ok());
  CHECK(broken.status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("another database on the same server keeps every other setting", "[pg]") {
  auto uri = WithDatabase("postgresql://app:pw@db.example:5432/shop?sslmode=verify-full", "pr 42");
  REQUIRE(uri.ok());
  CHECK(uri->find("dbname='pr 42'") != std::string::npos);
  CHECK(uri->find("shop") == std::string::npos);
  CHECK(uri->find("password=pw") != std::string::npos);
  CHECK(uri->find("sslmode=verify-full") != std::string::npos);
  auto defaults = WithDatabase("", "postgres");
  REQUIRE(defaults.ok());
  CHECK(*defaults == "dbname=postgres");
  CHECK_FALSE(WithDatabase("host='unterminated", "x").ok());
}

}  // namespace pgveil::pg
