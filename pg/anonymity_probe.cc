#include "pg/anonymity_probe.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "core/identifier.h"

namespace pgveil::pg {
namespace {

int64_t AsInt(const std::optional<std::string>& text) {
  return text ? std::strtoll(text->c_str(), nullptr, 10) : 0;
}

// Planner estimate of the table's rows; nullopt when the table is not
// there, -1 when it was never analysed.
Result<std::optional<double>> EstimatedRows(Connection& connection, const AnonymityQuery& query) {
  PGVEIL_ASSIGN_OR_RETURN(
      Rows rows,
      connection.Query(fmt::format(
          "SELECT c.reltuples::float8 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
          "ON n.oid = c.relnamespace WHERE n.nspname = {} AND c.relname = {} "
          "AND c.relkind IN ('r', 'p', 'm')",
          QuoteLiteral(query.schema), QuoteLiteral(query.table))));
  if (rows.empty()) return std::optional<double>();
  return std::optional<double>(std::strtod(FirstRowValue(rows, 0).c_str(), nullptr));
}

}  // namespace

std::string AnonymitySql(const AnonymityQuery& query, std::optional<double> sample_percent,
                         int64_t seed) {
  std::string group_by;
  for (const std::string& column : query.quasi_identifiers) {
    group_by += (group_by.empty() ? "" : ", ") + QuoteIdent(column);
  }
  std::string per_class = "count(*) AS n";
  std::string outer;
  for (size_t i = 0; i < query.sensitive.size(); ++i) {
    per_class += fmt::format(", count(DISTINCT {}) AS l{}", QuoteIdent(query.sensitive[i]), i);
    outer += fmt::format(", coalesce(min(l{0}) FILTER (WHERE l{0} > 0), 0)", i);
  }
  std::string from = QuoteQualified(query.schema, query.table);
  if (sample_percent) {
    from += fmt::format(" TABLESAMPLE BERNOULLI ({:.6f}) REPEATABLE ({})", *sample_percent, seed);
  }
  return fmt::format(
      "SELECT count(*), coalesce(min(n), 0), coalesce(sum(n) FILTER (WHERE n < {}), 0), "
      "coalesce(sum(n), 0){} FROM (SELECT {} FROM {} GROUP BY {}) AS classes",
      query.bar, outer, per_class, from, group_by);
}

Result<TableAnonymity> MeasureAnonymity(Connection& connection, const AnonymityQuery& query,
                                        const AnonymityProbeOptions& options) {
  PGVEIL_CHECK(!query.quasi_identifiers.empty());
  TableAnonymity result;
  result.schema = query.schema;
  result.table = query.table;
  result.quasi_identifiers = query.quasi_identifiers;
  result.bar = query.bar;

  Result<std::optional<double>> estimate = EstimatedRows(connection, query);
  if (!estimate.ok()) return estimate.status();
  if (!estimate->has_value()) {
    result.not_measured = "not in the masked copy";
    return result;
  }
  if (**estimate > options.sample_above_rows) {
    result.sample_percent =
        std::clamp(100.0 * options.sample_above_rows / **estimate, 0.0001, 100.0);
  }

  PGVEIL_RETURN_IF_ERROR(connection.Execute(
      fmt::format("BEGIN TRANSACTION READ ONLY; SET LOCAL statement_timeout = {}",
                  options.statement_timeout_ms)));
  Result<Rows> rows = connection.Query(AnonymitySql(query, result.sample_percent, options.seed));
  Status ended = connection.Execute(rows.ok() ? "COMMIT" : "ROLLBACK");
  if (!rows.ok()) {
    if (rows.status().code() == StatusCode::kUnavailable) return rows.status();
    result.not_measured = rows.status().message();
    return result;
  }
  PGVEIL_RETURN_IF_ERROR(ended);
  PGVEIL_CHECK(rows->size() == 1 && (*rows)[0].size() == 4 + query.sensitive.size());
  const auto& row = (*rows)[0];
  result.classes = AsInt(row[0]);
  result.k = AsInt(row[1]);
  result.rows_below_bar = AsInt(row[2]);
  result.rows = AsInt(row[3]);
  for (size_t i = 0; i < query.sensitive.size(); ++i) {
    result.sensitive.push_back({query.sensitive[i], AsInt(row[4 + i])});
  }
  return result;
}

}  // namespace pgveil::pg
