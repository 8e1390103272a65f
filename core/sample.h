// core/sample.h
//
// Sampled values of one table as pg/sampler.h reads them and the scanner
// consumes them: per column, the non-null values in their PostgreSQL text
// form. Sampled values are the only place raw data lives in pgveil; they
// are never logged, printed or written anywhere.
//
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pgveil {

struct ColumnSample {
  std::vector<std::string> values;  // non-null values, text form
};

struct TableSample {
  int64_t rows = 0;                   // rows read
  std::vector<ColumnSample> columns;  // parallel to TableInfo::columns
};

}  // namespace pgveil
