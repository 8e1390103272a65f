// `pgveil snapshot`: write the schema (and where PII was found) as a
// deterministic JSON document to commit as the baseline for
// `pgveil check --baseline` and `pgveil diff`.
#include <memory>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/scan_pipeline.h"
#include "cli/terminal.h"
#include "policy/schema_snapshot.h"

namespace pgveil::cli {
namespace {

struct SnapshotCommandOptions {
  ScanOptions scan;
  bool no_sample = false;
  std::string output;
};

int RunSnapshotCommand(SnapshotCommandOptions options) {
  options.scan.sample_values = !options.no_sample;
  options.scan.include_matviews = true;
  Result<ScanOutcome> scanned = RunScan(options.scan);
  if (!scanned.ok()) {
    return ReportError(scanned.status());
  }
  policy::SchemaSnapshot snapshot =
      policy::MakeSnapshot(scanned->catalog, scanned->result.findings);
  Status written = WriteOutput(options.output, policy::SnapshotToJson(snapshot));
  if (!written.ok()) {
    return ReportError(written);
  }
  return kExitClean;
}

}  // namespace

void AddSnapshotCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<SnapshotCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "snapshot", "Write the schema and its PII locations as JSON, a baseline for drift");
  AddScanFlags(*command, options->scan);
  command->add_flag("--no-sample", options->no_sample,
                    "read the catalog only: PII locations from names and types, read no rows");
  command->add_option("-o,--output", options->output,
                      "write the snapshot to FILE instead of stdout");
  command->callback(
      [options, runner] { *runner = [options] { return RunSnapshotCommand(*options); }; });
}

}  // namespace pgveil::cli
