// datagen/shop_schema.h
//
// The shop's schema as data: every table (and the materialized view), its
// columns with their SQL definitions, and for every column and JSONB leaf
// path the PII categories it truly holds. DDL, COPY column lists and the
// truth file are all derived from this one description, so they cannot
// disagree. The reasoning behind each truth entry is in datagen/DESIGN.md.
//
// Thread-safety: constant data after first use.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "datagen/sql_identifier.h"

namespace pgveil::datagen {

enum class TableKind {
  kTable,
  kPartitioned,       // RANGE-partitioned by month; truth is reported on the parent
  kMaterializedView,  // created after the data; not copied
};

struct PathSpec {
  std::string path;  // canonical JSONPath, e.g. "$.contact.phones[*]"
  std::vector<Category> categories;
};

struct ColumnSpec {
  std::string name;        // as in the catalog (unquoted)
  std::string definition;  // SQL type and constraints, e.g. "text NOT NULL"
  std::vector<Category> categories;
  // False for the columns a later migration adds (ALTER TABLE ... ADD
  // COLUMN after the data load); they stay NULL and are not in COPY.
  bool copied = true;
  std::vector<PathSpec> paths;  // JSONB leaves
};

struct TableSpec {
  std::string schema;
  std::string name;
  TableKind kind = TableKind::kTable;
  double rows_at_scale_one = 0;   // 0 for the materialized view
  std::string table_constraints;  // appended inside CREATE TABLE (...), may be empty
  std::vector<ColumnSpec> columns;

  // Columns that COPY writes, in row order.
  std::vector<std::string> CopyColumns() const;
  const ColumnSpec& Column(std::string_view name) const;  // aborts when absent
};

// Every table, in creation order (parents before children of foreign keys).
const std::vector<TableSpec>& ShopTables();

const TableSpec& ShopTable(std::string_view schema, std::string_view name);

// Rows of `table` at `scale`: rows_at_scale_one * scale, rounded, at least 1.
int64_t RowCount(const TableSpec& table, double scale);

namespace internal {
// Builders shared by shop_schema.cc and shop_schema_more.cc.
TableSpec Table(std::string schema, std::string name, TableKind kind, double rows_at_scale_one,
                std::string table_constraints, std::vector<ColumnSpec> columns);
ColumnSpec Col(std::string name, std::string definition, std::vector<Category> categories = {});
// A JSONB column; its own entry carries the union of its leaves' categories.
ColumnSpec Json(std::string name, std::vector<PathSpec> paths);
// A column added by a later migration (not copied, left NULL).
ColumnSpec Added(std::string name, std::string definition, std::vector<Category> categories);
// Appends the remaining tables (shop_schema_more.cc).
void AppendMoreShopTables(std::vector<TableSpec>* tables);
}  // namespace internal

// The monthly partitions of public.events: [first_month, first_month + 12).
inline constexpr int kEventsYear = 2024;
inline constexpr int kEventPartitions = 12;

}  // namespace pgveil::datagen
