// replicator/schema_model.h
//
// A SchemaModel is the streamed tables as a target has them, by source
// OID: loaded from the target's pgveil.stream_tables, changed by the
// source's schema changes in stream order. Change and Drop return the
// statements that bring the target along (schema_sync.h) and record the
// new shape in pgveil.stream_tables, to run in the same target transaction
// as the rows that follow, so that the target and its record of its own
// shape never disagree.
//
// Thread-safety: one thread.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"
#include "replicator/ddl_capture.h"

namespace pgveil::replicator {

class SchemaModel {
 public:
  // Replaces the model with `tables_json` (a JSON array, ddl_capture.h).
  Status Load(const std::string& tables_json);

  // The table with source OID `oid`; null when the target has none.
  SourceTable* Find(uint32_t oid);

  // `after` created or altered: the statements, foreign keys into tables
  // the target does not have left out (as the copy leaves them out).
  std::vector<std::string> Change(const SourceTable& after);
  // The table with OID `oid` dropped; no statements for one never streamed.
  std::vector<std::string> Drop(uint32_t oid);

 private:
  // `table` without the foreign keys into tables the target does not have.
  SourceTable OnTarget(SourceTable table) const;

  std::map<uint32_t, SourceTable> tables_;
};

}  // namespace pgveil::replicator
