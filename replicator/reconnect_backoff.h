// replicator/reconnect_backoff.h
//
// How the long-running loops (the stream, the publisher, the applier) wait
// before they reconnect after a lost connection: 1 s, then twice as long
// each time up to a maximum, and 1 s again once a run made progress. The
// wait ends early when `stop` is set.
//
// Thread-safety: one loop's own; `stop` may be set from a signal handler.
#pragma once

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "core/status.h"
#include "replicator/observer.h"

namespace pgveil::replicator {

class ReconnectBackoff {
 public:
  ReconnectBackoff(int max_seconds, const std::atomic<bool>& stop)
      : max_seconds_(max_seconds), stop_(stop) {}

  // A run that made progress starts the waits over.
  void Reset() { seconds_ = 1; }

  // Tells `observer` why and how long, then waits; false when stopped.
  bool Wait(const Status& failure, ReplicationObserver& observer) {
    observer.Event(StreamEvent::kRetry,
                   fmt::format("{}; reconnecting in {} s", failure.message(), seconds_));
    for (int i = 0; i < seconds_ * 10 && !stop_.load(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    seconds_ = std::min(seconds_ * 2, max_seconds_);
    return !stop_.load();
  }

 private:
  const int max_seconds_;
  const std::atomic<bool>& stop_;
  int seconds_ = 1;
};

}  // namespace pgveil::replicator
