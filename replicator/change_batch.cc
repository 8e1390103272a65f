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

// A column of a replica identity as a WHERE or join condition against
// `value_sql`.
std::string KeyCondition(const StreamColumn& column, const std::string& column_sql,
                         const std::string& value_sql) {
  return ComparedAsText(column.type_oid) ? column_sql + "::text = " + value_sql + "::text"
                                         : column_sql + " = " + value_sql;
}

// The VALUES aliases of the identity columns (k<attribute index>), which
// open every VALUES row, and the WHERE that joins them to the table `t`.
void KeyJoin(const StreamRelation& relation, std::string& aliases, std::string& join) {
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    const StreamColumn& column = relation.columns[i];
    if (!column.key) continue;
    std::string alias = "v.k" + std::to_string(i);
    aliases += (aliases.empty() ? "" : ", ") + alias.substr(2);
    join += (join.empty() ? " WHERE " : " AND ") +
            KeyCondition(column, "t." + QuoteIdent(column.name), alias);
  }
}

// Every identity column of `key` holds a value (not NULL, not unchanged).
bool FullKey(const StreamRelation& relation, const pgoutput::Tuple& key) {
  bool any = false;
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    if (!relation.columns[i].key) continue;
    if (key[i].kind != Kind::kText) return false;
    any = true;
  }
  return any;
}

}  // namespace

Status ChangeBatch::AppendValue(StreamColumn& column, const StreamRelation& relation,
                                const pgoutput::TupleValue& value, bool typed,
                                std::string& out) {
  if (value.kind == Kind::kNull) {
    out += "NULL";
  } else if (value.kind != Kind::kText) {
    return Status::Internal("a binary value in the stream for " + relation.QualifiedName() + "." +
                            column.name);
  } else if (column.transformer == nullptr) {
    out += QuoteLiteral(value.data);
  } else {
    Status masked = column.transformer->Apply(value.data, &masked_);
    if (!masked.ok()) {
      return masked.WithContext(fmt::format("masking {}.{} with {}", relation.QualifiedName(),
                                            column.name, column.rule));
    }
    out += masked_.is_null ? "NULL" : QuoteLiteral(masked_.text);
  }
  if (typed) out += "::" + column.type;
  return Status::Ok();
}

Status ChangeBatch::AppendValuesRow(StreamRelation& relation, const pgoutput::Tuple& row,
                                    const std::vector<bool>& columns, std::string& out,
                                    size_t* key_end) {
  out += "(";
  bool first = true;
  for (int pass = 0; pass < 2; ++pass) {  // the key, then the other columns
    if (pass == 1 && key_end != nullptr) *key_end = out.size();
    for (size_t i = 0; i < relation.columns.size(); ++i) {
      StreamColumn& column = relation.columns[i];
      if (pass == 0 ? !column.key : !columns[i]) continue;
      if (!first) out += ", ";
      first = false;
      PGVEIL_RETURN_IF_ERROR(AppendValue(column, relation, row[i], /*typed=*/true, out));
    }
  }
  out += ")";
  return Status::Ok();
}

void ChangeBatch::EndStatement() {
  if (open_ == Open::kNone) return;
  sql_ += open_tail_;
  sql_ += ";\n";
  open_ = Open::kNone;
  open_relation_ = nullptr;
  open_rows_ = 0;
  open_keys_.clear();
}

void ChangeBatch::OpenStatement(Open kind, const StreamRelation& relation, std::string head,
                                std::string tail) {
  EndStatement();
  sql_ += head;
  open_ = kind;
  open_relation_ = &relation;
  open_tail_ = std::move(tail);
}

bool ChangeBatch::Continues(Open kind, const StreamRelation& relation) const {
  return open_ == kind && open_relation_ == &relation && open_rows_ < kRowsPerStatement;
}

Status ChangeBatch::Insert(StreamRelation& relation, const pgoutput::Tuple& row) {
  PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, row));
  if (Continues(Open::kInsert, relation)) {
    sql_ += ",\n(";
  } else {
    std::string head = "INSERT INTO " + QuoteQualified(relation.schema, relation.name) + " (";
    for (size_t i = 0; i < relation.columns.size(); ++i) {
      head += (i ? ", " : "") + QuoteIdent(relation.columns[i].name);
    }
    OpenStatement(Open::kInsert, relation, head + ") VALUES\n(", "");
  }
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) sql_ += ", ";
    if (row[i].kind == Kind::kUnchanged) {
      sql_ += "DEFAULT";  // cannot happen in an INSERT; DEFAULT keeps the SQL valid
      continue;
    }
    PGVEIL_RETURN_IF_ERROR(AppendValue(relation.columns[i], relation, row[i], false, sql_));
  }
  sql_ += ")";
  ++open_rows_;
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
    std::string value;
    PGVEIL_RETURN_IF_ERROR(AppendValue(column, relation, key[i], false, value));
    sql_ += KeyCondition(column, name, value);
  }
  if (first) {
    return Status::InvalidArgument(relation.QualifiedName() +
                                   " has no replica identity: its UPDATE and DELETE cannot be "
                                   "applied; give it a primary key or REPLICA IDENTITY FULL");
  }
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

Status ChangeBatch::Update(StreamRelation& relation, const pgoutput::Update& update) {
  PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, update.row));
  if (update.old_kind != 0) PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, update.old_row));
  std::vector<bool> columns(update.row.size());
  bool any = false;
  for (size_t i = 0; i < update.row.size(); ++i) {
    columns[i] = update.row[i].kind != Kind::kUnchanged;
    any = any || columns[i];
  }
  if (!any) return Status::Ok();  // only unchanged TOASTed values: nothing to write
  if (!batch_updates_ || update.old_kind != 0 || relation.replica_identity == 'f' ||
      !FullKey(relation, update.row)) {
    return UpdateOne(relation, update);
  }
  row_.clear();
  size_t key_end = 0;
  PGVEIL_RETURN_IF_ERROR(AppendValuesRow(relation, update.row, columns, row_, &key_end));
  std::string key = row_.substr(0, key_end);
  if (Continues(Open::kUpdate, relation) && open_columns_ == columns &&
      open_keys_.count(key) == 0) {
    sql_ += ",\n";
  } else {
    std::string set;
    std::string aliases;
    std::string join;
    KeyJoin(relation, aliases, join);
    for (size_t i = 0; i < relation.columns.size(); ++i) {
      if (!columns[i]) continue;
      std::string alias = "c" + std::to_string(i);
      aliases += ", " + alias;
      set += (set.empty() ? "" : ", ") + QuoteIdent(relation.columns[i].name) + " = v." + alias;
    }
    OpenStatement(Open::kUpdate, relation,
                  "UPDATE " + QuoteQualified(relation.schema, relation.name) + " AS t SET " + set +
                      " FROM (VALUES\n",
                  ") AS v(" + aliases + ")" + join);
    open_columns_ = columns;
    batched_updates_ = true;
  }
  sql_ += row_;
  open_keys_.insert(std::move(key));
  ++open_rows_;
  ++changes_;
  return Status::Ok();
}

Status ChangeBatch::UpdateOne(StreamRelation& relation, const pgoutput::Update& update) {
  EndStatement();
  sql_ += "UPDATE " + QuoteQualified(relation.schema, relation.name) + " SET ";
  bool first = true;
  for (size_t i = 0; i < update.row.size(); ++i) {
    if (update.row[i].kind == Kind::kUnchanged) continue;
    sql_ += (first ? "" : ", ") + QuoteIdent(relation.columns[i].name) + " = ";
    first = false;
    PGVEIL_RETURN_IF_ERROR(
        AppendValue(relation.columns[i], relation, update.row[i], false, sql_));
  }
  PGVEIL_RETURN_IF_ERROR(
      AppendIdentity(relation, update.old_kind != 0 ? update.old_row : update.row));
  sql_ += ";\n";
  ++changes_;
  return Status::Ok();
}

Status ChangeBatch::Delete(StreamRelation& relation, const pgoutput::Delete& change) {
  PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, change.old_row));
  if (relation.replica_identity == 'f' || !FullKey(relation, change.old_row)) {
    return DeleteOne(relation, change);
  }
  if (Continues(Open::kDelete, relation)) {
    sql_ += ",\n";
  } else {
    std::string aliases;
    std::string join;
    KeyJoin(relation, aliases, join);
    OpenStatement(Open::kDelete, relation,
                  "DELETE FROM " + QuoteQualified(relation.schema, relation.name) +
                      " AS t USING (VALUES\n",
                  ") AS v(" + aliases + ")" + join);
  }
  PGVEIL_RETURN_IF_ERROR(AppendValuesRow(relation, change.old_row,
                                         std::vector<bool>(relation.columns.size()), sql_,
                                         nullptr));
  ++open_rows_;
  ++changes_;
  return Status::Ok();
}

Status ChangeBatch::DeleteOne(StreamRelation& relation, const pgoutput::Delete& change) {
  EndStatement();
  sql_ += "DELETE FROM " + QuoteQualified(relation.schema, relation.name);
  PGVEIL_RETURN_IF_ERROR(AppendIdentity(relation, change.old_row));
  sql_ += ";\n";
  ++changes_;
  return Status::Ok();
}

void ChangeBatch::Truncate(const std::vector<const StreamRelation*>& relations, uint8_t options) {
  if (relations.empty()) return;
  EndStatement();
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
  EndStatement();
  sql_ += sql + ";\n";
}

std::string ChangeBatch::Take() {
  EndStatement();
  std::string out;
  out.swap(sql_);
  changes_ = 0;
  batched_updates_ = false;
  return out;
}

}  // namespace pgveil::replicator
