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

struct CopyProgress {
  int tables_total = 0;
  int tables_done = 0;
  int64_t rows = 0;
  int64_t bytes = 0;   // COPY text read from the source
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
};

}  // namespace pgveil::replicator
