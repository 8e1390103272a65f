#include "tests/fuzz/column_scan.h"

#include <memory>

#include "core/status.h"

namespace pgveil::fuzz {

scanner::ColumnScan ScanColumn(const std::string& name, const std::string& type,
                               const ColumnSample& sample) {
  static const auto scanner = [] {
    auto created = scanner::ColumnScanner::Create();
    PGVEIL_CHECK(created.ok());
    return std::move(created).value();
  }();
  static const auto context = scanner->NewContext();
  ColumnInfo column;
  column.name = name;
  column.data_type = type;
  column.type_name = type;
  column.type_category = type == "text" ? 'S' : 'U';
  TableInfo table;
  table.schema = "public";
  table.name = "fuzzed";
  table.columns.push_back(column);
  const auto rows = static_cast<int64_t>(sample.values.size());
  return scanner->Scan(table, column, sample, rows, *context);
}

}  // namespace pgveil::fuzz
