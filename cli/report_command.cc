// `pgveil report`: the compliance report an auditor takes away. Loads the
// policy (and the baseline, if given), scans the database, checks the
// policy against it and writes the inventory, coverage, HIPAA Safe Harbor
// matrix, GDPR Art. 30 record, suppression register and drift as HTML,
// Markdown or JSON, and whether the masked copy is anonymous, pseudonymous
// or personal data; with --target, measured on the copy itself. It is a
// report, not a gate: violations are in the report and the exit code is 0.
// Exit 2 for a bad flag, policy or baseline, 3 when the database (source or
// --target) or the output file fails. The configuration is read before the
// database is touched.
#include <memory>
#include <optional>

#include "cli/command.h"
#include "cli/compliance_input.h"
#include "cli/exit_codes.h"
#include "cli/masked_copy_probe.h"
#include "cli/policy_discovery.h"
#include "cli/policy_file.h"
#include "cli/scan_pipeline.h"
#include "cli/terminal.h"
#include "policy/policy_loader.h"
#include "replicator/branch.h"
#include "reports/compliance_report.h"

namespace pgveil::cli {
namespace {

struct ReportCommandOptions {
  ScanOptions scan;
  std::string policy;
  std::string baseline;
  std::string target;
  std::string format = "html";
  std::string output;
};

int RunReportCommand(ReportCommandOptions options) {
  std::optional<reports::ComplianceFormat> format =
      reports::ComplianceFormatFromName(options.format);
  if (!format) return ReportError(Status::InvalidArgument("unknown format " + options.format));
  const bool to_stdout = options.output.empty() || options.output == "-";
  if (*format == reports::ComplianceFormat::kHtml && to_stdout) {
    return ReportError(Status::InvalidArgument(
        "--format html needs -o FILE: the page is meant to be opened or printed, not read on a "
        "terminal"));
  }
  Result<std::string> policy_path = ResolvePolicyPath(options.policy);
  if (!policy_path.ok()) return ReportError(policy_path.status());
  Result<std::string> policy_text = ReadTextFile(*policy_path, "policy");
  if (!policy_text.ok()) return ReportError(policy_text.status());
  Result<policy::Policy> loaded = policy::LoadPolicy(*policy_text, *policy_path);
  if (!loaded.ok()) return ReportErrorLines(loaded.status());
  std::optional<policy::SchemaSnapshot> baseline;
  if (!options.baseline.empty()) {
    Result<policy::SchemaSnapshot> read = LoadSnapshotFile(options.baseline);
    if (!read.ok()) return ReportError(read.status().WithContext("--baseline"));
    baseline = std::move(read).value();
  }

  options.scan.include_matviews = true;  // report what the gate covers
  Result<ScanOutcome> scanned = RunScan(options.scan);
  if (!scanned.ok()) return ReportError(scanned.status());

  Result<std::optional<replicator::Branch>> branch = replicator::BranchOfDatabase(options.scan.dsn);
  if (!branch.ok()) return ReportError(branch.status());

  ComplianceSources sources;
  if (*branch) {
    const replicator::Branch& b = **branch;
    sources.branch = reports::BranchOrigin{b.replica,     b.lsn,        b.policy_sha256,
                                           b.policy_mode, b.created_at, b.creator};
  }
  sources.scan = std::move(scanned).value();
  sources.policy = std::move(loaded).value();
  sources.policy_text = std::move(policy_text).value();
  sources.baseline = baseline ? &*baseline : nullptr;
  sources.baseline_label = options.baseline;
  if (!options.target.empty()) {
    Result<std::vector<TableAnonymity>> measured = MeasureMaskedCopy(
        options.target, sources.scan.catalog, sources.scan.result, sources.policy);
    if (!measured.ok()) return ReportError(measured.status());
    sources.anonymity = std::move(measured).value();
    sources.anonymity_measured = true;
  }
  reports::ComplianceReport report = MakeComplianceReport(std::move(sources));
  Status written = WriteOutput(options.output, reports::RenderCompliance(report, *format));
  if (!written.ok()) return ReportError(written);
  return kExitClean;
}

}  // namespace

void AddReportCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<ReportCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "report",
      "Write the compliance report: PII inventory, policy coverage, HIPAA Safe Harbor, GDPR "
      "Art. 30, suppressions, drift. A report, not a gate: exits 0 even with violations");
  AddScanFlags(*command, options->scan);
  command->add_option("--policy", options->policy,
                      "the policy file (default: $PGVEIL_POLICY, else the nearest pgveil.yaml)");
  command->add_option("--baseline", options->baseline,
                      "schema snapshot (pgveil snapshot) to report the drift since");
  command->add_option("--target", options->target,
                      "the masked copy (libpq DSN): measure its k-anonymity over the "
                      "quasi-identifiers, with GROUP BY on the server");
  command->add_option("--format", options->format, "html, markdown or json")
      ->check(CLI::IsMember({"html", "markdown", "md", "json"}))
      ->capture_default_str();
  command->add_option("-o,--output", options->output,
                      "write the report to FILE (required for html; others default to stdout)");
  command->callback(
      [options, runner] { *runner = [options] { return RunReportCommand(*options); }; });
}

}  // namespace pgveil::cli
