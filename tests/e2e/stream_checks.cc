#include "tests/e2e/stream_checks.h"

#include <signal.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>

#include "core/identifier.h"
#include "tests/e2e/stream_workload.h"

namespace pgveil::e2e {

using Clock = std::chrono::steady_clock;

std::map<std::string, int> RowCounts(const std::string& dsn, const std::string& table,
                                     const std::string& columns) {
  std::map<std::string, int> rows;
  for (const auto& row : Query(dsn, "SELECT (" + columns + ")::text FROM " + table + " t")) {
    ++rows[row[0].value_or("")];
  }
  return rows;
}

RowDifference Compare(const std::map<std::string, int>& expected,
                      const std::map<std::string, int>& actual) {
  RowDifference difference;
  for (const auto& [row, n] : expected) {
    auto found = actual.find(row);
    difference.missing += std::max(0, n - (found == actual.end() ? 0 : found->second));
  }
  for (const auto& [row, n] : actual) {
    auto found = expected.find(row);
    difference.extra += std::max(0, n - (found == expected.end() ? 0 : found->second));
  }
  return difference;
}

RowDifference CompareTargets(const std::string& copied, const std::string& streamed) {
  std::vector<std::string> tables = UserTables(copied);
  REQUIRE(tables == UserTables(streamed));
  RowDifference total;
  for (const std::string& table : tables) {
    RowDifference difference = Compare(RowCounts(copied, table), RowCounts(streamed, table));
    INFO(table << ": " << difference.missing << " rows missing, " << difference.extra << " extra");
    CHECK(difference.missing == 0);
    CHECK(difference.extra == 0);
    total.missing += difference.missing;
    total.extra += difference.extra;
  }
  return total;
}

void CheckKeptColumns(const std::string& source, const std::string& target,
                      const policy::Policy& policy) {
  int tables = 0;
  for (const auto& [name, rule] : policy.tables) {
    if (rule.skip) continue;
    const std::string table = QuoteQualified(name.schema, name.name);
    if (IsMaterializedView(source, table)) continue;  // refreshed by the copy only
    std::string kept;
    for (const auto& [column, column_rule] : rule.columns) {
      // email_domain is generated from a masked column.
      if (column_rule.kind != policy::ColumnRule::Kind::kKeep || column == "email_domain") continue;
      kept += (kept.empty() ? "" : ", ") + ("t." + QuoteIdent(column));
    }
    if (kept.empty()) continue;
    INFO(table << " (" << kept << ")");
    RowDifference difference = Compare(RowCounts(source, table, "row(" + kept + ")"),
                                       RowCounts(target, table, "row(" + kept + ")"));
    CHECK(difference.missing == 0);
    CHECK(difference.extra == 0);
    ++tables;
  }
  CHECK(tables > 5);
}

int64_t RowsWithCanary(const std::string& dsn) {
  int64_t found = 0;
  for (const std::string& table : UserTables(dsn)) {
    found += Count(dsn, "SELECT count(*) FROM " + table + " t WHERE lower(t::text) LIKE '%" +
                            std::string(kCanary) + "%'");
  }
  return found;
}

bool HasCanary(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), ::tolower);
  return text.find(kCanary) != std::string::npos;
}

bool WaitFor(const Child& child, const std::string& marker, int seconds) {
  const Clock::time_point end = Clock::now() + std::chrono::seconds(seconds);
  while (Clock::now() < end) {
    int status = 0;
    if (waitpid(child.pid, &status, WNOHANG) == child.pid) {
      FAIL("pgveil replicate ended while waiting for \""
           << marker << "\": " << (WIFSIGNALED(status) ? "signal " : "exit ")
           << (WIFSIGNALED(status) ? WTERMSIG(status) : WEXITSTATUS(status)) << "\n"
           << ReadFile(child.err_path));
    }
    if (ReadFile(child.err_path).find(marker) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return false;
}

int Occurrences(const std::string& text, const std::string& part) {
  int found = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++found;
  return found;
}

bool Kill(const Child& child) {
  kill(child.pid, SIGKILL);
  int status = 0;
  REQUIRE(waitpid(child.pid, &status, 0) == child.pid);
  return WIFSIGNALED(status);
}

WorkloadThread::WorkloadThread(std::function<Status(int)> step) : step_(std::move(step)) {
  thread_ = std::thread([this] {
    while (!stop_) {
      Status status = step_(rounds_);
      if (!status.ok()) {
        error_ = status.message();
        return;
      }
      ++rounds_;
      std::this_thread::sleep_for(std::chrono::milliseconds(3));
    }
  });
}

WorkloadThread::~WorkloadThread() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
}

int WorkloadThread::Stop() {
  stop_ = true;
  thread_.join();
  INFO(error_);
  REQUIRE(error_.empty());
  return rounds_;
}

}  // namespace pgveil::e2e
