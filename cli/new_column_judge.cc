#include "cli/new_column_judge.h"

#include <algorithm>
#include <map>
#include <memory>

#include "core/category.h"
#include "policy/transformer_choice.h"
#include "scanner/column_scanner.h"

namespace pgveil::cli {
namespace {

// format_type() spells a type the SQL way; the scanner's type evidence
// reads pg_type's name and category, as the catalog reader gives them.
void DescribeType(const std::string& format_type, ColumnInfo& column) {
  static const std::map<std::string, std::pair<std::string, char>> kTypes = {
      {"text", {"text", 'S'}},
      {"character varying", {"varchar", 'S'}},
      {"character", {"bpchar", 'S'}},
      {"name", {"name", 'S'}},
      {"citext", {"citext", 'S'}},
      {"smallint", {"int2", 'N'}},
      {"integer", {"int4", 'N'}},
      {"bigint", {"int8", 'N'}},
      {"numeric", {"numeric", 'N'}},
      {"real", {"float4", 'N'}},
      {"double precision", {"float8", 'N'}},
      {"boolean", {"bool", 'B'}},
      {"date", {"date", 'D'}},
      {"timestamp without time zone", {"timestamp", 'D'}},
      {"timestamp with time zone", {"timestamptz", 'D'}},
      {"time without time zone", {"time", 'D'}},
      {"inet", {"inet", 'I'}},
      {"cidr", {"cidr", 'I'}},
      {"macaddr", {"macaddr", 'U'}},
      {"macaddr8", {"macaddr8", 'U'}},
      {"uuid", {"uuid", 'U'}},
      {"json", {"json", 'U'}},
      {"jsonb", {"jsonb", 'U'}},
      {"bytea", {"bytea", 'U'}},
  };
  column.data_type = format_type;
  std::string base = format_type.substr(0, format_type.find('('));
  if (base.ends_with("[]")) {
    column.type_name = "_" + base.substr(0, base.size() - 2);
    column.type_category = 'A';
    return;
  }
  auto known = kTypes.find(base);
  column.type_name = known != kTypes.end() ? known->second.first : base;
  column.type_category = known != kTypes.end() ? known->second.second : 'U';
}

// "{transform: email}", "{transform: fake_name, max_length: 40}".
std::string RuleText(const policy::TransformerChoice& choice) {
  std::string text = "{transform: " + choice.transformer;
  for (const auto& [name, value] : choice.params) text += ", " + name + ": " + value;
  return text + "}";
}

}  // namespace

Result<replicator::NewColumnJudge> MakeNewColumnJudge() {
  PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<scanner::ColumnScanner> created,
                          scanner::ColumnScanner::Create());
  std::shared_ptr<scanner::ColumnScanner> scanner = std::move(created);
  std::shared_ptr<scanner::ColumnScanner::Context> context = scanner->NewContext();
  return replicator::NewColumnJudge(
      [scanner, context](const ColumnRef& ref, const std::string& type) {
        TableInfo table;
        table.schema = ref.schema;
        table.name = ref.table;
        ColumnInfo column;
        column.name = ref.column;
        DescribeType(type, column);
        table.columns.push_back(column);
        scanner::ColumnScan scan = scanner->Scan(table, column, ColumnSample{}, 0, *context);
        replicator::ColumnJudgement judgement;
        if (scan.findings.empty()) return judgement;
        auto best = std::max_element(
            scan.findings.begin(), scan.findings.end(),
            [](const Finding& a, const Finding& b) { return a.confidence < b.confidence; });
        judgement.category = std::string(IdOf(best->category));
        std::optional<policy::TransformerChoice> choice = policy::ChooseForColumn(column, {&*best});
        judgement.rule = choice ? RuleText(*choice) : "{transform: ...}";
        return judgement;
      });
}

}  // namespace pgveil::cli
