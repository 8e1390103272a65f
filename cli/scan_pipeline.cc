#include "cli/scan_pipeline.h"

#include <fnmatch.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cli/terminal.h"
#include "core/bounded_queue.h"
#include "core/identifier.h"
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
  command.add_option("--jobs", options.jobs,
                     "tables sampled in parallel, on connections sharing one snapshot")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  AddQuietFlag(command);
}

namespace {

// What one table contributes to the result; filled by whichever worker
// scanned it and merged in catalog order, so the result does not depend on
// --jobs.
struct TableScan {
  std::optional<SkippedTable> skipped;
  scanner::SamplePlan plan;
  double read_seconds = 0;
  int64_t rows = 0;
  std::vector<ColumnSummary> columns;
  std::vector<Finding> findings;
  std::vector<QuasiIdentifier> quasi_identifiers;
  Status fatal;  // the database went away: the whole scan fails
};

// Reads `table`'s sample. A table that cannot be read is recorded in `out`
// (skipped, or fatal when the database went away) and nullopt returned.
std::optional<TableSample> ReadSample(const TableInfo& table, const ScanOptions& options,
                                      pg::Sampler* sampler, TableScan* out) {
  if (sampler == nullptr) return TableSample{0, std::vector<ColumnSample>(table.columns.size())};
  if (!table.can_select) {
    out->skipped = SkippedTable{
        table.schema, table.name,
        "permission denied (no SELECT privilege; missing grant: GRANT SELECT ON " +
            QuoteQualified(table.schema, table.name) + " TO <role>)"};
    return std::nullopt;
  }
  out->plan = scanner::PlanSample(table, options.sample);
  const auto started = std::chrono::steady_clock::now();
  Result<TableSample> sample = sampler->Sample(
      scanner::SampleQuery(table, out->plan, options.sample.seed), table.columns.size());
  out->read_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (sample.ok()) return std::move(*sample);
  if (sample.status().code() == StatusCode::kUnavailable) {
    out->fatal = sample.status().WithContext("sampling " + table.QualifiedName());
  } else {
    out->skipped = SkippedTable{table.schema, table.name, sample.status().message()};
  }
  return std::nullopt;
}

// --verbose: how `table` was sampled and what came of it, e.g. "public.orders:
// 69 rows sampled (TABLESAMPLE BERNOULLI 5%, at most 10000) in 0.004 s, 23
// columns, 8 findings".
std::string Described(const TableInfo& table, const TableScan& scan) {
  std::string method = "whole table";
  if (scan.plan.method != scanner::SampleMethod::kWhole) {
    method =
        fmt::format("TABLESAMPLE {} {}%",
                    scan.plan.method == scanner::SampleMethod::kSystem ? "SYSTEM" : "BERNOULLI",
                    scan.plan.percent);
  }
  if (scan.plan.limit > 0) method += fmt::format(", at most {}", scan.plan.limit);
  return fmt::format("{}: {} rows sampled ({}) in {:.3f} s, {} columns, {} finding{}",
                     table.QualifiedName(), scan.rows, method, scan.read_seconds,
                     table.columns.size(), scan.findings.size(),
                     scan.findings.size() == 1 ? "" : "s");
}

void Detect(const TableInfo& table, const TableSample& sample, const scanner::ColumnScanner& scanner,
            scanner::ColumnScanner::Context& context, TableScan* out) {
  out->rows = sample.rows;
  for (size_t c = 0; c < table.columns.size(); ++c) {
    scanner::ColumnScan scan =
        scanner.Scan(table, table.columns[c], sample.columns[c], sample.rows, context);
    out->columns.push_back(std::move(scan.summary));
    for (Finding& finding : scan.findings) out->findings.push_back(std::move(finding));
    if (scan.quasi_identifier) out->quasi_identifiers.push_back(std::move(*scan.quasi_identifier));
  }
}

}  // namespace

Result<std::vector<std::string>> PlanScan(const ScanOptions& options) {
  PGVEIL_ASSIGN_OR_RETURN(auto connection, pg::Connection::Open(options.dsn));
  PGVEIL_ASSIGN_OR_RETURN(Catalog catalog, pg::ReadCatalog(*connection));
  std::vector<std::string> queries;
  for (const TableInfo& table : catalog.tables) {
    if (!Selected(table, options) || !table.can_select) continue;
    queries.push_back(scanner::SampleQuery(table, scanner::PlanSample(table, options.sample),
                                           options.sample.seed));
  }
  return queries;
}

Result<ScanOutcome> RunScan(const ScanOptions& options) {
  auto started = std::chrono::steady_clock::now();
  PGVEIL_ASSIGN_OR_RETURN(auto connection, pg::Connection::Open(options.dsn));
  PGVEIL_ASSIGN_OR_RETURN(Catalog catalog, pg::ReadCatalog(*connection));
  PGVEIL_ASSIGN_OR_RETURN(auto scanner, scanner::ColumnScanner::Create());
  std::vector<const TableInfo*> tables;
  for (const TableInfo& table : catalog.tables) {
    if (Selected(table, options)) tables.push_back(&table);
  }

  // Worker 0 samples on the first connection and exports its snapshot; the
  // others open their own connections and import it, so every table is read
  // as of the same moment whatever the number of jobs.
  size_t jobs = options.sample_values ? std::clamp<size_t>(options.jobs, 1, std::max<size_t>(tables.size(), 1)) : 1;
  Debug("catalog", fmt::format("{}: {} relations in the catalog, {} selected, {} at a time",
                               catalog.database, catalog.tables.size(), tables.size(), jobs));
  std::vector<std::unique_ptr<pg::Connection>> connections;
  std::vector<std::unique_ptr<pg::Sampler>> samplers;
  connections.push_back(std::move(connection));
  if (options.sample_values) {
    PGVEIL_ASSIGN_OR_RETURN(auto first, pg::Sampler::Begin(*connections[0], pg::SamplerOptions{}));
    samplers.push_back(std::move(first));
    std::string snapshot;
    if (jobs > 1) {
      PGVEIL_ASSIGN_OR_RETURN(snapshot, samplers[0]->ExportSnapshot());
    }
    for (size_t j = 1; j < jobs; ++j) {
      PGVEIL_ASSIGN_OR_RETURN(auto extra, pg::Connection::Open(options.dsn));
      connections.push_back(std::move(extra));
      PGVEIL_ASSIGN_OR_RETURN(auto sampler,
                              pg::Sampler::Begin(*connections.back(), pg::SamplerOptions{}, snapshot));
      samplers.push_back(std::move(sampler));
    }
  }

  // Each worker reads on its connection while a thread of its own runs the
  // detectors over the table read before, so detection hides behind the
  // reading; one sample waits between them, which bounds memory.
  std::vector<TableScan> scans(tables.size());
  std::atomic<size_t> next{0};
  std::atomic<size_t> done{0};
  int64_t rows_read = 0;  // guarded by `progress`
  std::mutex progress;
  auto work = [&](size_t worker) {
    BoundedQueue<std::pair<size_t, TableSample>> read(1);
    std::thread detect([&] {
      auto context = scanner->NewContext();
      while (auto item = read.Pop()) {
        Detect(*tables[item->first], item->second, *scanner, *context, &scans[item->first]);
        std::lock_guard<std::mutex> lock(progress);
        if (options.sample_values) {
          Debug("table", Described(*tables[item->first], scans[item->first]));
        }
        rows_read += scans[item->first].rows;
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        Progress(fmt::format("scanned {}/{} tables, {} rows sampled ({:.0f}/s): {}", ++done,
                             tables.size(), rows_read, seconds > 0 ? rows_read / seconds : 0.0,
                             tables[item->first]->QualifiedName()));
      }
    });
    pg::Sampler* sampler = samplers.empty() ? nullptr : samplers[worker].get();
    for (size_t i = next++; i < tables.size(); i = next++) {
      std::optional<TableSample> sample = ReadSample(*tables[i], options, sampler, &scans[i]);
      if (sample) read.Push({i, std::move(*sample)});
    }
    read.Close();
    detect.join();
  };
  std::vector<std::thread> threads;
  for (size_t j = 1; j < jobs; ++j) threads.emplace_back(work, j);
  work(0);
  for (std::thread& thread : threads) thread.join();
  Progress("");
  samplers.clear();  // end the transactions before their connections close

  ScanOutcome outcome;
  ScanResult& result = outcome.result;
  result.parameters = {catalog.database, options.sample.sample_percent, options.sample.seed,
                       options.sample.max_rows_per_table};
  for (TableScan& scan : scans) {
    if (!scan.fatal.ok()) return scan.fatal;
    if (scan.skipped) {
      result.skipped.push_back(std::move(*scan.skipped));
      continue;
    }
    ++result.tables;
    result.rows_sampled += scan.rows;
    for (ColumnSummary& column : scan.columns) result.columns.push_back(std::move(column));
    for (Finding& finding : scan.findings) result.findings.push_back(std::move(finding));
    for (QuasiIdentifier& quasi : scan.quasi_identifiers) {
      result.quasi_identifiers.push_back(std::move(quasi));
    }
  }
  // A role that may read none of the tables would scan nothing and report
  // a clean database: that is a missing grant, not a result.
  const bool all_denied =
      !result.skipped.empty() &&
      std::all_of(result.skipped.begin(), result.skipped.end(), [](const SkippedTable& skipped) {
        return skipped.reason.find("permission denied") != std::string::npos;
      });
  if (options.sample_values && result.tables == 0 && all_denied) {
    const SkippedTable& first = result.skipped.front();
    return Status::PermissionDenied(fmt::format(
        "the role may read none of the {} tables selected, so nothing was scanned; {}.{}: {}; "
        "`pgveil grants --for scan` prints what a role needs",
        result.skipped.size(), first.schema, first.table, first.reason));
  }
  result.columns_scanned = static_cast<int>(result.columns.size());
  std::sort(result.findings.begin(), result.findings.end(), FindingOrder);
  std::sort(result.quasi_identifiers.begin(), result.quasi_identifiers.end(),
            [](const QuasiIdentifier& a, const QuasiIdentifier& b) { return a.column < b.column; });
  result.duration_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                           std::chrono::steady_clock::now() - started)
                           .count();
  outcome.catalog = std::move(catalog);
  return outcome;
}

}  // namespace pgveil::cli
