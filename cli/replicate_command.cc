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

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/metrics_server.h"
#include "cli/new_column_judge.h"
#include "cli/policy_discovery.h"
#include "cli/policy_file.h"
#include "cli/scan_pipeline.h"
#include "cli/terminal.h"
#include "masking/key_source.h"
#include "policy/check.h"
#include "policy/fingerprint.h"
#include "replicator/pgoutput.h"
#include "replicator/replicator.h"
#include "replicator/stream.h"
#include "replicator/stream_admin.h"
#include "reports/check_report.h"

namespace pgveil::cli {
namespace {

struct ReplicateCommandOptions {
  replicator::ReplicateOptions replicate;
  std::string policy;
  bool catch_up = false;
  std::string log_format = "text";
  std::string metrics_listen;  // "" serves no metrics
};

// Set by SIGTERM and SIGINT while streaming; a second signal ends the
// process at once.
std::atomic<bool> stop_requested{false};

void RequestStop(int signal_number) {
  stop_requested = true;
  ::signal(signal_number, SIG_DFL);
}

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

// Notes always go to stderr; phases and progress only to a terminal. The
// time each phase took goes into the summary.
class CliObserver : public replicator::ReplicationObserver {
 public:
  void Note(const std::string& message) override { LogLine("info", "note", message); }
  void Event(replicator::StreamEvent event, const std::string& message) override {
    using replicator::StreamEvent;
    if (CurrentLogFormat() == LogFormat::kText) return ReplicationObserver::Event(event, message);
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
  void Phase(std::string_view phase) override {
    EndPhase();
    phase_ = phase;
    phase_start_ = std::chrono::steady_clock::now();
    if (CurrentLogFormat() == LogFormat::kJson) LogLine("info", "phase", std::string(phase));
    Progress(std::string(phase) + "...");
  }
  void Progress(const replicator::CopyProgress& p) override {
    const double rate = p.seconds > 0 ? static_cast<double>(p.bytes) / p.seconds : 0;
    const double rows_per_second = p.seconds > 0 ? static_cast<double>(p.rows) / p.seconds : 0;
    std::string eta;
    if (p.rows_expected > p.rows && rows_per_second > 0) {
      const auto left = static_cast<int64_t>((p.rows_expected - p.rows) / rows_per_second);
      eta = fmt::format(", about {}m{:02d}s left", left / 60, left % 60);
    }
    Progress(fmt::format("copying: {}/{} tables, {} rows ({:.0f}/s), {}, {}/s{}", p.tables_done,
                         p.tables_total, Count(p.rows), rows_per_second,
                         Bytes(static_cast<double>(p.bytes)), Bytes(rate), eta));
  }

  // "dumping the schema 0.3s, creating tables 0.2s, ..." once Replicate returned.
  std::string Timings() {
    EndPhase();
    return timings_;
  }

 private:
  static void Progress(std::string_view line) { cli::Progress(line); }
  void EndPhase() {
    if (phase_.empty()) return;
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - phase_start_).count();
    timings_ += fmt::format("{}{} {:.1f}s", timings_.empty() ? "" : ", ", phase_, seconds);
    phase_.clear();
  }
  std::string phase_;
  std::chrono::steady_clock::time_point phase_start_;
  std::string timings_;
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

// The gate, then the copy. Returns the exit code; kExitClean when the copy
// is complete.
int CopyIntoTarget(const policy::Policy& policy, const masking::KeyRing& keys,
                   const replicator::ReplicateOptions& options) {
  // The gate: the same check `pgveil check --mode strict` runs.
  Progress("checking the policy against the source...");
  ScanOptions scan;
  scan.dsn = options.source_dsn;
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

// The stream's progress line on a terminal, twice a second: position, lag,
// rows applied and their rate. Nothing when stderr is not a terminal.
class StreamProgress {
 public:
  StreamProgress(const replicator::StreamMetrics& metrics, std::string what)
      : metrics_(metrics), what_(std::move(what)) {
    if (!ShowsProgress()) return;
    thread_ = std::thread([this] {
      int64_t before = metrics_.changes;
      while (!stop_.load()) {
        for (int i = 0; i < 5 && !stop_.load(); ++i) {
          std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        const int64_t changes = metrics_.changes;
        Progress(fmt::format("{}: applied up to {}, lag {:.2f} s, {} row changes ({}/s)", what_,
                             replicator::pgoutput::FormatLsn(metrics_.applied_lsn),
                             metrics_.lag_seconds.load(), Count(changes),
                             Count((changes - before) * 2)));
        before = changes;
      }
    });
  }
  ~StreamProgress() { Stop(); }
  void Stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    Progress("");
  }

 private:
  const replicator::StreamMetrics& metrics_;
  const std::string what_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

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
  std::unique_ptr<MetricsServer> server;
  if (!options.metrics_listen.empty()) {
    Result<std::unique_ptr<MetricsServer>> started =
        MetricsServer::Start(options.metrics_listen, metrics);
    if (!started.ok()) return ReportError(started.status());
    server = std::move(started).value();
    const std::string host = options.metrics_listen.substr(0, options.metrics_listen.rfind(':'));
    LogLine("info", "metrics",
            fmt::format("serving metrics at http://{}:{}/metrics", host, server->port()));
  }

  replicator::ReplicateOptions replicate = options.replicate;
  replicate.policy = {policy::Sha256Hex(*text), std::string(policy::ModeName(loaded->mode))};
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
  command->add_option("--policy", options->policy,
                      "the policy file (default: $PGVEIL_POLICY, else the nearest pgveil.yaml)");
  command->add_flag("--snapshot-only", options->replicate.snapshot_only,
                    "copy once and leave no replication slot on the source");
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
    for (const char* flag : {"--source", "--target"}) {
      if (command->get_option(flag)->count() == 0) {
        throw CLI::RequiredError(std::string(flag));
      }
    }
    *runner = [options] { return RunReplicateCommand(*options); };
  });
}

}  // namespace pgveil::cli
