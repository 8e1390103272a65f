// `pgveil bootstrap`: scan the database and write a complete, commented
// draft policy (policy/bootstrap.h), carrying PostgreSQL Anonymizer
// SECURITY LABELs over. Refuses to overwrite an existing file unless told:
// a reviewed policy is worth more than a draft.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/scan_pipeline.h"
#include "cli/terminal.h"
#include "pg/connection.h"
#include "pg/security_labels.h"
#include "policy/bootstrap.h"

namespace pgveil::cli {
namespace {

struct BootstrapCommandOptions {
  ScanOptions scan;
  bool no_sample = false;
  bool force = false;
  std::string output;
};

Result<std::vector<policy::AnonLabel>> ReadAnonLabels(const std::string& dsn) {
  PGVEIL_ASSIGN_OR_RETURN(auto connection, pg::Connection::Open(dsn));
  PGVEIL_ASSIGN_OR_RETURN(std::vector<pg::ColumnLabel> labels,
                          pg::ReadColumnLabels(*connection, "anon"));
  std::vector<policy::AnonLabel> result;
  result.reserve(labels.size());
  for (pg::ColumnLabel& label : labels) {
    result.push_back({std::move(label.column), std::move(label.label)});
  }
  return result;
}

int RunBootstrapCommand(BootstrapCommandOptions options) {
  const bool to_file = !options.output.empty() && options.output != "-";
  std::error_code error;
  if (to_file && !options.force && std::filesystem::exists(options.output, error)) {
    return ReportError(Status::InvalidArgument(
        options.output + " exists; pass --force to overwrite it, or -o another file"));
  }
  options.scan.sample_values = !options.no_sample;
  options.scan.include_matviews = true;  // bootstrap lists what check gates
  Result<ScanOutcome> scanned = RunScan(options.scan);
  if (!scanned.ok()) {
    return ReportError(scanned.status());
  }
  Result<std::vector<policy::AnonLabel>> labels = ReadAnonLabels(options.scan.dsn);
  if (!labels.ok()) {
    return ReportError(labels.status());
  }

  policy::DraftPolicy draft = policy::DraftFromScan(scanned->catalog, scanned->result.findings,
                                                    *labels, scanned->result.quasi_identifiers);
  Status written = WriteOutput(options.output, policy::WriteDraftPolicy(draft));
  if (!written.ok()) {
    return ReportError(written);
  }
  if (to_file && StderrIsTerminal()) {
    std::fprintf(stderr, "pgveil: wrote %s (%zu tables); review it, then run pgveil check\n",
                 options.output.c_str(), draft.tables.size());
  }
  return kExitClean;
}

}  // namespace

void AddBootstrapCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<BootstrapCommandOptions>();
  CLI::App* command =
      app.add_subcommand("bootstrap", "Scan the database and draft a complete policy");
  AddScanFlags(*command, options->scan);
  command->add_flag("--no-sample", options->no_sample,
                    "read the catalog only: judge columns on name and type, read no rows");
  command->add_option("-o,--output", options->output,
                      "write the policy to FILE (pgveil.yaml) instead of stdout");
  command->add_flag("--force", options->force, "overwrite the -o file if it exists");
  command->callback(
      [options, runner] { *runner = [options] { return RunBootstrapCommand(*options); }; });
}

}  // namespace pgveil::cli
