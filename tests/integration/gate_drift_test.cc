// The gate's companions: schema snapshots and drift, --baseline, and what
// bootstrap carries over or refuses to do.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/integration/gate_shop.h"
#include "tests/support/process.h"
#include "tests/support/test_database.h"

namespace pgveil {

using testing::ReadFile;
using testing::RunPgveil;
using testing::Shop;
using testing::ScratchDir;
using testing::WriteFile;

TEST_CASE("snapshot, diff and --baseline track drift", "[integration][gate]") {
  Shop shop = testing::MakeShop("gate_drift");
  const std::string old_snapshot = shop.dir + "/old.json";
  const std::string new_snapshot = shop.dir + "/new.json";
  REQUIRE(RunPgveil({"snapshot", "--dsn", shop.dsn, "-o", old_snapshot}).exit_code == 0);
  auto again = RunPgveil({"snapshot", "--dsn", shop.dsn});
  REQUIRE(again.exit_code == 0);
  CHECK(again.out == ReadFile(old_snapshot));  // deterministic
  CHECK_THAT(again.out, !Catch::Contains("example"));
  REQUIRE(RunPgveil({"bootstrap", "--dsn", shop.dsn, "-o", shop.policy}).exit_code == 0);

  testing::Exec(shop.dsn, testing::kBackupMigration);
  testing::Exec(shop.dsn,
                "ALTER TABLE customers RENAME COLUMN status TO state;"
                "ALTER TABLE customers ALTER COLUMN state DROP NOT NULL");
  REQUIRE(RunPgveil({"snapshot", "--dsn", shop.dsn, "-o", new_snapshot}).exit_code == 0);
  auto diff = RunPgveil({"diff", old_snapshot, new_snapshot});
  INFO(diff.err);
  CHECK(diff.exit_code == 1);
  CHECK(diff.out == "drift between " + old_snapshot + " and " + new_snapshot +
                        ": 4 changes\n"
                        "  + column public.customers.backup_email text\n"
                        "  + PII path public.customers.profile $.contact.alt_phone (phone)\n"
                        "  ~ column public.customers.status renamed to state (attnum 3)\n"
                        "  ~ column public.customers.state NOT NULL -> NULL\n");
  CHECK(RunPgveil({"diff", old_snapshot, old_snapshot}).exit_code == 0);
  CHECK(RunPgveil({"diff", old_snapshot, shop.dir + "/missing.json"}).exit_code == 2);
  WriteFile(shop.dir + "/broken.json", "{\"format\": \"something else\"}");
  auto broken = RunPgveil({"diff", old_snapshot, shop.dir + "/broken.json"});
  CHECK(broken.exit_code == 2);
  CHECK(broken.err == "pgveil: " + shop.dir +
                          "/broken.json: not a pgveil schema snapshot (write one with pgveil "
                          "snapshot)\n");

  auto result = RunPgveil({"check", "--dsn", shop.dsn, "--policy", shop.policy, "--baseline",
                           old_snapshot, "--format", "json"});
  REQUIRE(result.exit_code == 1);
  auto violations = nlohmann::json::parse(result.out)["violations"];
  std::vector<std::string> seen;
  for (const auto& v : violations) {
    seen.push_back(v["rule"].get<std::string>() + " " + v["column"].get<std::string>() + " " +
                   (v["new"].get<bool>() ? "new" : "old"));
  }
  CHECK(seen == std::vector<std::string>{"unmasked-pii backup_email new",
                                         "unmasked-pii profile new", "uncovered-column state new",
                                         "stale-rule status old"});
}

TEST_CASE("bootstrap carries PostgreSQL Anonymizer labels over from pg_seclabel",
          "[integration][gate]") {
  // The anon extension is not installed in the test cluster, so SECURITY
  // LABEL cannot be run; a superuser writes the rows it would have written.
  std::string dsn = testing::FreshDatabase("gate_anon");
  testing::Exec(dsn, R"SQL(
    CREATE TABLE people (id int PRIMARY KEY, contact text, note text NOT NULL, born date);
    INSERT INTO pg_seclabel (objoid, classoid, objsubid, provider, label) VALUES
      ('people'::regclass, 'pg_class'::regclass, 2, 'anon', 'MASKED WITH FUNCTION anon.fake_email()'),
      ('people'::regclass, 'pg_class'::regclass, 3, 'anon', 'MASKED WITH VALUE ''CONFIDENTIAL'''),
      ('people'::regclass, 'pg_class'::regclass, 4, 'anon', 'MASKED WITH FUNCTION anon.dnoise(born, ''1 day'')'),
      ('people'::regclass, 'pg_class'::regclass, 4, 'sepgsql', 'system_u:object_r:sepgsql_table_t:s0');)SQL");
  auto result = RunPgveil({"bootstrap", "--dsn", dsn});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("    # from PostgreSQL Anonymizer: MASKED WITH FUNCTION "
                                         "anon.fake_email()\n    contact: {transform: email}\n"));
  CHECK_THAT(result.out, Catch::Contains("    note: {transform: constant, value: CONFIDENTIAL}\n"));
  CHECK_THAT(result.out, Catch::Contains("    born: {transform: date_shift}\n"));
  CHECK_THAT(result.out, !Catch::Contains("sepgsql"));
}

TEST_CASE("bootstrap does not overwrite a policy unless told to", "[integration][gate]") {
  std::string dsn = testing::FreshDatabase("gate_overwrite");
  std::string dir = ScratchDir("gate_overwrite");
  WriteFile(dir + "/pgveil.yaml", "version: 1\n# reviewed\n");
  auto refused = RunPgveil({"bootstrap", "--dsn", dsn, "-o", dir + "/pgveil.yaml"});
  CHECK(refused.exit_code == 2);
  CHECK(ReadFile(dir + "/pgveil.yaml") == "version: 1\n# reviewed\n");
  CHECK(RunPgveil({"bootstrap", "--dsn", dsn, "-o", dir + "/pgveil.yaml", "--force"}).exit_code ==
        0);
  CHECK_THAT(ReadFile(dir + "/pgveil.yaml"), Catch::Contains("tables: {}"));
}

}  // namespace pgveil
