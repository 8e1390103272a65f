#include "replicator/masking_plan.h"

#include <algorithm>
#include <map>

#include "masking/registry.h"

namespace pgveil::replicator {
namespace {

// Relations by "schema.table", for walking partitions up to their root.
using RelationIndex = std::map<std::string, const TableInfo*>;

// The topmost ancestor of `table` (itself when it is not a partition).
const TableInfo& RootOf(const TableInfo& table, const RelationIndex& index) {
  const TableInfo* current = &table;
  for (int depth = 0; current->parent && depth < 64; ++depth) {
    auto parent = index.find(*current->parent);
    if (parent == index.end()) break;
    current = parent->second;
  }
  return *current;
}

Result<ColumnPlan> PlanColumn(const TableInfo& root, const ColumnInfo& column,
                              const policy::TableRule& rules, const masking::KeyRing& keys) {
  ColumnRef ref{root.schema, root.name, column.name};
  auto found = rules.columns.find(column.name);
  if (found == rules.columns.end()) {
    return Status::InvalidArgument("column " + ref.ToString() +
                                   " has no rule in the policy (run pgveil check)");
  }
  ColumnPlan plan;
  plan.name = column.name;
  plan.rule = RuleName(found->second);
  PGVEIL_ASSIGN_OR_RETURN(plan.prototype, BuildColumnTransformer(ref, found->second, keys));
  return plan;
}

}  // namespace

std::string RuleName(const policy::ColumnRule& rule) {
  return rule.kind == policy::ColumnRule::Kind::kKeep ? "keep" : rule.transformer;
}

Result<std::unique_ptr<masking::Transformer>> BuildColumnTransformer(
    const ColumnRef& column, const policy::ColumnRule& rule, const masking::KeyRing& keys) {
  if (RuleName(rule) == "keep") return std::unique_ptr<masking::Transformer>();
  std::string domain = rule.domain.value_or(column.ToString());
  Result<std::unique_ptr<masking::Transformer>> transformer =
      masking::CreateTransformer(rule.transformer, rule.RegistryParams(), domain, keys);
  if (!transformer.ok()) {
    return transformer.status().WithContext("building the " + rule.transformer +
                                            " transformer of " + column.ToString());
  }
  return transformer;
}

namespace {

Result<TablePlan> PlanTable(const TableInfo& table, const TableInfo& root,
                            const policy::TableRule& rules, const masking::KeyRing& keys) {
  TablePlan plan;
  plan.schema = table.schema;
  plan.name = table.name;
  plan.root_schema = root.schema;
  plan.root_name = root.name;
  plan.pages = table.relpages;
  plan.reltuples = table.reltuples;
  for (const ColumnInfo& column : table.columns) {
    if (column.generated) continue;
    PGVEIL_ASSIGN_OR_RETURN(ColumnPlan column_plan, PlanColumn(root, column, rules, keys));
    plan.columns.push_back(std::move(column_plan));
  }
  return plan;
}

}  // namespace

int TablePlan::MaskedColumns() const {
  return static_cast<int>(std::count_if(
      columns.begin(), columns.end(), [](const ColumnPlan& c) { return c.prototype != nullptr; }));
}

Result<MaskingPlan> BuildMaskingPlan(const policy::Policy& policy, const Catalog& catalog,
                                     const masking::KeyRing& keys) {
  RelationIndex index;
  for (const TableInfo& table : catalog.tables) index[table.QualifiedName()] = &table;
  MaskingPlan plan;
  for (const TableInfo& table : catalog.tables) {
    const TableInfo& root = RootOf(table, index);
    const policy::TableRule* rules = policy.FindTable(root.schema, root.name);
    RelationRef ref{table.schema, table.name, table.oid};
    switch (table.kind) {
      case RelationKind::kView:
      case RelationKind::kForeignTable:
        continue;
      case RelationKind::kPartitionedTable:
        if (rules != nullptr && rules->skip) plan.skipped.push_back(ref);
        continue;
      case RelationKind::kMaterializedView:
        if (rules != nullptr && rules->skip) {
          plan.skipped.push_back(ref);
        } else {
          plan.matviews.push_back(ref);
        }
        continue;
      case RelationKind::kTable:
      case RelationKind::kPartition:
        break;
    }
    if (rules == nullptr) {
      return Status::InvalidArgument("table " + root.QualifiedName() +
                                     " has no rule in the policy (run pgveil check)");
    }
    if (rules->skip) {
      plan.skipped.push_back(ref);
      continue;
    }
    PGVEIL_ASSIGN_OR_RETURN(TablePlan table_plan, PlanTable(table, root, *rules, keys));
    plan.tables.push_back(std::move(table_plan));
  }
  std::sort(plan.matviews.begin(), plan.matviews.end(),
            [](const RelationRef& a, const RelationRef& b) { return a.oid < b.oid; });
  return plan;
}

}  // namespace pgveil::replicator
