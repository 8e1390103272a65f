// JSON and JSONB values come from production rows of any shape. The walker
// must visit every leaf under a canonical path or refuse the document whole,
// and a jsonb column of such documents must scan without crashing.
#include <string>

#include "core/sample.h"
#include "core/status.h"
#include "scanner/json_walker.h"
#include "tests/fuzz/column_scan.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {
namespace {

void ScanAsJsonbColumn(std::string_view document) {
  ColumnSample sample;
  sample.values.assign(3, std::string(document));
  scanner::ColumnScan scan = ScanColumn("payload", "jsonb", sample);
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
