#include "replicator/publication.h"

#include <set>
#include <string>

#include <fmt/format.h>

namespace pgveil::replicator {

std::vector<RelationRef> PublicationTables(const MaskingPlan& plan) {
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<RelationRef> tables;
  for (const TablePlan& table : plan.tables) {
    if (seen.insert({table.root_schema, table.root_name}).second) {
      tables.push_back({table.root_schema, table.root_name, 0});
    }
  }
  return tables;
}

std::vector<uint32_t> PublishedOids(const MaskingPlan& plan, const Catalog& catalog) {
  std::set<std::string> roots;
  for (const RelationRef& table : PublicationTables(plan)) roots.insert(table.QualifiedName());
  std::vector<uint32_t> oids;
  for (const TableInfo& table : catalog.tables) {
    if (roots.count(table.QualifiedName())) oids.push_back(table.oid);
  }
  return oids;
}

Status CheckReplicaIdentities(pg::Connection& source, const std::vector<uint32_t>& oids) {
  std::string list;
  for (uint32_t oid : oids) list += (list.empty() ? "" : ",") + std::to_string(oid);
  PGVEIL_ASSIGN_OR_RETURN(
      auto rows,
      source.Query("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c JOIN "
                   "pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ANY('{" +
                   list +
                   "}'::oid[]) AND NOT (c.relreplident = 'f' OR EXISTS (SELECT 1 FROM pg_index "
                   "i WHERE i.indrelid = c.oid AND CASE c.relreplident WHEN 'd' THEN "
                   "i.indisprimary WHEN 'i' THEN i.indisreplident ELSE false END)) ORDER BY 1"));
  if (rows.empty()) return Status::Ok();
  std::string names;
  for (size_t i = 0; i < rows.size() && i < 5; ++i) names += (i ? ", " : "") + rows[i][0].value_or("");
  if (rows.size() > 5) names += fmt::format(" and {} more", rows.size() - 5);
  return Status::InvalidArgument(fmt::format(
      "{} table(s) have no primary key or replica identity, so their UPDATE and DELETE could "
      "not be streamed (and a publication would make PostgreSQL refuse them on the source): {}. "
      "Give each a primary key or ALTER TABLE ... REPLICA IDENTITY FULL, skip them in the "
      "policy, or pass --snapshot-only",
      rows.size(), names));
}

}  // namespace pgveil::replicator
