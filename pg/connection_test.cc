#include "pg/connection.h"

#include <catch2/catch.hpp>

namespace pgveil::pg {

TEST_CASE("fallback_application_name is added in the DSN's own syntax", "[pg]") {
  CHECK(WithApplicationName("") == "fallback_application_name=pgveil");
  CHECK(WithApplicationName("dbname=shop host=/tmp") ==
        "dbname=shop host=/tmp fallback_application_name=pgveil");
  CHECK(WithApplicationName("postgresql://u@h/shop") ==
        "postgresql://u@h/shop?fallback_application_name=pgveil");
  CHECK(WithApplicationName("postgres://h/shop?sslmode=disable") ==
        "postgres://h/shop?sslmode=disable&fallback_application_name=pgveil");
}

TEST_CASE("server errors keep the primary message and drop DETAIL, which can echo values", "[pg]") {
  CHECK(PrimaryMessage("ERROR:  duplicate key value violates unique constraint \"u\"\n"
                       "DETAIL:  Key (email)=(someone@example.com) already exists.\n") ==
        "duplicate key value violates unique constraint \"u\"");
  CHECK(PrimaryMessage(
            "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: FATAL:  password "
            "authentication failed for user \"x\"\n") ==
        "connection to server on socket \"/tmp/.s.PGSQL.5432\" failed: password authentication "
        "failed for user \"x\"");
  CHECK(PrimaryMessage("ERROR:  permission denied for table secrets\n") ==
        "permission denied for table secrets");
}

}  // namespace pgveil::pg
