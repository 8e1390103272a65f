// tests/e2e/stream_checks.h
//
// What the stream's and the branches' end-to-end tests check a target
// with, and how they drive pgveil replicate as a child: row-by-row
// comparison of two databases (counted, never printed), the canary search,
// waiting for a line on a child's stderr, and a workload on a thread.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <thread>

#include "core/status.h"
#include "policy/policy.h"
#include "tests/e2e/e2e_fixture.h"

namespace pgveil::e2e {

// Every row of `table` (a quoted SQL name) as the text of `columns`, counted.
std::map<std::string, int> RowCounts(const std::string& dsn, const std::string& table,
                                     const std::string& columns = "t");

struct RowDifference {
  int64_t missing = 0;  // in `expected`, not in `actual`
  int64_t extra = 0;    // in `actual`, not in `expected`
};

RowDifference Compare(const std::map<std::string, int>& expected,
                      const std::map<std::string, int>& actual);

// Rows of every table of `streamed` against the same table of `copied`,
// CHECKing that none is missing or extra.
RowDifference CompareTargets(const std::string& copied, const std::string& streamed);

// CHECKs that the kept columns of every streamed table hold exactly the
// source's values.
void CheckKeptColumns(const std::string& source, const std::string& target,
                      const policy::Policy& policy);

// How many times `part` occurs in `text`.
int Occurrences(const std::string& text, const std::string& part);

// Rows of every user table of `dsn` that hold the workload's canary.
int64_t RowsWithCanary(const std::string& dsn);
bool HasCanary(std::string text);

// Waits until `child` printed `marker` on stderr; false when it exited first
// (then FAILs with its exit status) or did not print it in time.
bool WaitFor(const Child& child, const std::string& marker, int seconds);

// SIGKILL, and reaps it. True when the signal ended it (it was running).
bool Kill(const Child& child);

// `step(0)`, `step(1)`, ... on a thread of their own, a few milliseconds
// apart, until stopped.
class WorkloadThread {
 public:
  explicit WorkloadThread(std::function<Status(int)> step);
  ~WorkloadThread();
  // Stops and joins; REQUIREs that every step succeeded. The steps run.
  int Stop();

 private:
  std::function<Status(int)> step_;
  std::atomic<bool> stop_{false};
  std::atomic<int> rounds_{0};
  std::string error_;
  std::thread thread_;
};

}  // namespace pgveil::e2e
