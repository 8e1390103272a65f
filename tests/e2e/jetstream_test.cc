// The masked change stream fanned out through NATS JetStream, end to end: a
// publisher (`pgveil replicate --sink`) masks a shop's snapshot and changes
// into a stream replicated on three NATS servers while a workload writes,
// and two appliers (`pgveil apply`) each keep a target of their own. On the
// way the stream's leader crashes and comes back, the publisher is killed
// twice and one applier twice. Afterwards both targets must equal a fresh
// masked copy of the final source, table by table, with no row lost or
// applied twice and their unmasked columns equal to the source's; and no
// value the workload wrote into a masked column may be anywhere: not on a
// target, not in any process's output, not in any file of any server's
// JetStream store, not in any message of the stream.
//
// Values are compared, never printed: every INFO names a table and counts.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <thread>

#include "broker/jetstream.h"
#include "policy/policy_loader.h"
#include "replicator/change_event.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/stream_checks.h"
#include "tests/e2e/stream_workload.h"
#include "tests/support/nats_cluster.h"

namespace pgveil::e2e {
namespace {

constexpr const char* kStream = "SHOP";

// One pgveil process of the fan-out, started again after each kill. What
// every run of it printed is kept for the canary search; a run still going
// when the test ends early is killed.
class Process {
 public:
  Process(std::string role, std::vector<std::string> args, std::vector<std::string> env,
          std::string ready_marker)
      : role_(std::move(role)),
        args_(std::move(args)),
        env_(std::move(env)),
        ready_marker_(std::move(ready_marker)) {}
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;
  ~Process() {
    // waitpid first: a run WaitFor saw end is reaped already.
    if (child_.pid > 0 && waitpid(child_.pid, nullptr, WNOHANG) == 0) {
      kill(child_.pid, SIGKILL);
      waitpid(child_.pid, nullptr, 0);
    }
  }

  void Spawn() { child_ = SpawnPgveil(args_, env_); }
  // Waits for the line that says it is past its start (snapshot included).
  void AwaitReady() {
    const bool ready = WaitFor(child_, ready_marker_, 300);
    INFO(role_ << ":\n" << ReadFile(child_.err_path));
    REQUIRE(ready);
  }
  void Start() {
    Spawn();
    AwaitReady();
  }
  // SIGKILL; true when it was still running, as it should be.
  bool Crash() {
    const bool running = waitpid(child_.pid, nullptr, WNOHANG) == 0;
    if (running) {
      kill(child_.pid, SIGKILL);
      REQUIRE(waitpid(child_.pid, nullptr, 0) == child_.pid);
    }
    INFO(role_ << " ended before it was killed:\n" << ReadFile(child_.err_path));
    CHECK(running);
    Collect();
    return running;
  }
  // SIGTERM; its exit code (128 + signal when a signal ended it). FAILs
  // when it is still running a minute later.
  int Terminate() {
    kill(child_.pid, SIGTERM);
    int status = 0;
    for (int waited = 0; waitpid(child_.pid, &status, WNOHANG) == 0; ++waited) {
      if (waited == 600) {
        kill(child_.pid, SIGKILL);
        waitpid(child_.pid, nullptr, 0);
        Collect();
        FAIL(role_ << " did not end within a minute of SIGTERM");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    Collect();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  // The same command with `--catch-up`, in the foreground.
  testing::ProcessResult CatchUp() {
    std::vector<std::string> args = args_;
    args.push_back("--catch-up");
    testing::ProcessResult run = testing::RunPgveil(args, env_);
    output_ += run.out + run.err;
    return run;
  }
  const std::string& output() const { return output_; }

 private:
  void Collect() {
    output_ += ReadFile(child_.out_path) + ReadFile(child_.err_path);
    child_.pid = -1;
  }

  std::string role_;
  std::vector<std::string> args_;
  std::vector<std::string> env_;
  std::string ready_marker_;
  Child child_;
  std::string output_;
};

struct StoreScan {
  int64_t bytes = 0;
  int files_with_subjects = 0;  // proof the scan reads message data as stored
  int files_with_canary = 0;
};

// Every file under `dir`, byte by byte.
StoreScan ScanStore(const std::string& dir) {
  StoreScan scan;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string bytes = ReadFile(entry.path().string());
    scan.bytes += static_cast<int64_t>(bytes.size());
    scan.files_with_subjects +=
        bytes.find(std::string(kStream) + ".row.") != std::string::npos ? 1 : 0;
    scan.files_with_canary += HasCanary(bytes) ? 1 : 0;
  }
  return scan;
}

struct StreamScan {
  int64_t messages = 0;
  int64_t rows = 0;     // NAME.row.<schema>.<table>
  int64_t copied = 0;   // NAME.copy.<schema>.<table>
  int64_t commits = 0;  // events that end a transaction
  int64_t with_canary = 0;
};

// Every message of the stream, through a consumer of its own.
StreamScan ScanStream(const testing::NatsCluster& nats) {
  auto js = broker::JetStream::Connect(nats.servers());
  INFO((js.ok() ? "" : js.status().message()));
  REQUIRE(js.ok());
  const std::string prefix = std::string(kStream) + ".";
  REQUIRE((*js)->Subscribe(kStream, prefix + ">", "canary-search", 1).ok());
  StreamScan scan;
  for (;;) {
    auto batch = (*js)->Fetch(1000, 3000);
    INFO((batch.ok() ? "" : batch.status().message()));
    REQUIRE(batch.ok());
    if (batch->empty()) return scan;
    for (const broker::Delivered& message : *batch) {
      ++scan.messages;
      scan.rows += message.subject.starts_with(prefix + "row.") ? 1 : 0;
      scan.copied += message.subject.starts_with(prefix + "copy.") ? 1 : 0;
      Result<replicator::events::Event> event = replicator::events::Decode(message.data);
      INFO(message.subject << " at " << message.sequence);
      REQUIRE(event.ok());
      scan.commits += replicator::events::LastCommit(*event) != nullptr ? 1 : 0;
      scan.with_canary += HasCanary(message.subject) || HasCanary(message.data) ? 1 : 0;
    }
    // A consumer stops delivering at its cap of unacknowledged messages
    // (max_ack_pending): acknowledged as read, the scan does not depend on it.
    REQUIRE((*js)->AcknowledgeThrough(batch->back().sequence).ok());
  }
}

void Pause(std::mt19937& random) {
  std::this_thread::sleep_for(
      std::chrono::milliseconds(std::uniform_int_distribution<int>(500, 2000)(random)));
}

}  // namespace

TEST_CASE(
    "two targets applied from a JetStream stream equal a masked copy after kills of the "
    "publisher, an applier and a NATS server",
    "[e2e][jetstream]") {
  Fixture& f = Fixture::Get();
  std::string policy_path;
  const std::string source = f.BigSource("shop_fanout", 1, &policy_path);
  AddStreamTables(source);
  const std::string policy_text = WithStreamRules(ReadFile(policy_path));
  WriteFile(policy_path, policy_text);
  const std::string targets[] = {f.FreshTarget("fanout_a"), f.FreshTarget("fanout_b")};
  auto nats = testing::NatsCluster::Start(3);

  const std::vector<std::string> key = {std::string("PGVEIL_KEY=") + kTestKey};
  Process publisher("publisher",
                    {"replicate", "--source", source, "--sink", nats->url(), "--stream", kStream,
                     "--policy", policy_path},
                    key, "streaming from the slot");
  // The appliers get no masking key: they only write what is masked already.
  // "applying from the" is how an applier says it reads the stream
  // ("applying from the stream", or naming it as a JetStream stream).
  auto applier = [&](const std::string& name, const std::string& target) {
    return Process("applier " + name,
                   {"apply", "--from", nats->url(), "--stream", kStream, "--target", target},
                   {"-PGVEIL_KEY"}, "applying from the");
  };
  Process appliers[] = {applier("A", targets[0]), applier("B", targets[1])};

  std::random_device seed;
  std::mt19937 random(seed());
  Workload writes(source);
  WorkloadThread workload([&writes](int round) { return writes.Step(round); });
  publisher.Start();
  for (Process& applier : appliers) applier.Spawn();
  for (Process& applier : appliers) applier.AwaitReady();

  Pause(random);
  // The server leading the stream crashes under both sides, and comes back.
  const int leader = nats->StreamLeader(kStream);
  REQUIRE(leader >= 0);
  nats->Kill(leader);
  std::this_thread::sleep_for(std::chrono::seconds(2));
  nats->Restart(leader);
  int kills = 0;
  for (int round = 0; round < 2; ++round) {
    Pause(random);
    kills += publisher.Crash() ? 1 : 0;
    publisher.Start();
    Pause(random);
    kills += appliers[0].Crash() ? 1 : 0;
    appliers[0].Start();
  }
  Pause(random);
  const int rounds = workload.Stop();
  CHECK(kills == 4);

  // Everything the workload wrote goes through the stream, then stops.
  {
    const int exit_code = publisher.Terminate();
    INFO(publisher.output());
    CHECK(exit_code == 0);
  }
  for (Process& applier : appliers) {
    const int exit_code = applier.Terminate();
    INFO(applier.output());
    CHECK(exit_code == 0);
  }
  testing::ProcessResult published = publisher.CatchUp();
  INFO(published.err);
  REQUIRE(published.exit_code == 0);
  for (Process& applier : appliers) {
    testing::ProcessResult applied = applier.CatchUp();
    INFO(applied.err);
    REQUIRE(applied.exit_code == 0);
  }

  // A fresh masked copy of the final source, to hold both targets against.
  const std::string copied = f.FreshTarget("fanout_reference");
  testing::ProcessResult reference =
      Replicate(source, copied, policy_path, {"--snapshot-only", "--jobs", "2"});
  INFO(reference.err);
  REQUIRE(reference.exit_code == 0);
  const policy::Policy policy = policy::LoadPolicy(policy_text, policy_path).value();
  RowDifference differences[2];
  for (int i = 0; i < 2; ++i) {
    INFO("target " << (i == 0 ? "A" : "B"));
    differences[i] = CompareTargets(copied, targets[i]);
    CheckKeptColumns(source, targets[i], policy);
  }

  // No value the workload wrote into a masked column got anywhere.
  std::string output = publisher.output() + appliers[0].output() + appliers[1].output() +
                       reference.out + reference.err;
  CHECK(RowsWithCanary(source) > 0);
  for (const std::string& target : targets) CHECK(RowsWithCanary(target) == 0);
  for (int i = 0; i < nats->size(); ++i) {
    output += ReadFile(nats->log_path(i));
    const StoreScan store = ScanStore(nats->store_dir(i));
    INFO("NATS server " << i << ": " << store.bytes << " bytes stored");
    CHECK(store.files_with_subjects > 0);
    CHECK(store.files_with_canary == 0);
  }
  CHECK_FALSE(HasCanary(output));
  const StreamScan stream = ScanStream(*nats);
  CHECK(stream.copied > 0);
  CHECK(stream.rows > 0);
  CHECK(stream.commits > 0);
  CHECK(stream.with_canary == 0);

  // The publisher's slot and publication go with its cleanup (the source is
  // shared with the other tests of this binary).
  testing::ProcessResult cleanup = testing::RunPgveil(
      {"replicate", "cleanup", "--source", source, "--sink", nats->url(), "--stream", kStream});
  INFO(cleanup.err);
  CHECK(cleanup.exit_code == 0);
  CHECK(PgveilSlots(source).empty());
  CHECK(Count(source, "SELECT count(*) FROM pg_publication WHERE pubname LIKE 'pgveil\\_%'") == 0);

  std::printf(
      "jetstream fan-out under load: %d workload transactions, %lld stream messages, %d kills "
      "(publisher 2, applier 2), 1 NATS server crash; target A rows lost %lld, duplicated %lld; "
      "target B rows lost %lld, duplicated %lld\n",
      rounds, static_cast<long long>(stream.messages), kills,
      static_cast<long long>(differences[0].missing), static_cast<long long>(differences[0].extra),
      static_cast<long long>(differences[1].missing), static_cast<long long>(differences[1].extra));
}

}  // namespace pgveil::e2e

namespace pgveil::e2e {

TEST_CASE("apply refuses a target that holds something else, and a stream without a copy",
          "[e2e][jetstream]") {
  Fixture& f = Fixture::Get();
  auto nats = testing::NatsCluster::Start(1);
  const std::string target = f.FreshTarget("apply_refused");

  // No publisher ever wrote to the stream: nothing to catch up with.
  testing::ProcessResult empty = testing::RunPgveil(
      {"apply", "--from", nats->url(), "--stream", "NOTHING", "--target", target, "--catch-up"});
  CHECK(empty.exit_code == 2);
  CHECK_THAT(empty.err, Catch::Contains("the stream \"NOTHING\" holds no masked copy to catch up "
                                        "with; run pgveil replicate --sink first"));

  // A database with tables of its own is not replaced without --force.
  Exec(target, "CREATE TABLE local_notes (id int PRIMARY KEY)");
  testing::ProcessResult foreign = testing::RunPgveil(
      {"apply", "--from", nats->url(), "--stream", "NOTHING", "--target", target, "--catch-up"});
  CHECK(foreign.exit_code == 2);
  CHECK_THAT(foreign.err, Catch::Contains("the target database is not empty"));
  CHECK_THAT(foreign.err, Catch::Contains("--force"));
  CHECK(Scalar(target, "SELECT to_regclass('public.local_notes') IS NOT NULL") == "t");
}

}  // namespace pgveil::e2e
