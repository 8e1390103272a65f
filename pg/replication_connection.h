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
// Part 2 streams the slot: StartLogical puts the session in COPY BOTH mode,
// Read returns the server's frames (XLogData carrying one pgoutput message,
// or a keepalive), and SendFeedback reports what the target has made
// durable, which is what the server may then discard.
//
// Thread-safety: one thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"

namespace pgveil::pg {

// The replication protocol's times are microseconds since 2000-01-01 UTC
// (this many seconds after the Unix epoch).
inline constexpr int64_t kPostgresEpochUnixSeconds = 946684800;

// Now, in the protocol's microseconds.
int64_t PostgresNowMicros();

// One frame of the logical stream. LSNs are plain 64-bit positions.
struct ReplicationFrame {
  enum class Kind {
    kNone,       // nothing arrived within the timeout
    kData,       // XLogData: `payload` is one message of the output plugin
    kKeepalive,  // the server's position; answer at once when reply_requested
  };
  Kind kind = Kind::kNone;
  uint64_t wal_start = 0;  // kData: where the message's record starts
  uint64_t wal_end = 0;    // the server's current end of WAL
  bool reply_requested = false;
  std::string payload;
};

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

  // START_REPLICATION SLOT `slot` LOGICAL `start_lsn` with pgoutput
  // protocol version 1 over `publication`, logical messages included. The
  // server starts at the slot's confirmed position or `start_lsn`,
  // whichever is later. InvalidArgument when the slot does not exist;
  // Unavailable while another session still streams it.
  Status StartLogical(const std::string& slot, uint64_t start_lsn, const std::string& publication);

  // The next frame, waiting at most `timeout_ms`. Unavailable when the
  // connection is lost or the server ends the stream.
  Result<ReplicationFrame> Read(int timeout_ms);

  // Standby status update: everything up to `flushed` is durable on the
  // target (written and applied likewise), so the slot may advance.
  Status SendFeedback(uint64_t flushed, bool reply_requested = false);

  // Ends the stream the way the protocol asks (CopyDone, then the server's
  // CopyDone and command completion), so that the server has processed
  // every status update sent before it when this returns. Frames still in
  // flight are read and dropped. Waits at most `timeout_ms`.
  Status EndStream(int timeout_ms);

  // The server version as libpq reports it (150004 for 15.4).
  int server_version() const;

 private:
  struct Impl;
  explicit ReplicationConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::pg
