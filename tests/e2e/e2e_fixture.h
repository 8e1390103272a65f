// tests/e2e/e2e_fixture.h
//
// What the replicator's end-to-end tests share: a source and a target
// cluster of their own (ci/pg.sh), the generated shop on the source with a
// generated column added, a policy drafted by `pgveil bootstrap` with one
// table skipped, and helpers to run `pgveil replicate` in the foreground or
// as a child to kill, and to query either side. Built once per test binary.
//
// The tests compare source and target values to prove masking worked; no
// value is ever printed by a check or its INFO, only column names and
// counts.
#pragma once

#include <sys/types.h>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/test_cluster.h"

namespace pgveil::e2e {

// The masking key every e2e run uses (PGVEIL_KEY).
inline constexpr const char* kTestKey = "e2e test key: 0123456789abcdef0123456789abcdef";

using Rows = std::vector<std::vector<std::optional<std::string>>>;

// Runs `sql` on `dsn`, REQUIREing success.
Rows Query(const std::string& dsn, const std::string& sql);
// The first column of the first row, "" for NULL or no row.
std::string Scalar(const std::string& dsn, const std::string& sql);
int64_t Count(const std::string& dsn, const std::string& sql);
void Exec(const std::string& dsn, const std::string& sql);

class Fixture {
 public:
  // The one fixture of this test binary; started on first use.
  static Fixture& Get();

  const testing::TestCluster& source_cluster() const { return *source_cluster_; }
  const testing::TestCluster& target_cluster() const { return *target_cluster_; }
  const std::string& source() const { return source_; }
  // The bootstrapped policy, with "CRM Daten"."Kunden Kontakte" skipped.
  const std::string& policy_path() const { return policy_path_; }
  const std::string& policy_text() const { return policy_text_; }
  const std::string& work_dir() const { return work_dir_; }

  // A fresh database on the target cluster.
  std::string FreshTarget(const std::string& name) const;

  // A bigger shop (`scale`) in its own source database, with its own
  // bootstrapped policy at `*policy_path`.
  std::string BigSource(const std::string& name, double scale, std::string* policy_path) const;

  // Stops both clusters and removes the work directory.
  ~Fixture();

 private:
  Fixture() = default;
  std::unique_ptr<testing::TestCluster> source_cluster_;
  std::unique_ptr<testing::TestCluster> target_cluster_;
  std::string source_;
  std::string policy_path_;
  std::string policy_text_;
  std::string work_dir_;
};

// `pgveil replicate --source S --target T --policy P <extra>` with
// PGVEIL_KEY set, waiting for it.
testing::ProcessResult Replicate(const std::string& source, const std::string& target,
                                 const std::string& policy, const std::vector<std::string>& extra,
                                 const std::vector<std::string>& env = {});

// The same, as a child process whose stdout and stderr go to files; for
// the kill test. Spawned as SpawnPgveil does.
struct Child {
  pid_t pid = -1;
  std::string out_path;
  std::string err_path;
};
Child SpawnReplicate(const std::string& source, const std::string& target,
                     const std::string& policy, const std::vector<std::string>& extra);
// `pgveil <args>` as such a child, with `env` entries ("NAME=value") added
// to its environment and "-NAME" removed from it. The child dies with the
// test process (PR_SET_PDEATHSIG), so a failed test leaves no stream
// running; spawn it from the test's main thread, whose end it is tied to.
Child SpawnPgveil(const std::vector<std::string>& args, const std::vector<std::string>& env);

// Writes `policy_path` from `pgveil bootstrap` of `dsn`; REQUIREs success.
void Bootstrap(const std::string& dsn, const std::string& policy_path);

// The review a person gives the bootstrapped draft before replicating: free
// text the draft left as `keep` with a "review" note (PII found in too few
// sampled rows to be sure) is hashed.
std::string ReviewDraft(const std::string& text);

// `text` with the block of table `table_key` (as the policy spells it)
// replaced by `<table_key>: skip`.
std::string SkipTable(const std::string& text, const std::string& table_key);

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);

// "schema"."table" of every plain table of `dsn` (partitions included),
// outside pgveil's own schema, in order.
std::vector<std::string> UserTables(const std::string& dsn);

// Whether `table` (a quoted SQL name) is a materialized view in `dsn`.
bool IsMaterializedView(const std::string& dsn, const std::string& table);

// Names of pgveil's replication slots for the database of `dsn`.
std::vector<std::string> PgveilSlots(const std::string& dsn);

}  // namespace pgveil::e2e
