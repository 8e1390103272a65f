// replicator/target_state.h
//
// TargetState is the replicator's hold on the target database: one session
// that keeps a session-level advisory lock for the whole run (so two runs
// never write into one target), tells an empty target from one that holds
// an earlier copy, resets it, and keeps the state row
//
//   pgveil.replication_state(id = 1, slot, consistent_lsn, snapshot,
//                            status copying|complete|incomplete,
//                            started_at, finished_at)
//
// A run writes "copying" before the first table exists on the target and
// "complete" after the last constraint; a run that fails but can still
// reach the target writes "incomplete". A run that was killed leaves
// "copying" behind and no lock, which the next run reads as incomplete.
// Either way the next run starts over from an empty database: a target is
// never a mix of two runs (replicator/DESIGN.md, "Restart").
//
// Thread-safety: one thread.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>

#include "core/status.h"
#include "pg/connection.h"

namespace pgveil::replicator {

// The key of the session-level advisory lock a run holds on the target:
// "pgveil" in ASCII, as a bigint literal.
inline constexpr const char* kTargetLockKey = "112103118101105108";

enum class TargetCondition {
  kEmpty,       // nothing but, perhaps, the state of an earlier run
  kIncomplete,  // a run stopped halfway (status copying or incomplete)
  kComplete,    // an earlier run finished
  kForeign,     // objects pgveil did not put there
};

struct TargetInspection {
  TargetCondition condition = TargetCondition::kEmpty;
  std::string slot;        // of the earlier run, if its state names one
  std::string started_at;  // of the earlier run
  int objects = 0;         // relations, schemas, functions, types, extensions found
};

// Which policy a copy or stream masked with: the sha256 of its file and its
// mode (strict | relaxed).
struct PolicyRecord {
  std::string sha256;
  std::string mode;
};

struct StateRecord {
  std::string slot;  // "" when the run keeps no slot
  std::string consistent_lsn;
  std::string snapshot;
};

class TargetState {
 public:
  // Connects and takes the advisory lock. InvalidArgument when another
  // pgveil replicate holds it.
  static Result<std::unique_ptr<TargetState>> Open(const std::string& dsn);

  // Open, waiting up to five seconds for the lock: a run killed a moment
  // ago may hold it until its backend notices; another run that streams
  // into the target holds it for good.
  static Result<std::unique_ptr<TargetState>> OpenWaiting(const std::string& dsn,
                                                          const std::atomic<bool>& stop);

  Result<TargetInspection> Inspect();

  // A name for this target that is the same on every run and no other
  // target's: its database name, server address, port and the cluster's
  // system identifier. Used for the slot name.
  Result<std::string> Identity();

  // Drops every schema but the system ones (extensions first), then
  // recreates an empty `public` as initdb leaves it.
  Status Reset();

  // Creates the pgveil schema and the state row, status "copying".
  Status MarkCopying(const StateRecord& record);
  // Status "complete", finished_at now; `slot` ("" for none) is what a
  // stream would continue from, at the consistent LSN, with the source
  // tables as `tables_json` describes them (a JSON array, ddl_capture.h),
  // masked under `policy`.
  Status MarkComplete(const std::string& slot, const std::string& tables_json,
                      const PolicyRecord& policy);
  // Adds the stream's columns and table to a state written by an older
  // version; a no-op otherwise.
  Status PrepareStream();
  Status MarkIncomplete();

  pg::Connection& connection() { return *connection_; }

 private:
  explicit TargetState(std::unique_ptr<pg::Connection> connection)
      : connection_(std::move(connection)) {}
  std::unique_ptr<pg::Connection> connection_;
};

}  // namespace pgveil::replicator
