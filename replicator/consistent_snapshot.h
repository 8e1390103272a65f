// replicator/consistent_snapshot.h
//
// The one moment the copy shows. Normally a logical replication slot
// (pgoutput) is created on the source with an exported snapshot: the copy
// imports the snapshot and a later stream starts at the slot's consistent
// point, so snapshot and stream meet at exactly one LSN
// (replicator/DESIGN.md, "One point in time"). For streaming, a publication
// of the copied tables is created first, because pgoutput looks
// publications up as of each change's LSN.
//
// With --snapshot-only, and only then, a source that cannot have a slot
// (wal_level below logical, a role without REPLICATION) is copied from
// pg_export_snapshot() instead, which gives the same consistency for one
// copy; the note says so.
//
// A slot retains WAL until it is dropped, so a slot must never be
// forgotten: Release drops it, and when that is impossible (the source is
// gone) CleanupCommand is the exact command a user runs later.
//
// Thread-safety: one thread. The sessions behind the snapshot stay idle
// until Release; the snapshot is importable until then.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "pg/connection.h"
#include "pg/replication_connection.h"
#include "replicator/masking_plan.h"
#include "replicator/observer.h"

namespace pgveil::replicator {

struct SnapshotOptions {
  std::string source_dsn;
  std::string slot_name;  // [a-z0-9_]; also the publication's name
  bool snapshot_only = false;
  // Tables the publication lists (the roots of partitioned tables, with
  // publish_via_partition_root); unused with snapshot_only.
  std::vector<RelationRef> publication_tables;
  // Drop an inactive slot of this name first: an earlier run into the same
  // target left it.
  bool drop_stale_slot = false;
};

class ConsistentSnapshot {
 public:
  // Checks wal_level and the REPLICATION attribute, then creates the
  // publication and the slot, or falls back as described above. Errors:
  // InvalidArgument for wal_level or an existing slot that is not ours to
  // drop, PermissionDenied for a role without REPLICATION, each naming the
  // fix. Notes go to `observer`.
  static Result<std::unique_ptr<ConsistentSnapshot>> Create(const SnapshotOptions& options,
                                                            ReplicationObserver& observer);
  ~ConsistentSnapshot();

  const std::string& snapshot() const { return snapshot_; }
  // Empty when the snapshot came from pg_export_snapshot().
  const std::optional<pg::ReplicationSlot>& slot() const { return slot_; }
  // The consistent point; with pg_export_snapshot() the WAL insert position
  // when the snapshot was taken (for the record only).
  const std::string& consistent_lsn() const { return consistent_lsn_; }
  // "replication slot" or "pg_export_snapshot()".
  std::string source_description() const;

  // Ends the snapshot. Unless `keep_slot`, drops the slot and the
  // publication (the replication session first, a plain session if that is
  // gone). A failure leaves the slot; CleanupCommand says how to drop it.
  Status Release(bool keep_slot);

  // psql "<source dsn without password>" -c "SELECT pg_drop_replication_slot('<slot>')"
  std::string CleanupCommand() const;

 private:
  ConsistentSnapshot() = default;
  Status CreateSlot(const SnapshotOptions& options, ReplicationObserver& observer);
  Status ExportWithoutSlot();

  std::string source_dsn_;
  std::string publication_;
  std::unique_ptr<pg::Connection> session_;  // plain session on the source
  std::unique_ptr<pg::ReplicationConnection> replication_;
  std::optional<pg::ReplicationSlot> slot_;
  std::string snapshot_;
  std::string consistent_lsn_;
  bool released_ = false;
};

// The message for a slot that could not be dropped:
// the replication slot "X" was left on the source; drop it with: <command>
std::string SlotLeftMessage(const std::string& slot, const std::string& command);

// psql "<dsn without password>" -c "SELECT pg_drop_replication_slot('<slot>')",
// ready to paste into a POSIX shell.
std::string DropSlotCommand(const std::string& source_dsn, const std::string& slot);

}  // namespace pgveil::replicator
