// Scans two public sample databases nobody on the team wrote (Northwind and
// Pagila, tests/data/realdata/SOURCES.md) and scores the findings against
// our labels: once with values, as `scan` sees them, and once on names and
// types alone, as `check` sees a schema right after its migrations.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli/scan_pipeline.h"
#include "datagen/labelled_truth.h"
#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/test_database.h"

namespace pgveil {
namespace {

struct RealDatabase {
  std::string name;
  std::vector<std::string> files;  // loaded in this order
  std::string labels;
};

const RealDatabase kNorthwind{
    "northwind", {"tests/data/realdata/northwind.sql"}, "tests/data/realdata/northwind.truth.json"};
const RealDatabase kPagila{
    "pagila",
    {"tests/data/realdata/pagila-schema.sql", "tests/data/realdata/pagila-data.sql"},
    "tests/data/realdata/pagila.truth.json"};

datagen::LabelledTruth Labels(const RealDatabase& db) {
  std::ifstream in(std::string(PGVEIL_SOURCE_DIR) + "/" + db.labels);
  REQUIRE(in);
  std::stringstream text;
  text << in.rdbuf();
  auto truth = datagen::ParseLabelledTruth(text.str());
  INFO(truth.status().message());
  REQUIRE(truth.ok());
  return std::move(truth).value();
}

datagen::Evaluation ScanAndScore(const RealDatabase& db, const std::string& dsn,
                                 bool sample_values) {
  cli::ScanOptions options;
  options.dsn = dsn;
  options.sample_values = sample_values;
  auto outcome = cli::RunScan(options);
  INFO(outcome.status().message());
  REQUIRE(outcome.ok());
  return datagen::EvaluateLabelled(Labels(db), outcome->result.findings);
}

// Column F1 >= 0.97 and category accuracy >= 0.95; every mistake (names
// only) is listed with a failed check.
void CheckBar(const std::string& label, const datagen::Evaluation& score) {
  std::string mistakes;
  for (const std::string& mistake : score.mistakes) mistakes += "\n  " + mistake;
  INFO("mistakes:" << mistakes);
  INFO(label << ": columns P=" << score.columns.Precision() << " R=" << score.columns.Recall()
             << " F1=" << score.columns.F1() << "; category accuracy=" << score.CategoryAccuracy());
  CHECK(score.columns.F1() >= 0.97);
  CHECK(score.CategoryAccuracy() >= 0.95);
}

}  // namespace

TEST_CASE("scan meets the accuracy bar on public sample databases", "[integration]") {
  for (const RealDatabase& db : {kNorthwind, kPagila}) {
    std::string dsn = testing::SqlFilesDatabase("real_" + db.name, db.files);
    CheckBar(db.name, ScanAndScore(db, dsn, true));
    CheckBar(db.name + " (gate's view: names and types only)", ScanAndScore(db, dsn, false));
  }
}

// What a user runs on their own labelled database: the scores, then every
// mistake by name; never a sampled value.
TEST_CASE("scan --truth scores a database against its labels, names only", "[integration]") {
  std::string dsn = testing::SqlFilesDatabase("real_pagila_cli", kPagila.files);
  std::string labels = testing::ScratchDir("truth_cli") + "/labels.json";
  std::ofstream(labels) << R"({"columns": {"public.customer.email": "email",
      "public.category.name": "person_name", "public.film.title": "none"}})";
  testing::ProcessResult run = testing::RunPgveil({"scan", "--dsn", dsn, "--truth", labels});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("precision 1.00  recall 0.50") != std::string::npos);
  CHECK(run.out.find("false negative public.category.name: person_name") != std::string::npos);
  CHECK(run.out.find("Action") == std::string::npos);  // a value of that column
  CHECK(run.out.find('@') == std::string::npos);       // nor any e-mail address

  std::ofstream(labels) << R"({"columns": {"public.customer": "email"}})";
  testing::ProcessResult bad = testing::RunPgveil({"scan", "--dsn", dsn, "--truth", labels});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("public.customer") != std::string::npos);
}

}  // namespace pgveil
