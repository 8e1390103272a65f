// scanner/column_scanner.h
//
// ColumnScanner is the scanner's entry point: given a column's catalog
// description and its sampled values, it profiles every value (patterns,
// validators, dictionaries — or, for json/jsonb, every leaf path), weighs
// name and type evidence, and returns the column's findings. It is pure: no
// database, no files, no clock.
//
// Thread-safety: immutable after Create(); share it freely. Each thread
// needs its own ColumnScanner::Context.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "core/sample.h"
#include "core/scan_result.h"
#include "core/schema.h"
#include "core/status.h"

namespace pgveil::scanner {

struct ScannerOptions {
  // Share of a column's sampled values that must match before values alone
  // make it PII; 10 % catches free text that holds an email in one row out of
  // ten while a stray match in a clean column stays below it.
  double threshold = 0.10;
  // Distinct JSON paths profiled per column; keys that are really data (ids
  // used as keys) must not grow memory without bound.
  size_t max_json_paths = 2000;
  // Stop examining a column's values once more of them could not change its
  // verdicts (classifier.h: Settled); false examines every sampled value.
  bool stop_when_settled = true;
};

struct ColumnScan {
  ColumnSummary summary;
  std::vector<Finding> findings;
  // Set when the column identifies people in combination with others
  // (scanner/quasi_identifier.h).
  std::optional<QuasiIdentifier> quasi_identifier;
  int64_t malformed_json = 0;  // json/jsonb values that did not parse
};

class ColumnScanner {
 public:
  // Per-thread scan state; create with NewContext(), use from one thread.
  class Context {
   public:
    ~Context();

   private:
    friend class ColumnScanner;
    struct State;
    Context();
    std::unique_ptr<State> state_;
  };

  // Loads the embedded detectors and dictionaries. Fails with the
  // dictionary file:line when a detector does not compile.
  static Result<std::unique_ptr<ColumnScanner>> Create(const ScannerOptions& options = {});
  ~ColumnScanner();

  std::unique_ptr<Context> NewContext() const;

  ColumnScan Scan(const TableInfo& table, const ColumnInfo& column, const ColumnSample& sample,
                  int64_t rows_sampled, Context& ctx) const;

 private:
  struct Impl;
  explicit ColumnScanner(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::scanner
