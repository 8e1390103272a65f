// `pgveil apply`: a target kept current from a masked change stream in
// NATS JetStream, which `pgveil replicate --sink` publishes. The pipeline:
//
//   --from and --stream checked (exit 2 when malformed)
//   → replicator::ApplyFromJetStream: an empty target gets the masked copy
//     the stream holds, then every change after it, in transaction order,
//     until SIGTERM or SIGINT (exit 0 after the target transaction in
//     flight) or --catch-up.
//
// Exit 0 when stopped on request or caught up, 2 for a usage problem (bad
// flag, a target that holds something else without --force), 3 when the
// target or the stream fails for good (lost connections are retried).
// No key and no policy: everything in the stream is masked already.
#include <memory>
#include <string>

#include <fmt/format.h>

#include "broker/nats_url.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/stream_runtime.h"
#include "cli/terminal.h"
#include "replicator/jetstream_applier.h"

namespace pgveil::cli {
namespace {

struct ApplyCommandOptions {
  std::string from;
  replicator::ApplyOptions apply;
  std::string log_format = "text";
  std::string metrics_listen;
};

int RunApplyCommand(ApplyCommandOptions options) {
  SetLogFormat(options.log_format == "json" ? LogFormat::kJson : LogFormat::kText);
  Result<std::vector<std::string>> servers = broker::ParseNatsUrl(options.from);
  if (!servers.ok()) return ReportError(servers.status().WithContext("--from"));
  Status name = broker::ValidateStreamName(options.apply.stream);
  if (!name.ok()) return ReportError(name);
  replicator::StreamMetrics metrics;
  Result<std::unique_ptr<MetricsServer>> server = ServeMetrics(options.metrics_listen, metrics);
  if (!server.ok()) return ReportError(server.status());

  replicator::ApplyOptions& apply = options.apply;
  apply.servers = *servers;
  apply.stop = &stop_requested;
  apply.metrics = &metrics;
  StopOnSignals();
  CliObserver observer;
  StreamProgress progress(metrics, apply.catch_up ? "catching up" : "applying (Ctrl-C stops)");
  Result<replicator::ApplySummary> summary = replicator::ApplyFromJetStream(apply, observer);
  progress.Stop();
  if (!summary.ok()) return ReportError(summary.status());
  std::string text = summary->restored ? fmt::format("restored a masked copy of {} rows, then ",
                                                     Count(summary->copy_rows))
                                       : "";
  text += fmt::format("applied {} source transactions ({} row changes) from the JetStream "
                      "stream \"{}\"; the target holds everything up to {}",
                      Count(summary->transactions), Count(summary->changes), apply.stream,
                      summary->applied_lsn.empty() ? "where it was" : summary->applied_lsn);
  Status written = WriteOutput("", text + "\n");
  if (!written.ok()) return ReportError(written);
  return kExitClean;
}

}  // namespace

void AddApplyCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<ApplyCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "apply",
      "Keep a target current from the masked change stream that replicate --sink publishes");
  command
      ->add_option("--from", options->from,
                   "the NATS servers of the stream: nats://HOST:PORT[,HOST:PORT...]")
      ->required();
  command->add_option("--stream", options->apply.stream, "the JetStream stream")
      ->default_val("pgveil")
      ->capture_default_str();
  command->add_option("--target", options->apply.target_dsn,
                      "target DSN (an empty database, or one this command applies into)")
      ->required();
  command->add_flag("--force", options->apply.force,
                    "replace a target that holds something else with the stream's copy");
  command->add_flag("--catch-up", options->apply.catch_up,
                    "apply everything the stream held at the start, then stop");
  command->add_option("--log-format", options->log_format,
                      "text, or json: one JSON object per line on stderr, for a log collector")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("--metrics-listen", options->metrics_listen,
                      "serve Prometheus metrics of the applier at http://HOST:PORT/metrics");
  AddQuietFlag(*command);
  command->callback([options, runner] { *runner = [options] { return RunApplyCommand(*options); }; });
}

}  // namespace pgveil::cli
