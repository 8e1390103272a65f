// replicator/schema_transfer.h
//
// The schema travels with pg_dump and pg_restore, in two halves around the
// copy (replicator/DESIGN.md, "Schema"):
//
//   Dump          pg_dump --schema-only --format=custom --snapshot=S, with
//                 --exclude-table for every `skip` table and its partitions;
//                 then the archive's table of contents (pg_restore --list)
//                 with the foreign keys that point at a skipped table
//                 commented out, matched by their pg_constraint OIDs.
//   RestorePre    pre-data (schemas, types, functions, tables, sequences)
//                 in one transaction, before any row is copied.
//   RestorePost   post-data (primary keys, unique and foreign keys,
//                 indexes, triggers, rules) after the copy, `jobs` at a
//                 time, so every constraint is checked against the masked
//                 rows once, in bulk.
//
// Ownership and grants are not restored (--no-owner --no-acl): the target
// belongs to the role that runs pgveil. Security labels, publications and
// subscriptions are left out too.
//
// Errors carry pg_dump/pg_restore's own error lines without DETAIL or the
// statement text (child_process.h's ChildErrorSummary).
//
// Thread-safety: one thread at a time; the child processes follow the life
// of the thread that started them.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "pg/connection.h"
#include "replicator/masking_plan.h"
#include "replicator/sequence_value.h"

namespace pgveil::replicator {

struct SchemaTransferOptions {
  std::string source_dsn;
  std::string target_dsn;
  std::string snapshot;
  std::vector<RelationRef> skipped;  // not dumped
  std::string work_dir;              // holds the archive and its lists; must exist
  int jobs = 4;                      // pg_restore --jobs for post-data
};

class SchemaTransfer {
 public:
  // Dumps the schema as of the snapshot (the exporting session must be
  // open). `source` is used to find the foreign keys into skipped tables.
  static Result<SchemaTransfer> Dump(const SchemaTransferOptions& options, pg::Connection& source);

  // How many foreign keys were left out because they point at skipped tables.
  int dropped_foreign_keys() const { return dropped_foreign_keys_; }

  Status RestorePreData() const;
  Status RestorePostData() const;

  // The SQL of `section` ("pre-data" or "post-data") as pg_restore would
  // run it, for a target that only gets SQL (the change stream): psql's
  // meta-commands (\restrict) are left out.
  Result<std::string> SectionSql(const std::string& section) const;

 private:
  explicit SchemaTransfer(SchemaTransferOptions options) : options_(std::move(options)) {}
  Status Restore(const std::string& section, bool single_transaction) const;

  SchemaTransferOptions options_;
  std::string archive_;
  std::string list_;  // the archive's list, FKs into skipped tables commented out
  int dropped_foreign_keys_ = 0;
};

// Every sequence of the source the session may read, with its state now.
Result<std::vector<SequenceValue>> ReadSequenceValues(pg::Connection& source);

// setval for each of `sequences` that exists where the SQL runs (names
// and values are quoted or parsed, never pasted).
std::string SetSequencesSql(const std::vector<SequenceValue>& sequences);

// Sets every sequence on the target that also exists on the source to the
// source's current state, last value and is_called (sequences are not
// transactional, so this is the state now, at least the snapshot's).
// Returns how many were read.
Result<int> CopySequenceValues(pg::Connection& source, pg::Connection& target);

// REFRESH MATERIALIZED VIEW for each of `matviews`, in order, on the target,
// where their queries read the already masked tables.
Status RefreshMaterializedViews(pg::Connection& target, const std::vector<RelationRef>& matviews);

}  // namespace pgveil::replicator
