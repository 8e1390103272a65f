// `pgveil diff OLD NEW`: schema drift between two snapshots (policy/drift.h).
// Exit 0 no drift, 1 drift, 2 a file that cannot be read or is not a
// snapshot.
#include <memory>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/policy_file.h"
#include "cli/terminal.h"
#include "policy/drift.h"

namespace pgveil::cli {
namespace {

struct DiffCommandOptions {
  std::string before;
  std::string after;
  std::string format = "text";
  std::string output;
};

int RunDiffCommand(const DiffCommandOptions& options) {
  Result<policy::SchemaSnapshot> before = LoadSnapshotFile(options.before);
  if (!before.ok()) {
    return ReportError(before.status());
  }
  Result<policy::SchemaSnapshot> after = LoadSnapshotFile(options.after);
  if (!after.ok()) {
    return ReportError(after.status());
  }
  std::vector<policy::DriftChange> changes = policy::DiffSnapshots(*before, *after);
  std::string text = options.format == "json"
                         ? policy::DriftJson(changes, options.before, options.after)
                         : policy::DriftText(changes, options.before, options.after);
  Status written = WriteOutput(options.output, text);
  if (!written.ok()) {
    return ReportError(written);
  }
  return changes.empty() ? kExitClean : kExitFindings;
}

}  // namespace

void AddDiffCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<DiffCommandOptions>();
  CLI::App* command =
      app.add_subcommand("diff", "Schema drift between two snapshots; exit 1 when there is any");
  command->add_option("OLD", options->before, "the baseline snapshot")->required();
  command->add_option("NEW", options->after, "the snapshot to compare")->required();
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "write the drift to FILE instead of stdout");
  command->callback(
      [options, runner] { *runner = [options] { return RunDiffCommand(*options); }; });
}

}  // namespace pgveil::cli
