// replicator/table_index_builder.h
//
// TableIndexBuilder creates a table's indexes and keys on the target as
// soon as all of its rows are in, while the workers copy the other tables,
// the way pgcopydb overlaps the two: the tail of the copy, when fewer tasks
// than workers are left, and the index builds then share the machine. One
// table at a time, in the order the tables finish; foreign keys and
// everything else wait for the post-data restore after the copy.
//
// Thread-safety: Add may be called from any thread (the copy workers);
// Finish from the thread that created the builder. The builder's thread
// starts the pg_restore children, so they die with pgveil.
#pragma once

#include <cstddef>
#include <thread>

#include "core/status.h"
#include "replicator/bounded_queue.h"
#include "replicator/masking_plan.h"
#include "replicator/schema_transfer.h"

namespace pgveil::replicator {

class TableIndexBuilder {
 public:
  // `schema` and `plan` must outlive the builder.
  TableIndexBuilder(SchemaTransfer& schema, const MaskingPlan& plan);
  ~TableIndexBuilder();

  // Queues the indexes of plan.tables[table]; never blocks.
  void Add(size_t table);

  // Waits for the builds queued so far (or, with `cancel`, only the one
  // running) and returns the first failure.
  Status Finish(bool cancel);

 private:
  void Run();

  SchemaTransfer& schema_;
  const MaskingPlan& plan_;
  BoundedQueue<size_t> queue_;
  Status status_;
  std::thread thread_;
};

}  // namespace pgveil::replicator
