// How pgveil replicate refuses and fails, end to end: a policy with
// violations or no key writes nothing anywhere; a target that is not empty
// needs --force; a role without REPLICATION is an error unless
// --snapshot-only, which falls back to pg_export_snapshot(); without
// --snapshot-only the slot and publication stay for streaming; a table
// without a replica identity stops a stream before it starts; a source lost
// mid-copy exits 3, marks the target incomplete, leaves no slot, and the
// next run starts over.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "tests/e2e/e2e_fixture.h"

namespace pgveil::e2e {
namespace {

// Relations, schemas and extensions a user created in `dsn`.
int64_t UserObjects(const std::string& dsn) {
  return Count(dsn, R"SQL(
SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%')
     + (SELECT count(*) FROM pg_namespace
        WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public') AND nspname NOT LIKE 'pg\_%'))SQL");
}

// The policy with the first rule line of column `column` removed.
std::string WithoutRule(const std::string& text, const std::string& column) {
  size_t at = text.find("\n    " + column + ":");
  REQUIRE(at != std::string::npos);
  size_t end = text.find('\n', at + 1);
  return text.substr(0, at) + text.substr(end);
}

}  // namespace

TEST_CASE("a policy with violations stops replicate before anything is written", "[e2e]") {
  Fixture& f = Fixture::Get();
  std::string target = f.FreshTarget("gate_refused");
  std::string policy = f.work_dir() + "/uncovered.yaml";
  WriteFile(policy, WithoutRule(f.policy_text(), "phone"));
  testing::ProcessResult run = Replicate(f.source(), target, policy, {"--snapshot-only"});
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("phone") != std::string::npos);  // the report names the column
  CHECK(run.err.find("nothing was replicated") != std::string::npos);
  CHECK(UserObjects(target) == 0);
  CHECK(PgveilSlots(f.source()).empty());
}

TEST_CASE("without a masking key replicate is a configuration error", "[e2e]") {
  Fixture& f = Fixture::Get();
  std::string target = f.FreshTarget("no_key");
  testing::ProcessResult run =
      Replicate(f.source(), target, f.policy_path(), {"--snapshot-only"}, {"PGVEIL_KEY="});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("no masking key") != std::string::npos);
  CHECK(UserObjects(target) == 0);
}

TEST_CASE("a target that is not empty is refused unless --force empties it", "[e2e]") {
  Fixture& f = Fixture::Get();
  std::string target = f.FreshTarget("not_empty");
  Exec(target, "CREATE TABLE public.precious (id int); CREATE SCHEMA other");
  testing::ProcessResult refused =
      Replicate(f.source(), target, f.policy_path(), {"--snapshot-only"});
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("not empty") != std::string::npos);
  CHECK(Scalar(target, "SELECT to_regclass('public.precious')") == "precious");

  testing::ProcessResult forced =
      Replicate(f.source(), target, f.policy_path(), {"--snapshot-only", "--force"});
  INFO(forced.err);
  REQUIRE(forced.exit_code == 0);
  CHECK(Scalar(target, "SELECT to_regclass('public.precious')").empty());
  CHECK(Scalar(target, "SELECT count(*) FROM pg_namespace WHERE nspname = 'other'") == "0");
  CHECK(Count(target, "SELECT count(*) FROM public.orders") ==
        Count(f.source(), "SELECT count(*) FROM public.orders"));
}

TEST_CASE("without --snapshot-only the slot and publication stay for the stream", "[e2e]") {
  Fixture& f = Fixture::Get();
  std::string target = f.FreshTarget("streaming");
  testing::ProcessResult run =
      Replicate(f.source(), target, f.policy_path(), {"--jobs", "2", "--catch-up"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  std::string slot = Scalar(target, "SELECT slot FROM pgveil.replication_state");
  REQUIRE(slot.starts_with("pgveil_"));
  CHECK(PgveilSlots(f.source()) == std::vector<std::string>{slot});
  CHECK(Scalar(f.source(), "SELECT count(*) FROM pg_publication WHERE pubname = '" + slot + "'") ==
        "1");
  // The slot holds everything after the copy: at most what an idle stream
  // acknowledged beyond it (WAL with nothing for it), never less.
  const std::string consistent =
      Scalar(target, "SELECT consistent_lsn::text FROM pgveil.replication_state");
  CHECK(Scalar(f.source(), "SELECT confirmed_flush_lsn >= '" + consistent +
                               "'::pg_lsn FROM pg_replication_slots WHERE slot_name = '" + slot +
                               "'") == "t");
  CHECK(run.err.find("kept the replication slot \"" + slot + "\"") != std::string::npos);

  // Starting over with --force replaces the slot the target's state names.
  testing::ProcessResult again =
      Replicate(f.source(), target, f.policy_path(), {"--snapshot-only", "--force"});
  INFO(again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(again.err.find("dropped the replication slot") != std::string::npos);
  CHECK(PgveilSlots(f.source()).empty());
  Exec(f.source(), "DROP PUBLICATION IF EXISTS " + slot);
}

TEST_CASE(
    "a role without REPLICATION gets a clear error, or pg_export_snapshot() with "
    "--snapshot-only",
    "[e2e]") {
  Fixture& f = Fixture::Get();
  Exec(f.source(),
       "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') THEN "
       "CREATE ROLE reader LOGIN NOREPLICATION; END IF; END $$; GRANT pg_read_all_data TO reader");
  std::string source = f.source() + " user=reader";
  std::string target = f.FreshTarget("no_replication");
  testing::ProcessResult refused = Replicate(source, target, f.policy_path(), {});
  CHECK(refused.exit_code == 3);
  CHECK(refused.err.find("REPLICATION") != std::string::npos);
  CHECK(refused.err.find("--snapshot-only") != std::string::npos);
  CHECK(UserObjects(target) == 0);

  testing::ProcessResult fallback = Replicate(source, target, f.policy_path(), {"--snapshot-only"});
  INFO(fallback.err);
  REQUIRE(fallback.exit_code == 0);
  CHECK(fallback.err.find("pg_export_snapshot()") != std::string::npos);
  CHECK(Scalar(target, "SELECT status FROM pgveil.replication_state") == "complete");
  CHECK(Count(target, "SELECT count(*) FROM public.customers") ==
        Count(f.source(), "SELECT count(*) FROM public.customers"));
  CHECK(PgveilSlots(f.source()).empty());
}

TEST_CASE("a source lost mid-copy: exit 3, target incomplete, no slot, a clean rerun", "[e2e]") {
  Fixture& f = Fixture::Get();
  std::string policy;
  std::string source = f.BigSource("shop_lost", 6, &policy);
  std::string target = f.FreshTarget("source_lost");
  Child child = SpawnReplicate(source, target, policy, {"--snapshot-only", "--jobs", "2"});
  // Wait for the copy phase, then cut every pgveil session on the source.
  bool copying = false;
  int status = 0;
  for (int i = 0; i < 12000 && !copying; ++i) {
    if (waitpid(child.pid, &status, WNOHANG) == child.pid) break;
    copying = Count(source,
                    "SELECT count(*) FROM pg_stat_activity WHERE application_name = "
                    "'pgveil' AND query LIKE 'COPY %TO STDOUT'") > 0;
    if (!copying) std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(copying);
  Exec(source,
       "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = "
       "'pgveil' AND pid <> pg_backend_pid()");
  REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
  std::string err = ReadFile(child.err_path);
  INFO(err);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 3);
  CHECK(Scalar(target, "SELECT status FROM pgveil.replication_state") == "incomplete");
  CHECK(PgveilSlots(source).empty());

  testing::ProcessResult rerun = Replicate(source, target, policy, {"--snapshot-only"});
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  CHECK(rerun.err.find("incomplete copy") != std::string::npos);
  CHECK(Scalar(target, "SELECT status FROM pgveil.replication_state") == "complete");
  CHECK(Count(target, "SELECT count(*) FROM public.orders") ==
        Count(source, "SELECT count(*) FROM public.orders"));
}

}  // namespace pgveil::e2e

namespace pgveil::e2e {

TEST_CASE("a table without a replica identity is named before a stream starts", "[e2e][stream]") {
  Fixture& f = Fixture::Get();
  const std::string source = f.source_cluster().FreshDatabase("no_identity");
  Exec(source,
       "CREATE TABLE public.visits (visitor text, seen_at timestamptz); INSERT INTO public.visits "
       "SELECT 'visitor ' || g, now() FROM generate_series(1, 10) g");
  const std::string policy = f.work_dir() + "/no_identity.yaml";
  WriteFile(policy,
            "version: 1\nmode: strict\nkey: {env: PGVEIL_KEY}\ntables:\n  public.visits:\n"
            "    visitor: {transform: hash}\n    seen_at: keep\n");
  const std::string target = f.FreshTarget("no_identity");

  testing::ProcessResult refused = Replicate(source, target, policy, {"--catch-up"});
  INFO(refused.err);
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("public.visits") != std::string::npos);
  CHECK(refused.err.find("REPLICA IDENTITY FULL") != std::string::npos);
  CHECK(PgveilSlots(source).empty());
  CHECK(Count(source, "SELECT count(*) FROM pg_publication") == 0);

  // A one-off copy needs none.
  testing::ProcessResult copied = Replicate(source, target, policy, {"--snapshot-only"});
  INFO(copied.err);
  CHECK(copied.exit_code == 0);
  CHECK(Count(target, "SELECT count(*) FROM public.visits") == 10);
}

}  // namespace pgveil::e2e
