#include "replicator/change_batch.h"

#include <fmt/format.h>

#include "core/identifier.h"

namespace pgveil::replicator {
namespace {

using Kind = pgoutput::TupleValue::Kind;

// Types without an equality operator, compared as text in a WHERE clause
// (REPLICA IDENTITY FULL names every column): json, xml, point, lseg,
// path, box, polygon, line, circle.
bool ComparedAsText(uint32_t type_oid) {
  switch (type_oid) {
    case 114: case 142: case 600: case 601: case 602: case 603: case 604: case 628: case 718:
      return true;
    default:
      return false;
  }
}

Status CheckWidth(const StreamRelation& relation, const pgoutput::Tuple& row) {
  if (row.size() == relation.columns.size()) return Status::Ok();
  return Status::Internal(fmt::format("a change of {} has {} columns, its relation {}",
                                      relation.QualifiedName(), row.size(),
                                      relation.columns.size()));
}

}  // namespace

Status ChangeBatch::AppendValue(StreamColumn& column, const StreamRelation& relation,
                                const pgoutput::TupleValue& value) {
  if (value.kind == Kind::kNull) {
    sql_ += "NULL";
    return Status::Ok();
  }
  if (value.kind != Kind::kText) {
    return Status::Internal("a binary value in the stream for " + relation.QualifiedName() + "." +
                            column.name);
  }
  if (column.transformer == nullptr) {
    sql_ += QuoteLiteral(value.data);
    return Status::Ok();
  }
  Status masked = column.transformer->Apply(value.data, &masked_);
  if (!masked.ok()) {
    return masked.WithContext(fmt::format("masking {}.{} with {}", relation.QualifiedName(),
                                          column.name, column.rule));
  }
  sql_ += masked_.is_null ? "NULL" : QuoteLiteral(masked_.text);
  return Status::Ok();
}

void ChangeBatch::EndInsert() {
  if (inserting_ == nullptr) return;
  sql_ += ";\n";
  inserting_ = nullptr;
  insert_rows_ = 0;
}

Status ChangeBatch::Insert(StreamRelation& relation, const pgoutput::Tuple& row) {
  PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, row));
  if (inserting_ != &relation || insert_rows_ >= kRowsPerInsert) {
    EndInsert();
    sql_ += "INSERT INTO " + QuoteQualified(relation.schema, relation.name) + " (";
    for (size_t i = 0; i < relation.columns.size(); ++i) {
      sql_ += (i ? ", " : "") + QuoteIdent(relation.columns[i].name);
    }
    sql_ += ") VALUES\n(";
    inserting_ = &relation;
  } else {
    sql_ += ",\n(";
  }
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) sql_ += ", ";
    if (row[i].kind == Kind::kUnchanged) {
      sql_ += "DEFAULT";  // cannot happen in an INSERT; DEFAULT keeps the SQL valid
      continue;
    }
    PGVEIL_RETURN_IF_ERROR(AppendValue(relation.columns[i], relation, row[i]));
  }
  sql_ += ")";
  ++insert_rows_;
  ++changes_;
  return Status::Ok();
}

Status ChangeBatch::AppendKey(StreamRelation& relation, const pgoutput::Tuple& key) {
  bool first = true;
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    StreamColumn& column = relation.columns[i];
    if (!column.key || key[i].kind == Kind::kUnchanged) continue;
    sql_ += first ? " WHERE " : " AND ";
    first = false;
    std::string name = QuoteIdent(column.name);
    if (key[i].kind == Kind::kNull) {
      sql_ += name + " IS NULL";
      continue;
    }
    sql_ += ComparedAsText(column.type_oid) ? name + "::text = " : name + " = ";
    PGVEIL_RETURN_IF_ERROR(AppendValue(column, relation, key[i]));
  }
  if (first) {
    return Status::InvalidArgument(relation.QualifiedName() +
                                   " has no replica identity: its UPDATE and DELETE cannot be "
                                   "applied; give it a primary key or REPLICA IDENTITY FULL");
  }
  return Status::Ok();
}

Status ChangeBatch::Update(StreamRelation& relation, const pgoutput::Update& update) {
  PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, update.row));
  if (update.old_kind != 0) PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, update.old_row));
  EndInsert();
  std::string head = "UPDATE " + QuoteQualified(relation.schema, relation.name) + " SET ";
  const size_t start = sql_.size();
  sql_ += head;
  bool any = false;
  for (size_t i = 0; i < update.row.size(); ++i) {
    if (update.row[i].kind == Kind::kUnchanged) continue;
    sql_ += (any ? ", " : "") + QuoteIdent(relation.columns[i].name) + " = ";
    any = true;
    PGVEIL_RETURN_IF_ERROR(AppendValue(relation.columns[i], relation, update.row[i]));
  }
  if (!any) {  // only unchanged TOASTed values: nothing to write
    sql_.resize(start);
    return Status::Ok();
  }
  PGVEIL_RETURN_IF_ERROR(
      AppendIdentity(relation, update.old_kind != 0 ? update.old_row : update.row));
  sql_ += ";\n";
  ++changes_;
  return Status::Ok();
}

Status ChangeBatch::AppendIdentity(StreamRelation& relation, const pgoutput::Tuple& key) {
  if (relation.replica_identity != 'f') return AppendKey(relation, key);
  // REPLICA IDENTITY FULL: rows alike in every column are one row each on
  // the source, and one change must touch one of them, as PostgreSQL's own
  // apply does.
  sql_ += " WHERE ctid = (SELECT ctid FROM " + QuoteQualified(relation.schema, relation.name);
  PGVEIL_RETURN_IF_ERROR(AppendKey(relation, key));
  sql_ += " LIMIT 1)";
  return Status::Ok();
}

Status ChangeBatch::Delete(StreamRelation& relation, const pgoutput::Delete& change) {
  PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, change.old_row));
  EndInsert();
  sql_ += "DELETE FROM " + QuoteQualified(relation.schema, relation.name);
  PGVEIL_RETURN_IF_ERROR(AppendIdentity(relation, change.old_row));
  sql_ += ";\n";
  ++changes_;
  return Status::Ok();
}

void ChangeBatch::Truncate(const std::vector<const StreamRelation*>& relations, uint8_t options) {
  if (relations.empty()) return;
  EndInsert();
  sql_ += "TRUNCATE ";
  for (size_t i = 0; i < relations.size(); ++i) {
    sql_ += (i ? ", " : "") + QuoteQualified(relations[i]->schema, relations[i]->name);
  }
  if (options & pgoutput::Truncate::kRestartIdentity) sql_ += " RESTART IDENTITY";
  if (options & pgoutput::Truncate::kCascade) sql_ += " CASCADE";
  sql_ += ";\n";
  ++changes_;
}

void ChangeBatch::Statement(const std::string& sql) {
  EndInsert();
  sql_ += sql + ";\n";
}

std::string ChangeBatch::Take() {
  EndInsert();
  std::string out;
  out.swap(sql_);
  changes_ = 0;
  return out;
}

}  // namespace pgveil::replicator
