// replicator/jetstream_publisher.h
//
// PublishToJetStream is `pgveil replicate --sink nats://…`: the slot reader
// of replicator/DESIGN.md ("Change events") that masks and publishes
// instead of applying. Nothing unmasked leaves it: the copy's rows go
// through the same TableMasker as a direct copy, the stream's new rows,
// new values and old keys through the same transformers as a direct stream
// (stream_relation.h), and a column without a rule stops it before any of
// its rows is published (GateFailed), exactly as the direct stream stops.
//
//   - The first run (or one whose copy never finished) creates the slot and
//     publishes a masked copy (change_event.h's snapshot events) as of the
//     slot's consistent point; then it streams.
//   - The slot is acknowledged only up to the end of the last transaction
//     whose commit event the stream has durably stored; a restart gets the
//     rest again from the slot and publishes it under the same message ids,
//     which the stream drops within its duplicate window; appliers skip
//     what they hold already, whatever the window.
//   - A lost source or broker is retried with backoff; `stop` ends at the
//     next transaction boundary with everything published and stored.
//
// Thread-safety: runs on the calling thread; the observer is called from it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/status.h"
#include "masking/key_ring.h"
#include "policy/policy.h"
#include "replicator/observer.h"
#include "replicator/stream.h"
#include "replicator/stream_admin.h"
#include "replicator/stream_relation.h"
#include "replicator/target_state.h"

namespace pgveil::replicator {

struct PublishOptions {
  std::string source_dsn;
  std::vector<std::string> servers;  // nats://host:port, each
  std::string stream;                // the JetStream stream, also its subjects' first token
  PolicyRecord policy;               // named in the copy's events, for the targets' records
  NewColumnJudge judge;
  // Runs before a copy is published; its error stops the run before the
  // slot exists (the command's policy check). None when empty.
  std::function<Status()> before_copy;
  const std::atomic<bool>* stop = nullptr;  // required
  // Stop once everything the source had written at the start is stored in
  // the stream.
  bool catch_up = false;
  int sequence_seconds = 5;
  int max_retry_seconds = 30;
  StreamMetrics* metrics = nullptr;  // applied_lsn: acknowledged to the source
};

struct PublishSummary {
  bool copied = false;     // this run published a masked copy
  int64_t copy_rows = 0;
  int64_t transactions = 0;
  int64_t changes = 0;
  std::string confirmed_lsn;
  int reconnections = 0;
};

// The slot of stream `stream` from the source database `source_identity`.
std::string PublisherSlotName(const std::string& stream, const std::string& source_identity);

// What `replicate --sink` leaves on the source for stream `stream`: its
// slot, publication and triggers, dropped (stream_admin.h's RemoveSlot).
// The stream itself, and what it holds, stay.
Result<RemovedStream> RemovePublisherSlot(const std::string& source_dsn,
                                          const std::string& stream);

Result<PublishSummary> PublishToJetStream(const policy::Policy& policy,
                                          const masking::KeyRing& keys,
                                          const PublishOptions& options,
                                          ReplicationObserver& observer);

}  // namespace pgveil::replicator
