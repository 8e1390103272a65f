// core/scan_result.h
//
// What a scan produces: per-column sampling counts, findings (column or JSONB
// path verdicts) and the tables that could not be scanned. This is the value
// the reports render and the policy check consumes. It carries redacted
// evidence only, never a sampled value.
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/quasi_identifier.h"
#include "core/schema.h"

namespace pgveil {

struct Finding {
  ColumnRef column;
  std::optional<std::string>
      path;  // canonical JSONPath for a JSONB leaf, e.g. "$.contact.phones[*]"
  Category category = Category::kEmail;
  double confidence = 0;              // 0..1; accounts for sample size
  double match_ratio = 0;             // matching / non-null sampled values
  int64_t values_sampled = 0;         // non-null values the ratio is over
  std::vector<std::string> signals;   // why: "value:email", "name:email", "type:inet"
  std::vector<std::string> evidence;  // redacted examples, e.g. "j***@e***.com"
};

struct ColumnSummary {
  ColumnRef column;
  std::string data_type;
  int64_t rows_sampled = 0;
  int64_t non_null = 0;
  int64_t invalid_utf8 = 0;          // values skipped because they were not UTF-8
};

struct SkippedTable {
  std::string schema;
  std::string table;
  std::string reason;  // e.g. "permission denied (no SELECT privilege)"
};

struct ScanParameters {
  std::string database;
  int sample_percent = 5;
  int64_t seed = 42;
  int64_t max_rows_per_table = 10000;
};

struct ScanResult {
  ScanParameters parameters;
  int tables = 0;
  int columns_scanned = 0;
  int64_t rows_sampled = 0;
  int64_t duration_ms = 0;
  std::vector<ColumnSummary> columns;
  std::vector<Finding> findings;  // sorted by schema, table, column, path, category
  std::vector<QuasiIdentifier> quasi_identifiers;  // sorted by schema, table, column
  std::vector<SkippedTable> skipped;
};

}  // namespace pgveil
