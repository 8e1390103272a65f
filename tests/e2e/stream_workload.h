// tests/e2e/stream_workload.h
//
// What the stream's end-to-end tests write into a source shop while pgveil
// streams it: tables the shop lacks (a masked primary key, a table
// identified by REPLICA IDENTITY FULL, TOASTed JSONB documents), their
// rules, and a workload of small mixed transactions (INSERT, UPDATE of
// masked columns and keys, DELETE, TRUNCATE, updates that leave TOASTed
// values unchanged). Every value it writes into a masked column or JSONB
// path holds kCanary, so a test can prove no such value got through.
//
// Thread-safety: a Workload writes on its own connection; one thread.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"

namespace pgveil::pg {
class Connection;
}  // namespace pgveil::pg

namespace pgveil::e2e {

// In every value the workload writes into a masked column.
inline constexpr const char* kCanary = "zqxcanary";

// Creates the extra tables in the shop at `dsn` and fills them.
void AddStreamTables(const std::string& dsn);

// `policy_text` with the rules of the extra tables added.
std::string WithStreamRules(const std::string& policy_text);
// `policy_text` with `rules` (tables, indented as under `tables:`) added.
std::string WithTableRules(const std::string& policy_text, const std::string& rules);

class Workload {
 public:
  explicit Workload(const std::string& dsn);
  ~Workload();

  // Runs transaction number `round` (the same SQL for the same round).
  // Safe to call from a thread of its own: it asserts nothing.
  Status Step(int round);

 private:
  std::unique_ptr<pg::Connection> connection_;
};

}  // namespace pgveil::e2e
