// policy/migration_anchors.h
//
// Where each column came from in a folder of SQL migrations, so a violation
// can point at the line a developer wrote rather than at the policy. The
// files are read in the order given (lexical, as migration tools apply
// them); for every column the LAST statement that created it wins:
//
//   CREATE [TEMP|UNLOGGED] TABLE [IF NOT EXISTS] name (col type, ...)
//   ALTER TABLE [IF EXISTS] [ONLY] name ADD [COLUMN] [IF NOT EXISTS] col ...[, ADD ...]
//   ALTER TABLE name RENAME [COLUMN] old TO new      (new is anchored here)
//   ALTER TABLE name RENAME TO other                 (its anchors move along)
//
// Unquoted names are folded to lower case as PostgreSQL folds them; quoted
// ones are kept; an unqualified table is in schema public. For JSONB paths,
// the last string literal in an INSERT INTO or UPDATE of the table that
// names the path's innermost key (`'{contact,alt_phone}'`) is the anchor.
//
// Pure: the caller reads the files and passes their texts.
//
// Thread-safety: immutable after FindMigrationAnchors; share freely.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/violation.h"
#include "policy/qualified_name.h"

namespace pgveil::policy {

struct MigrationFile {
  std::string path;  // as it should appear in locations
  std::string text;
};

class MigrationAnchors {
 public:
  // The location that created `column`, or nullopt.
  std::optional<SourceLocation> ForColumn(const ColumnRef& column) const;

  // The location of the last literal naming the innermost key of `path`
  // (a canonical JSONPath) in a write to the column's table; else the
  // column's own anchor; else nullopt.
  std::optional<SourceLocation> ForPath(const ColumnRef& column, const std::string& path) const;

  size_t size() const { return columns_.size(); }

  // A string literal written into a table by a migration. Kept in memory
  // only, to look key names up; never reported.
  struct Literal {
    std::string text;
    SourceLocation location;
  };

 private:
  friend MigrationAnchors FindMigrationAnchors(const std::vector<MigrationFile>& files);
  std::map<ColumnRef, SourceLocation> columns_;
  std::map<TableName, std::vector<Literal>> literals_;  // in file order
};

MigrationAnchors FindMigrationAnchors(const std::vector<MigrationFile>& files);

}  // namespace pgveil::policy
