// datagen/table_spec.cc

#include "datagen/table_spec.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <tuple>

#include <fmt/format.h>

#include "core/status.h"

namespace pgveil::datagen {
namespace {

std::vector<Category> Sorted(std::vector<Category> categories) {
  std::sort(categories.begin(), categories.end(),
            [](Category a, Category b) { return IdOf(a) < IdOf(b); });
  return categories;
}

}  // namespace

namespace internal {

TableSpec Table(std::string schema, std::string name, TableKind kind, double rows_at_scale_one,
                std::string table_constraints, std::vector<ColumnSpec> columns) {
  return {std::move(schema), std::move(name), kind, rows_at_scale_one, std::move(table_constraints),
          std::move(columns)};
}

ColumnSpec Col(std::string name, std::string definition, std::vector<Category> categories) {
  return {std::move(name), std::move(definition), std::move(categories), true, {}};
}

ColumnSpec Json(std::string name, std::vector<PathSpec> paths) {
  std::vector<Category> all;
  for (const PathSpec& p : paths) {
    for (Category c : p.categories) {
      if (std::find(all.begin(), all.end(), c) == all.end()) {
        all.push_back(c);
      }
    }
  }
  return {std::move(name), "jsonb", std::move(all), true, std::move(paths)};
}

ColumnSpec Added(std::string name, std::string definition, std::vector<Category> categories) {
  ColumnSpec c = Col(std::move(name), std::move(definition), std::move(categories));
  c.copied = false;
  return c;
}

}  // namespace internal

std::vector<std::string> TableSpec::CopyColumns() const {
  std::vector<std::string> names;
  for (const ColumnSpec& c : columns) {
    if (c.copied) {
      names.push_back(c.name);
    }
  }
  return names;
}

const ColumnSpec& TableSpec::Column(std::string_view column) const {
  for (const ColumnSpec& c : columns) {
    if (c.name == column) {
      return c;
    }
  }
  PGVEIL_CHECK(false && "unknown column");
  std::abort();
}

const TableSpec& FindTable(const std::vector<TableSpec>& tables, std::string_view schema,
                           std::string_view name) {
  for (const TableSpec& t : tables) {
    if (t.schema == schema && t.name == name) return t;
  }
  PGVEIL_CHECK(false && "unknown table");
  std::abort();
}

int64_t RowCount(const TableSpec& table, double scale) {
  if (table.kind == TableKind::kMaterializedView) {
    return 0;
  }
  return std::max<int64_t>(1, std::llround(table.rows_at_scale_one * scale));
}

std::string CreateTableSql(const TableSpec& table, std::string_view partition_by) {
  std::string sql = "CREATE TABLE " + QualifiedName(table.schema, table.name) + " (\n";
  bool first = true;
  for (const ColumnSpec& c : table.columns) {
    if (!c.copied) {
      continue;
    }
    sql += first ? "  " : ",\n  ";
    sql += QuoteIdent(c.name) + " " + c.definition;
    first = false;
  }
  if (!table.table_constraints.empty()) {
    sql += ",\n  " + table.table_constraints;
  }
  sql += "\n)";
  if (!partition_by.empty()) {
    sql += " PARTITION BY ";
    sql += partition_by;
  }
  return sql;
}

std::vector<std::string> MigrationSql(const std::vector<TableSpec>& tables, double scale) {
  std::vector<std::string> statements;
  for (const TableSpec& table : tables) {
    if (table.kind == TableKind::kMaterializedView) continue;
    const std::string name = QualifiedName(table.schema, table.name);
    for (const ColumnSpec& c : table.columns) {
      if (!c.copied) {
        statements.push_back(
            fmt::format("ALTER TABLE {} ADD COLUMN {} {}", name, QuoteIdent(c.name), c.definition));
      }
      if (c.definition.find("IDENTITY") != std::string::npos) {
        statements.push_back(fmt::format("ALTER TABLE {} ALTER COLUMN {} RESTART WITH {}", name,
                                         QuoteIdent(c.name), RowCount(table, scale) + 1));
      }
    }
  }
  return statements;
}

Status CheckScale(double scale) {
  if (!std::isfinite(scale) || scale <= 0 || scale > 1e6) {
    return Status::InvalidArgument("generator scale must be a positive number no larger than 1e6");
  }
  return Status::Ok();
}

std::vector<TruthEntry> TruthOf(const std::vector<TableSpec>& tables) {
  std::vector<TruthEntry> truth;
  for (const TableSpec& table : tables) {
    for (const ColumnSpec& column : table.columns) {
      const ColumnRef ref{table.schema, table.name, column.name};
      truth.push_back({ref, std::nullopt, Sorted(column.categories)});
      for (const PathSpec& path : column.paths) {
        truth.push_back({ref, path.path, Sorted(path.categories)});
      }
    }
  }
  std::sort(truth.begin(), truth.end(), [](const TruthEntry& a, const TruthEntry& b) {
    return std::tie(a.column, a.path) < std::tie(b.column, b.path);
  });
  return truth;
}

}  // namespace pgveil::datagen
