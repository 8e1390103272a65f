// cli/metrics_server.h
//
// `replicate --metrics-listen HOST:PORT`: the running stream's figures in
// Prometheus' text format at http://HOST:PORT/metrics, served by
// cpp-httplib on a thread of its own while the stream runs. Names, counts
// and positions only; never a value from the database.
//
//   pgveil_stream_up                      1 while connected and streaming
//   pgveil_applied_lsn_bytes              the source position applied on the target
//   pgveil_lag_bytes                      the source's end of WAL minus that position
//   pgveil_lag_seconds                    source commit to target commit of the last
//                                         transaction applied; 0 once caught up
//   pgveil_transactions_applied_total     counters, for rate()
//   pgveil_row_changes_applied_total
//   pgveil_row_changes_per_second         since the previous scrape
//   pgveil_retained_wal_bytes             WAL the slot keeps on the source
//   pgveil_errors_total{side}             lost connections retried, by side
//   pgveil_branch_pauses_total            times the stream stepped aside for a branch
//
// Thread-safety: the server reads the metrics' atomics from its thread.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "replicator/stream.h"

namespace pgveil::cli {

// The page, as of now; `rows_per_second` is given by the caller.
std::string PrometheusText(const replicator::StreamMetrics& metrics, double rows_per_second);

class MetricsServer {
 public:
  // Listens on `listen` ("127.0.0.1:9187", "[::1]:9187"; port 0 picks one).
  // InvalidArgument for a malformed address, Unavailable when it cannot bind.
  static Result<std::unique_ptr<MetricsServer>> Start(const std::string& listen,
                                                      const replicator::StreamMetrics& metrics);
  ~MetricsServer();

  int port() const { return port_; }

 private:
  struct Impl;
  explicit MetricsServer(std::unique_ptr<Impl> impl, int port);
  std::unique_ptr<Impl> impl_;
  int port_ = 0;
};

}  // namespace pgveil::cli
