// replicator/parallel_copy.h
//
// RunParallelCopy runs the copy tasks on `jobs` worker threads. Each worker
// owns one source session, which imports the run's snapshot before its
// first task, and one target session; it takes tasks from a WorkQueue until
// none are left, building one TableMasker per table it meets (transformer
// clones are per thread). The calling thread only reports progress.
//
// Every worker sees the same snapshot, so together they copy the source as
// of one moment (replicator/DESIGN.md, "One point in time"). Each task's
// rows commit on the target as one COPY; the run as a whole is not atomic,
// which is why the target's state row says "copying" until the end.
//
// The first failure stops the run: no new task starts, tasks in flight
// abort their COPY, and that failure is returned.
//
// Thread-safety: call from one thread; the plan must not change meanwhile.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/status.h"
#include "replicator/copy_plan.h"
#include "replicator/masking_plan.h"
#include "replicator/observer.h"

namespace pgveil::replicator {

struct ParallelCopyOptions {
  std::string source_dsn;
  std::string target_dsn;
  std::string snapshot;  // imported by every source session; "" reads the latest data
  int jobs = 4;
};

struct TableCopyResult {
  int64_t rows = 0;
  int64_t bytes = 0;
  double seconds = 0;  // from the table's first task starting to its last ending
  int tasks = 0;
};

// Results are indexed like `plan.tables`.
Result<std::vector<TableCopyResult>> RunParallelCopy(const MaskingPlan& plan,
                                                     std::vector<CopyTask> tasks,
                                                     const ParallelCopyOptions& options,
                                                     ReplicationObserver& observer);

}  // namespace pgveil::replicator
