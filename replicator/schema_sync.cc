#include "replicator/schema_sync.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/identifier.h"

namespace pgveil::replicator {
namespace {

const SourceColumn* ByAttnum(const SourceTable& table, int attnum) {
  for (const SourceColumn& column : table.columns) {
    if (column.attnum == attnum) return &column;
  }
  return nullptr;
}

// The index name in a pg_get_indexdef text ("CREATE [UNIQUE] INDEX name ON ...").
std::string IndexName(const std::string& definition) {
  size_t at = definition.find(" INDEX ");
  if (at == std::string::npos) return "";
  size_t start = at + 7;
  size_t end = definition.find(" ON ", start);
  return end == std::string::npos ? "" : definition.substr(start, end - start);
}

std::string CreateTable(const SourceTable& table) {
  std::string sql = "CREATE TABLE " + QuoteQualified(table.schema, table.name) + " (";
  bool first = true;
  for (const SourceColumn& column : table.columns) {
    if (column.generated) continue;
    sql += (first ? "" : ", ") + QuoteIdent(column.name) + " " + column.type +
           (column.not_null ? " NOT NULL" : "");
    first = false;
  }
  if (!table.primary_key.empty()) {
    sql += ", PRIMARY KEY (";
    for (size_t i = 0; i < table.primary_key.size(); ++i) {
      sql += (i ? ", " : "") + QuoteIdent(table.primary_key[i]);
    }
    sql += ")";
  }
  return sql + ")";
}

// ADD CONSTRAINT for each constraint of `after` that `before` lacks (all of
// them for a new table).
void AddConstraints(const SourceTable* before, const SourceTable& after,
                    std::vector<std::string>& sql) {
  for (const SourceConstraint& constraint : after.constraints) {
    if (before != nullptr && std::find(before->constraints.begin(), before->constraints.end(),
                                       constraint) != before->constraints.end()) {
      continue;
    }
    sql.push_back("ALTER TABLE " + QuoteQualified(after.schema, after.name) + " ADD CONSTRAINT " +
                  QuoteIdent(constraint.name) + " " + constraint.definition);
  }
}

}  // namespace

Status GateSchemaChange(const SourceTable* before, const SourceTable& after,
                        const StreamPlanInput& input) {
  const policy::TableRule* rules = input.policy.FindTable(after.schema, after.name);
  if (rules != nullptr && rules->skip) return Status::Ok();
  for (const SourceColumn& column : after.columns) {
    if (column.generated) continue;
    if (rules != nullptr && rules->columns.count(column.name)) continue;
    const SourceColumn* known = before ? ByAttnum(*before, column.attnum) : nullptr;
    // A column the target already streams under this name was let through
    // before (relaxed mode): it is no news.
    if (known != nullptr && known->name == column.name) continue;
    ColumnRef ref{after.schema, after.name, column.name};
    ColumnJudgement judgement = input.judge(ref, column.type);
    if (input.policy.mode == policy::Mode::kStrict || judgement.category) {
      std::string what = before == nullptr ? "a new table"
                         : known           ? "a renamed column"
                                           : "a new column";
      if (before != nullptr && before->QualifiedName() != after.QualifiedName()) {
        what = "a renamed table";
      }
      return Status::GateFailed(what + ": " + MissingRuleMessage(ref, column.type, judgement));
    }
  }
  return Status::Ok();
}

std::vector<std::string> SchemaStatements(const SourceTable* before, const SourceTable& after) {
  std::vector<std::string> sql;
  if (before == nullptr) {
    sql.push_back(CreateTable(after));
    for (const std::string& index : after.indexes) sql.push_back(index);
    AddConstraints(nullptr, after, sql);
    return sql;
  }
  std::string table = QuoteQualified(before->schema, before->name);
  for (const SourceConstraint& constraint : before->constraints) {
    if (std::find(after.constraints.begin(), after.constraints.end(), constraint) ==
        after.constraints.end()) {
      sql.push_back("ALTER TABLE " + table + " DROP CONSTRAINT IF EXISTS " +
                    QuoteIdent(constraint.name));
    }
  }
  if (before->schema != after.schema) {
    sql.push_back("ALTER TABLE " + table + " SET SCHEMA " + QuoteIdent(after.schema));
    table = QuoteQualified(after.schema, before->name);
  }
  if (before->name != after.name) {
    sql.push_back("ALTER TABLE " + table + " RENAME TO " + QuoteIdent(after.name));
    table = QuoteQualified(after.schema, after.name);
  }
  for (const SourceColumn& old : before->columns) {
    if (old.generated) continue;
    if (ByAttnum(after, old.attnum) == nullptr) {
      sql.push_back("ALTER TABLE " + table + " DROP COLUMN IF EXISTS " + QuoteIdent(old.name));
    }
  }
  for (const SourceColumn& column : after.columns) {
    if (column.generated) continue;
    const SourceColumn* old = ByAttnum(*before, column.attnum);
    const std::string name = QuoteIdent(column.name);
    if (old == nullptr) {
      sql.push_back("ALTER TABLE " + table + " ADD COLUMN IF NOT EXISTS " + name + " " +
                    column.type);
      if (column.not_null) {
        sql.push_back("ALTER TABLE " + table + " ALTER COLUMN " + name + " SET NOT NULL");
      }
      continue;
    }
    if (old->name != column.name) {
      sql.push_back("ALTER TABLE " + table + " RENAME COLUMN " + QuoteIdent(old->name) + " TO " +
                    name);
    }
    if (old->type != column.type) {
      sql.push_back("ALTER TABLE " + table + " ALTER COLUMN " + name + " TYPE " + column.type +
                    " USING " + name + "::" + column.type);
    }
    if (old->not_null != column.not_null) {
      sql.push_back("ALTER TABLE " + table + " ALTER COLUMN " + name +
                    (column.not_null ? " SET NOT NULL" : " DROP NOT NULL"));
    }
  }
  std::set<std::string> now(after.indexes.begin(), after.indexes.end());
  std::set<std::string> then(before->indexes.begin(), before->indexes.end());
  for (const std::string& index : before->indexes) {
    if (now.count(index) == 0 && !IndexName(index).empty()) {
      sql.push_back("DROP INDEX IF EXISTS " + QuoteIdent(after.schema) + "." + IndexName(index));
    }
  }
  for (const std::string& index : after.indexes) {
    if (then.count(index) == 0) sql.push_back(index);
  }
  AddConstraints(before, after, sql);
  return sql;
}

std::string DropTableStatement(const SourceTable& table) {
  return "DROP TABLE IF EXISTS " + QuoteQualified(table.schema, table.name) + " CASCADE";
}

}  // namespace pgveil::replicator
