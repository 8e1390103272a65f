// Bad input gets a clear error and the exit code of DESIGN.md, never a crash.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "tests/support/process.h"
#include "tests/support/test_database.h"

namespace pgveil {
namespace {

using testing::RunPgveil;

size_t Lines(const std::string& text) {
  return static_cast<size_t>(std::count(text.begin(), text.end(), '\n'));
}

}  // namespace

TEST_CASE("a bad flag exits 2 with usage", "[integration][cli]") {
  auto result = RunPgveil({"scan", "--no-such-flag"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("--no-such-flag"));
  CHECK_THAT(result.err, Catch::Contains("--help"));
}

TEST_CASE("--sample-percent outside 1..10 exits 2", "[integration][cli]") {
  auto result = RunPgveil({"scan", "--sample-percent", "20"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("--sample-percent"));
}

TEST_CASE("an unknown format exits 2", "[integration][cli]") {
  CHECK(RunPgveil({"scan", "--format", "yaml"}).exit_code == 2);
}

TEST_CASE("no command exits 2", "[integration][cli]") { CHECK(RunPgveil({}).exit_code == 2); }

TEST_CASE("an unreachable database exits 3 with one clear line", "[integration][cli]") {
  auto result =
      RunPgveil({"scan", "--dsn", "host=/nonexistent/socket/dir dbname=shop connect_timeout=2"});
  CHECK(result.exit_code == 3);
  CHECK(Lines(result.err) == 1);
  CHECK_THAT(result.err, Catch::StartsWith("pgveil: cannot connect to the database:"));
  CHECK(result.out.empty());
}

TEST_CASE("a bad password exits 3 with one clear line", "[integration][cli]") {
  std::string dsn = testing::FreshDatabase("cli_password");
  testing::Exec(
      dsn, "DROP ROLE IF EXISTS pgveil_alice; CREATE ROLE pgveil_alice LOGIN PASSWORD 'right-one'");
  auto result =
      RunPgveil({"scan", "--dsn", testing::TcpDsn(dsn) + " user=pgveil_alice password=wrong-one"});
  CHECK(result.exit_code == 3);
  CHECK(Lines(result.err) == 1);
  CHECK_THAT(result.err, Catch::Contains("password authentication failed"));
  CHECK_THAT(result.err, !Catch::Contains("wrong-one"));
}

TEST_CASE("demo without a PostgreSQL server to start exits 3 naming the package to install",
          "[integration][cli]") {
  auto result = RunPgveil({"demo"}, {"PG_BIN=/nonexistent/postgresql/bin"});
  CHECK(result.exit_code == 3);
  CHECK_THAT(result.err, Catch::Contains("no PostgreSQL server in /nonexistent/postgresql/bin"));
  CHECK_THAT(result.err, Catch::Contains("install postgresql-15, or set PG_BIN"));
  CHECK_THAT(result.err, Catch::Contains("pgveil: starting a throwaway PostgreSQL cluster"));
}

TEST_CASE("a table without SELECT privilege is listed as skipped and the scan goes on",
          "[integration][cli]") {
  std::string dsn = testing::FreshDatabase("cli_privileges");
  testing::Exec(dsn, R"SQL(
    DROP ROLE IF EXISTS pgveil_reader; CREATE ROLE pgveil_reader LOGIN;
    CREATE TABLE visible (id int, email text);
    INSERT INTO visible SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 50) g;
    CREATE TABLE hidden (id int, ssn text);
    GRANT SELECT ON visible TO pgveil_reader;)SQL");
  auto result = RunPgveil({"scan", "--format", "json", "--dsn", dsn + " user=pgveil_reader"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["skipped"].size() == 1);
  CHECK(json["skipped"][0]["table"] == "hidden");
  CHECK_THAT(json["skipped"][0]["reason"].get<std::string>(), Catch::Contains("permission denied"));
  REQUIRE(json["findings"].size() == 1);
  CHECK(json["findings"][0]["column"] == "email");
}

TEST_CASE("odd identifiers are quoted right and reported as they are", "[integration][cli]") {
  std::string dsn = testing::FreshDatabase("cli_identifiers");
  testing::Exec(dsn, R"SQL(
    CREATE SCHEMA "Kunden Daten";
    CREATE TABLE "Kunden Daten"."Ähnliche ""Kontakte""" ("E-Mail Adresse" text, "select" text, "MixedCase" int);
    INSERT INTO "Kunden Daten"."Ähnliche ""Kontakte"""
      SELECT 'kunde' || g || '@beispiel.de', 'x', g FROM generate_series(1, 40) g;)SQL");
  auto result = RunPgveil({"scan", "--format", "json", "--dsn", dsn});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  auto json = nlohmann::json::parse(result.out);
  REQUIRE(json["findings"].size() == 1);
  CHECK(json["findings"][0]["schema"] == "Kunden Daten");
  CHECK(json["findings"][0]["table"] == "Ähnliche \"Kontakte\"");
  CHECK(json["findings"][0]["column"] == "E-Mail Adresse");
  CHECK(json["findings"][0]["category"] == "email");
  CHECK(json["columns"].size() == 3);
}

TEST_CASE("huge values and deep JSON are scanned without a crash", "[integration][cli]") {
  std::string dsn = testing::FreshDatabase("cli_extremes");
  testing::Exec(dsn, R"SQL(
    CREATE TABLE blobs (body text, doc jsonb);
    INSERT INTO blobs VALUES (repeat('lorem ipsum ', 500000), NULL);
    INSERT INTO blobs VALUES ('short', (repeat('[', 3000) || repeat(']', 3000))::jsonb);
    INSERT INTO blobs VALUES (NULL, '{"contact": {"email": "a.b@example.org"}}');)SQL");
  auto result = RunPgveil({"scan", "--format", "json", "--dsn", dsn});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK_NOTHROW(nlohmann::json::parse(result.out));
}

TEST_CASE("text output is a readable table; no raw value appears in it", "[integration][cli]") {
  std::string dsn = testing::FreshDatabase("cli_text");
  testing::Exec(dsn, R"SQL(
    CREATE TABLE people (email text);
    INSERT INTO people SELECT 'person' || g || '@example.net' FROM generate_series(1, 30) g;)SQL");
  auto result = RunPgveil({"scan", "--dsn", dsn});
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("TABLE"));
  CHECK_THAT(result.out, Catch::Contains("public.people"));
  CHECK_THAT(result.out, Catch::Contains("email"));
  CHECK_THAT(result.out, Catch::Contains("p***@e***.net"));
  CHECK_THAT(result.out, !Catch::Contains("person1@example.net"));
}

TEST_CASE("--verbose logs how each table was sampled, never a value", "[integration][cli]") {
  std::string dsn = testing::FreshDatabase("cli_verbose");
  testing::Exec(dsn, R"SQL(
    CREATE TABLE people (email text, note text);
    INSERT INTO people SELECT 'person' || g || '@example.net', 'visit ' || g
      FROM generate_series(1, 30) g;)SQL");
  auto quiet = RunPgveil({"scan", "--dsn", dsn});
  auto verbose = RunPgveil({"scan", "--dsn", dsn, "--verbose"});
  REQUIRE(verbose.exit_code == 0);
  // The report itself is the same, up to its closing "in N ms".
  CHECK(verbose.out.substr(0, verbose.out.rfind(" in ")) ==
        quiet.out.substr(0, quiet.out.rfind(" in ")));
  CHECK_THAT(quiet.err, !Catch::Contains("rows sampled"));
  CHECK_THAT(verbose.err, Catch::Contains("1 selected"));
  CHECK_THAT(verbose.err, Catch::Contains("pgveil: public.people: 30 rows sampled (whole table"));
  CHECK_THAT(verbose.err, Catch::Contains("2 columns, 1 finding"));
  CHECK_THAT(verbose.err, !Catch::Contains("example.net") && !Catch::Contains("visit"));
  // On every command, nested ones too.
  auto nested = RunPgveil({"replicate", "status", "-v", "--target", dsn});
  CHECK(nested.exit_code == 2);
  CHECK_THAT(nested.err, Catch::Contains("holds no copy made by pgveil replicate"));
}

}  // namespace pgveil

namespace pgveil {

TEST_CASE("replicate without its DSNs or policy exits 2 naming what is missing",
          "[integration][cli]") {
  auto result = testing::RunPgveil({"replicate", "--target", "dbname=staging"});
  CHECK(result.exit_code == 2);
  CHECK_THAT(result.err, Catch::Contains("--source is required"));
  CHECK(testing::RunPgveil({"replicate", "status"}).exit_code == 2);
  CHECK(testing::RunPgveil({"replicate", "--source", "a", "--target", "b", "--policy", "p",
                            "--snapshot-only", "--catch-up"})
            .exit_code == 2);
}

TEST_CASE("the JetStream flags: a malformed address or stream name is 2, an unreachable broker 3",
          "[integration][cli]") {
  auto scheme = testing::RunPgveil({"apply", "--from", "http://127.0.0.1:4222", "--target", "x"});
  CHECK(scheme.exit_code == 2);
  CHECK_THAT(scheme.err, Catch::StartsWith("pgveil: --from: the NATS address is not valid (it "
                                           "must start with nats://)"));
  auto credentials =
      testing::RunPgveil({"apply", "--from", "nats://user:secret@127.0.0.1:4222", "--target", "x"});
  CHECK(credentials.exit_code == 2);
  CHECK_THAT(credentials.err, Catch::Contains("credentials do not belong on the command line"));
  CHECK_THAT(credentials.err, !Catch::Contains("secret"));
  auto stream = testing::RunPgveil(
      {"apply", "--from", "nats://127.0.0.1:4222", "--stream", "shop.eu", "--target", "x"});
  CHECK(stream.exit_code == 2);
  CHECK_THAT(stream.err, Catch::StartsWith("pgveil: --stream \"shop.eu\" is not a stream name"));
  CHECK(testing::RunPgveil({"replicate", "--source", "a", "--target", "b", "--sink",
                            "nats://127.0.0.1:4222"})
            .exit_code == 2);
  CHECK(testing::RunPgveil({"replicate", "--source", "a", "--target", "b", "--stream", "s"})
            .exit_code == 2);
  // Port 1 on loopback: nothing listens there.
  auto unreachable =
      testing::RunPgveil({"apply", "--from", "nats://127.0.0.1:1", "--target", "dbname=x"});
  CHECK(unreachable.exit_code == 3);
  CHECK_THAT(unreachable.err, Catch::StartsWith("pgveil: NATS: cannot connect to nats://127.0.0.1:1"));
}

TEST_CASE("replicate status: a database without a pgveil copy exits 2, an unreachable one 3",
          "[integration][cli]") {
  std::string dsn = testing::FreshDatabase("cli_status");
  auto empty = testing::RunPgveil({"replicate", "status", "--target", dsn});
  CHECK(empty.exit_code == 2);
  CHECK_THAT(empty.err, Catch::Contains("holds no copy made by pgveil replicate"));
  auto unreachable = testing::RunPgveil(
      {"replicate", "status", "--target", "host=/nonexistent/socket/dir connect_timeout=2"});
  CHECK(unreachable.exit_code == 3);
  CHECK_THAT(unreachable.err, Catch::StartsWith("pgveil: the target: "));
}

}  // namespace pgveil
