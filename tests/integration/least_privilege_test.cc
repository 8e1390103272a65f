// pgveil runs as a dedicated role holding exactly what `pgveil grants`
// prints: scan, check and report succeed with those grants and nothing more,
// a role missing one gets exit 3 naming the grant to add, and a scan writes
// nothing to the database it reads.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "core/identifier.h"
#include "pg/connection.h"
#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/test_database.h"

namespace pgveil {
namespace {

using testing::Exec;
using testing::RunPgveil;

// A small database with PII in two schemas, and no role `role` left over.
std::string Database(const std::string& name, const std::string& role) {
  std::string dsn = testing::FreshDatabase(name);
  Exec(testing::ServerDsn(), "DROP ROLE IF EXISTS " + QuoteIdent(role));
  Exec(dsn, R"SQL(
    CREATE TABLE customers (id int PRIMARY KEY, email text, note text);
    INSERT INTO customers
      SELECT g, 'customer' || g || '@example.com', 'n' || g FROM generate_series(1, 60) g;
    CREATE SCHEMA app;
    CREATE TABLE app.staff (id int PRIMARY KEY, work_email text);
    INSERT INTO app.staff SELECT g, 'staff' || g || '@example.org' FROM generate_series(1, 60) g;)SQL");
  return dsn;
}

// Runs `pgveil grants ARGS` and pipes its SQL into psql on `dsn` as the
// superuser, the way the command's output says to; returns `dsn` as `role`.
std::string GrantedDsn(const std::string& dsn, const std::string& role,
                       std::vector<std::string> args) {
  args.insert(args.begin(), "grants");
  args.insert(args.end(), {"--role", role});
  testing::ProcessResult grants = RunPgveil(args);
  INFO(grants.err);
  REQUIRE(grants.exit_code == 0);
  const std::string file = testing::ScratchDir("grants_" + role) + "/grants.sql";
  std::ofstream(file) << grants.out;
  const std::string psql = "psql -X -q -v ON_ERROR_STOP=1 -d " + QuoteShellWord(dsn) + " -f " +
                           QuoteShellWord(file) + " >/dev/null";
  REQUIRE(std::system(psql.c_str()) == 0);
  return dsn + " user=" + role;
}

std::string Scalar(const std::string& dsn, const std::string& sql) {
  auto connection = pg::Connection::Open(dsn);
  REQUIRE(connection.ok());
  auto rows = (*connection)->Query(sql);
  REQUIRE(rows.ok());
  return pg::FirstRowValue(*rows, 0);
}

std::string Policy(const std::string& dsn, const std::string& name) {
  const std::string path = testing::ScratchDir(name) + "/pgveil.yaml";
  testing::ProcessResult draft = RunPgveil({"bootstrap", "--dsn", dsn, "-o", path, "--force"});
  INFO(draft.err);
  REQUIRE(draft.exit_code == 0);
  return path;
}

}  // namespace

TEST_CASE("grants refuses an unknown command and prints SQL for the four it knows",
          "[integration][privileges]") {
  testing::ProcessResult unknown = RunPgveil({"grants", "--for", "deploy"});
  CHECK(unknown.exit_code == 2);
  CHECK_THAT(unknown.err, Catch::Contains("--for"));
  CHECK(unknown.out.empty());
  for (const char* command : {"scan", "check", "report", "replicate"}) {
    testing::ProcessResult grants = RunPgveil({"grants", "--for", command});
    INFO(command);
    CHECK(grants.exit_code == 0);
    CHECK_THAT(grants.out, Catch::Contains("CREATE ROLE \"pgveil\" LOGIN NOSUPERUSER"));
  }
}

TEST_CASE("scan, check and report run as a role with only the grants pgveil prints",
          "[integration][privileges]") {
  const std::string dsn = Database("priv_read_all", "pgveil_priv_reader");
  const std::string policy = Policy(dsn, "priv_read_all");
  for (const char* command : {"scan", "check", "report"}) {
    const std::string role_dsn = GrantedDsn(dsn, "pgveil_priv_reader", {"--for", command});
    INFO(command);
    CHECK(Scalar(role_dsn,
                 "SELECT rolsuper OR rolcreaterole OR rolcreatedb FROM pg_roles "
                 "WHERE rolname = current_user") == "f");
    testing::ProcessResult scan = RunPgveil({"scan", "--format", "json", "--dsn", role_dsn});
    INFO(scan.err);
    REQUIRE(scan.exit_code == 0);
    auto json = nlohmann::json::parse(scan.out);
    CHECK(json["skipped"].empty());
    CHECK(json["findings"].size() == 2);  // customers.email, app.staff.work_email
    CHECK(RunPgveil({"check", "--dsn", role_dsn, "--policy", policy}).exit_code == 0);
    const std::string report = testing::ScratchDir("priv_report") + "/report.json";
    CHECK(RunPgveil(
              {"report", "--dsn", role_dsn, "--policy", policy, "--format", "json", "-o", report})
              .exit_code == 0);
    Exec(dsn, "DROP OWNED BY pgveil_priv_reader; DROP ROLE pgveil_priv_reader");
  }
}

TEST_CASE("replicate --snapshot-only runs as the role grants --for replicate prints",
          "[integration][privileges]") {
  const std::string source = Database("priv_repl_source", "pgveil_priv_copier");
  const std::string policy = Policy(source, "priv_repl");
  const std::string copier = GrantedDsn(source, "pgveil_priv_copier", {"--for", "replicate"});
  // The target side: a role that owns an empty database, nothing more.
  const std::string target = testing::FreshDatabase("priv_repl_target");
  Exec(testing::ServerDsn(), "DROP ROLE IF EXISTS pgveil_priv_target");
  Exec(testing::ServerDsn(), "CREATE ROLE pgveil_priv_target LOGIN");
  Exec(testing::ServerDsn(), "ALTER DATABASE priv_repl_target OWNER TO pgveil_priv_target");

  testing::ProcessResult copy =
      RunPgveil({"replicate", "--source", copier, "--target", target + " user=pgveil_priv_target",
                 "--policy", policy, "--snapshot-only"},
                {"PGVEIL_KEY=least privilege test key 0123456789abcdef"});
  INFO(copy.err);
  REQUIRE(copy.exit_code == 0);
  CHECK(Scalar(target, "SELECT count(*) FROM public.customers") == "60");
  CHECK(Scalar(target, "SELECT count(*) FROM app.staff") == "60");
  CHECK(Scalar(target,
               "SELECT count(*) FROM public.customers WHERE email LIKE 'customer%@example.com'") ==
        "0");
  CHECK(Scalar(source,
               "SELECT count(*) FROM pg_replication_slots WHERE database = 'priv_repl_source'") ==
        "0");
}

TEST_CASE("grants for named schemas let the role read those schemas and no other",
          "[integration][privileges]") {
  const std::string dsn = Database("priv_schema", "pgveil_priv_schema");
  const std::string role_dsn =
      GrantedDsn(dsn, "pgveil_priv_schema", {"--for", "scan", "--schema", "app"});
  testing::ProcessResult scan = RunPgveil({"scan", "--format", "json", "--dsn", role_dsn});
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  auto json = nlohmann::json::parse(scan.out);
  REQUIRE(json["findings"].size() == 1);
  CHECK(json["findings"][0]["table"] == "staff");
  REQUIRE(json["skipped"].size() == 1);
  CHECK(json["skipped"][0]["table"] == "customers");
}

TEST_CASE("a role without CONNECT exits 3 naming the grant to add", "[integration][privileges]") {
  const std::string dsn = Database("priv_connect", "pgveil_priv_noconnect");
  Exec(dsn, R"SQL(
    REVOKE CONNECT ON DATABASE priv_connect FROM PUBLIC;
    CREATE ROLE pgveil_priv_noconnect LOGIN;
    GRANT pg_read_all_data TO pgveil_priv_noconnect;)SQL");
  testing::ProcessResult scan = RunPgveil({"scan", "--dsn", dsn + " user=pgveil_priv_noconnect"});
  CHECK(scan.exit_code == 3);
  CHECK_THAT(scan.err, Catch::Contains("permission denied for database"));
  CHECK_THAT(scan.err, Catch::Contains("GRANT CONNECT ON DATABASE \"priv_connect\""));
}

TEST_CASE("a role that may read no table exits 3 naming the grant to add",
          "[integration][privileges]") {
  const std::string dsn = Database("priv_noselect", "pgveil_priv_noselect");
  Exec(dsn, "CREATE ROLE pgveil_priv_noselect LOGIN");
  for (const char* command : {"scan", "check"}) {
    std::vector<std::string> args = {command, "--dsn", dsn + " user=pgveil_priv_noselect"};
    if (std::string(command) == "check") {
      args.insert(args.end(), {"--policy", Policy(dsn, "priv_noselect")});
    }
    testing::ProcessResult run = RunPgveil(args);
    INFO(command);
    CHECK(run.exit_code == 3);
    CHECK_THAT(run.err, Catch::Contains("the role may read none of the 2 tables selected"));
    CHECK_THAT(run.err, Catch::Contains("GRANT SELECT ON \"app\".\"staff\" TO <role>"));
    CHECK_THAT(run.err, Catch::Contains("pgveil grants --for scan"));
  }
}

TEST_CASE("a table in a schema without USAGE is skipped naming the grant to add",
          "[integration][privileges]") {
  const std::string dsn = Database("priv_usage", "pgveil_priv_nousage");
  Exec(dsn, R"SQL(
    CREATE ROLE pgveil_priv_nousage LOGIN;
    GRANT SELECT ON ALL TABLES IN SCHEMA public, app TO pgveil_priv_nousage;)SQL");
  testing::ProcessResult scan =
      RunPgveil({"scan", "--format", "json", "--dsn", dsn + " user=pgveil_priv_nousage"});
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);
  auto json = nlohmann::json::parse(scan.out);
  REQUIRE(json["skipped"].size() == 1);
  CHECK(json["skipped"][0]["table"] == "staff");
  const std::string reason = json["skipped"][0]["reason"];
  CHECK_THAT(reason, Catch::Contains("permission denied for schema app"));
  CHECK_THAT(reason, Catch::Contains("missing grant: GRANT USAGE ON SCHEMA \"app\" TO <role>"));
}

TEST_CASE("a scan writes nothing to the database it reads", "[integration][privileges]") {
  const std::string dsn = Database("priv_no_writes", "pgveil_priv_unused");
  Exec(dsn, "ANALYZE");
  // Counters of the scanned database, read from another one so that the
  // reading itself is not counted.
  const std::string stats =
      "SELECT concat_ws(',', xact_commit, tup_inserted, tup_updated, tup_deleted) "
      "FROM pg_stat_database WHERE datname = 'priv_no_writes'";
  auto counters = [&] {
    const std::string server = testing::ServerDsn();
    auto connection = pg::Connection::Open(server);
    REQUIRE(connection.ok());
    REQUIRE((*connection)->Execute("SELECT pg_stat_clear_snapshot()").ok());
    auto rows = (*connection)->Query(stats);
    REQUIRE(rows.ok());
    std::vector<int64_t> values;
    std::string text = pg::FirstRowValue(*rows, 0);
    for (size_t start = 0; start <= text.size();) {
      size_t comma = std::min(text.find(',', start), text.size());
      values.push_back(std::stoll(text.substr(start, comma - start)));
      start = comma + 1;
    }
    REQUIRE(values.size() == 4);
    return values;
  };
  // Statistics arrive when a backend ends or after a second: wait for the
  // setup's writes to settle before taking the baseline.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const std::vector<int64_t> before = counters();

  testing::ProcessResult scan = RunPgveil({"scan", "--format", "json", "--dsn", dsn});
  INFO(scan.err);
  REQUIRE(scan.exit_code == 0);

  // The scan's backends flush their counters as they exit: wait until its
  // transactions show, so the comparison below sees them.
  std::vector<int64_t> after = counters();
  for (int i = 0; i < 50 && after[0] == before[0]; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    after = counters();
  }
  INFO("xact_commit " << before[0] << " -> " << after[0]);
  CHECK(after[0] > before[0]);   // the scan's read-only transactions were counted
  CHECK(after[1] == before[1]);  // tup_inserted
  CHECK(after[2] == before[2]);  // tup_updated
  CHECK(after[3] == before[3]);  // tup_deleted
}

}  // namespace pgveil
