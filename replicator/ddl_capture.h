// replicator/ddl_capture.h
//
// Schema changes on the source, in band with the data. Two event triggers
// in the source's `pgveil` schema (one pair per slot) describe every table a
// DDL command touched, as it is after the command, and write that
// description into the WAL with pg_logical_emit_message(transactional, ...):
// the stream delivers it inside the DDL's transaction, before any row that
// carries the new shape (replicator/DESIGN.md, "Schema changes"). The
// description holds names, types, attnums, the primary key, index and
// constraint definitions; never a value (no query text, no defaults).
//
// The ddl_command_end trigger also adds a table the DDL created or altered
// to the slot's publication, once it has a replica identity (in a
// publication without one PostgreSQL would refuse its UPDATE and DELETE on
// the source), so its rows are in the stream from its first insert; whether
// they may be written is the replicator's decision, on the policy.
//
// Thread-safety: plain functions; the connection is the caller's.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "pg/connection.h"

namespace pgveil::replicator {

struct SourceColumn {
  int attnum = 0;
  std::string name;
  std::string type;  // format_type(): "character varying(80)"
  bool not_null = false;
  bool generated = false;
};

// A unique, foreign-key, check or exclusion constraint (primary keys are
// SourceTable::primary_key; NOT NULL is SourceColumn::not_null).
struct SourceConstraint {
  std::string name;
  std::string definition;  // pg_get_constraintdef: "FOREIGN KEY (a) REFERENCES public.t(b)"
  std::string references;  // "schema.table" a foreign key points at; "" otherwise

  bool operator==(const SourceConstraint&) const = default;
};

struct SourceTable {
  uint32_t oid = 0;
  std::string schema;
  std::string name;
  std::vector<SourceColumn> columns;          // in attnum order, dropped ones left out
  std::vector<std::string> primary_key;       // column names, in key order
  std::vector<std::string> indexes;           // pg_get_indexdef of indexes that back no constraint
  std::vector<SourceConstraint> constraints;  // by name

  std::string QualifiedName() const { return schema + "." + name; }
};

struct SchemaChange {
  std::vector<SourceTable> tables;   // created or altered
  std::vector<SourceTable> dropped;  // only oid, schema and name are set
};

// The logical message prefix the triggers of `slot` use.
std::string DdlMessagePrefix(std::string_view slot);

// Creates (or replaces) the triggers of `slot` on the source, adding tables
// to `publication`. Needs a superuser (event triggers require one);
// PermissionDenied otherwise, naming what is lost without them.
Status InstallDdlCapture(pg::Connection& source, std::string_view slot,
                         std::string_view publication);

// Drops the triggers and function of `slot`; the pgveil schema goes when it
// is empty. Succeeds when there is nothing to drop.
// Replaces the triggers of `slot`, if it has any and the role may, with
// this version's: a stream made by an older version gets the newer fixes.
Status RefreshDdlCapture(pg::Connection& source, std::string_view slot,
                         std::string_view publication);

Status RemoveDdlCapture(pg::Connection& source, std::string_view slot);

// Parses a message body the triggers wrote. InvalidArgument names what is
// malformed, never its content.
Result<SchemaChange> ParseSchemaChange(std::string_view content);

// `tables` as the JSON array the triggers write.
std::string TablesToJson(const std::vector<SourceTable>& tables);

// The description of one table now, as the triggers would write it (for the
// tables the snapshot copied): a JSON array of table objects.
Result<std::vector<SourceTable>> DescribeTables(pg::Connection& source,
                                                const std::vector<uint32_t>& oids,
                                                const std::string& snapshot = "");

}  // namespace pgveil::replicator
