// The kill test: `pgveil replicate` is killed with SIGKILL at a random
// moment of its copy, so it can neither clean up nor print anything more.
// The cleanup command it printed when it created the slot leaves no pgveil
// slot on the source, and a plain rerun finds the target incomplete, starts
// over and finishes a correct copy.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <random>
#include <thread>

#include "tests/e2e/e2e_fixture.h"

namespace pgveil::e2e {
namespace {

// The command after "drop it with: " on the line that announced the slot.
std::string CleanupCommand(const std::string& err) {
  size_t at = err.find("drop it with: ");
  if (at == std::string::npos) return "";
  at += 14;
  return err.substr(at, err.find('\n', at) - at);
}

}  // namespace

TEST_CASE("replicate killed mid-copy: the printed cleanup drops the slot, a rerun completes",
          "[e2e]") {
  Fixture& f = Fixture::Get();
  std::string policy;
  std::string source = f.BigSource("shop_kill", 10, &policy);
  std::string target = f.FreshTarget("killed");

  std::random_device seed;
  std::mt19937 random(seed());
  const int delay_ms = std::uniform_int_distribution<int>(300, 1500)(random);
  INFO("killed " << delay_ms << " ms after the slot was created");

  Child child = SpawnReplicate(source, target, policy, {"--jobs", "2"});
  // The random moment is counted from the slot's creation, so that the kill
  // lands in the copy rather than in the gate's scan before it.
  int status = 0;
  bool exited = false;
  std::string err;
  for (int i = 0; i < 6000; ++i) {
    if (waitpid(child.pid, &status, WNOHANG) == child.pid) {
      exited = true;
      break;
    }
    err = ReadFile(child.err_path);
    if (err.find("created the replication slot") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  INFO(err);
  REQUIRE_FALSE(exited);
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  kill(child.pid, SIGKILL);
  REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
  const bool killed = WIFSIGNALED(status);
  INFO("exit status " << status);
  CHECK(killed);  // the copy outlasted the delay

  std::string state = Scalar(target, "SELECT status FROM pgveil.replication_state");
  CHECK((state == "copying" || state == "complete" || state.empty()));
  REQUIRE(PgveilSlots(source).size() == 1);  // what a forgotten slot looks like

  const std::string command = CleanupCommand(err);
  INFO(command);
  REQUIRE(command.starts_with("psql \""));
  REQUIRE(command.find("pg_drop_replication_slot('pgveil_") != std::string::npos);
  REQUIRE(std::system((command + " >/dev/null").c_str()) == 0);
  CHECK(PgveilSlots(source).empty());

  testing::ProcessResult rerun =
      Replicate(source, target, policy,
                state == "complete" ? std::vector<std::string>{"--snapshot-only", "--force"}
                                    : std::vector<std::string>{"--snapshot-only"});
  INFO(rerun.err);
  REQUIRE(rerun.exit_code == 0);
  if (state == "copying") CHECK(rerun.err.find("incomplete copy") != std::string::npos);
  CHECK(Scalar(target, "SELECT status FROM pgveil.replication_state") == "complete");
  for (const char* table : {"public.customers", "public.orders", "public.events",
                            "public.support_tickets", "billing.invoices"}) {
    INFO(table);
    CHECK(Count(target, std::string("SELECT count(*) FROM ") + table) ==
          Count(source, std::string("SELECT count(*) FROM ") + table));
  }
  CHECK(PgveilSlots(source).empty());
  // No process of the killed run is still writing into the target (other
  // tests' streams into other databases of the server are not its own).
  CHECK(Count(target,
              "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgveil' "
              "AND datname = current_database() AND pid <> pg_backend_pid()") == 0);
}

}  // namespace pgveil::e2e
