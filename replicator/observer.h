// replicator/observer.h
//
// How the replicator tells its caller what it is doing without printing
// anything itself (only cli/ prints): notes worth a line on stderr, the
// phase it is in, and copy progress a few times a second. Nothing passed
// here ever holds a row value: names, counts, LSNs and commands only.
//
// Thread-safety: the replicator calls the observer from the thread that
// called Replicate, never from a worker.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace pgveil::replicator {

// What a stream's line is about, for a log read by machines.
enum class StreamEvent {
  kStreaming,     // connected, streaming from a position
  kSchemaChange,  // a covered schema change replayed on the target
  kPaused,        // stepped aside for a branch (branch_lock.h)
  kResumed,       // back after a branch
  kRetry,         // a lost connection or a fallback, retried
  kWarning,       // e.g. a slot retaining much WAL
  kCheckpoint,    // applied and acknowledged up to an LSN (every 10 s at most)
};

struct CopyProgress {
  int tables_total = 0;
  int tables_done = 0;
  int64_t rows = 0;
  int64_t rows_expected = 0;  // the planner's estimate for every table, 0 when unknown
  int64_t bytes = 0;          // COPY text read from the source
  double seconds = 0;  // since the copy started
};

class ReplicationObserver {
 public:
  virtual ~ReplicationObserver() = default;

  // One line for the user: which snapshot source is used and why, a slot
  // that was created or left behind and the command that drops it.
  virtual void Note(const std::string& message) = 0;

  // "dumping the schema", "copying", ... as each phase starts.
  virtual void Phase(std::string_view phase) = 0;

  // Called while the copy runs, about four times a second.
  virtual void Progress(const CopyProgress& progress) = 0;

  // A line of the stream's, with what it is about. By default a note;
  // checkpoints are for machine-read logs only.
  virtual void Event(StreamEvent event, const std::string& message) {
    if (event != StreamEvent::kCheckpoint) Note(message);
  }
};

}  // namespace pgveil::replicator
