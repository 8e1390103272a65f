// replicator/replicator.h
//
// Replicate makes the target a masked copy of the source, as of one
// snapshot that a logical replication slot starts streaming from
// (replicator/DESIGN.md has the whole sequence and why each step is where
// it is):
//
//   target check → slot + exported snapshot → schema dump → reset target →
//   state "copying" → pre-data → parallel masked COPY → sequences →
//   post-data while materialized views refresh → state "complete" → slot
//   kept for the stream, or dropped with snapshot_only
//
// Rows are masked between the source COPY and the target COPY, in memory:
// no unmasked value is ever written to the target. The policy gate
// (pgveil check in strict mode) is the caller's job and must pass first.
//
// Failures: a target that is not empty is InvalidArgument unless `force`
// (then it is emptied); a target left incomplete by an earlier run is
// emptied and copied again. Once the slot exists, any failure marks the
// target incomplete when it can be reached and drops the slot; if the slot
// cannot be dropped, a Note gives the exact command (SlotLeftMessage).
//
// Thread-safety: one call at a time per target (an advisory lock on the
// target enforces it across processes). It starts `jobs` worker threads and
// pg_dump/pg_restore child processes, and calls the observer from the
// calling thread only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "masking/key_ring.h"
#include "policy/policy.h"
#include "replicator/copy_plan.h"
#include "replicator/observer.h"
#include "replicator/target_state.h"

namespace pgveil::replicator {

struct ReplicateOptions {
  std::string source_dsn;
  std::string target_dsn;
  bool snapshot_only = false;  // copy once; leave no slot behind
  bool force = false;          // empty a target that is not empty first
  int jobs = 4;                // COPY workers, and pg_restore jobs for post-data
  CopyPlanOptions copy;
  PolicyRecord policy;         // recorded on the target with the finished copy
};

struct TableSummary {
  std::string name;  // schema.table (a partition under its own name)
  int64_t rows = 0;
  int64_t bytes = 0;  // COPY text read from the source
  double seconds = 0;
  int columns = 0;         // copied
  int masked_columns = 0;  // of those, through a transformer
  int tasks = 0;           // page ranges (1 for a table copied whole)
};

struct ReplicateSummary {
  std::string snapshot_source;  // "replication slot \"pgveil_...\"" or "pg_export_snapshot()"
  std::string consistent_lsn;
  std::string kept_slot;  // the slot left for streaming; "" when none is left
  std::vector<TableSummary> tables;
  int skipped_tables = 0;
  int dropped_foreign_keys = 0;
  int sequences = 0;
  int materialized_views = 0;
  bool started_over = false;  // the target held an earlier copy and was emptied
  double seconds = 0;
};

Result<ReplicateSummary> Replicate(const policy::Policy& policy, const masking::KeyRing& keys,
                                   const ReplicateOptions& options, ReplicationObserver& observer);

// "pgveil_" and 16 hex digits of a hash of `target_identity`: the same
// target gets the same slot on every run.
std::string SlotNameFor(std::string_view target_identity);

}  // namespace pgveil::replicator
