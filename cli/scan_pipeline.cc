#include "cli/scan_pipeline.h"

#include <fnmatch.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "cli/terminal.h"
#include "pg/catalog_reader.h"
#include "pg/connection.h"
#include "pg/sampler.h"
#include "scanner/column_scanner.h"

namespace pgveil::cli {
namespace {

bool MatchesAny(const std::vector<std::string>& globs, const std::string& name) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
    return fnmatch(glob.c_str(), name.c_str(), 0) == 0;
  });
}

// Partitions are sampled through their parent and reported once, on it;
// views only when asked for.
bool Selected(const TableInfo& table, const ScanOptions& options) {
  switch (table.kind) {
    case RelationKind::kPartition:
      return false;
    case RelationKind::kView:
      if (!options.include_views) return false;
      break;
    case RelationKind::kMaterializedView:
      if (!options.include_matviews) return false;
      break;
    case RelationKind::kForeignTable:
      return false;
    default:
      break;
  }
  std::string name = table.QualifiedName();
  if (!options.include.empty() && !MatchesAny(options.include, name)) return false;
  return !MatchesAny(options.exclude, name);
}

bool FindingOrder(const Finding& a, const Finding& b) {
  return std::tie(a.column, a.path, a.category) < std::tie(b.column, b.path, b.category);
}

}  // namespace

void AddScanFlags(CLI::App& command, ScanOptions& options) {
  command.add_option("--dsn", options.dsn,
                     "libpq connection string or URI (default: libpq defaults, PG* variables)");
  command
      .add_option("--sample-percent", options.sample.sample_percent,
                  "percent of rows to sample, 1..10")
      ->check(CLI::Range(1, 10))
      ->capture_default_str();
  command
      .add_option("--max-rows-per-table", options.sample.max_rows_per_table, "row cap per table")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  command.add_option("--seed", options.sample.seed, "TABLESAMPLE REPEATABLE seed")
      ->capture_default_str();
  command.add_option("--include", options.include,
                     "only tables matching this schema.table glob (repeatable)");
  command.add_option("--exclude", options.exclude,
                     "skip tables matching this schema.table glob (repeatable)");
  command.add_flag("--include-views", options.include_views, "also sample views");
  command.add_flag("--include-matviews", options.include_matviews,
                   "also sample materialized views");
}

Result<ScanOutcome> RunScan(const ScanOptions& options) {
  auto started = std::chrono::steady_clock::now();
  PGVEIL_ASSIGN_OR_RETURN(auto connection, pg::Connection::Open(options.dsn));
  PGVEIL_ASSIGN_OR_RETURN(Catalog catalog, pg::ReadCatalog(*connection));
  PGVEIL_ASSIGN_OR_RETURN(auto scanner, scanner::ColumnScanner::Create());
  auto context = scanner->NewContext();
  PGVEIL_ASSIGN_OR_RETURN(auto sampler, pg::Sampler::Begin(*connection, pg::SamplerOptions{}));

  ScanOutcome outcome;
  ScanResult& result = outcome.result;
  result.parameters = {catalog.database, options.sample.sample_percent, options.sample.seed,
                       options.sample.max_rows_per_table};
  std::vector<const TableInfo*> tables;
  for (const TableInfo& table : catalog.tables) {
    if (Selected(table, options)) tables.push_back(&table);
  }
  for (size_t i = 0; i < tables.size(); ++i) {
    const TableInfo& table = *tables[i];
    Progress(fmt::format("scanning {}/{}: {}", i + 1, tables.size(), table.QualifiedName()));
    if (!table.can_select) {
      result.skipped.push_back(
          {table.schema, table.name, "permission denied (no SELECT privilege)"});
      continue;
    }
    scanner::SamplePlan plan = scanner::PlanSample(table, options.sample);
    auto sample = sampler->Sample(scanner::SampleQuery(table, plan, options.sample.seed),
                                  table.columns.size());
    if (!sample.ok()) {
      if (sample.status().code() == StatusCode::kUnavailable) {
        return sample.status().WithContext("sampling " + table.QualifiedName());
      }
      result.skipped.push_back({table.schema, table.name, sample.status().message()});
      continue;
    }
    ++result.tables;
    result.rows_sampled += sample->rows;
    for (size_t c = 0; c < table.columns.size(); ++c) {
      scanner::ColumnScan scan =
          scanner->Scan(table, table.columns[c], sample->columns[c], sample->rows, *context);
      result.columns.push_back(std::move(scan.summary));
      for (Finding& finding : scan.findings) result.findings.push_back(std::move(finding));
    }
  }
  Progress("");
  result.columns_scanned = static_cast<int>(result.columns.size());
  std::sort(result.findings.begin(), result.findings.end(), FindingOrder);
  result.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  outcome.catalog = std::move(catalog);
  return outcome;
}

}  // namespace pgveil::cli
