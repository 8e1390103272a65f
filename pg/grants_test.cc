#include "pg/grants.h"

#include <catch2/catch.hpp>

namespace pgveil::pg {
namespace {

bool Has(const std::string& sql, const std::string& part) {
  return sql.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("a scanning role reads every table and nothing more", "[pg][grants]") {
  const std::string sql =
      GrantsSql({.purpose = GrantsPurpose::kScan, .role = "auditor", .schemas = {}});
  CHECK(Has(sql, "CREATE ROLE \"auditor\" LOGIN NOSUPERUSER"));
  CHECK(Has(sql, "GRANT CONNECT ON DATABASE :\"DBNAME\" TO \"auditor\";"));
  CHECK(Has(sql, "GRANT pg_read_all_data TO \"auditor\";"));
  CHECK(Has(sql, "default_transaction_read_only = on"));
  CHECK_FALSE(Has(sql, "REPLICATION"));
  CHECK_FALSE(Has(sql, "pg_write_all_data"));
  CHECK_FALSE(Has(sql, "SUPERUSER;"));
}

TEST_CASE("named schemas get USAGE and SELECT each instead of pg_read_all_data", "[pg][grants]") {
  const std::string sql =
      GrantsSql({.purpose = GrantsPurpose::kCheck, .role = "gate", .schemas = {"app", "Odd One"}});
  CHECK_FALSE(Has(sql, "pg_read_all_data"));
  CHECK(Has(sql, "GRANT USAGE ON SCHEMA \"app\" TO \"gate\";"));
  CHECK(Has(sql, "GRANT SELECT ON ALL TABLES IN SCHEMA \"Odd One\" TO \"gate\";"));
  CHECK(Has(sql, "ALTER DEFAULT PRIVILEGES IN SCHEMA \"app\" GRANT SELECT ON TABLES"));
}

TEST_CASE("a replicating role gets REPLICATION and the publication's needs, never superuser",
          "[pg][grants]") {
  const std::string sql =
      GrantsSql({.purpose = GrantsPurpose::kReplicate, .role = "copier", .schemas = {}});
  CHECK(Has(sql, "ALTER ROLE \"copier\" REPLICATION;"));
  CHECK(Has(sql, "GRANT pg_read_all_data TO \"copier\";"));
  CHECK(Has(sql, "GRANT CREATE ON DATABASE :\"DBNAME\" TO \"copier\";"));
  CHECK(Has(sql, "NOSUPERUSER"));
  CHECK(Has(sql, "The target:"));
  // A replicating role writes to its own publication: no read-only default.
  CHECK_FALSE(Has(sql, "default_transaction_read_only"));
}

TEST_CASE("a command name parses to its purpose and nothing else does", "[pg][grants]") {
  CHECK(ParseGrantsPurpose("scan") == GrantsPurpose::kScan);
  CHECK(ParseGrantsPurpose("report") == GrantsPurpose::kReport);
  CHECK(ParseGrantsPurpose("replicate") == GrantsPurpose::kReplicate);
  CHECK_FALSE(ParseGrantsPurpose("Scan").has_value());
  CHECK_FALSE(ParseGrantsPurpose("").has_value());
}

TEST_CASE("a permission error names the grant that would have let it through", "[pg][grants]") {
  CHECK(GrantHint("permission denied for schema app", "r") == "GRANT USAGE ON SCHEMA \"app\" TO r");
  CHECK(GrantHint("sampling app.users: permission denied for table users") ==
        "GRANT SELECT ON \"users\" TO <role>");
  CHECK(GrantHint("connecting: permission denied for database \"shop\"", "r") ==
        "GRANT CONNECT ON DATABASE \"shop\" TO r");
  CHECK(GrantHint("must be superuser or replication role to start walsender", "r") ==
        "ALTER ROLE r REPLICATION");
  CHECK_FALSE(GrantHint("password authentication failed for user \"r\"").has_value());
  CHECK_FALSE(GrantHint("relation \"x\" does not exist").has_value());
}

}  // namespace pgveil::pg
