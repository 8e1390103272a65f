// replicator/copy_plan.h
//
// Cuts the copy into tasks for the workers. A table up to `split_pages`
// heap pages is one task; a bigger one becomes several tasks, each a range
// of pages read with a TID range scan:
//
//   ctid >= '(a,0)'::tid AND ctid < '(b,0)'::tid
//
// which PostgreSQL 14 and later execute by reading only those pages, so
// the workers share one huge table instead of one worker copying it while
// the others idle. The last range has no upper bound: it also takes rows on
// pages past the size the catalog reported. The first has no lower bound.
// Tasks are ordered biggest first, so the longest ones start early and the
// run ends with small tasks (longest-processing-time-first scheduling).
//
// Thread-safety: pure functions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "replicator/masking_plan.h"

namespace pgveil::replicator {

struct CopyTask {
  size_t table = 0;                   // index into MaskingPlan::tables
  std::optional<int64_t> first_page;  // inclusive; none: from the first page
  std::optional<int64_t> end_page;    // exclusive; none: to the last page
  int64_t pages = 0;                  // expected size, for ordering

  bool WholeTable() const { return !first_page && !end_page; }
};

struct CopyPlanOptions {
  // Tables above this many pages (8 KiB each) are split, into ranges of this
  // many pages. 16384 pages = 128 MiB: big enough that a range's COPY
  // start-up cost does not matter, small enough to spread a 1 GB table over
  // eight tasks.
  int64_t split_pages = 16384;
};

std::vector<CopyTask> PlanCopyTasks(const MaskingPlan& plan, const CopyPlanOptions& options);

// COPY ... TO STDOUT on the source for `task` of `table`, naming exactly the
// plan's columns in order.
std::string SourceCopySql(const TablePlan& table, const CopyTask& task);

// COPY ... FROM STDIN on the target for `table`, with the same columns;
// WITH (FREEZE) when `freeze` (the table must have been created or
// truncated in the same transaction).
std::string TargetCopySql(const TablePlan& table, bool freeze);

}  // namespace pgveil::replicator
