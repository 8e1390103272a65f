// The migration gate as a team uses it: bootstrap a policy, gate migrations
// with `pgveil check`, fix the policy; and every way a policy can be wrong,
// with the exact message and exit code a user sees.
#include <catch2/catch.hpp>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/integration/gate_shop.h"
#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/test_database.h"

namespace pgveil {

using testing::CheckShop;
using testing::ReadFile;
using testing::RunPgveil;
using testing::Shop;
using testing::ScratchDir;
using testing::WriteFile;

TEST_CASE("the migration gate: bootstrap, a migration adds PII, check names it, rules fix it",
          "[integration][gate]") {
  Shop shop = testing::MakeShop("gate_story");

  auto bootstrap = RunPgveil({"bootstrap", "--dsn", shop.dsn, "-o", shop.policy});
  INFO(bootstrap.err);
  REQUIRE(bootstrap.exit_code == 0);
  std::string policy = ReadFile(shop.policy);
  INFO(policy);
  CHECK_THAT(policy,
             Catch::Contains("    email: {transform: email, on_invalid: hash}   # email, confidence"));
  CHECK_THAT(policy, Catch::Contains("    status: keep\n"));
  CHECK_THAT(policy,
             Catch::Contains("\"$.contact.phone\": {transform: phone, on_invalid: \"null\"}"));
  CHECK_THAT(policy, !Catch::Contains("customer1@example.com"));

  auto clean = CheckShop(shop, {"--mode", "strict"});
  INFO(clean.out + clean.err);
  REQUIRE(clean.exit_code == 0);

  // The migration lands: a new column and a new JSONB key, both with data.
  WriteFile(shop.migrations + "/002_backup_contact.sql", testing::kBackupMigration);
  testing::Exec(shop.dsn, testing::kBackupMigration);

  auto failed = CheckShop(shop);
  INFO(failed.out + failed.err);
  REQUIRE(failed.exit_code == 1);
  const std::string migration = shop.migrations + "/002_backup_contact.sql";
  CHECK_THAT(failed.out, Catch::Contains("backup_email"));
  CHECK_THAT(failed.out, Catch::Contains("$.contact.alt_phone"));
  CHECK_THAT(failed.out, Catch::Contains(migration + ":3"));
  CHECK_THAT(failed.out, Catch::Contains(migration + ":5"));
  CHECK_THAT(failed.out, !Catch::Contains("@example.net"));

  auto json_run = CheckShop(shop, {"--format", "json"});
  REQUIRE(json_run.exit_code == 1);
  auto json = nlohmann::json::parse(json_run.out);
  const auto& violations = json["violations"];
  REQUIRE(violations.size() == 2);
  CHECK(violations[0]["rule"] == "unmasked-pii");
  CHECK(violations[0]["column"] == "backup_email");
  CHECK(violations[0]["path"].is_null());
  CHECK(violations[0]["category"] == "email");
  CHECK(violations[0]["location"]["file"] == migration);
  CHECK(violations[0]["location"]["line"] == 3);
  CHECK(violations[1]["rule"] == "unmasked-pii");
  CHECK(violations[1]["column"] == "profile");
  CHECK(violations[1]["path"] == "$.contact.alt_phone");
  CHECK(violations[1]["category"] == "phone");
  CHECK(violations[1]["location"]["file"] == migration);
  CHECK(violations[1]["location"]["line"] == 5);

  auto sarif = CheckShop(shop, {"--format", "sarif"});
  REQUIRE(sarif.exit_code == 1);
  CHECK(nlohmann::json::parse(sarif.out)["version"] == "2.1.0");

  // The developer adds the two rules; the gate passes again.
  policy = testing::InsertAfter(policy, "    email: {transform: email",
                                "    backup_email: {transform: email}");
  policy =
      testing::InsertAfter(policy, "\"$.contact.phone\"", "        \"$.contact.alt_phone\": phone");
  WriteFile(shop.policy, policy);
  auto fixed = CheckShop(shop, {"--mode", "strict"});
  INFO(fixed.out + fixed.err);
  CHECK(fixed.exit_code == 0);
}

TEST_CASE("each bad policy gets its exact message and exit code", "[integration][gate]") {
  Shop shop = testing::MakeShop("gate_bad_policies");
  const std::string& file = shop.policy;
  auto run = [&](const std::string& yaml) {
    WriteFile(file, yaml);
    return CheckShop(shop, {"--format", "json"});
  };
  auto config_error = [&](const std::string& yaml, const std::string& message) {
    auto result = run(yaml);
    CHECK(result.exit_code == 2);
    CHECK(result.err == "pgveil: " + file + ":" + message + "\n");
    CHECK(result.out.empty());
  };
  auto violation = [&](const std::string& yaml, const std::string& rule, const std::string& message,
                       int line) {
    auto result = run(yaml);
    INFO(result.err);
    CHECK(result.exit_code == 1);
    REQUIRE(!result.out.empty());
    auto violations = nlohmann::json::parse(result.out)["violations"];
    REQUIRE(violations.size() == 1);
    CHECK(violations[0]["rule"] == rule);
    CHECK(violations[0]["message"] == message);
    CHECK(violations[0]["location"]["file"] == file);
    CHECK(violations[0]["location"]["line"] == line);
  };
  const std::string good =
      "version: 1\ntables:\n  public.customers:\n    id: keep\n    email: {transform: email}\n"
      "    status: keep\n    profile:\n      transform: json\n      paths:\n"
      "        \"$.contact.*\": hash\n";
  auto result = run(good);
  INFO(result.out + result.err);
  REQUIRE(result.exit_code == 0);

  SECTION("syntax error") {
    config_error("version: 1\ntables:\n  public.customers:\n    email: {transform: email\n",
                 "5:1: YAML syntax error: end of map flow not found");
  }
  SECTION("unknown key") {
    config_error(
        "version: 1\ntables:\n  public.customers:\n    email: {transform: email, "
        "keep_domian: true}\n",
        "4:31: unknown key 'keep_domian' in the rule for public.customers.email "
        "(transformer email); did you mean 'keep_domain'?");
  }
  SECTION("unknown transformer") {
    config_error("version: 1\ntables:\n  public.customers:\n    email: {transform: emial}\n",
                 "4:24: unknown transformer 'emial'; did you mean 'email'?");
  }
  SECTION("bad date") {
    config_error(
        "version: 1\nsuppress:\n  - column: public.customers.status\n    reason: r\n"
        "    expires: 2027-02-30\n",
        "5:14: expires: '2027-02-30' is not a real calendar date");
  }
  SECTION("a key in the policy") {
    config_error("version: 1\nkey: hunter2hunter2hunter2\n",
                 "2:6: the masking key must not be written in the policy; use key: {env: "
                 "PGVEIL_KEY} or key: {file: ...}");
  }
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string yaml = good;
    yaml.replace(yaml.find(from), from.size(), to);
    return yaml;
  };
  SECTION("wrong type") {
    violation(replace("id: keep", "id: {transform: email}"), "transformer-mismatch",
              "public.customers.id: transformer email on type int4: the type is not accepted (it "
              "takes text, varchar, bpchar, citext, name)",
              4);
  }
  SECTION("null on a NOT NULL column") {
    violation(replace("status: keep", "status: null"), "transformer-mismatch",
              "public.customers.status is NOT NULL, and transformer null writes NULL; use a "
              "transformer that keeps a value",
              6);
  }
  SECTION("lossy transformer on the primary key") {
    violation(replace("id: keep", "id: {transform: constant, value: 0}"), "lossy-on-unique",
              "public.customers.id is part of the primary key, and transformer constant is lossy: "
              "distinct values would collide",
              4);
  }
  SECTION("stale rule") {
    violation(good + "    fax: {transform: phone}\n", "stale-rule",
              "the rule for public.customers.fax names a column that no longer exists", 11);
  }
  SECTION("expired suppression") {
    violation(good +
                  "suppress:\n  - column: public.customers.status\n    reason: codes\n"
                  "    expires: 2020-01-31\n",
              "expired-suppression",
              "the suppression of public.customers.status expired on 2020-01-31; renew it with a "
              "new date or mask the column",
              12);
  }
}

TEST_CASE("a configuration error outranks the database and the violations", "[integration][gate]") {
  std::string dir = ScratchDir("gate_outrank");
  WriteFile(dir + "/pgveil.yaml", "version: 1\ntables:\n  public.t:\n    x: {transform: emial}\n");
  auto result = RunPgveil({"check", "--dsn", "host=/nonexistent/socket/dir connect_timeout=2",
                           "--policy", dir + "/pgveil.yaml"});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "pgveil: " + dir +
            "/pgveil.yaml:4:20: unknown transformer 'emial'; did you mean 'email'?\n");
  auto missing = RunPgveil({"check", "--policy", dir + "/missing.yaml"});
  CHECK(missing.exit_code == 2);
  CHECK(missing.err == "pgveil: cannot read policy " + dir + "/missing.yaml: no such file\n");
  REQUIRE_FALSE(std::filesystem::exists("/tmp/pgveil.yaml"));
  auto no_policy = RunPgveil({"check"}, {"-PGVEIL_POLICY"}, testing::ScratchDir("no-policy"));
  CHECK(no_policy.exit_code == 2);
  CHECK_THAT(no_policy.err, Catch::Contains("--policy"));
  auto migrations =
      RunPgveil({"check", "--policy", dir + "/pgveil.yaml", "--migrations", dir + "/nope"});
  CHECK(migrations.exit_code == 2);
  // A valid policy against an unreachable database is a runtime failure.
  WriteFile(dir + "/pgveil.yaml", "version: 1\n");
  auto unreachable = RunPgveil({"check", "--dsn", "host=/nonexistent/socket/dir connect_timeout=2",
                                "--policy", dir + "/pgveil.yaml"});
  CHECK(unreachable.exit_code == 3);
}

TEST_CASE("--no-sample reads no rows and still flags a PII-named column", "[integration][gate]") {
  Shop shop = testing::MakeShop("gate_no_sample");
  REQUIRE(RunPgveil({"bootstrap", "--no-sample", "--dsn", shop.dsn, "-o", shop.policy}).exit_code ==
          0);
  std::string policy = ReadFile(shop.policy);
  INFO(policy);
  // Name and type evidence only: email by name, profile's paths unknown.
  CHECK_THAT(policy, Catch::Contains("    email: {transform: email, on_invalid: hash}"));
  CHECK_THAT(policy, Catch::Contains("    profile: keep"));
  REQUIRE(CheckShop(shop, {"--no-sample", "--mode", "strict"}).exit_code == 0);
  testing::Exec(shop.dsn, "ALTER TABLE customers ADD COLUMN backup_email text");
  auto result = CheckShop(shop, {"--no-sample", "--format", "json"});
  REQUIRE(result.exit_code == 1);
  auto violations = nlohmann::json::parse(result.out)["violations"];
  REQUIRE(violations.size() == 1);
  CHECK(violations[0]["column"] == "backup_email");
  CHECK(violations[0]["category"] == "email");
}

TEST_CASE("the github format writes the step summary", "[integration][gate]") {
  Shop shop = testing::MakeShop("gate_github");
  WriteFile(shop.policy, "version: 1\nmode: relaxed\n");
  const std::string summary = shop.dir + "/summary.md";
  auto result =
      RunPgveil({"check", "--dsn", shop.dsn, "--policy", shop.policy, "--format", "github"},
                {"GITHUB_STEP_SUMMARY=" + summary});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.out, Catch::StartsWith("::error "));
  CHECK_FALSE(ReadFile(summary).empty());
}

}  // namespace pgveil
