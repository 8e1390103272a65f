// cli/policy_file.h
//
// The side effects the gate's commands need and policy/ must not have:
// reading the policy, a snapshot and a folder of migrations from disk, and
// the clock. Everything read is handed to policy/ as text.
//
// Thread-safety: plain functions; safe to call from any thread.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "policy/calendar_date.h"
#include "policy/migration_anchors.h"
#include "policy/policy.h"
#include "policy/schema_snapshot.h"

namespace pgveil::cli {

// The whole file. NotFound when it does not exist, Unavailable when it
// cannot be read; the message names the file and the `what` it is.
Result<std::string> ReadTextFile(const std::string& path, const std::string& what);

// Reads and validates the policy at `path`. InvalidArgument with one
// "path:line:column: message" per line for an invalid policy.
Result<policy::Policy> LoadPolicyFile(const std::string& path);

// Reads a snapshot written by `pgveil snapshot`.
Result<policy::SchemaSnapshot> LoadSnapshotFile(const std::string& path);

// The *.sql files directly inside `directory`, in lexical order of their
// names, with paths as `directory`/name. NotFound when `directory` is not
// a readable directory.
Result<std::vector<policy::MigrationFile>> ReadMigrations(const std::string& directory);

// Today's date in the local time zone.
policy::CalendarDate Today();

// Like ReportError, but each line of the message gets its own "pgveil: "
// prefix (a policy with several errors reports one per line).
int ReportErrorLines(const Status& status);

}  // namespace pgveil::cli
