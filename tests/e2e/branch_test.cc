// Branches end to end, on real clusters: pgveil replicate streams a shop
// into a replica while a workload writes, and two branches are cut from the
// replica meanwhile. Each branch must hold whole source transactions up to
// the LSN it records (a one-writer tick table tells which transactions
// those are), satisfy every foreign key, hold no canary, and be private;
// the stream must step aside for each cut and come back, and the replica
// end equal to a fresh masked copy of the source. Then list, reset, gc with
// an expired TTL, drop, and every refusal: bad names, a taken name, two
// concurrent creates of one name, a replica that is incomplete, failed its
// gate, or is itself a branch.
//
// Values are compared, never printed: every INFO names a branch and counts.
#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pg/connection.h"
#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/stream_checks.h"
#include "tests/e2e/stream_workload.h"

namespace pgveil::e2e {
namespace {

// Two rows per workload round, committed in order by one writer, each
// holding the WAL insert position inside its own transaction: past the
// commit of the round before, short of its own commit.
constexpr const char* kTicksSql =
    "CREATE TABLE public.branch_ticks (id bigserial PRIMARY KEY, "
    "lsn pg_lsn NOT NULL DEFAULT pg_current_wal_insert_lsn())";
constexpr const char* kTickRules = "  public.branch_ticks:\n    id: keep\n    lsn: keep\n";

testing::ProcessResult RunBranch(std::vector<std::string> args) {
  args.insert(args.begin(), "branch");
  return testing::RunPgveil(args);
}

// `pgveil branch <args> --format json`, REQUIREd to succeed.
nlohmann::json BranchJson(std::vector<std::string> args) {
  args.insert(args.end(), {"--format", "json"});
  testing::ProcessResult run = RunBranch(args);
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  nlohmann::json json = nlohmann::json::parse(run.out, nullptr, false);
  REQUIRE_FALSE(json.is_discarded());
  return json;
}

bool DatabaseExists(const std::string& dsn, const std::string& name) {
  return Count(dsn, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'") == 1;
}

// Rows of `dsn` whose foreign key finds no row; `*keys` is set to the
// number of foreign keys looked at.
int64_t Orphans(const std::string& dsn, int* keys) {
  const Rows constraints = Query(dsn, R"SQL(
    SELECT conrelid::regclass::text, confrelid::regclass::text,
      (SELECT string_agg('c.' || quote_ident(attname), ', ' ORDER BY k.i)
         FROM unnest(conkey) WITH ORDINALITY k(a, i)
         JOIN pg_attribute ON attrelid = conrelid AND attnum = k.a),
      (SELECT string_agg('p.' || quote_ident(attname), ', ' ORDER BY k.i)
         FROM unnest(confkey) WITH ORDINALITY k(a, i)
         JOIN pg_attribute ON attrelid = confrelid AND attnum = k.a)
    FROM pg_constraint WHERE contype = 'f')SQL");
  int64_t orphans = 0;
  for (const auto& row : constraints) {
    const std::string child = *row[0], parent = *row[1], from = *row[2], to = *row[3];
    orphans += Count(dsn, fmt::format("SELECT count(*) FROM {} c WHERE row({}) IS NOT NULL AND "
                                      "NOT EXISTS (SELECT 1 FROM {} p WHERE row({}) = row({}))",
                                      child, from, parent, to, from));
  }
  *keys = static_cast<int>(constraints.size());
  return orphans;
}

// CHECKs that the branch at `dsn`, cut at `lsn`, holds exactly the source
// transactions committed up to `lsn`, whole, and nothing unmasked.
void CheckCutAt(const std::string& source, const std::string& dsn, const std::string& lsn) {
  CHECK(Scalar(dsn, "SELECT applied_lsn::text FROM pgveil.replication_state") == lsn);
  const int64_t last = Count(dsn, "SELECT coalesce(max(id), 0) FROM public.branch_ticks");
  REQUIRE(last > 0);
  // No round missing before the last one it holds, and no half round...
  CHECK(Count(dsn, "SELECT count(*) FROM public.branch_ticks") == last);
  CHECK(last % 2 == 0);
  // ...which committed by `lsn`, while the round after the next began after
  // the next one committed, which was after `lsn`.
  CHECK(Scalar(source, fmt::format("SELECT lsn < '{}' FROM public.branch_ticks WHERE id = {}", lsn,
                                   last)) == "t");
  CHECK(Scalar(source, fmt::format("SELECT lsn > '{}' FROM public.branch_ticks WHERE id = {}", lsn,
                                   last + 3)) == "t");
  int keys = 0;
  CHECK(Orphans(dsn, &keys) == 0);
  CHECK(keys > 0);
  CHECK(RowsWithCanary(dsn) == 0);
}

}  // namespace

TEST_CASE(
    "branches cut from a streaming replica under load hold whole transactions up to their LSN, "
    "and the stream comes back after each",
    "[e2e][branch]") {
  Fixture& f = Fixture::Get();
  std::string policy_path;
  const std::string source = f.BigSource("shop_branch", 0.3, &policy_path);
  AddStreamTables(source);
  Exec(source, kTicksSql);
  WriteFile(policy_path, WithTableRules(WithStreamRules(ReadFile(policy_path)), kTickRules));
  const std::string replica = f.FreshTarget("branch_replica");

  Child child = SpawnReplicate(source, replica, policy_path, {});
  REQUIRE(WaitFor(child, "streaming from the slot", 120));
  Workload writes(source);
  std::unique_ptr<pg::Connection> ticks = pg::Connection::Open(source).value();
  WorkloadThread workload([&writes, &ticks](int round) {
    Status written = writes.Step(round);
    return written.ok() ? ticks->Execute(
                              "INSERT INTO public.branch_ticks SELECT FROM generate_series(1, 2)")
                        : written;
  });
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const nlohmann::json one = BranchJson({"create", "b-one", "--replica", replica, "--ttl", "1h"});
  std::this_thread::sleep_for(std::chrono::seconds(1));
  const nlohmann::json two = BranchJson({"create", "b_two", "--replica", replica});
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  const int rounds = workload.Stop();
  CHECK(rounds > 100);

  // The stream stepped aside twice, came back twice, and ends cleanly.
  kill(child.pid, SIGTERM);
  int status = 0;
  REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
  const std::string log = ReadFile(child.err_path);
  INFO(log);
  CHECK(WIFEXITED(status));
  CHECK(Occurrences(log, "while a branch is cut from the target") == 2);
  CHECK(Occurrences(log, "resumed after") == 2);
  testing::ProcessResult rest = Replicate(source, replica, policy_path, {"--catch-up"});
  REQUIRE(rest.exit_code == 0);
  const std::string reference = f.FreshTarget("branch_reference");
  REQUIRE(Replicate(source, reference, policy_path, {"--snapshot-only"}).exit_code == 0);
  const RowDifference difference = CompareTargets(reference, replica);
  CHECK(difference.missing == 0);
  CHECK(difference.extra == 0);

  // Each branch: whole transactions up to the LSN it records, and where
  // it comes from.
  const std::string one_dsn = one["dsn"], two_dsn = two["dsn"];
  CheckCutAt(source, one_dsn, one["lsn"]);
  CheckCutAt(source, two_dsn, two["lsn"]);
  CHECK(Scalar(replica, "SELECT '" + one["lsn"].get<std::string>() + "'::pg_lsn < '" +
                            two["lsn"].get<std::string>() + "'::pg_lsn") == "t");
  CHECK(one["replica"] == "branch_replica");
  CHECK(one["policy_sha256"] == Scalar(replica, "SELECT policy_sha256 FROM pgveil.replication_state"));
  CHECK(one["policy_mode"] == "strict");
  CHECK(one["creator"] == Scalar(replica, "SELECT current_user"));
  CHECK(one["source"].get<std::string>().find("dbname=shop_branch") != std::string::npos);
  CHECK(one["ttl_seconds"] == 3600);
  CHECK(one["expires_at"].is_string());
  CHECK(two["expires_at"].is_null());

  // The compliance report of a branch cites where its rows come from.
  testing::ProcessResult cited =
      testing::RunPgveil({"report", "--dsn", two_dsn, "--policy", policy_path, "--format", "json"});
  INFO(cited.err);
  REQUIRE(cited.exit_code == 0);
  const nlohmann::json origin = nlohmann::json::parse(cited.out)["report"]["branch"];
  CHECK(origin["replica"] == "branch_replica");
  CHECK(origin["lsn"] == two["lsn"]);
  CHECK(origin["policy_sha256"] == two["policy_sha256"]);
  testing::ProcessResult page = testing::RunPgveil(
      {"report", "--dsn", two_dsn, "--policy", policy_path, "--format", "markdown"});
  CHECK(page.out.find("This database is a branch of the masked replica \"branch\\_replica\": its "
                      "rows were masked under policy sha256 " +
                      two["policy_sha256"].get<std::string>().substr(0, 12)) != std::string::npos);
  CHECK(page.out.find("as of source LSN " + two["lsn"].get<std::string>()) != std::string::npos);
  CHECK(testing::RunPgveil({"report", "--dsn", replica, "--policy", policy_path, "--format",
                            "json"})
            .out.find("\"branch\"") == std::string::npos);

  // A branch is private, and nothing streams into it.
  Exec(one_dsn, "INSERT INTO public.branch_ticks (id) VALUES (-1)");
  CHECK(Count(replica, "SELECT count(*) FROM public.branch_ticks WHERE id = -1") == 0);
  CHECK(Count(two_dsn, "SELECT count(*) FROM public.branch_ticks WHERE id = -1") == 0);
  CHECK(Scalar(one_dsn, "SELECT stream_status FROM pgveil.replication_state") == "branch");
  CHECK(Replicate(source, one_dsn, policy_path, {"--catch-up"}).exit_code == 2);

  // Cut while no replicate runs: at the replica's applied LSN.
  const nlohmann::json three = BranchJson({"create", "b-three", "--replica", replica, "--ttl", "1s"});
  const std::string applied = Scalar(replica, "SELECT applied_lsn::text FROM pgveil.replication_state");
  CHECK(three["lsn"] == applied);

  const nlohmann::json listed = BranchJson({"list", "--replica", replica});
  REQUIRE(listed.size() == 3);
  CHECK(listed[0]["name"] == "b-one");
  CHECK(listed[0]["lsn"] == one["lsn"]);
  CHECK(listed[1]["name"] == "b-three");
  CHECK(listed[2]["name"] == "b_two");
  CHECK(listed[2]["bytes"].get<int64_t>() > 1000000);

  // Reset: the replica's state now, the branch's own writes gone, its
  // creation and expiry kept.
  const nlohmann::json reset = BranchJson({"reset", "b-one", "--replica", replica});
  CHECK(reset["lsn"] == applied);
  CHECK(reset["created_at"] == one["created_at"]);
  CHECK(reset["expires_at"] == one["expires_at"]);
  CHECK(reset["reset_at"].is_string());
  CHECK(Count(one_dsn, "SELECT count(*) FROM public.branch_ticks WHERE id = -1") == 0);

  // gc drops what has expired, and only that, and not while it is in use.
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  {
    auto holder = pg::Connection::Open(three["dsn"].get<std::string>());
    REQUIRE(holder.ok());
    testing::ProcessResult kept = RunBranch({"gc", "--replica", replica});
    CHECK(kept.exit_code == 0);
    CHECK(kept.out.find("kept b-three (expired, but sessions are connected") != std::string::npos);
    CHECK(DatabaseExists(replica, "b-three"));
  }
  testing::ProcessResult gc = RunBranch({"gc", "--replica", replica});
  INFO(gc.err);
  CHECK(gc.exit_code == 0);
  CHECK(gc.out == "dropped b-three\n");
  CHECK_FALSE(DatabaseExists(replica, "b-three"));
  CHECK(DatabaseExists(replica, "b-one"));

  // drop: a branch once, never a database pgveil did not cut.
  CHECK(RunBranch({"drop", "b_two", "--replica", replica}).exit_code == 0);
  CHECK_FALSE(DatabaseExists(replica, "b_two"));
  testing::ProcessResult again = RunBranch({"drop", "b_two", "--replica", replica});
  CHECK(again.exit_code == 2);
  CHECK(again.err.find("has no branch named \"b_two\"") != std::string::npos);
  testing::ProcessResult foreign = RunBranch({"drop", "branch_reference", "--replica", replica});
  CHECK(foreign.exit_code == 2);
  CHECK(foreign.err.find("is not a branch of the replica") != std::string::npos);
  CHECK(DatabaseExists(replica, "branch_reference"));
  // A session on a branch keeps it, unless forced.
  auto session = pg::Connection::Open(one_dsn);
  REQUIRE(session.ok());
  testing::ProcessResult busy = RunBranch({"drop", "b-one", "--replica", replica});
  CHECK(busy.exit_code == 3);
  CHECK(busy.err.find("--force") != std::string::npos);
  CHECK(RunBranch({"drop", "b-one", "--replica", replica, "--force"}).exit_code == 0);
  CHECK_FALSE(DatabaseExists(replica, "b-one"));

  CHECK_FALSE(HasCanary(log + rest.out + rest.err + one.dump() + listed.dump()));
  CHECK(testing::RunPgveil({"replicate", "cleanup", "--source", source, "--target", replica})
            .exit_code == 0);
}

TEST_CASE(
    "a branch is refused a bad or taken name, an incomplete, failed or branched replica; of two "
    "concurrent creates one wins",
    "[e2e][branch]") {
  Fixture& f = Fixture::Get();
  std::string policy_path;
  const std::string source = f.BigSource("shop_branch_refusals", 0.1, &policy_path);
  const std::string replica = f.FreshTarget("refusals_replica");
  REQUIRE(Replicate(source, replica, policy_path, {"--snapshot-only"}).exit_code == 0);
  auto refused = [&replica](std::vector<std::string> args, const std::string& why) {
    args.insert(args.end(), {"--replica", replica});
    testing::ProcessResult run = RunBranch(args);
    INFO(args[1] << ": " << run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(why) != std::string::npos);
  };

  for (const char* name : {"Upper", "my branch", "a\"b", "x;drop", "caf\xc3\xa9", "9lives"}) {
    refused({"create", name}, "the branch name");
  }
  refused({"create", std::string(64, 'a')}, "at most 63");
  refused({"create", "postgres"}, "reserved");
  refused({"create", "template1"}, "reserved");
  refused({"create", "pg_mine"}, "pg_");
  refused({"create", "refusals_replica"}, "the replica's own name");
  refused({"create", "ok", "--ttl", "2 days"}, "is not a duration");

  // Two creates of one name at once: one branch, one clear error.
  testing::ProcessResult first, second;
  std::thread racer([&] { first = RunBranch({"create", "twin", "--replica", replica}); });
  second = RunBranch({"create", "twin", "--replica", replica});
  racer.join();
  CHECK(first.exit_code + second.exit_code == 2);
  CHECK((first.exit_code == 0 || second.exit_code == 0));
  CHECK((first.err + second.err).find("a database named \"twin\" already exists") !=
        std::string::npos);
  refused({"create", "twin"}, "already exists");

  // Somebody else on the replica: waited for, then named (exit 3).
  {
    auto other = pg::Connection::Open(replica);
    REQUIRE(other.ok());
    testing::ProcessResult waited =
        RunBranch({"create", "crowded", "--replica", replica, "--wait", "1"});
    CHECK(waited.exit_code == 3);
    CHECK(waited.err.find("stayed connected to the replica \"refusals_replica\" for 1 s") !=
          std::string::npos);
    // A busy branch is not reset behind its user's back.
    auto user = pg::Connection::Open(f.target_cluster().DatabaseDsn("twin"));
    REQUIRE(user.ok());
    testing::ProcessResult busy = RunBranch({"reset", "twin", "--replica", replica});
    CHECK(busy.exit_code == 3);
    CHECK(busy.err.find("are connected to the branch \"twin\"") != std::string::npos);
  }
  CHECK_FALSE(DatabaseExists(replica, "crowded"));

  const std::string twin = f.target_cluster().DatabaseDsn("twin");
  testing::ProcessResult nested = testing::RunPgveil({"branch", "create", "nested", "--replica", twin});
  CHECK(nested.exit_code == 2);
  CHECK(nested.err.find("is itself a branch") != std::string::npos);

  const std::string plain = f.FreshTarget("refusals_plain");
  testing::ProcessResult empty = testing::RunPgveil({"branch", "create", "x", "--replica", plain});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("holds no masked copy") != std::string::npos);

  Exec(replica, "UPDATE pgveil.replication_state SET status = 'incomplete'");
  refused({"create", "late"}, "is not complete (its copy is incomplete)");
  Exec(replica,
       "UPDATE pgveil.replication_state SET status = 'complete', stream_status = 'gate_failed', "
       "stream_message = 'public.customers.nickname has no rule'");
  refused({"create", "late"}, "failed its last schema gate (public.customers.nickname");
  CHECK_FALSE(DatabaseExists(replica, "late"));
  CHECK(RunBranch({"drop", "twin", "--replica", replica}).exit_code == 0);
}

}  // namespace pgveil::e2e
