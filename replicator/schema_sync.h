// replicator/schema_sync.h
//
// What a schema change on the source means for the target. Given a source
// table as the target last knew it (`before`, null for a table it never
// had) and as the DDL left it (`after`, ddl_capture.h), GateSchemaChange
// says whether the policy covers the new shape, and SchemaStatements gives
// the schema-qualified statements that bring the target's table to it:
//
//   new table            CREATE TABLE with its columns and primary key
//   renamed table        ALTER TABLE ... RENAME TO
//   new column           ADD COLUMN (a column is known by its attnum)
//   renamed column       RENAME COLUMN
//   dropped column       DROP COLUMN
//   changed type         ALTER COLUMN ... TYPE ... USING col::type
//   NOT NULL changed     SET / DROP NOT NULL
//   indexes              CREATE INDEX for a new definition, DROP INDEX for
//                        one that is gone (indexes backing no constraint)
//   constraints          ADD CONSTRAINT for a new unique, foreign-key, check or
//                        exclusion constraint, DROP CONSTRAINT for one gone
//                        (the caller leaves out foreign keys into tables the
//                        target does not have, as the copy does)
//
// A primary key is created with a new table; a primary key added to or
// dropped from an existing table is not replayed.
//
// The statements are built from names and types only, never from the
// DDL's text, so they cannot land in the wrong schema and carry no value.
// Generated columns are left to the source's own definition (not in the
// stream; the target does not get them from a later DDL).
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "replicator/ddl_capture.h"
#include "replicator/stream_relation.h"

namespace pgveil::replicator {

// GateFailed naming the first table or column of `after` that has no rule
// (strict), or whose name and type look like personal data without a rule
// (relaxed); OK when every column is covered or the table is skipped.
Status GateSchemaChange(const SourceTable* before, const SourceTable& after,
                        const StreamPlanInput& input);

std::vector<std::string> SchemaStatements(const SourceTable* before, const SourceTable& after);

std::string DropTableStatement(const SourceTable& table);

}  // namespace pgveil::replicator
