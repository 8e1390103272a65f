// No raw value escapes, across every command. Canary strings sit in every
// masked column and JSONB path the stream workload writes (names, e-mails,
// usernames, card holders, JSONB contacts) of a source shop. Then every
// command runs against it in every format: scan, bootstrap, check, report,
// snapshot and diff, replicate (a snapshot, and a stream with the workload
// still writing, its target cut off once), replicate status, a branch of
// the replica, and the forced failures: a bad policy, a value a transformer
// rejects (on_invalid: error), a stream whose target connection is killed.
// Every run is --verbose, so the lines only it logs are searched too.
// No canary may appear in any stdout, stderr or output file, nor on any
// target or branch; nor may the masking key appear in any output.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <thread>

#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/stream_checks.h"
#include "tests/e2e/stream_workload.h"

namespace pgveil::e2e {
namespace {

// Runs pgveil --verbose and keeps everything it printed in `*seen`.
testing::ProcessResult Run(std::vector<std::string> args, std::string* seen,
                           const std::vector<std::string>& env = {}) {
  args.push_back("--verbose");
  testing::ProcessResult run = testing::RunPgveil(args, env);
  *seen += run.out + run.err;
  return run;
}

}  // namespace

TEST_CASE("no canary value reaches any output, file, target or branch of any command",
          "[e2e][canary]") {
  Fixture& f = Fixture::Get();
  std::string policy_path;
  const std::string source = f.BigSource("shop_canary", 0.2, &policy_path);
  AddStreamTables(source);
  const std::string policy = WithStreamRules(ReadFile(policy_path));
  WriteFile(policy_path, policy);
  {
    Workload writes(source);
    for (int round = 0; round < 48; ++round) REQUIRE(writes.Step(round).ok());
  }
  REQUIRE(RowsWithCanary(source) > 100);
  const std::string out = f.work_dir() + "/canary";
  std::filesystem::create_directories(out);
  std::string seen;

  // The gate's commands, every format, to stdout and to files.
  CHECK(Run({"scan", "--dsn", source}, &seen).exit_code == 0);
  CHECK(Run({"scan", "--dsn", source, "--format", "json", "-o", out + "/scan.json"}, &seen)
            .exit_code == 0);
  CHECK(Run({"bootstrap", "--dsn", source, "-o", out + "/draft.yaml"}, &seen).exit_code == 0);
  for (const char* format : {"text", "json", "sarif", "junit", "github", "gitlab"}) {
    INFO(format);
    CHECK(Run({"check", "--dsn", source, "--policy", policy_path, "--format", format, "-o",
               out + "/check." + format},
              &seen, {"GITHUB_STEP_SUMMARY=" + out + "/summary.md"})
              .exit_code <= 1);
  }
  for (const char* format : {"html", "markdown", "json"}) {
    INFO(format);
    CHECK(Run({"report", "--dsn", source, "--policy", policy_path, "--format", format, "-o",
               out + "/report." + format},
              &seen)
              .exit_code == 0);
  }
  CHECK(Run({"snapshot", "--dsn", source, "-o", out + "/before.json"}, &seen).exit_code == 0);
  Exec(source, "ALTER TABLE public.customers ADD COLUMN nickname text");
  CHECK(Run({"snapshot", "--dsn", source, "-o", out + "/after.json"}, &seen).exit_code == 0);
  CHECK(Run({"diff", out + "/before.json", out + "/after.json", "-o", out + "/drift.txt"}, &seen)
            .exit_code == 1);
  {
    std::string text = ReadFile(policy_path);
    const size_t at = text.find("  public.customers:\n");
    REQUIRE(at != std::string::npos);
    text.insert(at + 20, "    nickname: {transform: hash}\n");
    WriteFile(policy_path, text);
  }

  // Forced failures: a bad policy, and a value the e-mail transformer rejects.
  WriteFile(out + "/bad.yaml",
            "version: 1\ntables:\n  public.customers:\n    email: {transform: emial}\n");
  CHECK(Run({"replicate", "--source", source, "--target", f.FreshTarget("canary_bad"), "--policy",
             out + "/bad.yaml", "--snapshot-only"},
            &seen, {"PGVEIL_KEY=" + std::string(kTestKey)})
            .exit_code == 2);
  Exec(source, "UPDATE public.customers SET email = 'zqxcanary no e-mail at all' WHERE "
               "customer_id = (SELECT min(customer_id) FROM public.customers)");
  std::string strict_email = ReadFile(policy_path);
  const size_t customers = strict_email.find("  public.customers:\n");
  const size_t email = strict_email.find("    email: {transform: email, on_invalid: hash}", customers);
  REQUIRE(email != std::string::npos);
  strict_email.replace(strict_email.find("hash}", email), 5, "error}");
  WriteFile(out + "/strict-email.yaml", strict_email);
  testing::ProcessResult rejected =
      Replicate(source, f.FreshTarget("canary_rejected"), out + "/strict-email.yaml",
                {"--snapshot-only", "--verbose"});
  seen += rejected.out + rejected.err;
  CHECK(rejected.exit_code != 0);
  CHECK_THAT(rejected.err, Catch::Contains("email"));
  Exec(source, "UPDATE public.customers SET email = 'zqxcanary.fixed@zqxcanary.test' WHERE "
               "email = 'zqxcanary no e-mail at all'");

  // The copy, then the stream with the workload writing and the target's
  // connections cut once; a branch of the replica; the replica's status.
  const std::string copied = f.FreshTarget("canary_copy");
  testing::ProcessResult copy =
      Replicate(source, copied, policy_path, {"--snapshot-only", "--verbose"});
  seen += copy.out + copy.err;
  CHECK(copy.exit_code == 0);
  const std::string streamed = f.FreshTarget("canary_stream");
  Child child =
      SpawnReplicate(source, streamed, policy_path, {"--log-format", "json", "--verbose"});
  REQUIRE(WaitFor(child, "\"event\":\"streaming\"", 120));
  {
    Workload writes(source);
    WorkloadThread workload([&writes](int round) { return writes.Step(1000 + round); });
    std::this_thread::sleep_for(std::chrono::seconds(1));
    Exec(f.target_cluster().dsn(),
         "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = "
         "'canary_stream'");
    REQUIRE(WaitFor(child, "reconnecting", 30));
    // Back to streaming before a branch is cut, so the stream steps aside for it.
    for (int i = 0; i < 300 && Occurrences(ReadFile(child.err_path), "\"event\":\"streaming\"") < 2;
         ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    REQUIRE(Occurrences(ReadFile(child.err_path), "\"event\":\"streaming\"") == 2);
    CHECK(Run({"branch", "create", "canary-branch", "--replica", streamed, "--format", "json"},
              &seen)
              .exit_code == 0);
    std::this_thread::sleep_for(std::chrono::seconds(1));
    workload.Stop();
  }
  CHECK(Occurrences(ReadFile(child.err_path), "\"event\":\"paused\"") == 1);
  CHECK(Run({"branch", "list", "--replica", streamed}, &seen).exit_code == 0);
  CHECK(Run({"replicate", "status", "--target", streamed, "--format", "json"}, &seen).exit_code ==
        0);
  kill(child.pid, SIGTERM);
  int status = 0;
  REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
  CHECK(WIFEXITED(status));
  seen += ReadFile(child.out_path) + ReadFile(child.err_path);
  testing::ProcessResult rest =
      Replicate(source, streamed, policy_path, {"--catch-up", "--verbose"});
  seen += rest.out + rest.err;
  CHECK(rest.exit_code == 0);

  for (const auto& file : std::filesystem::directory_iterator(out)) {
    INFO(file.path().filename().string());
    const std::string text = ReadFile(file.path().string());
    CHECK_FALSE(HasCanary(text));
    CHECK(text.find(kTestKey) == std::string::npos);
  }
  CHECK_FALSE(HasCanary(seen));
  CHECK(seen.find(kTestKey) == std::string::npos);  // nor the masking key
  // What was searched holds the verbose lines: each table's sample, each
  // phase of a copy.
  CHECK_THAT(seen,
             Catch::Contains("rows sampled (") && Catch::Contains("pgveil: dumping the schema"));
  CHECK(RowsWithCanary(source) > 100);
  CHECK(RowsWithCanary(copied) == 0);
  CHECK(RowsWithCanary(streamed) == 0);
  const std::string branch = f.target_cluster().DatabaseDsn("canary-branch");
  CHECK(Count(branch, "SELECT count(*) FROM public.customers") > 0);
  CHECK(RowsWithCanary(branch) == 0);
  CHECK(Run({"branch", "drop", "canary-branch", "--replica", streamed}, &seen).exit_code == 0);
  CHECK(testing::RunPgveil({"replicate", "cleanup", "--source", source, "--target", streamed})
            .exit_code == 0);
}

}  // namespace pgveil::e2e
