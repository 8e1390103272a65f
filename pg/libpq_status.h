// pg/libpq_status.h
//
// Statuses for raw libpq failures, shared by the .cc files of pg/ that talk
// libpq directly (COPY streams, the replication connection). Only the
// server's primary message is kept: DETAIL, HINT and CONTEXT can echo row
// values and are dropped (see PrimaryMessage in pg/connection.h).
//
// Thread-safety: plain functions; each call reads only its arguments.
#pragma once

#include <libpq-fe.h>

#include <string>

#include "core/status.h"

namespace pgveil::pg {

// The status of a failed `result` on `conn` while doing `what`. The
// SQLSTATE picks the code: class 08 (connection), 57P (shutdown,
// termination), 40 (a transaction the server rolled back: deadlock,
// serialization failure) and none at all (libpq's own errors, a lost
// connection) are Unavailable, 42501 is PermissionDenied, the rest
// Internal. Without a result (a lost connection) the connection's error is
// used and the code is Unavailable.
Status StatusFromResult(PGconn* conn, const PGresult* result, const std::string& what);

// Unavailable (PermissionDenied for authentication failures) with the
// connection's error message, for `what`.
Status StatusFromConnection(PGconn* conn, const std::string& what);

// Opens a libpq connection on `dsn` (key/value or URI), adding
// fallback_application_name=pgveil and, when `replication` is set,
// replication=database. The caller owns the returned connection
// (PQfinish) also when it failed; check PQstatus.
PGconn* ConnectRaw(const std::string& dsn, bool replication);

// Runs `sql`, which must return no rows or rows the caller ignores.
Status ExecRaw(PGconn* conn, const std::string& sql, const std::string& what);

}  // namespace pgveil::pg
