// replicator/stream_admin.h
//
// Operating a stream from outside it: what `pgveil replicate status` shows
// and what `pgveil replicate cleanup` removes.
//
// ReadStreamStatus reads the target's state row (cheap: two short queries
// on the target, three on the source) and, when the source named there (or
// given) can be reached, the source's side: how far its WAL is ahead of
// what the slot has confirmed, and how much WAL the slot retains. It never
// takes the target's advisory lock, so it can be called while a replicate
// runs, as often as a monitor likes.
//
// RemoveStream undoes what a streaming replicate leaves on the source: the
// slot, the publication and the schema-change triggers (ddl_capture.h), and
// marks the target's state so that a later `replicate` copies again
// instead of resuming. It refuses while a replicate is streaming from the
// slot.
//
// Thread-safety: plain functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pg/connection.h"
#include "replicator/pgoutput.h"

namespace pgveil::replicator {

struct StreamStatus {
  std::string copy_status;     // copying | complete | incomplete
  // streaming | stopped | gate_failed (a schema stop) | removed | branch
  // (a database cut from a replica, branch.h) | "" (never streamed)
  std::string stream_status;
  std::string stream_message;  // why it stopped (names only), "" when it did not
  bool running = false;        // a pgveil replicate holds the target right now
  std::string slot;
  std::string source;  // the source DSN without its password, as recorded
  std::string consistent_lsn;
  std::string applied_lsn;         // end of the last source transaction applied
  std::string applied_at;          // when it committed on the target
  std::string source_commit_time;  // when it committed on the source
  // How long after its source commit the last applied transaction
  // committed on the target.
  std::optional<double> lag_seconds;
  std::string policy_sha256;
  std::string policy_mode;  // strict | relaxed
  // From the source, when it could be reached (otherwise source_error says why):
  std::optional<int64_t> lag_bytes;     // the source's WAL position minus the slot's confirmed one
  std::optional<int64_t> retained_wal;  // bytes of WAL the slot keeps on the source
  std::optional<bool> slot_exists;
  std::string source_error;
};

// The state row of a database `replicate` wrote into, from the session
// `target` (cheap; whatever version wrote the row: it is read as JSON, so a
// column an older version did not add is absent, not an error). NotFound
// when the database holds no pgveil copy.
Result<StreamStatus> ReadReplicaState(pg::Connection& target);

// The end of the last WAL record written on `source` now: what a stream
// that catches up must reach.
Result<uint64_t> EndOfWal(pg::Connection& source);

// format_type() of each column of `relation`, in column order.
Result<std::vector<std::string>> ColumnTypeNames(pg::Connection& source,
                                                 const pgoutput::Relation& relation);

// The source database as the same on every run and no other database's:
// its name and its cluster's system identifier.
Result<std::string> SourceIdentity(pg::Connection& source);

// Where `slot` stands on `source`: the bytes of WAL the source has
// written past its confirmed position, and the bytes it retains for it.
// nullopt when there is no such slot.
struct SlotPosition {
  int64_t behind = 0;
  int64_t retained = 0;
};
Result<std::optional<SlotPosition>> ReadSlotPosition(pg::Connection& source,
                                                     const std::string& slot);

// The status of the masked copy in `target_dsn`. `source_dsn` overrides the
// source recorded on the target ("" uses it; libpq finds the password in
// PGPASSWORD, .pgpass or a service file). NotFound when the target holds no
// pgveil copy.
Result<StreamStatus> ReadStreamStatus(const std::string& target_dsn,
                                      const std::string& source_dsn = "");

struct RemovedStream {
  std::string slot;
  bool dropped_slot = false;
  bool dropped_publication = false;
};

// Drops the slot named on the target (or the one pgveil would use for it),
// its publication and the schema-change triggers on `source_dsn`. Succeeds
// when there is nothing left to drop. InvalidArgument while a replicate
// streams from the slot.
Result<RemovedStream> RemoveStream(const std::string& source_dsn, const std::string& target_dsn);

// The source's part of that: slot `name`, its publication and triggers.
Result<RemovedStream> RemoveSlot(pg::Connection& source, const std::string& name);

}  // namespace pgveil::replicator
