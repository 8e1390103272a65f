// core/schema.h
//
// What pgveil knows about a database's structure: tables (and partitions,
// materialized views) and their columns, as read from the catalog by
// pg/catalog_reader.h. These are the shared value types of the pipeline; they
// never hold row data.
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pgveil {

// Identifies a column; names are as in the catalog (unquoted, case kept).
struct ColumnRef {
  std::string schema;
  std::string table;
  std::string column;

  std::string ToString() const { return schema + "." + table + "." + column; }
  auto operator<=>(const ColumnRef&) const = default;
};

enum class RelationKind {
  kTable,
  kPartitionedTable,
  kPartition,
  kMaterializedView,
  kView,
  kForeignTable
};

struct ColumnInfo {
  std::string name;
  int attnum = 0;
  std::string data_type;     // format_type(): "character varying(80)", "jsonb", "text[]"
  std::string type_name;     // base type name: "varchar", "jsonb", "_text"
  char type_category = 'X';  // pg_type.typcategory: S string, N numeric, D date/time, I network, U
                             // user, A array, ...
  std::optional<int> max_length;  // varchar(n)/char(n)
  bool not_null = false;
  std::optional<std::string> default_expr;
  bool generated = false;               // GENERATED ALWAYS AS (...) STORED
  bool identity = false;                // GENERATED ... AS IDENTITY
  bool primary_key = false;             // part of the primary key
  bool unique = false;                  // part of a unique constraint or unique index
  std::optional<ColumnRef> references;  // single-column foreign key target
  std::optional<std::string> comment;

  bool IsJson() const { return type_name == "jsonb" || type_name == "json"; }
};

struct TableInfo {
  std::string schema;
  std::string name;
  uint32_t oid = 0;
  RelationKind kind = RelationKind::kTable;
  double reltuples = -1;  // planner estimate; -1 when never analysed
  int64_t relpages = 0;
  std::optional<std::string> parent;  // "schema.table" of the partitioned parent
  std::optional<std::string> comment;
  bool can_select = true;  // has_table_privilege(..., 'SELECT') for the scanning role
  std::vector<ColumnInfo> columns;

  std::string QualifiedName() const { return schema + "." + name; }
};

struct Catalog {
  std::string database;
  std::vector<TableInfo> tables;  // ordered by schema, name
};

}  // namespace pgveil
