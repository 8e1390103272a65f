#include "replicator/copy_plan.h"

#include <catch2/catch.hpp>

namespace pgveil::replicator {
namespace {

TablePlan Table(std::string name, int64_t pages, std::vector<std::string> columns) {
  TablePlan table;
  table.schema = "public";
  table.name = std::move(name);
  table.root_schema = table.schema;
  table.root_name = table.name;
  table.pages = pages;
  for (std::string& column : columns) {
    ColumnPlan plan;
    plan.name = std::move(column);
    plan.rule = "keep";
    table.columns.push_back(std::move(plan));
  }
  return table;
}

}  // namespace

TEST_CASE("small tables are one task each, biggest first", "[replicator]") {
  MaskingPlan plan;
  plan.tables.push_back(Table("small", 10, {"id"}));
  plan.tables.push_back(Table("medium", 500, {"id"}));
  plan.tables.push_back(Table("empty", 0, {"id"}));
  std::vector<CopyTask> tasks = PlanCopyTasks(plan, CopyPlanOptions{});
  REQUIRE(tasks.size() == 3);
  CHECK(tasks[0].table == 1);
  CHECK(tasks[1].table == 0);
  CHECK(tasks[2].table == 2);
  for (const CopyTask& task : tasks) CHECK(task.WholeTable());
}

TEST_CASE("a big table becomes page ranges that cover every page exactly once", "[replicator]") {
  MaskingPlan plan;
  plan.tables.push_back(Table("huge", 1050, {"id", "email"}));
  plan.tables.push_back(Table("tiny", 3, {"id"}));
  CopyPlanOptions options;
  options.split_pages = 250;
  std::vector<CopyTask> tasks = PlanCopyTasks(plan, options);
  std::vector<CopyTask> ranges;
  for (const CopyTask& task : tasks) {
    if (task.table == 0) ranges.push_back(task);
  }
  REQUIRE(ranges.size() == 5);                         // 250 x 4 + 50
  CHECK_FALSE(ranges.front().first_page.has_value());  // from the very first page
  CHECK_FALSE(ranges.back().end_page.has_value());     // past the last page counted
  for (size_t i = 1; i < ranges.size(); ++i) {
    REQUIRE(ranges[i - 1].end_page.has_value());
    REQUIRE(ranges[i].first_page.has_value());
    CHECK(*ranges[i].first_page == *ranges[i - 1].end_page);  // no gap, no overlap
  }
  CHECK(tasks.back().table == 1);  // the 50-page tail still outranks the 3-page table
}

TEST_CASE("range tasks read with a TID range scan on the table only", "[replicator]") {
  TablePlan table = Table("Big \"One\"", 1000, {"id", "E-Mail"});
  table.schema = "CRM Daten";
  CopyTask middle;
  middle.first_page = 100;
  middle.end_page = 200;
  CHECK(SourceCopySql(table, middle) ==
        "COPY (SELECT \"id\", \"E-Mail\" FROM ONLY \"CRM Daten\".\"Big \"\"One\"\"\" WHERE ctid "
        ">= '(100,0)'::tid AND ctid < '(200,0)'::tid) TO STDOUT");
  CopyTask first;
  first.end_page = 100;
  CHECK(SourceCopySql(table, first).find("WHERE ctid < '(100,0)'::tid)") != std::string::npos);
  CopyTask last;
  last.first_page = 900;
  CHECK(SourceCopySql(table, last).find("WHERE ctid >= '(900,0)'::tid)") != std::string::npos);
  CHECK(SourceCopySql(table, CopyTask{}) ==
        "COPY \"CRM Daten\".\"Big \"\"One\"\"\" (\"id\", \"E-Mail\") TO STDOUT");
  CHECK(TargetCopySql(table, false) ==
        "COPY \"CRM Daten\".\"Big \"\"One\"\"\" (\"id\", \"E-Mail\") FROM STDIN");
  CHECK(TargetCopySql(table, true).ends_with(" FROM STDIN WITH (FREEZE)"));
}

}  // namespace pgveil::replicator
