// `pgveil scan`: sample the database, detect PII, print the findings.
#include <memory>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/policy_file.h"
#include "cli/scan_pipeline.h"
#include "cli/terminal.h"
#include "cli/truth_evaluation.h"
#include "datagen/labelled_truth.h"
#include "reports/scan_report.h"

namespace pgveil::cli {
namespace {

struct ScanCommandOptions {
  ScanOptions scan;
  std::string format = "text";
  std::string output;
  bool plan = false;
  bool no_sample = false;
  std::string truth;  // labels file: print the scan's score against it instead of findings
};

// `scan --plan`: the sample queries, as COPY statements psql can run.
int PrintPlan(const ScanCommandOptions& options) {
  auto queries = PlanScan(options.scan);
  if (!queries.ok()) return ReportError(queries.status());
  std::string text;
  for (const std::string& query : *queries) text += "COPY (" + query + ") TO STDOUT;\n";
  Status written = WriteOutput(options.output, text);
  return written.ok() ? kExitClean : ReportError(written);
}

// `scan --truth FILE`: the labels are read before the scan, so a bad file
// fails at once (exit 2).
int EvaluateScan(const ScanCommandOptions& options) {
  auto text = ReadTextFile(options.truth, "labels");
  if (!text.ok()) return ReportError(text.status());
  auto truth = datagen::ParseLabelledTruth(*text);
  if (!truth.ok()) return ReportError(truth.status().WithContext(options.truth));
  auto outcome = RunScan(options.scan);
  if (!outcome.ok()) return ReportError(outcome.status());
  datagen::Evaluation evaluation = datagen::EvaluateLabelled(*truth, outcome->result.findings);
  Status written =
      WriteOutput(options.output, options.format == "json" ? EvaluationJson(evaluation)
                                                           : EvaluationText(evaluation));
  return written.ok() ? kExitClean : ReportError(written);
}

int RunScanCommand(ScanCommandOptions options) {
  options.scan.sample_values = !options.no_sample;
  if (options.plan) return PrintPlan(options);
  if (!options.truth.empty()) return EvaluateScan(options);
  auto outcome = RunScan(options.scan);
  if (!outcome.ok()) return ReportError(outcome.status());
  bool to_terminal = options.output.empty() || options.output == "-";
  std::string text = options.format == "json"
                         ? reports::ScanJson(outcome->result)
                         : reports::ScanText(outcome->result, to_terminal && UseColor(1));
  Status written = WriteOutput(options.output, text);
  if (!written.ok()) return ReportError(written);
  return kExitClean;
}

}  // namespace

void AddScanCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<ScanCommandOptions>();
  CLI::App* command = app.add_subcommand("scan", "Sample the database and report the PII found");
  AddScanFlags(*command, options->scan);
  command->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  command->add_option("-o,--output", options->output, "write the report to FILE instead of stdout");
  command->add_flag("--plan", options->plan,
                    "print the sample queries (as COPY statements) instead of running them");
  command->add_flag("--no-sample", options->no_sample,
                    "read the catalog only: judge columns on name and type, read no rows "
                    "(what check sees on a new, empty schema)");
  command->add_option("--truth", options->truth,
                      "score the scan against labels in FILE (README: labelling) and print "
                      "precision, recall, F1, category accuracy and the mistakes");
  command->callback(
      [options, runner] { *runner = [options] { return RunScanCommand(*options); }; });
}

}  // namespace pgveil::cli
