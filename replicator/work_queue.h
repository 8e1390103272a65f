// replicator/work_queue.h
//
// WorkQueue hands copy tasks to the workers in plan order, and stops
// handing them out once any worker has failed, so a failed run ends as soon
// as the tasks in flight notice.
//
// Thread-safety: every method is safe to call from any thread.
#pragma once

#include <atomic>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "core/status.h"
#include "replicator/copy_plan.h"

namespace pgveil::replicator {

class WorkQueue {
 public:
  explicit WorkQueue(std::vector<CopyTask> tasks) : tasks_(std::move(tasks)) {}

  // The next task, or nullopt when none is left or the run failed.
  std::optional<CopyTask> Next() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!error_.ok() || next_ >= tasks_.size()) return std::nullopt;
    return tasks_[next_++];
  }

  // Records the run's first error; later ones are dropped (they are
  // usually the same cause seen by another worker).
  void Fail(const Status& status) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (error_.ok()) error_ = status;
    failed_ = true;
  }

  // True once a worker failed; cheap enough to poll between rows.
  bool failed() const { return failed_.load(std::memory_order_relaxed); }

  Status error() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return error_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<CopyTask> tasks_;
  size_t next_ = 0;
  Status error_;
  std::atomic<bool> failed_{false};
};

}  // namespace pgveil::replicator
