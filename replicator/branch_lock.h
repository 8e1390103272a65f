// replicator/branch_lock.h
//
// The handshake between `pgveil branch` and a stream running into the
// replica (replicator/DESIGN.md, "Branches"). CREATE DATABASE ... TEMPLATE
// copies the replica only while nobody is connected to it, so:
//
//   branch  takes the replica's branch lock (exclusive) in the maintenance
//           database, then NOTIFYs kBranchChannel on the replica and waits
//           until no session is connected to it
//   stream  at the next transaction boundary applies and acknowledges what
//           it has received, leaves the replica and waits for the branch
//           lock (shared), still feeding back to the source
//   branch  CREATE DATABASE ... TEMPLATE replica, then releases the lock
//   stream  connects to the replica again and streams on from its place
//
// Advisory locks belong to one database, so the lock is taken in the
// server's maintenance database (as createdb picks it: postgres, else
// template1), keyed by the replica's database OID.
//
// Thread-safety: plain functions.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"
#include "pg/connection.h"

namespace pgveil::replicator {

inline constexpr const char* kBranchChannel = "pgveil_branch";

// The maintenance database of the server `dsn` points at, reached with
// `dsn`'s other settings.
Result<std::unique_ptr<pg::Connection>> OpenMaintenance(const std::string& dsn);

// `SELECT function(key)` for the branch lock of the database with OID
// `database_oid`; `function` is one of PostgreSQL's advisory lock
// functions taking a bigint (pg_advisory_lock, pg_try_advisory_lock_shared,
// pg_advisory_unlock, ...).
std::string BranchLockSql(std::string_view function, const std::string& database_oid);

}  // namespace pgveil::replicator
