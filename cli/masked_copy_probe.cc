#include "cli/masked_copy_probe.h"

#include "cli/terminal.h"
#include "pg/anonymity_probe.h"
#include "pg/connection.h"

namespace pgveil::cli {

Result<std::vector<TableAnonymity>> MeasureMaskedCopy(const std::string& target_dsn,
                                                      const Catalog& source_catalog,
                                                      const ScanResult& scan,
                                                      const policy::Policy& policy) {
  std::vector<pg::AnonymityQuery> queries;
  for (const TableInfo& table : source_catalog.tables) {
    const policy::TableRule* rule = policy.FindTable(table.schema, table.name);
    if (rule != nullptr && rule->skip) continue;
    pg::AnonymityQuery query{table.schema, table.name, {}, {}, policy.k_anonymity};
    for (const ColumnInfo& column : table.columns) {
      const ColumnRef ref{table.schema, table.name, column.name};
      if (FindQuasiIdentifier(scan.quasi_identifiers, ref) != nullptr) {
        query.quasi_identifiers.push_back(column.name);
      }
      const policy::ColumnRule* column_rule = policy.FindColumn(ref);
      if (column_rule != nullptr && column_rule->sensitive) query.sensitive.push_back(column.name);
    }
    if (!query.quasi_identifiers.empty()) queries.push_back(std::move(query));
  }
  std::vector<TableAnonymity> measured;
  if (queries.empty()) return measured;
  Result<std::unique_ptr<pg::Connection>> target = pg::Connection::Open(target_dsn);
  if (!target.ok()) return target.status().WithContext("--target");
  for (const pg::AnonymityQuery& query : queries) {
    Progress("measuring k-anonymity of " + query.schema + "." + query.table);
    Result<TableAnonymity> table = pg::MeasureAnonymity(**target, query);
    if (!table.ok()) {
      return table.status().WithContext("--target: measuring " + query.schema + "." + query.table);
    }
    measured.push_back(std::move(*table));
  }
  Progress("");
  return measured;
}

}  // namespace pgveil::cli
