// `pgveil report` as a compliance owner runs it: the report holds what the
// database and the policy say (a new column since the baseline, its
// violation, the suppression, the policy's hash), exits 0 although the
// policy has violations, and every way the command can be misused exits 2
// or 3 with a message that says why, before any database work when the
// configuration is at fault.
#include <catch2/catch.hpp>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/integration/report_fixture.h"
#include "tests/support/process.h"
#include "tests/support/test_database.h"

namespace pgveil {
namespace {

using testing::RunPgveil;

TEST_CASE("the report shows the drift, the violation and the suppression, and exits 0",
          "[report][integration]") {
  const testing::ShopReports& run = testing::ShopReportRun();
  nlohmann::json doc = nlohmann::json::parse(testing::ReadWholeFile(run.json));
  CHECK(doc["report"]["policy"]["file"] == run.policy);
  CHECK(doc["report"]["policy"]["sha256"].get<std::string>().size() == 64);
  CHECK(doc["report"]["baseline"] == run.baseline);
  CHECK(doc["scan"]["database"] == "report_shop");

  bool added = false;
  for (const auto& change : doc["drift"]) {
    added = added || (change["kind"] == "column_added" && change["column"] == "billing_email");
  }
  CHECK(added);
  bool flagged = false;
  for (const auto& v : doc["violations"]) {
    flagged = flagged ||
              (v["rule"] == "unmasked-pii" && v["column"] == "billing_email" && v["new"] == true);
  }
  CHECK(flagged);
  CHECK(doc["summary"]["violations"]["errors"].get<int>() >= 1);
  CHECK(doc["summary"]["coverage"]["uncovered"].get<int>() >= 1);

  REQUIRE(doc["suppressions"].size() == 1);
  CHECK(doc["suppressions"][0]["column"] == "barcode");
  CHECK(doc["suppressions"][0]["expires"] == "2099-12-31");
  CHECK(doc["hipaa_safe_harbor"].size() == 18);
  CHECK(doc["summary"]["pii_tables"].get<int>() >= 8);

  const std::string markdown = testing::ReadWholeFile(run.markdown);
  CHECK_THAT(markdown, Catch::Contains("## HIPAA Safe Harbor"));
  CHECK_THAT(markdown, Catch::Contains("`public.customers.billing_email`"));
  const std::string html = testing::ReadWholeFile(run.html);
  CHECK_THAT(html, Catch::StartsWith("<!DOCTYPE html>"));
  CHECK_THAT(html, Catch::Contains("billing_email"));
}

TEST_CASE("report refuses bad configuration with exit 2 and a broken database with 3",
          "[report][integration]") {
  const testing::ShopReports& run = testing::ShopReportRun();
  const std::string dir = run.dir;

  auto missing =
      RunPgveil({"report", "--dsn", run.dsn, "--policy", dir + "/none.yaml", "--format", "json"});
  CHECK(missing.exit_code == 2);
  CHECK_THAT(missing.err, Catch::Contains("none.yaml"));

  const std::string broken = dir + "/broken.yaml";
  {
    std::ofstream out(broken);
    out << "version: 1\ntables:\n  public.customers:\n    email: {transform: emial}\n";
  }
  auto invalid = RunPgveil({"report", "--dsn", run.dsn, "--policy", broken, "--format", "json"});
  CHECK(invalid.exit_code == 2);
  CHECK_THAT(invalid.err, Catch::Contains(broken + ":4:"));

  auto html_to_terminal = RunPgveil({"report", "--dsn", run.dsn, "--policy", run.policy});
  CHECK(html_to_terminal.exit_code == 2);
  CHECK_THAT(html_to_terminal.err, Catch::Contains("-o FILE"));

  auto bad_format =
      RunPgveil({"report", "--policy", run.policy, "--format", "pdf", "-o", dir + "/x.pdf"});
  CHECK(bad_format.exit_code == 2);

  auto bad_baseline = RunPgveil({"report", "--dsn", run.dsn, "--policy", run.policy, "--baseline",
                                 run.policy, "--format", "json"});
  CHECK(bad_baseline.exit_code == 2);
  CHECK_THAT(bad_baseline.err, Catch::Contains("--baseline"));

  auto unreachable = RunPgveil({"report", "--dsn", "host=127.0.0.1 port=1 connect_timeout=2",
                                "--policy", run.policy, "--format", "json"});
  CHECK(unreachable.exit_code == 3);
  CHECK(unreachable.out.empty());

  auto unwritable = RunPgveil({"report", "--dsn", run.dsn, "--policy", run.policy, "--format",
                               "markdown", "-o", dir + "/no/such/dir/report.md"});
  CHECK(unwritable.exit_code == 3);

  auto to_stdout =
      RunPgveil({"report", "--dsn", run.dsn, "--policy", run.policy, "--format", "markdown"});
  CHECK(to_stdout.exit_code == 0);
  CHECK_THAT(to_stdout.out, Catch::StartsWith("# PII compliance report: report\\_shop"));
}

}  // namespace
}  // namespace pgveil
