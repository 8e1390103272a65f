// The stream end to end, between two real clusters: pgveil replicate copies
// a shop and streams it while a workload writes, and is killed and
// restarted twenty times on the way (during the snapshot, mid-apply,
// between a target commit and its acknowledgement), sees the target crash
// once and its source connection cut once. Afterwards the streamed target
// must equal a fresh masked copy of the final source, table by table, with
// no row lost or applied twice, its unmasked columns equal to the source's,
// and no value the workload wrote into a masked column anywhere on it or in
// pgveil's output. Then the leaks the stream exists to stop: a new column,
// a new table and a renamed column without a rule.
//
// Values are compared, never printed: every INFO names a table and counts.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <thread>

#include "core/identifier.h"
#include "policy/policy_loader.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/stream_checks.h"
#include "tests/e2e/stream_workload.h"

namespace pgveil::e2e {
TEST_CASE("a streamed replica equals a masked copy of the source after twenty kills under load",
          "[e2e][stream]") {
  Fixture& f = Fixture::Get();
  std::string policy_path;
  const std::string source = f.BigSource("shop_stream", 1, &policy_path);
  AddStreamTables(source);
  const std::string policy_text = WithStreamRules(ReadFile(policy_path));
  WriteFile(policy_path, policy_text);
  const std::string target = f.FreshTarget("streamed");

  std::random_device seed;
  std::mt19937 random(seed());
  Workload writes(source);
  WorkloadThread workload([&writes](int round) { return writes.Step(round); });
  std::string output;  // every child's stdout and stderr
  int kills = 0;
  for (int run = 0; run < 20; ++run) {
    Child child = SpawnReplicate(source, target, policy_path, {"--jobs", "2"});
    if (run == 0) {
      // The first kill lands in the snapshot, right after the slot exists.
      REQUIRE(WaitFor(child, "created the replication slot", 120));
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 300)(random)));
    } else {
      const bool streaming = WaitFor(child, "streaming from the slot", 180);
      INFO(ReadFile(child.err_path));
      REQUIRE(streaming);
      if (run == 7) {  // the target crashes under the stream, and comes back
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        f.target_cluster().Crash();
        std::this_thread::sleep_for(std::chrono::seconds(2));
        f.target_cluster().Restart();
        REQUIRE(WaitFor(child, "reconnecting", 30));
      }
      if (run == 13) {  // the source connection is cut
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        Exec(source,
             "SELECT pg_terminate_backend(pid) FROM pg_stat_replication WHERE application_name "
             "= 'pgveil'");
        REQUIRE(WaitFor(child, "reconnecting", 30));
      }
      std::this_thread::sleep_for(
          std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 1500)(random)));
    }
    kills += Kill(child) ? 1 : 0;
    output += ReadFile(child.out_path) + ReadFile(child.err_path);
  }
  const int rounds = workload.Stop();

  // Catch up with everything the workload wrote, then stop.
  testing::ProcessResult last = Replicate(source, target, policy_path, {"--catch-up"});
  INFO(last.err);
  REQUIRE(last.exit_code == 0);
  output += last.out + last.err;
  CHECK(kills == 20);

  // A fresh masked copy of the final source, to hold the stream against.
  const std::string copied = f.FreshTarget("stream_reference");
  testing::ProcessResult reference =
      Replicate(source, copied, policy_path, {"--snapshot-only", "--jobs", "2"});
  INFO(reference.err);
  REQUIRE(reference.exit_code == 0);
  const RowDifference difference = CompareTargets(copied, target);
  const policy::Policy policy = policy::LoadPolicy(policy_text, policy_path).value();
  CheckKeptColumns(source, target, policy);

  // Sequences continue where the source's are, so writes after a cutover
  // do not collide.
  CHECK(Scalar(target, "SELECT last_value FROM public.customers_customer_id_seq") ==
        Scalar(source, "SELECT last_value FROM public.customers_customer_id_seq"));
  // Nothing the workload wrote into a masked column reached the target or
  // pgveil's output.
  CHECK(RowsWithCanary(source) > 0);
  CHECK(RowsWithCanary(target) == 0);
  CHECK_FALSE(HasCanary(output));

  testing::ProcessResult status = testing::RunPgveil(
      {"replicate", "status", "--target", target, "--source", source, "--format", "json"});
  INFO(status.err);
  CHECK(status.exit_code == 0);
  CHECK(status.out.find("\"running\": false") != std::string::npos);
  CHECK(status.out.find("\"stream_status\": \"stopped\"") != std::string::npos);

  testing::ProcessResult cleanup =
      testing::RunPgveil({"replicate", "cleanup", "--source", source, "--target", target});
  INFO(cleanup.err);
  CHECK(cleanup.exit_code == 0);
  CHECK(PgveilSlots(source).empty());
  CHECK(Count(source, "SELECT count(*) FROM pg_publication WHERE pubname LIKE 'pgveil\\_%'") == 0);
  CHECK(Count(source, "SELECT count(*) FROM pg_event_trigger WHERE evtname LIKE 'pgveil\\_%'") ==
        0);
  CHECK(Scalar(source, "SELECT to_regnamespace('pgveil') IS NULL") == "t");

  std::printf(
      "stream under load: %d workload transactions, %d kills, 1 target crash, 1 source "
      "disconnect; rows lost %lld, rows duplicated %lld\n",
      rounds, kills, static_cast<long long>(difference.missing),
      static_cast<long long>(difference.extra));
}

TEST_CASE(
    "a column, table or rename without a rule stops the stream before its rows; with a rule "
    "it resumes",
    "[e2e][stream]") {
  Fixture& f = Fixture::Get();
  std::string policy_path;
  const std::string source = f.BigSource("shop_leak", 0.3, &policy_path);
  const std::string target = f.FreshTarget("leak");
  testing::ProcessResult copy = Replicate(source, target, policy_path, {"--catch-up"});
  INFO(copy.err);
  REQUIRE(copy.exit_code == 0);
  std::string output = copy.out + copy.err;

  // Runs the stream to the end of what the source holds; returns its stderr.
  auto catch_up = [&](int expected_exit) {
    testing::ProcessResult run = Replicate(source, target, policy_path, {"--catch-up"});
    output += run.out + run.err;
    INFO(run.out << run.err);
    CHECK(run.exit_code == expected_exit);
    return run.err;
  };
  auto add_rule = [&](const std::string& after, const std::string& rule) {
    std::string text = ReadFile(policy_path);
    size_t at = text.find(after);
    REQUIRE(at != std::string::npos);
    text.insert(text.find('\n', at + after.size()) + 1, rule);
    WriteFile(policy_path, text);
  };
  const std::string canary = std::string(kCanary);

  SECTION("a new column") {
    Exec(source,
         "ALTER TABLE public.customers ADD COLUMN notes_private text; UPDATE public.customers SET "
         "notes_private = '" +
             canary + "' || customer_id WHERE customer_id < 50");
    std::string err = catch_up(1);
    INFO(err);
    CHECK(err.find("public.customers.notes_private (text)") != std::string::npos);
    CHECK(err.find("notes_private: ") != std::string::npos);  // the rule to add
    CHECK(Count(target,
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' "
                "AND column_name = 'notes_private'") == 0);
    // The stop is remembered: no branch is cut from the replica meanwhile.
    CHECK(Scalar(target, "SELECT stream_status FROM pgveil.replication_state") == "gate_failed");
    testing::ProcessResult branch =
        testing::RunPgveil({"branch", "create", "during-stop", "--replica", target});
    CHECK(branch.exit_code == 2);
    CHECK(branch.err.find("failed its last schema gate") != std::string::npos);
    // Stopped again, until the policy covers it: nothing was lost meanwhile.
    catch_up(1);
    add_rule("  public.customers:", "    notes_private: {transform: hash}\n");
    CHECK(catch_up(0).find("the policy changed since the last run") != std::string::npos);
    CHECK(Count(target, "SELECT count(notes_private) FROM public.customers") == 49);
  }
  SECTION("a new table") {
    Exec(source,
         "CREATE TABLE public.referrals (id int PRIMARY KEY, referrer_email text); INSERT INTO "
         "public.referrals SELECT g, '" +
             canary +
             "' || g || '@example.org' FROM "
             "generate_series(1, 30) g");
    std::string err = catch_up(1);
    INFO(err);
    CHECK(err.find("a new table: public.referrals.") != std::string::npos);
    CHECK(Scalar(target, "SELECT to_regclass('public.referrals') IS NULL") == "t");
    add_rule("\ntables:",
             "  public.referrals:\n    id: keep\n    referrer_email: {transform: email}\n");
    catch_up(0);
    CHECK(Count(target, "SELECT count(*) FROM public.referrals") == 30);
  }
  SECTION("a renamed column") {
    Exec(source,
         "ALTER TABLE public.customers RENAME COLUMN backup_email TO fallback_email; UPDATE "
         "public.customers SET fallback_email = '" +
             canary +
             "' || customer_id || "
             "'@example.org' WHERE customer_id < 40");
    std::string err = catch_up(1);
    INFO(err);
    CHECK(err.find("a renamed column: public.customers.fallback_email") != std::string::npos);
    std::string text = ReadFile(policy_path);
    size_t at = text.find("    backup_email:");
    REQUIRE(at != std::string::npos);
    text.replace(at, 17, "    fallback_email:");
    WriteFile(policy_path, text);
    catch_up(0);
    CHECK(Count(target,
                "SELECT count(*) FROM information_schema.columns WHERE table_name = 'customers' "
                "AND column_name = 'fallback_email'") == 1);
  }
  CHECK(RowsWithCanary(target) == 0);
  CHECK_FALSE(HasCanary(output));

  // The target ends equal to a masked copy of the source.
  const std::string copied = f.FreshTarget("leak_reference");
  testing::ProcessResult reference = Replicate(source, copied, policy_path, {"--snapshot-only"});
  INFO(reference.err);
  REQUIRE(reference.exit_code == 0);
  CompareTargets(copied, target);
  testing::ProcessResult cleanup =
      testing::RunPgveil({"replicate", "cleanup", "--source", source, "--target", target});
  CHECK(cleanup.exit_code == 0);
  CHECK(PgveilSlots(source).empty());
}

}  // namespace pgveil::e2e

namespace pgveil::e2e {

TEST_CASE("SIGTERM ends a stream after the transaction in flight: applied, acknowledged, exit 0",
          "[e2e][stream]") {
  Fixture& f = Fixture::Get();
  std::string policy_path;
  const std::string source = f.BigSource("shop_term", 0.3, &policy_path);
  const std::string target = f.FreshTarget("term");
  Child child = SpawnReplicate(source, target, policy_path, {});
  REQUIRE(WaitFor(child, "streaming from the slot", 120));
  Exec(source, "UPDATE public.customers SET status = 'closed' WHERE customer_id % 5 = 0");
  // Once the server has sent the transaction, it is in flight for the stream.
  const std::string committed = Scalar(source, "SELECT pg_current_wal_lsn()::text");
  for (int i = 0; i < 200 && Scalar(source, "SELECT coalesce(bool_or(sent_lsn >= '" + committed +
                                                "'), false) FROM pg_stat_replication") != "t";
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  kill(child.pid, SIGTERM);
  int status = 0;
  REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
  INFO(ReadFile(child.err_path));
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(ReadFile(child.out_path).find("streamed 1 source transactions") != std::string::npos);
  CHECK(Count(target, "SELECT count(*) FROM public.customers WHERE status = 'closed'") ==
        Count(source, "SELECT count(*) FROM public.customers WHERE status = 'closed'"));
  // What was applied was acknowledged: the slot is where the target is.
  const std::string applied =
      Scalar(target, "SELECT applied_lsn::text FROM pgveil.replication_state");
  const std::string slot = Scalar(target, "SELECT slot FROM pgveil.replication_state");
  CHECK(Scalar(source, "SELECT confirmed_flush_lsn >= '" + applied +
                           "'::pg_lsn FROM pg_replication_slots WHERE slot_name = '" + slot +
                           "'") == "t");
  CHECK(testing::RunPgveil({"replicate", "cleanup", "--source", source, "--target", target})
            .exit_code == 0);
}

}  // namespace pgveil::e2e
