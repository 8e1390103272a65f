// pg/replication_connection.h
//
// ReplicationConnection is a walsender session (replication=database) on
// the source, opened with raw libpq because libpqxx does not speak the
// replication protocol. Part 1 of the replicator uses it to create a
// logical slot (pgoutput) together with an exported snapshot: every COPY
// worker and pg_dump import that snapshot, so the copy shows the database
// exactly as of the slot's consistent point and the stream can take over at
// that LSN (replicator/DESIGN.md, "One point in time").
//
// The exported snapshot stays importable only while this connection is open
// and idle: the next command on it, or closing it, ends the snapshot. The
// slot itself is persistent and outlives the connection; DropSlot (or
// pg_drop_replication_slot from any session) removes it.
//
// Thread-safety: one thread at a time.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"

namespace pgveil::pg {

struct ReplicationSlot {
  std::string name;
  std::string consistent_lsn;  // "0/16B3748": the first LSN the stream will send
  std::string snapshot;        // for SET TRANSACTION SNAPSHOT / pg_dump --snapshot
};

class ReplicationConnection {
 public:
  // Connects to `dsn` with replication=database. PermissionDenied when the
  // role lacks the REPLICATION attribute or pg_hba.conf has no replication
  // entry; Unavailable when the server cannot be reached.
  static Result<std::unique_ptr<ReplicationConnection>> Open(const std::string& dsn);
  ~ReplicationConnection();

  // CREATE_REPLICATION_SLOT `name` LOGICAL pgoutput, exporting a snapshot
  // (PostgreSQL 15's option list, or EXPORT_SNAPSHOT before 15). `name`
  // must be a valid slot name ([a-z0-9_]). Waits for transactions running
  // on the source to finish, as PostgreSQL must to find a consistent point.
  Result<ReplicationSlot> CreateSlotWithSnapshot(const std::string& name);

  // DROP_REPLICATION_SLOT `name`. Ends the exported snapshot.
  Status DropSlot(const std::string& name);

  // The server version as libpq reports it (150004 for 15.4).
  int server_version() const;

 private:
  struct Impl;
  explicit ReplicationConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::pg
