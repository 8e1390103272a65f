// pg/copy_stream.h
//
// Raw COPY streams in text format, one libpq session each: CopyReader runs
// COPY ... TO STDOUT on the source and hands out one row at a time;
// CopyWriter runs COPY ... FROM STDIN on the target and sends whatever bytes
// it is given. libpqxx 6.4 cannot pass COPY text through untouched, hence
// libpq. No row is ever parsed here and no row value reaches a Status:
// errors carry the server's primary message only.
//
// Sessions are set up for the replicator (replicator/DESIGN.md, "Session
// settings"): client_encoding UTF8, DateStyle ISO (the masking transformers
// read ISO dates), IntervalStyle postgres, extra_float_digits 3, no
// statement timeout. A reader with a snapshot runs every COPY inside one
// REPEATABLE READ READ ONLY transaction that imported it.
//
// Thread-safety: one thread per stream; distinct streams are independent.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace pgveil::pg {

class CopyReader {
 public:
  // Connects to `dsn`; with a non-empty `snapshot` (pg_export_snapshot or a
  // replication slot's) begins the transaction that imports it. The
  // exporting session must still be open.
  static Result<std::unique_ptr<CopyReader>> Open(const std::string& dsn,
                                                  const std::string& snapshot);
  ~CopyReader();

  // Starts `copy_sql`, a COPY ... TO STDOUT in text format. The previous
  // COPY must have ended (Next reported done).
  Status Start(const std::string& copy_sql);

  // Sets `*row` to the next row, trailing newline included; it stays valid
  // until the next call. At the end sets `*done` and checks the COPY's
  // final result. Unavailable when the connection is lost.
  Status Next(std::string_view* row, bool* done);

 private:
  struct Impl;
  explicit CopyReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

class CopyWriter {
 public:
  // Connects to `dsn` and runs `session_sql` (may be empty) once.
  static Result<std::unique_ptr<CopyWriter>> Open(const std::string& dsn,
                                                  const std::string& session_sql);
  ~CopyWriter();

  // Runs `sql` (statements without COPY) between COPYs, e.g. BEGIN and
  // TRUNCATE before a COPY ... FREEZE, COMMIT after it.
  Status Run(const std::string& sql);

  // Starts `copy_sql`, a COPY ... FROM STDIN in text format.
  Status Start(const std::string& copy_sql);

  // Sends `data`: whole or partial rows, in order.
  Status Write(std::string_view data);

  // Ends the COPY and returns the rows the server loaded.
  Result<int64_t> Finish();

  // Ends the COPY with an error, so the server rolls it back. Safe to call
  // when no COPY is running.
  void Abort();

 private:
  struct Impl;
  explicit CopyWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::pg
