// `pgveil demo`: everything pgveil does, on a throwaway database. Starts a
// cluster, loads the generated shop database, scans it, prints the findings,
// scores them against the generator's truth, drafts a policy as `pgveil
// bootstrap` would, writes the HTML compliance report against it and says
// where the reports are.
#include <filesystem>
#include <memory>

#include <fmt/format.h>

#include "cli/command.h"
#include "cli/compliance_input.h"
#include "cli/exit_codes.h"
#include "cli/scan_pipeline.h"
#include "cli/terminal.h"
#include "cli/throwaway_cluster.h"
#include "datagen/evaluation.h"
#include "datagen/generator.h"
#include "pg/connection.h"
#include "pg/database_loader.h"
#include "policy/bootstrap.h"
#include "policy/policy_loader.h"
#include "reports/compliance_report.h"
#include "reports/scan_report.h"

namespace pgveil::cli {
namespace {

struct DemoOptions {
  uint64_t seed = 1;
  double scale = 1.0;
  std::string output_dir = (std::filesystem::temp_directory_path() / "pgveil-demo").string();
};

Status LoadShop(const std::string& server_dsn, const std::string& shop_dsn,
                const datagen::GeneratorOptions& options) {
  PGVEIL_ASSIGN_OR_RETURN(auto admin, pg::Connection::Open(server_dsn));
  PGVEIL_RETURN_IF_ERROR(admin->Execute("CREATE DATABASE shop"));
  PGVEIL_ASSIGN_OR_RETURN(auto loader, pg::DatabaseLoader::Open(shop_dsn));
  return datagen::GenerateShop(options, *loader).WithContext("loading the generated shop database");
}

// The demo has no policy of its own: it drafts one from the scan, writes it
// to `policy_path` and writes the HTML compliance report against it.
Status WriteDemoReport(const ScanOutcome& outcome, const std::string& policy_path,
                       const std::string& report_path) {
  std::string text = policy::WriteDraftPolicy(policy::DraftFromScan(
      outcome.catalog, outcome.result.findings, {}, outcome.result.quasi_identifiers));
  PGVEIL_RETURN_IF_ERROR(WriteOutput(policy_path, text));
  PGVEIL_ASSIGN_OR_RETURN(policy::Policy drafted, policy::LoadPolicy(text, policy_path));
  ComplianceSources sources;
  sources.scan = outcome;
  sources.policy = std::move(drafted);
  sources.policy_text = std::move(text);
  reports::ComplianceReport report = MakeComplianceReport(std::move(sources));
  return WriteOutput(report_path, reports::ComplianceHtml(report));
}

int RunDemo(const DemoOptions& options) {
  std::printf("Starting a throwaway PostgreSQL cluster...\n");
  auto cluster = ThrowawayCluster::Start();
  if (!cluster.ok()) return ReportError(cluster.status());
  std::string shop_dsn = (*cluster)->dsn() + " dbname=shop";
  datagen::GeneratorOptions generator{options.seed, options.scale};
  std::printf("Loading a generated shop database (seed %llu, scale %g)...\n",
              static_cast<unsigned long long>(options.seed), options.scale);
  if (Status loaded = LoadShop((*cluster)->dsn(), shop_dsn, generator); !loaded.ok())
    return ReportError(loaded);

  ScanOptions scan;
  scan.dsn = shop_dsn;
  scan.include_matviews = true;
  auto outcome = RunScan(scan);
  if (!outcome.ok()) return ReportError(outcome.status());
  std::printf("\n%s", reports::ScanText(outcome->result, UseColor(1)).c_str());

  std::error_code ignored;
  std::filesystem::create_directories(options.output_dir, ignored);
  std::string json_path = options.output_dir + "/scan.json";
  std::string truth_path = options.output_dir + "/truth.json";
  std::vector<datagen::TruthEntry> truth = datagen::ShopTruth(generator);
  if (Status s = WriteOutput(json_path, reports::ScanJson(outcome->result)); !s.ok())
    return ReportError(s);
  if (Status s = WriteOutput(truth_path, datagen::TruthToJson(truth)); !s.ok())
    return ReportError(s);

  datagen::Evaluation score = datagen::Evaluate(truth, outcome->result.findings);
  std::printf(
      "\nAgainst the generator's truth: column precision %.3f, recall %.3f, F1 %.3f; "
      "JSONB path F1 %.3f; category accuracy %.3f\n",
      score.columns.Precision(), score.columns.Recall(), score.columns.F1(), score.paths.F1(),
      score.CategoryAccuracy());
  std::string policy_path = options.output_dir + "/pgveil.yaml";
  std::string report_path = options.output_dir + "/report.html";
  if (Status s = WriteDemoReport(*outcome, policy_path, report_path); !s.ok())
    return ReportError(s);
  std::printf("JSON report:  %s\nTruth file:   %s\nDraft policy: %s\n", json_path.c_str(),
              truth_path.c_str(), policy_path.c_str());
  std::printf("Compliance report (HTML): %s\n", report_path.c_str());
  return kExitClean;
}

}  // namespace

void AddDemoCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<DemoOptions>();
  CLI::App* command =
      app.add_subcommand("demo", "Run pgveil end to end on a throwaway generated database");
  command->add_option("--seed", options->seed, "generator seed")->capture_default_str();
  command->add_option("--scale", options->scale, "generator scale (1 = ~2,000 customers)")
      ->check(CLI::Range(0.01, 10000.0))
      ->capture_default_str();
  command->add_option("--output-dir", options->output_dir, "where the reports go")
      ->capture_default_str();
  command->callback([options, runner] { *runner = [options] { return RunDemo(*options); }; });
}

}  // namespace pgveil::cli
