#include "cli/stream_runtime.h"

#include <signal.h>

#include <fmt/format.h>

#include "cli/terminal.h"
#include "replicator/pgoutput.h"

namespace pgveil::cli {
namespace {

void RequestStop(int signal_number) {
  stop_requested = true;
  ::signal(signal_number, SIG_DFL);
}

}  // namespace

std::atomic<bool> stop_requested{false};

void StopOnSignals() {
  struct sigaction action {};
  action.sa_handler = RequestStop;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a wait for the stream returns at once
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
}

std::string Bytes(double bytes) {
  const char* units[] = {"B", "kB", "MB", "GB", "TB"};
  int unit = 0;
  while (bytes >= 1000 && unit < 4) {
    bytes /= 1000;
    ++unit;
  }
  return unit == 0 ? fmt::format("{:.0f} B", bytes) : fmt::format("{:.1f} {}", bytes, units[unit]);
}

std::string Count(int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void CliObserver::Note(const std::string& message) { LogLine("info", "note", message); }

void CliObserver::Event(replicator::StreamEvent event, const std::string& message) {
  using replicator::StreamEvent;
  if (CurrentLogFormat() == LogFormat::kText) {
    if (event == StreamEvent::kCheckpoint) return Debug("checkpoint", message);
    return ReplicationObserver::Event(event, message);
  }
  switch (event) {
    case StreamEvent::kStreaming: return LogLine("info", "streaming", message);
    case StreamEvent::kSchemaChange: return LogLine("info", "schema_change", message);
    case StreamEvent::kPaused: return LogLine("info", "paused", message);
    case StreamEvent::kResumed: return LogLine("info", "resumed", message);
    case StreamEvent::kRetry: return LogLine("warning", "retry", message);
    case StreamEvent::kWarning: return LogLine("warning", "warning", message);
    case StreamEvent::kCheckpoint: return LogLine("info", "checkpoint", message);
  }
}

void CliObserver::Phase(std::string_view phase) {
  EndPhase();
  phase_ = phase;
  phase_start_ = std::chrono::steady_clock::now();
  if (CurrentLogFormat() == LogFormat::kJson) {
    LogLine("info", "phase", std::string(phase));
  } else {
    Debug("phase", std::string(phase));
  }
  cli::Progress(std::string(phase) + "...");
}

void CliObserver::Progress(const replicator::CopyProgress& p) {
  const double rate = p.seconds > 0 ? static_cast<double>(p.bytes) / p.seconds : 0;
  const double rows_per_second = p.seconds > 0 ? static_cast<double>(p.rows) / p.seconds : 0;
  std::string eta;
  if (p.rows_expected > p.rows && rows_per_second > 0) {
    const auto left = static_cast<int64_t>((p.rows_expected - p.rows) / rows_per_second);
    eta = fmt::format(", about {}m{:02d}s left", left / 60, left % 60);
  }
  cli::Progress(fmt::format("copying: {}/{} tables, {} rows ({:.0f}/s), {}, {}/s{}",
                            p.tables_done, p.tables_total, Count(p.rows), rows_per_second,
                            Bytes(static_cast<double>(p.bytes)), Bytes(rate), eta));
}

std::string CliObserver::Timings() {
  EndPhase();
  return timings_;
}

void CliObserver::EndPhase() {
  if (phase_.empty()) return;
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - phase_start_).count();
  timings_ += fmt::format("{}{} {:.1f}s", timings_.empty() ? "" : ", ", phase_, seconds);
  phase_.clear();
}

StreamProgress::StreamProgress(const replicator::StreamMetrics& metrics, std::string what)
    : metrics_(metrics), what_(std::move(what)) {
  if (!ShowsProgress()) return;
  thread_ = std::thread([this] {
    int64_t before = metrics_.changes;
    while (!stop_.load()) {
      for (int i = 0; i < 5 && !stop_.load(); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      const int64_t changes = metrics_.changes;
      cli::Progress(fmt::format("{}: up to {}, lag {:.2f} s, {} row changes ({}/s)", what_,
                                replicator::pgoutput::FormatLsn(metrics_.applied_lsn),
                                metrics_.lag_seconds.load(), Count(changes),
                                Count((changes - before) * 2)));
      before = changes;
    }
  });
}

StreamProgress::~StreamProgress() { Stop(); }

void StreamProgress::Stop() {
  stop_ = true;
  if (thread_.joinable()) thread_.join();
  cli::Progress("");
}

Result<std::unique_ptr<MetricsServer>> ServeMetrics(const std::string& listen,
                                                    const replicator::StreamMetrics& metrics) {
  if (listen.empty()) return std::unique_ptr<MetricsServer>();
  PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<MetricsServer> server,
                          MetricsServer::Start(listen, metrics));
  const std::string host = listen.substr(0, listen.rfind(':'));
  LogLine("info", "metrics", fmt::format("serving metrics at http://{}:{}/metrics", host,
                                         server->port()));
  return server;
}

}  // namespace pgveil::cli
