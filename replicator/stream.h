// replicator/stream.h
//
// Stream keeps a complete masked copy current: it reads the slot the copy
// was taken from (pgoutput over the replication protocol), masks every
// change with the policy exactly as the copy did, and applies the source's
// transactions to the target in commit order (replicator/DESIGN.md,
// "Streaming"):
//
//   - exactly once: several source transactions go into one target
//     transaction together with the end LSN of the last of them
//     (pgveil.replication_state.applied_lsn); only after that commits is the
//     position acknowledged to the source. A restart asks for the slot from
//     the recorded LSN and skips every transaction that committed before
//     it, so nothing is lost and nothing is applied twice, however the
//     previous run ended;
//   - strict on schema changes: a relation or column that reaches the
//     stream without a rule (stream_relation.h, schema_sync.h) stops the
//     stream before any of its rows is written: the stopping transaction,
//     and those received since the last target commit, are not applied and
//     not acknowledged, so after the policy is fixed the same command
//     resumes at the last commit (GateFailed);
//   - sequences are set from the source every few seconds and at the end;
//   - a lost source or target is retried with backoff, a note each time;
//   - `stop` (set from a signal handler) ends the stream at the next
//     transaction boundary: what was received is applied and acknowledged;
//   - the target applies with session_replication_role = replica, as
//     PostgreSQL's own subscriptions do: its triggers and foreign keys do
//     not fire again for rows the source already checked.
//
// Thread-safety: runs on the calling thread; the observer is called from it.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "masking/key_ring.h"
#include "policy/policy.h"
#include "replicator/observer.h"
#include "replicator/stream_relation.h"
#include "replicator/target_state.h"

namespace pgveil::replicator {

// What a running stream shows a monitor (cli's --metrics-listen): written
// by the stream, read from any thread.
struct StreamMetrics {
  std::atomic<bool> streaming{false};          // connected and streaming
  std::atomic<uint64_t> applied_lsn{0};        // committed on the target and acknowledged
  std::atomic<uint64_t> source_lsn{0};         // the source's end of WAL, as last heard
  std::atomic<double> lag_seconds{0};          // of the last applied transaction; 0 when idle
  std::atomic<int64_t> transactions{0};        // source transactions applied
  std::atomic<int64_t> changes{0};             // row changes applied
  std::atomic<int64_t> retained_wal{-1};       // bytes the slot keeps on the source; -1 unknown
  std::atomic<int64_t> source_errors{0};       // lost source connections, retried
  std::atomic<int64_t> target_errors{0};       // lost target connections and fallbacks, retried
  std::atomic<int64_t> branch_pauses{0};
};

struct StreamOptions {
  std::string source_dsn;
  std::string target_dsn;
  PolicyRecord policy;                      // recorded on the target with every start
  NewColumnJudge judge;                     // how a column without a rule is judged
  const std::atomic<bool>* stop = nullptr;  // required
  // Stop once everything the source had written when the stream started is
  // applied (a refresh that ends), instead of running until stopped.
  bool catch_up = false;
  int batch_changes = 20000;     // row changes per target transaction, at most (roughly)
  int batch_milliseconds = 200;  // how long a batch may wait for more transactions while
                                 // they keep coming (a quiet stream sends it at once)
  int sequence_seconds = 5;      // how often sequences are set from the source
  int64_t retained_wal_warning = int64_t{1} << 30;  // bytes the slot may hold before a warning
  int max_retry_seconds = 30;                       // the longest wait between two reconnections
  StreamMetrics* metrics = nullptr;                 // kept current when given
};

struct StreamSummary {
  int64_t transactions = 0;
  int64_t changes = 0;
  std::string applied_lsn;
  int reconnections = 0;
  // For every applied source transaction, the milliseconds from its commit
  // on the source to its commit on the target (both clocks as the hosts
  // keep them).
  std::vector<float> lag_ms;
};

// Streams until `*options.stop`, a schema stop (GateFailed) or an error
// that retrying cannot fix (InvalidArgument, Internal). The target must hold
// a complete copy made with a slot (Replicate without snapshot_only).
Result<StreamSummary> Stream(const policy::Policy& policy, const masking::KeyRing& keys,
                             const StreamOptions& options, ReplicationObserver& observer);

}  // namespace pgveil::replicator
