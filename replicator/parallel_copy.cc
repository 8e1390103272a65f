#include "replicator/parallel_copy.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "pg/copy_stream.h"
#include "replicator/table_copier.h"
#include "replicator/table_masker.h"
#include "replicator/work_queue.h"

namespace pgveil::replicator {
namespace {

using Clock = std::chrono::steady_clock;

// What the workers share with the reporting thread.
class CopyRun {
 public:
  CopyRun(const MaskingPlan& plan, const std::vector<CopyTask>& tasks,
          const ParallelCopyOptions& options)
      : plan_(plan),
        options_(options),
        counters_(plan.tables.size()),
        results_(plan.tables.size()),
        first_start_(plan.tables.size()),
        remaining_(plan.tables.size(), 0),
        queue_(tasks) {
    for (const CopyTask& task : tasks) ++remaining_[task.table];
    for (int remaining : remaining_) {
      if (remaining == 0) ++tables_done_;  // nothing to copy: done from the start
    }
  }

  void Work() {
    Status status = WorkLoop();
    if (!status.ok()) queue_.Fail(status);
    std::lock_guard<std::mutex> lock(mutex_);
    ++workers_done_;
    changed_.notify_all();
  }

  // Waits for `jobs` workers, reporting progress meanwhile.
  void Wait(int jobs, ReplicationObserver& observer) {
    const Clock::time_point started = Clock::now();
    std::unique_lock<std::mutex> lock(mutex_);
    while (workers_done_ < jobs) {
      changed_.wait_for(lock, std::chrono::milliseconds(250));
      CopyProgress progress;
      progress.tables_total = static_cast<int>(plan_.tables.size());
      for (const TablePlan& table : plan_.tables) {
        if (table.reltuples > 0) progress.rows_expected += static_cast<int64_t>(table.reltuples);
      }
      progress.tables_done = tables_done_;
      for (const CopyCounters& counters : counters_) {
        progress.rows += counters.rows.load(std::memory_order_relaxed);
        progress.bytes += counters.bytes.load(std::memory_order_relaxed);
      }
      progress.seconds = std::chrono::duration<double>(Clock::now() - started).count();
      lock.unlock();
      observer.Progress(progress);
      lock.lock();
    }
  }

  Status error() const { return queue_.error(); }

  std::vector<TableCopyResult> Results() {
    for (size_t i = 0; i < results_.size(); ++i) {
      results_[i].rows = counters_[i].rows.load();
      results_[i].bytes = counters_[i].bytes.load();
    }
    return results_;
  }

 private:
  Status WorkLoop() {
    PGVEIL_ASSIGN_OR_RETURN(auto source,
                            pg::CopyReader::Open(options_.source_dsn, options_.snapshot));
    PGVEIL_ASSIGN_OR_RETURN(
        auto target, pg::CopyWriter::Open(options_.target_dsn, "SET synchronous_commit = off"));
    std::map<size_t, std::unique_ptr<TableMasker>> maskers;
    while (std::optional<CopyTask> task = queue_.Next()) {
      const TablePlan& table = plan_.tables[task->table];
      std::unique_ptr<TableMasker>& masker = maskers[task->table];
      if (!masker) masker = std::make_unique<TableMasker>(table);
      const Clock::time_point start = Clock::now();
      Started(task->table, start);
      PGVEIL_RETURN_IF_ERROR(
          CopyTaskRows(table, *task, *source, *target, *masker, queue_, &counters_[task->table]));
      if (queue_.failed()) break;
      Finished(task->table);
    }
    return Status::Ok();
  }

  void Started(size_t table, Clock::time_point at) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!first_start_[table]) first_start_[table] = at;
  }

  void Finished(size_t table) {
    std::lock_guard<std::mutex> lock(mutex_);
    TableCopyResult& result = results_[table];
    ++result.tasks;
    result.seconds = std::chrono::duration<double>(Clock::now() - *first_start_[table]).count();
    if (--remaining_[table] == 0) ++tables_done_;
    changed_.notify_all();
  }

  const MaskingPlan& plan_;
  const ParallelCopyOptions& options_;
  std::vector<CopyCounters> counters_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<TableCopyResult> results_;
  std::vector<std::optional<Clock::time_point>> first_start_;
  std::vector<int> remaining_;
  int tables_done_ = 0;
  int workers_done_ = 0;
  WorkQueue queue_;
};

}  // namespace

Result<std::vector<TableCopyResult>> RunParallelCopy(const MaskingPlan& plan,
                                                     std::vector<CopyTask> tasks,
                                                     const ParallelCopyOptions& options,
                                                     ReplicationObserver& observer) {
  const int jobs = std::max(1, std::min<int>(options.jobs, static_cast<int>(tasks.size())));
  CopyRun run(plan, tasks, options);
  std::vector<std::thread> workers;
  workers.reserve(static_cast<size_t>(jobs));
  for (int i = 0; i < jobs; ++i) workers.emplace_back([&run] { run.Work(); });
  run.Wait(jobs, observer);
  for (std::thread& worker : workers) worker.join();
  PGVEIL_RETURN_IF_ERROR(run.error());
  return run.Results();
}

}  // namespace pgveil::replicator
