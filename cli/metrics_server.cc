#include "cli/metrics_server.h"

#include <httplib.h>

#include <chrono>
#include <mutex>
#include <thread>

#include <fmt/format.h>

namespace pgveil::cli {
namespace {

void Metric(std::string& out, const char* name, const char* type, const char* help,
            const std::string& value, const std::string& labels = "") {
  out += fmt::format("# HELP {} {}\n# TYPE {} {}\n{}{} {}\n", name, help, name, type, name, labels,
                     value);
}

}  // namespace

std::string PrometheusText(const replicator::StreamMetrics& m, double rows_per_second) {
  const uint64_t applied = m.applied_lsn;
  const uint64_t source = m.source_lsn;
  std::string out;
  Metric(out, "pgveil_stream_up", "gauge", "1 while connected and streaming.",
         m.streaming ? "1" : "0");
  Metric(out, "pgveil_applied_lsn_bytes", "gauge",
         "The source WAL position applied on the target and acknowledged.",
         std::to_string(applied));
  Metric(out, "pgveil_lag_bytes", "gauge",
         "Bytes of source WAL past the applied position, as last heard from the source.",
         std::to_string(source > applied ? source - applied : 0));
  Metric(out, "pgveil_lag_seconds", "gauge",
         "Source commit to target commit of the last applied transaction; 0 once caught up.",
         fmt::format("{:.6f}", m.lag_seconds.load()));
  Metric(out, "pgveil_transactions_applied_total", "counter", "Source transactions applied.",
         std::to_string(m.transactions.load()));
  Metric(out, "pgveil_row_changes_applied_total", "counter", "Row changes applied.",
         std::to_string(m.changes.load()));
  Metric(out, "pgveil_row_changes_per_second", "gauge",
         "Row changes applied per second since the previous scrape.",
         fmt::format("{:.1f}", rows_per_second));
  if (m.retained_wal >= 0) {
    Metric(out, "pgveil_retained_wal_bytes", "gauge", "WAL the slot keeps on the source.",
           std::to_string(m.retained_wal.load()));
  }
  out += "# HELP pgveil_errors_total Lost connections and fallbacks, retried, by side.\n"
         "# TYPE pgveil_errors_total counter\n";
  out += fmt::format("pgveil_errors_total{{side=\"source\"}} {}\n", m.source_errors.load());
  out += fmt::format("pgveil_errors_total{{side=\"target\"}} {}\n", m.target_errors.load());
  Metric(out, "pgveil_branch_pauses_total", "counter",
         "Times the stream stepped aside for a branch to be cut.",
         std::to_string(m.branch_pauses.load()));
  return out;
}

struct MetricsServer::Impl {
  httplib::Server server;
  std::thread thread;
  std::mutex mutex;  // guards the previous scrape
  std::chrono::steady_clock::time_point previous_time = std::chrono::steady_clock::now();
  int64_t previous_changes = 0;
};

Result<std::unique_ptr<MetricsServer>> MetricsServer::Start(
    const std::string& listen, const replicator::StreamMetrics& metrics) {
  const size_t colon = listen.rfind(':');
  std::string host = colon == std::string::npos ? "" : listen.substr(0, colon);
  const std::string port_text = colon == std::string::npos ? "" : listen.substr(colon + 1);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
    host = host.substr(1, host.size() - 2);
  }
  int port = -1;
  if (!port_text.empty() && port_text.size() <= 5 &&
      port_text.find_first_not_of("0123456789") == std::string::npos) {
    port = std::stoi(port_text);
  }
  if (host.empty() || port < 0 || port > 65535) {
    return Status::InvalidArgument(fmt::format(
        "--metrics-listen \"{}\" is not HOST:PORT (e.g. 127.0.0.1:9187)", listen.substr(0, 100)));
  }
  auto impl = std::make_unique<Impl>();
  Impl* self = impl.get();
  impl->server.Get("/metrics", [self, &metrics](const httplib::Request&, httplib::Response& res) {
    double rate = 0;
    {
      std::lock_guard<std::mutex> lock(self->mutex);
      const auto now = std::chrono::steady_clock::now();
      const double seconds = std::chrono::duration<double>(now - self->previous_time).count();
      const int64_t changes = metrics.changes;
      if (seconds > 0) rate = static_cast<double>(changes - self->previous_changes) / seconds;
      self->previous_time = now;
      self->previous_changes = changes;
    }
    res.set_content(PrometheusText(metrics, rate), "text/plain; version=0.0.4");
  });
  const int bound = port == 0 ? impl->server.bind_to_any_port(host)
                              : (impl->server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    return Status::Unavailable(
        fmt::format("--metrics-listen: cannot listen on {} (in use, or not an address here)",
                    listen.substr(0, 100)));
  }
  impl->thread = std::thread([self] { self->server.listen_after_bind(); });
  // stop() does nothing to a server that is not listening yet, so the
  // destructor could wait for ever on one stopped too soon.
  for (int i = 0; i < 200 && !impl->server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return std::unique_ptr<MetricsServer>(new MetricsServer(std::move(impl), bound));
}

MetricsServer::MetricsServer(std::unique_ptr<Impl> impl, int port)
    : impl_(std::move(impl)), port_(port) {}

MetricsServer::~MetricsServer() {
  impl_->server.stop();
  if (impl_->thread.joinable()) impl_->thread.join();
}

}  // namespace pgveil::cli
