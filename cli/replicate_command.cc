// `pgveil replicate`: a masked copy of the source database in an empty
// target, kept current by streaming every change after it. The pipeline,
// top to bottom:
//
//   policy + masking key (exit 2 when either is missing or invalid)
//   → a target that already holds a complete copy with its slot resumes
//     the stream where it stopped; otherwise:
//   → the gate: scan the source and check the policy in strict mode
//     (exit 1 on any violation; nothing has been written anywhere)
//   → replicator::Replicate (slot + snapshot, schema, parallel masked COPY,
//     constraints), with progress on a terminal, and a summary per table
//   → replicator::Stream from the copy's consistent point, until SIGTERM or
//     SIGINT (exit 0 after the transaction in flight), --catch-up, or a
//     schema change the policy does not cover (exit 1, naming the column;
//     after the policy is fixed the same command resumes).
//
// Exit 0 on a complete copy or a stream stopped on request, 1 when a gate
// fails, 2 for a usage or configuration problem (bad flag, policy, key, a
// target that is not empty without --force, wal_level), 3 when a database
// fails or is lost for good (a copy is then marked incomplete, and the next
// run starts over; a stream retries lost connections itself).
#include <signal.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "broker/nats_url.h"
#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/metrics_server.h"
#include "cli/new_column_judge.h"
#include "cli/policy_discovery.h"
#include "cli/policy_file.h"
#include "cli/scan_pipeline.h"
#include "cli/stream_runtime.h"
#include "cli/terminal.h"
#include "masking/key_source.h"
#include "policy/check.h"
#include "policy/fingerprint.h"
#include "replicator/jetstream_publisher.h"
#include "replicator/pgoutput.h"
#include "replicator/replicator.h"
#include "replicator/stream.h"
#include "replicator/stream_admin.h"
#include "reports/check_report.h"

namespace pgveil::cli {
namespace {

struct ReplicateCommandOptions {
  replicator::ReplicateOptions replicate;
  std::string sink;               // nats://…: publish to JetStream instead of a target
  std::string stream = "pgveil";  // the JetStream stream, with sink
  std::string policy;
  bool catch_up = false;
  std::string log_format = "text";
  std::string metrics_listen;  // "" serves no metrics
};

std::string Summary(const replicator::ReplicateSummary& summary, const std::string& timings) {
  std::string out = fmt::format("masked copy as of {} at {}\n\n", summary.snapshot_source,
                                summary.consistent_lsn);
  size_t width = 5;
  for (const auto& table : summary.tables) width = std::max(width, table.name.size());
  out += fmt::format("{:<{}}  {:>14}  {:>10}  {:>7}  {:>8}\n", "table", width, "rows", "size",
                     "masked", "time");
  int64_t rows = 0;
  int64_t bytes = 0;
  for (const auto& table : summary.tables) {
    out += fmt::format("{:<{}}  {:>14}  {:>10}  {:>7}  {:>7.1f}s\n", table.name, width,
                       Count(table.rows), Bytes(static_cast<double>(table.bytes)),
                       fmt::format("{}/{}", table.masked_columns, table.columns), table.seconds);
    rows += table.rows;
    bytes += table.bytes;
  }
  out += fmt::format("{:<{}}  {:>14}  {:>10}  {:>7}  {:>7.1f}s\n\n", "total", width, Count(rows),
                     Bytes(static_cast<double>(bytes)), "", summary.seconds);
  out += fmt::format(
      "{} tables copied, {} skipped; {} foreign keys into skipped tables left out; {} sequences "
      "set; {} materialized views refreshed{}\n",
      summary.tables.size(), summary.skipped_tables, summary.dropped_foreign_keys,
      summary.sequences, summary.materialized_views,
      summary.started_over ? "; the target was emptied first" : "");
  return out + "phases: " + timings + "\n";
}

// The gate: the same check `pgveil check --mode strict` runs. Returns the
// exit code; kExitClean when the policy covers the source.
int GateOnSource(const policy::Policy& policy, const std::string& source_dsn) {
  Progress("checking the policy against the source...");
  ScanOptions scan;
  scan.dsn = source_dsn;
  scan.include_matviews = true;
  Result<ScanOutcome> scanned = RunScan(scan);
  if (!scanned.ok()) return ReportError(scanned.status().WithContext("checking the source"));
  policy::CheckOptions check;
  check.mode = policy::Mode::kStrict;
  CheckResult gate =
      policy::Check(policy, scanned->catalog, scanned->result.findings, Today(), check);
  if (gate.Errors() > 0) {
    reports::CheckRenderOptions render;
    render.color = UseColor(1);
    Status written =
        WriteOutput("", reports::RenderCheck(gate, reports::CheckFormat::kText, render));
    if (!written.ok()) return ReportError(written);
    LogLine("error", "gate_failed",
            fmt::format("the policy has {} violation(s) on the source in strict mode; nothing "
                        "was replicated",
                        gate.Errors()));
    return kExitFindings;
  }
  return kExitClean;
}

// The gate, then the copy. Returns the exit code; kExitClean when the copy
// is complete.
int CopyIntoTarget(const policy::Policy& policy, const masking::KeyRing& keys,
                   const replicator::ReplicateOptions& options) {
  if (int gate = GateOnSource(policy, options.source_dsn); gate != kExitClean) return gate;
  CliObserver observer;
  Result<replicator::ReplicateSummary> summary =
      replicator::Replicate(policy, keys, options, observer);
  Progress("");
  if (!summary.ok()) return ReportError(summary.status());
  Status written = WriteOutput("", Summary(*summary, observer.Timings()));
  if (!written.ok()) return ReportError(written);
  return kExitClean;
}

float Percentile(std::vector<float> values, double share) {
  if (values.empty()) return 0;
  size_t at = std::min(values.size() - 1, static_cast<size_t>(share * values.size()));
  std::nth_element(values.begin(), values.begin() + at, values.end());
  return values[at];
}

std::string StreamSummaryText(const replicator::StreamSummary& summary) {
  std::string out = fmt::format(
      "streamed {} source transactions ({} row changes) into the target; applied up to {}",
      Count(summary.transactions), Count(summary.changes),
      summary.applied_lsn.empty() ? "where it started" : summary.applied_lsn);
  if (!summary.lag_ms.empty()) {
    out += fmt::format("; lag from source commit to target commit p50 {:.0f} ms, p99 {:.0f} ms",
                       Percentile(summary.lag_ms, 0.5), Percentile(summary.lag_ms, 0.99));
  }
  if (summary.reconnections > 0)
    out += fmt::format("; reconnected {} times", summary.reconnections);
  return out + "\n";
}

// Streams from the slot the copy kept until stopped. Returns the exit code.
int StreamIntoTarget(const policy::Policy& policy, const masking::KeyRing& keys,
                     const replicator::PolicyRecord& record, const ReplicateCommandOptions& options,
                     replicator::StreamMetrics& metrics) {
  Result<replicator::NewColumnJudge> judge = MakeNewColumnJudge();
  if (!judge.ok()) return ReportError(judge.status());
  replicator::StreamOptions stream;
  stream.source_dsn = options.replicate.source_dsn;
  stream.target_dsn = options.replicate.target_dsn;
  stream.policy = record;
  stream.judge = *judge;
  stream.stop = &stop_requested;
  stream.catch_up = options.catch_up;
  stream.metrics = &metrics;
  StopOnSignals();
  CliObserver observer;
  StreamProgress progress(metrics, options.catch_up ? "catching up" : "streaming (Ctrl-C stops)");
  Result<replicator::StreamSummary> summary = replicator::Stream(policy, keys, stream, observer);
  progress.Stop();
  if (!summary.ok()) return ReportError(summary.status());
  Status written = WriteOutput("", StreamSummaryText(*summary));
  if (!written.ok()) return ReportError(written);
  LogLine("info", "stopped",
          "the replication slot keeps the source's changes for the next run of this command; if "
          "there will be none, remove it with: pgveil replicate cleanup --source SOURCE --target "
          "TARGET");
  return kExitClean;
}

// The gate, then masked events to the JetStream stream until stopped
// (replicator/jetstream_publisher.h). Returns the exit code.
int PublishToSink(const policy::Policy& policy, const masking::KeyRing& keys,
                  const replicator::PolicyRecord& record, const ReplicateCommandOptions& options,
                  replicator::StreamMetrics& metrics) {
  Result<std::vector<std::string>> servers = broker::ParseNatsUrl(options.sink);
  if (!servers.ok()) return ReportError(servers.status().WithContext("--sink"));
  Status name = broker::ValidateStreamName(options.stream);
  if (!name.ok()) return ReportError(name);
  Result<replicator::NewColumnJudge> judge = MakeNewColumnJudge();
  if (!judge.ok()) return ReportError(judge.status());
  replicator::PublishOptions publish;
  publish.source_dsn = options.replicate.source_dsn;
  publish.servers = *servers;
  publish.stream = options.stream;
  publish.policy = record;
  publish.judge = *judge;
  // As before a direct copy: the gate, only when a copy is to be published.
  int gate_exit = kExitClean;
  publish.before_copy = [&] {
    gate_exit = GateOnSource(policy, options.replicate.source_dsn);
    return gate_exit == kExitClean ? Status::Ok()
                                   : Status::GateFailed("the policy check stopped the copy");
  };
  publish.stop = &stop_requested;
  publish.catch_up = options.catch_up;
  publish.metrics = &metrics;
  StopOnSignals();
  CliObserver observer;
  StreamProgress progress(metrics, options.catch_up ? "catching up" : "publishing (Ctrl-C stops)");
  Result<replicator::PublishSummary> summary =
      replicator::PublishToJetStream(policy, keys, publish, observer);
  progress.Stop();
  if (gate_exit != kExitClean) return gate_exit;  // the check said why
  if (!summary.ok()) return ReportError(summary.status());
  std::string text =
      summary->copied
          ? fmt::format("published a masked copy of {} rows, then ", Count(summary->copy_rows))
          : "published ";
  text += fmt::format("{} source transactions ({} row changes) to the JetStream stream \"{}\"",
                      Count(summary->transactions), Count(summary->changes), options.stream);
  text += "; the source is acknowledged up to " +
          (summary->confirmed_lsn.empty() ? std::string("where it was") : summary->confirmed_lsn);
  Status written = WriteOutput("", text + "\n");
  if (!written.ok()) return ReportError(written);
  LogLine("info", "stopped",
          "the replication slot keeps the source's changes for the next run of this command; if "
          "there will be none, remove it with: pgveil replicate cleanup --source SOURCE --sink "
          "URL --stream " + options.stream);
  return kExitClean;
}

int RunReplicateCommand(const ReplicateCommandOptions& options) {
  SetLogFormat(options.log_format == "json" ? LogFormat::kJson : LogFormat::kText);
  Result<std::string> policy_path = ResolvePolicyPath(options.policy);
  if (!policy_path.ok()) return ReportError(policy_path.status());
  Result<std::string> text = ReadTextFile(*policy_path, "policy");
  if (!text.ok()) return ReportError(text.status());
  Result<policy::Policy> loaded = LoadPolicyFile(*policy_path);
  if (!loaded.ok()) return ReportErrorLines(loaded.status());
  Result<masking::KeyRing> keys = masking::LoadKeyRing(loaded->key);
  if (!keys.ok()) return ReportError(keys.status());

  // Bound before anything else happens: a bad address fails at once, not
  // after the copy.
  replicator::StreamMetrics metrics;
  Result<std::unique_ptr<MetricsServer>> server = ServeMetrics(options.metrics_listen, metrics);
  if (!server.ok()) return ReportError(server.status());

  replicator::ReplicateOptions replicate = options.replicate;
  replicate.policy = {policy::Sha256Hex(*text), std::string(policy::ModeName(loaded->mode))};
  if (!options.sink.empty()) return PublishToSink(*loaded, *keys, replicate.policy, options, metrics);
  const std::string& policy_sha256 = replicate.policy.sha256;
  bool resume = false;
  if (!replicate.snapshot_only && !replicate.force) {
    Result<replicator::StreamStatus> state =
        replicator::ReadStreamStatus(replicate.target_dsn, replicate.source_dsn);
    resume = state.ok() && state->copy_status == "complete" && !state->slot.empty();
    if (resume) {
      LogLine("info", "resuming",
              "the target holds a complete masked copy; resuming its stream from " +
                  state->applied_lsn);
    }
    if (resume && !state->policy_sha256.empty() && state->policy_sha256 != policy_sha256) {
      LogLine("warning", "policy_changed",
              "the policy changed since the last run: rows already on the target keep the "
              "masking they were written with; pass --force to copy everything again under this "
              "policy");
    }
  }
  if (!resume) {
    int copied = CopyIntoTarget(*loaded, *keys, replicate);
    if (copied != kExitClean || replicate.snapshot_only) return copied;
  }
  return StreamIntoTarget(*loaded, *keys, replicate.policy, options, metrics);
}

}  // namespace

void AddReplicateCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<ReplicateCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "replicate",
      "Copy the source database into an empty target with the policy applied, then stream its "
      "changes, masked, until stopped");
  // Not ->required(): `replicate status` and `replicate cleanup` go without
  // them; the callback asks for them when neither is chosen.
  command->add_option("--source", options->replicate.source_dsn, "source DSN (production)");
  command->add_option("--target", options->replicate.target_dsn,
                      "target DSN (an empty database, or one this command copied into)");
  CLI::Option* sink =
      command->add_option("--sink", options->sink,
                          "publish masked change events to NATS JetStream instead of a target: "
                          "nats://HOST:PORT[,HOST:PORT...]")
          ->excludes("--target");
  command->add_option("--stream", options->stream, "the JetStream stream (with --sink)")
      ->needs(sink)
      ->capture_default_str();
  command->add_option("--policy", options->policy,
                      "the policy file (default: $PGVEIL_POLICY, else the nearest pgveil.yaml)");
  command
      ->add_flag("--snapshot-only", options->replicate.snapshot_only,
                 "copy once and leave no replication slot on the source")
      ->excludes(sink);
  command
      ->add_flag("--catch-up", options->catch_up,
                 "stream until everything the source had written at the start is applied, "
                 "then stop")
      ->excludes("--snapshot-only");
  command->add_option("--jobs", options->replicate.jobs, "tables copied in parallel")
      ->check(CLI::Range(1, 64))
      ->capture_default_str();
  command->add_flag("--force", options->replicate.force,
                    "drop everything in a target that is not empty, then copy");
  command->add_option("--log-format", options->log_format,
                      "text, or json: one JSON object per line on stderr, for a log collector")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("--metrics-listen", options->metrics_listen,
                      "serve Prometheus metrics of the stream at http://HOST:PORT/metrics");
  AddQuietFlag(*command);
  command
      ->add_option("--split-pages", options->replicate.copy.split_pages,
                   "copy tables above this many 8 kB pages in ranges of that size, in parallel")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  AddReplicateAdminCommands(*command, runner);
  command->callback([command, options, runner] {
    if (!command->get_subcommands().empty()) return;  // status or cleanup runs instead
    if (command->get_option("--source")->count() == 0) throw CLI::RequiredError("--source");
    if (command->get_option("--target")->count() + command->get_option("--sink")->count() == 0) {
      throw CLI::RequiredError("--target (or --sink)");
    }
    *runner = [options] { return RunReplicateCommand(*options); };
  });
}

}  // namespace pgveil::cli
