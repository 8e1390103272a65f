// pg/sampler.h
//
// Sampler reads samples inside one READ ONLY, REPEATABLE READ transaction,
// so every table is read as of one moment, with statement_timeout and
// lock_timeout set so a scan can never hang on a lock or run away. It never
// writes to the scanned database. A table that fails (no privilege, timeout)
// is rolled back to a savepoint and reported; the scan goes on.
//
// Thread-safety: one Sampler per connection and thread.
#pragma once

#include <memory>
#include <string>

#include "core/sample.h"
#include "core/status.h"
#include "pg/connection.h"

namespace pgveil::pg {

struct SamplerOptions {
  int statement_timeout_ms = 60000;
  int lock_timeout_ms = 2000;
};

class Sampler {
 public:
  // Begins the transaction on `connection`, which must outlive the Sampler.
  // With `snapshot` (from another Sampler's ExportSnapshot) the transaction
  // sees exactly what that one sees, so parallel samplers read one moment.
  static Result<std::unique_ptr<Sampler>> Begin(Connection& connection,
                                                const SamplerOptions& options,
                                                const std::string& snapshot = "");

  // Exports this transaction's snapshot (pg_export_snapshot) for other
  // Samplers to import; valid while this Sampler lives.
  Result<std::string> ExportSnapshot();
  ~Sampler();

  // Runs `query` (from scanner::SampleQuery, selecting `columns` text
  // columns) and returns the non-null values per column.
  Result<TableSample> Sample(const std::string& query, size_t columns);

 private:
  explicit Sampler(Connection& connection) : connection_(connection) {}
  Connection& connection_;
};

}  // namespace pgveil::pg
