// cli/scan_pipeline.h
//
// The scan pipeline every command that needs findings runs: connect, read
// the catalog, choose tables, plan and read samples in one read-only
// transaction, run the scanner over every column, sort the findings.
#pragma once

#include <string>
#include <vector>

#include "core/scan_result.h"
#include "core/schema.h"
#include "core/status.h"
#include "scanner/sample_plan.h"

namespace CLI {
class App;
}  // namespace CLI

namespace pgveil::cli {

struct ScanOptions {
  std::string dsn;
  scanner::SampleOptions sample;
  std::vector<std::string> include;  // globs over "schema.table"; empty = all
  std::vector<std::string> exclude;
  bool include_views = false;
  bool include_matviews = false;
  // Tables sampled at once, each worker on its own connection; all import
  // one exported snapshot, so the result is the same for any value.
  size_t jobs = 2;
  // false: catalog only. No row is read; every column is judged on its name
  // and type alone, as a migration gate sees a new, empty column.
  bool sample_values = true;
};

struct ScanOutcome {
  Catalog catalog;
  ScanResult result;
};

Result<ScanOutcome> RunScan(const ScanOptions& options);

// The sample query RunScan would run for each selected table, in order,
// without running them: what `scan --plan` prints.
Result<std::vector<std::string>> PlanScan(const ScanOptions& options);

// Adds the scan flags (--dsn, --sample-percent, --seed, ...) to `command`.
void AddScanFlags(CLI::App& command, ScanOptions& options);

}  // namespace pgveil::cli
