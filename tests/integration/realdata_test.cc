// Scans two public sample databases nobody on the team wrote (Northwind and
// Pagila, tests/data/realdata/SOURCES.md) and scores the findings against
// our labels: once with values, as `scan` sees them, and once on names and
// types alone, as `check` sees a schema right after its migrations.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "cli/scan_pipeline.h"
#include "datagen/labelled_truth.h"
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

}  // namespace pgveil
