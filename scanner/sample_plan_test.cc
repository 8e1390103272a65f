#include "scanner/sample_plan.h"

#include <catch2/catch.hpp>

namespace pgveil::scanner {
namespace {

TableInfo Table(double reltuples, int64_t relpages) {
  TableInfo table;
  table.schema = "Sales Data";
  table.name = "Kunden \"A\"";
  table.reltuples = reltuples;
  table.relpages = relpages;
  ColumnInfo email;
  email.name = "E-Mail";
  email.type_name = "text";
  ColumnInfo profile;
  profile.name = "profile";
  profile.type_name = "jsonb";
  ColumnInfo photo;
  photo.name = "photo";
  photo.type_name = "bytea";
  table.columns = {email, profile, photo};
  return table;
}

}  // namespace

TEST_CASE("small tables are read whole, by reltuples and never count(*)", "[scanner]") {
  SampleOptions options;
  CHECK(PlanSample(Table(500, 5), options).method == SampleMethod::kWhole);
  CHECK(PlanSample(Table(-1, 3), options).method ==
        SampleMethod::kWhole);  // never analysed, tiny on disk
  CHECK(PlanSample(Table(-1, 5000), options).method == SampleMethod::kSystem);
}

TEST_CASE("medium tables use BERNOULLI, large ones SYSTEM, always capped", "[scanner]") {
  SampleOptions options{.sample_percent = 3, .seed = 7, .max_rows_per_table = 500};
  SamplePlan medium = PlanSample(Table(50000, 400), options);
  CHECK(medium.method == SampleMethod::kBernoulli);
  CHECK(medium.percent == 3);
  CHECK(medium.limit == 500);
  CHECK(PlanSample(Table(5e7, 400000), options).method == SampleMethod::kSystem);
}

TEST_CASE("the sample query quotes every identifier and reads text", "[scanner]") {
  SampleOptions options{.sample_percent = 5, .seed = 42, .max_rows_per_table = 10000};
  TableInfo table = Table(50000, 400);
  CHECK(
      SampleQuery(table, PlanSample(table, options), 42) ==
      "SELECT left(\"E-Mail\"::text, 65536), "
      "CASE WHEN octet_length(\"profile\"::text) <= 1048576 THEN \"profile\"::text END, NULL::text "
      "FROM \"Sales Data\".\"Kunden \"\"A\"\"\" TABLESAMPLE BERNOULLI (5) REPEATABLE (42) LIMIT "
      "10000");
  CHECK(SampleQuery(Table(10, 1), PlanSample(Table(10, 1), options), 42)
            .ends_with("\"Kunden \"\"A\"\"\" LIMIT 10000"));
}

}  // namespace pgveil::scanner
