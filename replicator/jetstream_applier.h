// replicator/jetstream_applier.h
//
// ApplyFromJetStream is `pgveil apply`: one durable consumer of a change
// stream (change_event.h) per target, writing the target as the direct
// stream would (replicator/DESIGN.md, "Change events"). It never masks:
// everything it reads was masked by the publisher.
//
//   - An empty target (or one whose copy from the stream never finished)
//     is restored from the last whole copy in the stream; a copy that
//     begins later in the stream replaces the target's.
//   - Changes are applied in the stream's order, whole source transactions
//     only: a transaction's events are held until its commit event, and a
//     transaction that starts over (a publisher that died mid-transaction
//     and published it again) replaces what was held of it. Several
//     transactions go into one target transaction, together with their
//     position (pgveil.replication_state.applied_lsn, and the stream
//     sequence in pgveil.stream_position); the consumer is acknowledged
//     only after that commits. A restart resumes after the recorded
//     sequence and skips every transaction at or below the recorded LSN,
//     so nothing is lost and nothing is applied twice, whatever the
//     stream's duplicate window.
//   - A lost broker or target is retried with backoff; `stop` ends after
//     the target transaction in flight.
//
// Thread-safety: runs on the calling thread; the observer is called from it.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "replicator/observer.h"
#include "replicator/stream.h"

namespace pgveil::replicator {

struct ApplyOptions {
  std::vector<std::string> servers;  // nats://host:port, each
  std::string stream;
  std::string target_dsn;
  bool force = false;  // replace a target that holds something else
  const std::atomic<bool>* stop = nullptr;  // required
  // Stop once everything the stream held at the start is applied.
  bool catch_up = false;
  int batch_milliseconds = 200;  // how long applied transactions may wait for more
  int batch_changes = 20000;     // row changes per target transaction, at most (roughly)
  int max_retry_seconds = 30;
  StreamMetrics* metrics = nullptr;
};

struct ApplySummary {
  bool restored = false;  // this run restored a copy
  int64_t copy_rows = 0;
  int64_t transactions = 0;
  int64_t changes = 0;
  std::string applied_lsn;
  int reconnections = 0;
};

Result<ApplySummary> ApplyFromJetStream(const ApplyOptions& options, ReplicationObserver& observer);

}  // namespace pgveil::replicator
