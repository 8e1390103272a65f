// JSON and JSONB values come from production rows of any shape. The walker
// must visit every leaf under a canonical path or refuse the document whole,
// and a jsonb column of such documents must scan without crashing.
#include <memory>
#include <string>

#include "core/sample.h"
#include "core/schema.h"
#include "core/status.h"
#include "scanner/column_scanner.h"
#include "scanner/json_walker.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {
namespace {

void ScanAsJsonbColumn(std::string_view document) {
  static const auto scanner = [] {
    auto created = scanner::ColumnScanner::Create();
    PGVEIL_CHECK(created.ok());
    return std::move(created).value();
  }();
  static const auto context = scanner->NewContext();
  TableInfo table{.schema = "public", .name = "events"};
  ColumnInfo column{.name = "payload", .data_type = "jsonb", .type_name = "jsonb"};
  table.columns.push_back(column);
  ColumnSample sample;
  sample.values.assign(3, std::string(document));
  scanner::ColumnScan scan = scanner->Scan(table, column, sample, 3, *context);
  PGVEIL_CHECK(scan.malformed_json == 0 || scan.malformed_json == 3);
}

}  // namespace

void FuzzJsonWalker(std::string_view data) {
  static scanner::JsonWalker walker;
  int leaves = 0;
  Status walked = walker.Walk(data, [&](std::string_view path, std::string_view key,
                                        std::string_view parent, std::string_view) {
    ++leaves;
    PGVEIL_CHECK(path.starts_with("$"));
    if (!key.empty()) PGVEIL_CHECK(path.find(scanner::PathStep(key)) != std::string_view::npos);
    if (!parent.empty()) {
      PGVEIL_CHECK(path.find(scanner::PathStep(parent)) != std::string_view::npos);
    }
  });
  if (!walked.ok()) {
    PGVEIL_CHECK(walked.code() == StatusCode::kInvalidArgument);
    PGVEIL_CHECK(leaves == 0);
  }
  ScanAsJsonbColumn(data);
}

}  // namespace pgveil::fuzz
