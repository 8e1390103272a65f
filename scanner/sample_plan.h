// scanner/sample_plan.h
//
// Decides how to read a sample of one table, and writes the query:
//  - small tables (by the planner's reltuples, never count(*)) are read whole;
//  - others with TABLESAMPLE BERNOULLI (row-level, unbiased) up to
//    kBernoulliMaxPages pages, TABLESAMPLE SYSTEM (whole pages, far less I/O)
//    above that; always REPEATABLE (seed), so a rerun with the same seed reads
//    the same rows;
//  - every read is capped at max_rows_per_table rows;
//  - each column is read as text, long values cut, bytea not read at all.
// Every identifier is quoted (core/identifier.h).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "core/schema.h"

namespace pgveil::scanner {

struct SampleOptions {
  int sample_percent = 5;  // 1..10
  int64_t seed = 42;
  int64_t max_rows_per_table = 10000;
};

enum class SampleMethod { kWhole, kBernoulli, kSystem };

struct SamplePlan {
  SampleMethod method = SampleMethod::kWhole;
  int percent = 100;
  int64_t limit = 0;
};

// Tables estimated at or below this many rows are read whole.
inline constexpr double kWholeTableRows = 1000;
inline constexpr int64_t kBernoulliMaxPages = 1000;
// Values longer than this are cut before they leave the server; json/jsonb
// values longer than kMaxJsonBytes are not read (a cut document is no JSON).
inline constexpr int kMaxValueChars = 65536;
inline constexpr int kMaxJsonBytes = 1 << 20;

SamplePlan PlanSample(const TableInfo& table, const SampleOptions& options);

// SELECT of every column of `table` as text under `plan`, e.g.
//   SELECT left("email"::text, 65536), ... FROM "public"."customers"
//   TABLESAMPLE BERNOULLI (5) REPEATABLE (42) LIMIT 10000
std::string SampleQuery(const TableInfo& table, const SamplePlan& plan, int64_t seed);

}  // namespace pgveil::scanner
