#include "replicator/table_copier.h"

#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/bounded_queue.h"
#include "core/identifier.h"

namespace pgveil::replicator {
namespace {

// Rows on their way: whole COPY rows, newline-terminated.
struct Chunk {
  std::string rows;
  int64_t count = 0;
  int64_t source_bytes = 0;
};

// Chunks waiting between two stages. Two per queue keep every stage busy
// while bounding a task's memory to a handful of chunks.
constexpr size_t kQueuedChunks = 2;

// Chunk buffers go round, across tasks and workers, instead of being freed:
// a fresh megabyte from malloc is fresh pages from the kernel, and clearing
// them cost more CPU than masking some columns does.
class BufferPool {
 public:
  std::string Take() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.empty()) return {};
    std::string buffer = std::move(free_.back());
    free_.pop_back();
    buffer.clear();
    return buffer;
  }
  void Give(std::string buffer) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (free_.size() < kKept) free_.push_back(std::move(buffer));
  }

 private:
  static constexpr size_t kKept = 16;  // a few workers' worth of chunks in flight
  std::mutex mutex_;
  std::vector<std::string> free_;
};

BufferPool& SharedBuffers() {
  static BufferPool pool;
  return pool;
}

// The three stages of one task, each on its own thread, so that the source
// backend's COPY TO, the masking and the target backend's COPY FROM all run
// at once instead of taking turns:
//
//   read (this thread) --raw--> mask --masked--> write
//
// The first failure cancels both queues, which stops the other stages.
class TaskPipeline {
 public:
  TaskPipeline(pg::CopyReader& source, pg::CopyWriter& target, TableMasker& masker,
               const WorkQueue& queue, CopyCounters* counters)
      : source_(source), target_(target), masker_(masker), queue_(queue), counters_(counters) {}

  // Runs the task; sets `*cancelled` when another worker's failure stopped it.
  Status Run(bool* cancelled) {
    std::thread mask([this] { mask_status_ = Mask(); });
    std::thread write([this] { write_status_ = Write(); });
    Status read_status = Read();
    if (!read_status.ok()) Stop();
    mask.join();
    write.join();
    *cancelled = cancelled_;
    if (!read_status.ok()) return read_status;
    if (!mask_status_.ok()) return mask_status_;
    return write_status_;
  }

 private:
  void Stop() {
    raw_.Cancel();
    masked_.Cancel();
  }

  Status Read() {
    Chunk chunk;
    chunk.rows = buffers_.Take();
    while (true) {
      std::string_view row;
      bool done = false;
      PGVEIL_RETURN_IF_ERROR(source_.Next(&row, &done));
      if (done) break;
      chunk.rows.append(row);
      ++chunk.count;
      chunk.source_bytes += static_cast<int64_t>(row.size());
      if (chunk.rows.size() < kChunkBytes) continue;
      if (queue_.failed()) {
        cancelled_ = true;
        Stop();
        return Status::Ok();
      }
      if (!raw_.Push(std::move(chunk))) return Status::Ok();  // a later stage failed
      chunk = Chunk();
      chunk.rows = buffers_.Take();
    }
    if (chunk.count > 0) raw_.Push(std::move(chunk));
    raw_.Close();
    return Status::Ok();
  }

  Status Mask() {
    while (std::optional<Chunk> raw = raw_.Pop()) {
      Chunk out;
      out.rows = buffers_.Take();
      out.rows.reserve(raw->rows.size() + raw->rows.size() / 4);
      out.count = raw->count;
      out.source_bytes = raw->source_bytes;
      std::string_view rows = raw->rows;
      while (!rows.empty()) {
        size_t end = rows.find('\n');  // escaped in values, so it ends the row
        size_t length = end == std::string_view::npos ? rows.size() : end + 1;
        Status masked = masker_.MaskRow(rows.substr(0, length), &out.rows);
        if (!masked.ok()) {
          Stop();
          return masked;
        }
        rows.remove_prefix(length);
      }
      buffers_.Give(std::move(raw->rows));
      if (!masked_.Push(std::move(out))) return Status::Ok();
    }
    masked_.Close();
    return Status::Ok();
  }

  Status Write() {
    while (std::optional<Chunk> chunk = masked_.Pop()) {
      Status sent = target_.Write(chunk->rows);
      if (!sent.ok()) {
        Stop();
        return sent;
      }
      counters_->rows.fetch_add(chunk->count, std::memory_order_relaxed);
      counters_->bytes.fetch_add(chunk->source_bytes, std::memory_order_relaxed);
      buffers_.Give(std::move(chunk->rows));
    }
    return Status::Ok();
  }

  pg::CopyReader& source_;
  pg::CopyWriter& target_;
  TableMasker& masker_;
  const WorkQueue& queue_;
  CopyCounters* counters_;
  BufferPool& buffers_ = SharedBuffers();
  BoundedQueue<Chunk> raw_{kQueuedChunks};
  BoundedQueue<Chunk> masked_{kQueuedChunks};
  Status mask_status_;
  Status write_status_;
  bool cancelled_ = false;
};

}  // namespace

Status CopyTaskRows(const TablePlan& table, const CopyTask& task, pg::CopyReader& source,
                    pg::CopyWriter& target, TableMasker& masker, const WorkQueue& queue,
                    CopyCounters* counters) {
  const std::string what = "copying " + table.QualifiedName();
  // A table copied whole is truncated and loaded WITH (FREEZE) in one target
  // transaction: its rows are written frozen, so the index builds and first
  // reads after the copy do not rewrite every page to set hint bits. Page
  // ranges share their table with other workers and load plainly.
  const bool freeze = task.WholeTable();
  if (freeze) {
    PGVEIL_RETURN_IF_ERROR(
        target.Run("BEGIN; TRUNCATE ONLY " + QuoteQualified(table.schema, table.name))
            .WithContext(what));
  }
  bool cancelled = false;
  Status status = target.Start(TargetCopySql(table, freeze));
  if (status.ok()) status = source.Start(SourceCopySql(table, task));
  if (status.ok()) status = TaskPipeline(source, target, masker, queue, counters).Run(&cancelled);
  if (!status.ok() || cancelled) {
    target.Abort();
    if (freeze) (void)target.Run("ROLLBACK");
    return status.WithContext(what);
  }
  Result<int64_t> loaded = target.Finish();
  if (!loaded.ok()) {
    if (freeze) (void)target.Run("ROLLBACK");
    return loaded.status().WithContext(what);
  }
  if (freeze) PGVEIL_RETURN_IF_ERROR(target.Run("COMMIT").WithContext(what));
  return Status::Ok();
}

}  // namespace pgveil::replicator
