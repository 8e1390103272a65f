#include "scanner/sample_plan.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <vector>

#include "core/identifier.h"

namespace pgveil::scanner {
namespace {

std::string ColumnExpression(const ColumnInfo& column) {
  std::string name = QuoteIdent(column.name);
  if (column.type_name == "bytea") return "NULL::text";
  if (column.IsJson()) {
    return fmt::format("CASE WHEN octet_length({0}::text) <= {1} THEN {0}::text END", name,
                       kMaxJsonBytes);
  }
  return fmt::format("left({}::text, {})", name, kMaxValueChars);
}

}  // namespace

SamplePlan PlanSample(const TableInfo& table, const SampleOptions& options) {
  SamplePlan plan;
  plan.limit = options.max_rows_per_table;
  // reltuples is -1 until the table is first vacuumed or analysed; then only
  // its size on disk tells whether it is small.
  bool small = table.reltuples >= 0 ? table.reltuples <= kWholeTableRows : table.relpages <= 16;
  if (table.kind == RelationKind::kPartitionedTable)
    small = table.reltuples >= 0 && table.reltuples <= kWholeTableRows;
  if (small || table.kind == RelationKind::kView) return plan;
  plan.percent = options.sample_percent;
  plan.method =
      table.relpages > kBernoulliMaxPages ? SampleMethod::kSystem : SampleMethod::kBernoulli;
  return plan;
}

std::string SampleQuery(const TableInfo& table, const SamplePlan& plan, int64_t seed) {
  std::vector<std::string> columns;
  for (const ColumnInfo& column : table.columns) columns.push_back(ColumnExpression(column));
  if (columns.empty()) columns.push_back("1");
  std::string sql =
      fmt::format("SELECT {} FROM {}", fmt::join(columns, ", "), QuoteQualified(table.schema, table.name));
  if (plan.method != SampleMethod::kWhole) {
    sql += fmt::format(" TABLESAMPLE {} ({}) REPEATABLE ({})",
                       plan.method == SampleMethod::kSystem ? "SYSTEM" : "BERNOULLI", plan.percent,
                       seed);
  }
  sql += fmt::format(" LIMIT {}", plan.limit);
  return sql;
}

}  // namespace pgveil::scanner
