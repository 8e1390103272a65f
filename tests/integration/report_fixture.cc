#include "tests/integration/report_fixture.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/test_database.h"

namespace pgveil::testing {
namespace {

constexpr const char* kMigration =
    "ALTER TABLE public.customers ADD COLUMN billing_email text;\n"
    "UPDATE public.customers SET billing_email = 'billing' || customer_id || '@example.net'\n"
    " WHERE customer_id % 3 = 0;\n"
    "ANALYZE public.customers;\n";

constexpr const char* kSuppression =
    "suppress:\n"
    "  - column: public.products.barcode\n"
    "    reason: EAN-13 barcodes, not card numbers\n"
    "    expires: 2099-12-31\n";

void Run(const std::vector<std::string>& args) {
  ProcessResult result = RunPgveil(args);
  INFO("pgveil " << args.front() << ": " << result.err);
  REQUIRE(result.exit_code == 0);
}

ShopReports Build() {
  ShopReports run;
  run.generator = {.seed = 11, .scale = 0.5};
  run.dsn = ShopDatabase("report_shop", run.generator);
  run.dir = ScratchDir("report");
  run.policy = run.dir + "/pgveil.yaml";
  run.baseline = run.dir + "/baseline.json";
  run.html = run.dir + "/report.html";
  run.markdown = run.dir + "/report.md";
  run.json = run.dir + "/report.json";
  run.scan_json = run.dir + "/scan.json";
  run.scan_text = run.dir + "/scan.txt";

  Run({"bootstrap", "--dsn", run.dsn, "-o", run.policy});
  {
    std::ofstream policy(run.policy, std::ios::binary | std::ios::app);
    policy << kSuppression;
    REQUIRE(policy.good());
  }
  Run({"snapshot", "--dsn", run.dsn, "-o", run.baseline});
  Exec(run.dsn, kMigration);
  const std::vector<std::string> report = {"report",   "--dsn",      run.dsn,     "--policy",
                                           run.policy, "--baseline", run.baseline};
  auto with = [&](std::vector<std::string> extra) {
    std::vector<std::string> args = report;
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  };
  Run(with({"--format", "html", "-o", run.html}));
  Run(with({"--format", "markdown", "-o", run.markdown}));
  Run(with({"--format", "json", "-o", run.json}));
  Run({"scan", "--dsn", run.dsn, "--format", "json", "-o", run.scan_json});
  Run({"scan", "--dsn", run.dsn, "-o", run.scan_text});
  return run;
}

}  // namespace

const ShopReports& ShopReportRun() {
  static const ShopReports run = Build();
  return run;
}

std::string ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  INFO(path);
  REQUIRE(in.good());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace pgveil::testing
