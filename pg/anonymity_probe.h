// pg/anonymity_probe.h
//
// Measures k-anonymity and l-diversity (core/anonymity.h) of a table of the
// masked copy where it lives: one GROUP BY over the quasi-identifier
// columns, counted by the server, so no row ever leaves the database and no
// value reaches pgveil. Tables the planner estimates above
// `sample_above_rows` are measured on a TABLESAMPLE BERNOULLI sample of
// about that many rows, REPEATABLE so a rerun gives the same figures, and
// the result says so.
//
// The query runs in a READ ONLY transaction with a statement timeout; the
// probe never writes. Identifiers are always quoted, whatever they hold.
//
// Thread-safety: one probe call per connection at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/anonymity.h"
#include "core/status.h"
#include "pg/connection.h"

namespace pgveil::pg {

struct AnonymityQuery {
  std::string schema;
  std::string table;
  std::vector<std::string> quasi_identifiers;  // at least one
  std::vector<std::string> sensitive;          // columns whose l-diversity is wanted
  int bar = 5;                                 // k below which rows count as at risk
};

struct AnonymityProbeOptions {
  double sample_above_rows = 1'000'000;
  int64_t seed = 42;
  int statement_timeout_ms = 600'000;
};

// The measuring query; `sample_percent` adds TABLESAMPLE BERNOULLI. Its one
// row holds: classes, k, rows below the bar, rows, then l per sensitive
// column.
std::string AnonymitySql(const AnonymityQuery& query, std::optional<double> sample_percent,
                         int64_t seed);

// Measures `query` on `connection`. A table that is not there, or a query
// the server refuses (a column type without equality), comes back with
// `not_measured` set; only a lost connection is an error (Unavailable).
Result<TableAnonymity> MeasureAnonymity(Connection& connection, const AnonymityQuery& query,
                                        const AnonymityProbeOptions& options = {});

}  // namespace pgveil::pg
