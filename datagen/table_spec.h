// datagen/table_spec.h
//
// A generated database's schema as data: every table, its columns with their
// SQL definitions, and for every column and JSONB leaf path the PII
// categories it truly holds. Each generated database (the shop in
// shop_schema.h, the clinic in clinic_schema.h) describes itself with these
// types once; its DDL, its COPY column lists and its truth file are all
// derived from that one description, so they cannot disagree.
//
// Thread-safety: plain values; the functions are pure.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/status.h"
#include "datagen/generator.h"
#include "datagen/sql_identifier.h"

namespace pgveil::datagen {

enum class TableKind {
  kTable,
  kPartitioned,       // the caller supplies the PARTITION BY clause; truth is on the parent
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

// The table `schema`.`name` of `tables`; aborts when absent (a bug in a
// generator).
const TableSpec& FindTable(const std::vector<TableSpec>& tables, std::string_view schema,
                           std::string_view name);

// Rows of `table` at `scale`: rows_at_scale_one * scale, rounded, at least 1.
int64_t RowCount(const TableSpec& table, double scale);

// CREATE TABLE for the copied columns of `table`; `partition_by` ("RANGE
// (occurred_at)") is appended as PARTITION BY when not empty.
std::string CreateTableSql(const TableSpec& table, std::string_view partition_by = {});

// The statements that follow the data load of `tables` at `scale`, in table
// and column order: ALTER TABLE ... ADD COLUMN for each column a later
// migration added (not copied), and ALTER COLUMN ... RESTART WITH for each
// IDENTITY column, so the next insert gets the id after the loaded rows.
// Materialized views are skipped; they are created after these, from the data.
std::vector<std::string> MigrationSql(const std::vector<TableSpec>& tables, double scale);

// InvalidArgument unless `scale` is finite, positive and no larger than 1e6.
Status CheckScale(double scale);

// The truth entries of every column and JSONB leaf path of `tables`, sorted
// by schema, table, column, path; categories sorted by id.
std::vector<TruthEntry> TruthOf(const std::vector<TableSpec>& tables);

namespace internal {
// Builders for the schema descriptions.
TableSpec Table(std::string schema, std::string name, TableKind kind, double rows_at_scale_one,
                std::string table_constraints, std::vector<ColumnSpec> columns);
ColumnSpec Col(std::string name, std::string definition, std::vector<Category> categories = {});
// A JSONB column; its own entry carries the union of its leaves' categories.
ColumnSpec Json(std::string name, std::vector<PathSpec> paths);
// A column added by a later migration (not copied, left NULL).
ColumnSpec Added(std::string name, std::string definition, std::vector<Category> categories);
}  // namespace internal

}  // namespace pgveil::datagen
