// replicator/jetstream_snapshot.h
//
// The masked copy a publisher puts at the head of its changes
// (change_event.h's snapshot events): a new slot and its exported snapshot,
// then, all as of that snapshot, the schema's pre-data SQL, every table's
// rows through its TableMasker in COPY text chunks, the post-data SQL, and
// an end event with the sequences, the streamed tables and the copied row
// count. One table at a time on one core: masking is the work, and the
// events leave in the order an applier needs them.
//
// A copy that fails drops its slot; its events stay in the stream without
// an end, and appliers wait for the next copy's.
//
// Thread-safety: runs on the calling thread.
#pragma once

#include <cstdint>
#include <string>

#include "broker/jetstream.h"
#include "core/status.h"
#include "masking/key_ring.h"
#include "policy/policy.h"
#include "replicator/change_event.h"
#include "replicator/jetstream_publisher.h"
#include "replicator/observer.h"

namespace pgveil::replicator {

// Publishes `event` to `stream` under its subject; its message id.
Result<std::string> PublishEvent(broker::JetStream& broker, const std::string& stream,
                                 const events::Event& event);

struct PublishedCopy {
  pgoutput::Lsn consistent_lsn = 0;  // where the slot's changes continue
  int64_t rows = 0;
};

// Creates slot `slot` (dropping an inactive one of that name, left by a
// copy that did not finish) and publishes the copy; keeps the slot.
Result<PublishedCopy> PublishMaskedCopy(const policy::Policy& policy, const masking::KeyRing& keys,
                                        const PublishOptions& options, const std::string& slot,
                                        broker::JetStream& broker, ReplicationObserver& observer);

}  // namespace pgveil::replicator
