// replicator/table_copier.h
//
// CopyTaskRows moves one task's rows from the source to the target: rows
// come off the source COPY one at a time and are gathered into chunks of
// about 1 MiB, each chunk goes through the table's masker, and is sent to
// the target COPY whole. Reading, masking and writing run on three threads
// joined by bounded queues, so the two backends and the masking work at the
// same time. One round trip per chunk, none per row; memory is a handful of
// chunks per task.
//
// Raw rows never land on the target: every row is masked before it enters
// the chunk, and a failure (a value a transformer rejects, a lost
// connection) aborts the target COPY, which rolls the task's rows back.
//
// Thread-safety: one call per worker, each with its own reader, writer and
// masker (used by one of its stage threads at a time). Counters are atomics
// shared by the tasks of one table.
#pragma once

#include <atomic>
#include <cstdint>

#include "core/status.h"
#include "pg/copy_stream.h"
#include "replicator/copy_plan.h"
#include "replicator/table_masker.h"
#include "replicator/work_queue.h"

namespace pgveil::replicator {

struct CopyCounters {
  std::atomic<int64_t> rows{0};
  std::atomic<int64_t> bytes{0};  // COPY text read from the source
};

// The size at which a chunk is sent to the target.
inline constexpr size_t kChunkBytes = 1 << 20;

// Copies `task` of `table` from `source` to `target`, adding to `*counters`
// after every chunk. Stops early (returning OK, rows not committed) when
// `queue` reports that another worker failed.
Status CopyTaskRows(const TablePlan& table, const CopyTask& task, pg::CopyReader& source,
                    pg::CopyWriter& target, TableMasker& masker, const WorkQueue& queue,
                    CopyCounters* counters);

}  // namespace pgveil::replicator
