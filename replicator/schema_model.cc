#include "replicator/schema_model.h"

#include "core/identifier.h"
#include "replicator/schema_sync.h"

namespace pgveil::replicator {

Status SchemaModel::Load(const std::string& tables_json) {
  PGVEIL_ASSIGN_OR_RETURN(SchemaChange all, ParseSchemaChange("{\"tables\": " + tables_json + "}"));
  tables_.clear();
  for (SourceTable& table : all.tables) tables_[table.oid] = std::move(table);
  return Status::Ok();
}

SourceTable* SchemaModel::Find(uint32_t oid) {
  auto found = tables_.find(oid);
  return found == tables_.end() ? nullptr : &found->second;
}

std::vector<std::string> SchemaModel::Change(const SourceTable& after) {
  std::vector<std::string> sql = SchemaStatements(Find(after.oid), OnTarget(after));
  sql.push_back("INSERT INTO pgveil.stream_tables VALUES (" + std::to_string(after.oid) + ", " +
                QuoteLiteral(TablesToJson({after})) +
                "::jsonb->0) ON CONFLICT (oid) DO UPDATE SET description = excluded.description");
  tables_[after.oid] = after;
  return sql;
}

std::vector<std::string> SchemaModel::Drop(uint32_t oid) {
  auto known = tables_.find(oid);
  if (known == tables_.end()) return {};
  std::vector<std::string> sql = {
      DropTableStatement(known->second),
      "DELETE FROM pgveil.stream_tables WHERE oid = " + std::to_string(oid)};
  tables_.erase(known);
  return sql;
}

SourceTable SchemaModel::OnTarget(SourceTable table) const {
  const std::string self = table.QualifiedName();
  std::erase_if(table.constraints, [this, &self](const SourceConstraint& constraint) {
    if (constraint.references.empty() || constraint.references == self) return false;
    for (const auto& [oid, known] : tables_) {
      if (known.QualifiedName() == constraint.references) return false;
    }
    return true;
  });
  return table;
}

}  // namespace pgveil::replicator
