// `pgveil replicate status` and `pgveil replicate cleanup`: operating a
// stream from outside it (replicator/stream_admin.h).
//
//   status   the target's state (copy, stream, LSNs, lag, policy sha256) and,
//            when the source can be reached, how far it is ahead and how
//            much WAL the slot retains; text or JSON. Exit 0, or 2 when the
//            target holds no pgveil copy, 3 when it cannot be reached.
//   cleanup  drops the slot, its publication and the schema-change
//            triggers on the source; the next replicate into the target
//            copies afresh (with --force). Exit 0 also when nothing was left.
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "replicator/jetstream_publisher.h"
#include "replicator/stream_admin.h"

namespace pgveil::cli {
namespace {

struct StatusOptions {
  std::string target;
  std::string source;  // overrides the source the target recorded
  std::string format = "text";
};

struct CleanupOptions {
  std::string source;
  std::string target;
  std::string sink;  // instead of target: the slot of a publisher to JetStream
  std::string stream = "pgveil";
};

std::string Megabytes(int64_t bytes) { return fmt::format("{:.1f} MB", bytes / 1e6); }

std::string StatusText(const replicator::StreamStatus& s) {
  std::string stream = s.stream_status.empty() ? "never streamed" : s.stream_status;
  if (s.stream_status == "streaming" && !s.running) stream = "stopped (the process ended)";
  std::string out = fmt::format("copy          {}\n", s.copy_status);
  out += fmt::format("stream        {}{}\n", stream, s.running ? ", running now" : "");
  if (!s.stream_message.empty()) out += fmt::format("stopped by    {}\n", s.stream_message);
  out += fmt::format("slot          {}{}\n", s.slot.empty() ? "none" : s.slot,
                     s.slot_exists == false ? " (missing on the source)" : "");
  if (!s.source.empty()) out += fmt::format("source        {}\n", s.source);
  out += fmt::format("copied at     {}\n", s.consistent_lsn);
  if (!s.applied_lsn.empty()) {
    out += fmt::format("applied up to {} at {}\n", s.applied_lsn,
                       s.applied_at.empty() ? "the copy" : s.applied_at);
  }
  if (s.lag_seconds)
    out += fmt::format("lag           {:.3f} s (last transaction)\n", *s.lag_seconds);
  if (s.lag_bytes) out += fmt::format("behind        {} bytes of source WAL\n", *s.lag_bytes);
  if (s.retained_wal)
    out += fmt::format("retained WAL  {} on the source\n", Megabytes(*s.retained_wal));
  if (!s.source_error.empty())
    out += fmt::format("source        not reached: {}\n", s.source_error);
  if (!s.policy_sha256.empty()) out += fmt::format("policy        sha256 {}\n", s.policy_sha256);
  return out;
}

std::string StatusJson(const replicator::StreamStatus& s) {
  auto text_or_null = [](const std::string& text) {
    return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
  };
  auto optional = [](const auto& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  nlohmann::json out = {
      {"copy_status", s.copy_status},
      {"stream_status", text_or_null(s.stream_status)},
      {"stream_message", text_or_null(s.stream_message)},
      {"running", s.running},
      {"slot", text_or_null(s.slot)},
      {"slot_exists", optional(s.slot_exists)},
      {"source", text_or_null(s.source)},
      {"consistent_lsn", text_or_null(s.consistent_lsn)},
      {"applied_lsn", text_or_null(s.applied_lsn)},
      {"applied_at", text_or_null(s.applied_at)},
      {"source_commit_time", text_or_null(s.source_commit_time)},
      {"lag_seconds", optional(s.lag_seconds)},
      {"lag_bytes", optional(s.lag_bytes)},
      {"retained_wal_bytes", optional(s.retained_wal)},
      {"policy_sha256", text_or_null(s.policy_sha256)},
      {"source_error", text_or_null(s.source_error)},
  };
  return out.dump(2) + "\n";
}

int RunStatus(const StatusOptions& options) {
  Result<replicator::StreamStatus> status =
      replicator::ReadStreamStatus(options.target, options.source);
  if (!status.ok()) return ReportError(status.status());
  Status written =
      WriteOutput("", options.format == "json" ? StatusJson(*status) : StatusText(*status));
  return written.ok() ? kExitClean : ReportError(written);
}

int RunCleanup(const CleanupOptions& options) {
  Result<replicator::RemovedStream> removed =
      options.sink.empty() ? replicator::RemoveStream(options.source, options.target)
                           : replicator::RemovePublisherSlot(options.source, options.stream);
  if (!removed.ok()) return ReportError(removed.status());
  std::string out =
      fmt::format("replication slot \"{}\": {}; publication: {}; schema-change triggers removed\n",
                  removed->slot, removed->dropped_slot ? "dropped" : "was not there",
                  removed->dropped_publication ? "dropped" : "was not there");
  Status written = WriteOutput("", out);
  return written.ok() ? kExitClean : ReportError(written);
}

}  // namespace

void AddReplicateAdminCommands(CLI::App& replicate, CommandRunner* runner) {
  auto status = std::make_shared<StatusOptions>();
  CLI::App* status_command = replicate.add_subcommand(
      "status", "The state of a masked replica: LSNs, lag, retained WAL, policy");
  status_command->add_option("--target", status->target, "target DSN (the masked replica)")
      ->required();
  status_command->add_option(
      "--source", status->source,
      "source DSN, when the one the target recorded needs more (a password)");
  status_command->add_option("--format", status->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  status_command->callback([status, runner] { *runner = [status] { return RunStatus(*status); }; });

  auto cleanup = std::make_shared<CleanupOptions>();
  CLI::App* cleanup_command = replicate.add_subcommand(
      "cleanup",
      "Drop the slot, publication and schema-change triggers a stream left on the source");
  cleanup_command->add_option("--source", cleanup->source, "source DSN (production)")->required();
  CLI::Option* target =
      cleanup_command->add_option("--target", cleanup->target, "target DSN (the masked replica)");
  CLI::Option* sink = cleanup_command
                          ->add_option("--sink", cleanup->sink,
                                       "instead of --target: the NATS servers a replicate --sink "
                                       "published to (the stream itself is left as it is)")
                          ->excludes(target);
  cleanup_command->add_option("--stream", cleanup->stream, "the JetStream stream, with --sink")
      ->needs(sink)
      ->capture_default_str();
  cleanup_command->callback([cleanup, runner, target, sink] {
    if (target->count() + sink->count() == 0) throw CLI::RequiredError("--target (or --sink)");
    *runner = [cleanup] { return RunCleanup(*cleanup); };
  });
}

}  // namespace pgveil::cli
