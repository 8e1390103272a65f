// policy/drift.h
//
// Schema drift between two snapshots (schema_snapshot.h): what `pgveil diff
// OLD NEW` prints and exits 1 on.
//
// Columns are matched by table name and attnum, not by name: PostgreSQL
// keeps a column's attnum when it is renamed and never reuses the attnum of
// a dropped one, so "same attnum, other name" is a rename and "new attnum"
// is a column added (oids would not do: they differ between databases). A
// table that disappeared while one with the same columns (names, types,
// attnums) appeared in the same schema was renamed. Types, nullability and
// defaults are compared as the catalog prints them. PII paths that the new
// snapshot found in JSONB columns and the old one did not are drift too.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "policy/schema_snapshot.h"

namespace pgveil::policy {

struct DriftChange {
  enum class Kind {
    kTableAdded,
    kTableRemoved,
    kTableRenamed,        // `table` is the new name, `old_value` the old one
    kColumnAdded,         // `new_value`: the type
    kColumnRemoved,       // `old_value`: the type
    kColumnRenamed,       // `column` is the new name, `old_value` the old one
    kColumnRetyped,       // old and new type
    kNullabilityChanged,  // "NULL" / "NOT NULL"
    kDefaultChanged,      // old and new default expression, "" for none
    kPiiPathAdded,        // `path` and `category`
  };
  Kind kind = Kind::kTableAdded;
  std::string schema;
  std::string table;
  std::string column;  // empty for table changes
  int attnum = 0;      // column changes
  std::string old_value;
  std::string new_value;
  std::optional<std::string> path;
  std::optional<Category> category;
};

// "table_added", "column_renamed", ..., "pii_path_added".
std::string_view DriftKindName(DriftChange::Kind kind);

// Changes from `before` to `after`, sorted by schema, table, column, kind.
std::vector<DriftChange> DiffSnapshots(const SchemaSnapshot& before, const SchemaSnapshot& after);

// One line per change after a header naming both labels (file names), or
// "no drift between OLD and NEW".
std::string DriftText(const std::vector<DriftChange>& changes, std::string_view before_label,
                      std::string_view after_label);

// {"old": ..., "new": ..., "drift": bool, "changes": [{"kind", "schema", ...}]}
std::string DriftJson(const std::vector<DriftChange>& changes, std::string_view before_label,
                      std::string_view after_label);

}  // namespace pgveil::policy
