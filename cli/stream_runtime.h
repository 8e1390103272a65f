// cli/stream_runtime.h
//
// What the long-running commands (replicate, apply) share: the observer
// that turns the replicator's notes, phases, progress and events into log
// lines (text, or JSON with --log-format json), the stop flag SIGTERM and
// SIGINT set, the stream's progress line on a terminal, and the metrics
// endpoint.
//
// Thread-safety: the observer and the progress line are used from the
// command's thread; StreamProgress runs its own thread, reading metrics.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <thread>

#include "cli/metrics_server.h"
#include "core/status.h"
#include "replicator/observer.h"
#include "replicator/stream.h"

namespace pgveil::cli {

// Set by SIGTERM and SIGINT once StopOnSignals ran; a second signal ends
// the process at once.
extern std::atomic<bool> stop_requested;
void StopOnSignals();

// "1,234,567" and "12.3 MB".
std::string Count(int64_t n);
std::string Bytes(double bytes);

// Notes always go to stderr; phases and progress only to a terminal. The
// time each phase took goes into Timings().
class CliObserver : public replicator::ReplicationObserver {
 public:
  void Note(const std::string& message) override;
  void Event(replicator::StreamEvent event, const std::string& message) override;
  void Phase(std::string_view phase) override;
  void Progress(const replicator::CopyProgress& p) override;

  // "dumping the schema 0.3s, creating tables 0.2s, ..." once the copy ended.
  std::string Timings();

 private:
  void EndPhase();
  std::string phase_;
  std::chrono::steady_clock::time_point phase_start_;
  std::string timings_;
};

// The stream's progress line on a terminal, twice a second: position, lag,
// rows applied and their rate. Nothing when stderr is not a terminal.
class StreamProgress {
 public:
  StreamProgress(const replicator::StreamMetrics& metrics, std::string what);
  ~StreamProgress();
  void Stop();

 private:
  const replicator::StreamMetrics& metrics_;
  const std::string what_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// The metrics endpoint at `listen` ("" for none), announced in the log;
// bound at once, so that a bad address fails before any work.
Result<std::unique_ptr<MetricsServer>> ServeMetrics(const std::string& listen,
                                                    const replicator::StreamMetrics& metrics);

}  // namespace pgveil::cli
