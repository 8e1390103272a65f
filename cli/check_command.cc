// `pgveil check`: the CI gate. Loads the policy (and the baseline and the
// migrations, if given), scans the database, holds the policy against the
// catalog and the findings, and writes the violations in the format the CI
// system reads. Exit 0 clean (warnings allowed), 1 violations, 2 an invalid
// policy, flag, baseline or migrations folder, 3 the database failed. The
// configuration is read before the database is touched, so a broken policy
// is reported as such however the database is doing.
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/masked_copy_probe.h"
#include "cli/policy_discovery.h"
#include "cli/policy_file.h"
#include "cli/scan_pipeline.h"
#include "cli/terminal.h"
#include "policy/check.h"
#include "reports/check_report.h"

namespace pgveil::cli {
namespace {

struct CheckCommandOptions {
  ScanOptions scan;
  bool no_sample = false;
  std::string policy;
  std::string mode;
  std::string baseline;
  std::string migrations;
  std::string target;
  std::string format = "text";
  std::string output;
};

// Appends the Markdown summary for GitHub Actions' job page, when running
// there ($GITHUB_STEP_SUMMARY names the file).
Status WriteGithubStepSummary(const CheckResult& result) {
  const char* path = std::getenv("GITHUB_STEP_SUMMARY");
  if (path == nullptr || path[0] == '\0') {
    return Status::Ok();
  }
  std::ofstream out(path, std::ios::binary | std::ios::app);
  std::string summary = reports::GithubStepSummary(result);
  out.write(summary.data(), static_cast<std::streamsize>(summary.size()));
  out.close();
  if (!out) {
    return Status::Unavailable(std::string("cannot write GITHUB_STEP_SUMMARY ") + path);
  }
  return Status::Ok();
}

int RunCheckCommand(CheckCommandOptions options) {
  std::optional<reports::CheckFormat> format = reports::CheckFormatFromName(options.format);
  if (!format) {
    return ReportError(Status::InvalidArgument("unknown format " + options.format));
  }
  Result<std::string> policy_path = ResolvePolicyPath(options.policy);
  if (!policy_path.ok()) return ReportError(policy_path.status());
  options.policy = *policy_path;
  Result<policy::Policy> loaded = LoadPolicyFile(options.policy);
  if (!loaded.ok()) {
    return ReportErrorLines(loaded.status());
  }
  policy::CheckOptions check;
  if (!options.mode.empty()) {
    check.mode = policy::ModeFromName(options.mode);
  }
  std::optional<policy::SchemaSnapshot> baseline;
  if (!options.baseline.empty()) {
    Result<policy::SchemaSnapshot> read = LoadSnapshotFile(options.baseline);
    if (!read.ok()) {
      return ReportError(read.status().WithContext("--baseline"));
    }
    baseline = std::move(read).value();
    check.baseline = &*baseline;
  }
  std::optional<policy::MigrationAnchors> anchors;
  if (!options.migrations.empty()) {
    Result<std::vector<policy::MigrationFile>> files = ReadMigrations(options.migrations);
    if (!files.ok()) {
      return ReportError(files.status().WithContext("--migrations"));
    }
    anchors = policy::FindMigrationAnchors(*files);
    check.anchors = &*anchors;
  }

  options.scan.sample_values = !options.no_sample;
  options.scan.include_matviews = true;  // the gate covers materialized views
  Result<ScanOutcome> scanned = RunScan(options.scan);
  if (!scanned.ok()) {
    return ReportError(scanned.status());
  }

  check.quasi_identifiers = &scanned->result.quasi_identifiers;
  std::vector<TableAnonymity> anonymity;
  if (!options.target.empty()) {
    Result<std::vector<TableAnonymity>> measured =
        MeasureMaskedCopy(options.target, scanned->catalog, scanned->result, *loaded);
    if (!measured.ok()) {
      return ReportError(measured.status());
    }
    anonymity = std::move(measured).value();
    check.anonymity = &anonymity;
  }
  CheckResult result =
      policy::Check(*loaded, scanned->catalog, scanned->result.findings, Today(), check);
  reports::CheckRenderOptions render;
  bool to_terminal = options.output.empty() || options.output == "-";
  render.color = to_terminal && UseColor(1);
  Status written = WriteOutput(options.output, reports::RenderCheck(result, *format, render));
  if (!written.ok()) {
    return ReportError(written);
  }
  if (*format == reports::CheckFormat::kGithub) {
    Status summary = WriteGithubStepSummary(result);
    if (!summary.ok()) {
      return ReportError(summary);
    }
  }
  return result.Errors() > 0 ? kExitFindings : kExitClean;
}

}  // namespace

void AddCheckCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<CheckCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "check", "Hold the masking policy against the database; exit 1 on violations");
  AddScanFlags(*command, options->scan);
  command->add_option("--policy", options->policy,
                      "the policy file (default: $PGVEIL_POLICY, else the nearest pgveil.yaml)");
  command->add_option("--mode", options->mode, "strict or relaxed (default: the policy's mode)")
      ->check(CLI::IsMember({"strict", "relaxed"}));
  command->add_option("--baseline", options->baseline,
                      "schema snapshot (pgveil snapshot) to mark what is new since");
  command->add_option("--migrations", options->migrations,
                      "folder of *.sql migrations: anchor each violation at the line that "
                      "created its column");
  command->add_option("--target", options->target,
                      "the masked copy (libpq DSN): with require: anonymous, fail when its "
                      "k-anonymity is below the policy's k_anonymity");
  command->add_flag("--no-sample", options->no_sample,
                    "read the catalog only: judge columns on name and type, read no rows");
  command->add_option("--format", options->format, "text, json, sarif, junit, github or gitlab")
      ->check(CLI::IsMember({"text", "json", "sarif", "junit", "github", "gitlab"}))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "write the report to FILE instead of stdout");
  command->callback(
      [options, runner] { *runner = [options] { return RunCheckCommand(*options); }; });
}

}  // namespace pgveil::cli
