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
    case 114:
    case 142:
    case 600:
    case 601:
    case 602:
    case 603:
    case 604:
    case 628:
    case 718:
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

// Every identity column of `key` holds a value (not NULL, not unchanged)
// that an array literal can carry (box arrays are not comma-separated).
bool ArrayKey(const StreamRelation& relation, const pgoutput::Tuple& key) {
  bool any = false;
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    if (!relation.columns[i].key) continue;
    if (key[i].kind != Kind::kText || relation.columns[i].type_oid == 603) return false;
    any = true;
  }
  return any;
}

bool ArrayColumns(const StreamRelation& relation, const std::vector<bool>& columns) {
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    if (columns[i] && relation.columns[i].type_oid == 603) return false;
  }
  return true;
}

// `text` as an element of an array literal inside an SQL string literal:
// quoted, \ and " escaped for the array, ' doubled for the literal.
void AppendArrayElement(std::string_view text, std::string& out) {
  out += '"';
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\'') out += '\'';
    out += c;
  }
  out += '"';
}

// "unnest($1::t1[], ...) AS v(k0, ..., c3, ...)" over the identity columns
// (k<index>) and then the columns `columns` (c<index>), and the WHERE that
// joins v to the table `t` on the identity.
struct Unnest {
  std::string from;
  std::string join;
  size_t parameters = 0;
};

Unnest UnnestOf(const StreamRelation& relation, const std::vector<bool>& columns, bool key) {
  Unnest unnest;
  std::string types;
  std::string aliases;
  auto add = [&](const StreamColumn& column, const std::string& alias) {
    types +=
        (types.empty() ? "" : ", ") + fmt::format("${}::{}[]", ++unnest.parameters, column.type);
    aliases += (aliases.empty() ? "" : ", ") + alias;
  };
  for (size_t i = 0; key && i < relation.columns.size(); ++i) {
    const StreamColumn& column = relation.columns[i];
    if (!column.key) continue;
    add(column, "k" + std::to_string(i));
    unnest.join += (unnest.join.empty() ? " WHERE " : " AND ") +
                   KeyCondition(column, "t." + QuoteIdent(column.name), "v.k" + std::to_string(i));
  }
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    if (columns[i]) add(relation.columns[i], "c" + std::to_string(i));
  }
  unnest.from = "unnest(" + types + ") AS v(" + aliases + ")";
  return unnest;
}

}  // namespace

Result<std::optional<std::string_view>> ChangeBatch::Masked(StreamColumn& column,
                                                            const StreamRelation& relation,
                                                            const pgoutput::TupleValue& value) {
  if (value.kind != Kind::kText) {
    return Status::Internal("a binary value in the stream for " + relation.QualifiedName() + "." +
                            column.name);
  }
  if (column.transformer == nullptr) return std::optional<std::string_view>(value.data);
  Status masked = column.transformer->Apply(value.data, &masked_);
  if (!masked.ok()) {
    return masked.WithContext(
        fmt::format("masking {}.{} with {}", relation.QualifiedName(), column.name, column.rule));
  }
  if (masked_.is_null) return std::optional<std::string_view>();
  return std::optional<std::string_view>(masked_.text);
}

Status ChangeBatch::AppendLiteral(StreamColumn& column, const StreamRelation& relation,
                                  const pgoutput::TupleValue& value) {
  if (value.kind == Kind::kNull) {
    sql_ += "NULL";
    return Status::Ok();
  }
  PGVEIL_ASSIGN_OR_RETURN(std::optional<std::string_view> text, Masked(column, relation, value));
  sql_ += text ? QuoteLiteral(*text) : "NULL";
  return Status::Ok();
}

Status ChangeBatch::AppendElement(size_t parameter, StreamColumn& column,
                                  const StreamRelation& relation,
                                  const pgoutput::TupleValue& value) {
  std::string& array = open_arrays_[parameter];
  const size_t before = array.size();
  if (!array.empty()) array += ',';
  if (value.kind == Kind::kNull) {
    array += "NULL";
  } else {
    PGVEIL_ASSIGN_OR_RETURN(std::optional<std::string_view> text, Masked(column, relation, value));
    if (text) {
      AppendArrayElement(*text, array);
    } else {
      array += "NULL";
    }
  }
  open_bytes_ += array.size() - before;
  return Status::Ok();
}

size_t ChangeBatch::bytes() const { return sql_.size() + open_bytes_; }

void ChangeBatch::EndRun() {
  if (open_ == Open::kNone) return;
  sql_ += "EXECUTE " + open_name_ + "(";
  for (size_t i = 0; i < open_arrays_.size(); ++i) {
    sql_ += i ? ", '{" : "'{";
    sql_ += open_arrays_[i];
    sql_ += "}'";
  }
  sql_ += ");\n";
  open_ = Open::kNone;
  open_relation_ = nullptr;
  open_rows_ = 0;
  open_bytes_ = 0;
  open_keys_.clear();
}

void ChangeBatch::StartRun(Open kind, const StreamRelation& relation, const std::string& statement,
                           size_t parameters) {
  EndRun();
  auto [prepared, inserted] =
      prepared_.try_emplace(statement, "pgveil_apply_" + std::to_string(prepared_.size() + 1));
  if (inserted) sql_ += "PREPARE " + prepared->second + " AS " + statement + ";\n";
  open_ = kind;
  open_relation_ = &relation;
  open_name_ = prepared->second;
  open_arrays_.resize(parameters);
  for (std::string& array : open_arrays_) array.clear();  // keeping their capacity
}

bool ChangeBatch::Continues(Open kind, const StreamRelation& relation) const {
  return open_ == kind && open_relation_ == &relation && open_rows_ < kRowsPerStatement;
}

Status ChangeBatch::Insert(StreamRelation& relation, const pgoutput::Tuple& row) {
  PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, row));
  std::vector<bool> all(row.size(), true);
  if (!ArrayColumns(relation, all)) {
    EndRun();
    sql_ += "INSERT INTO " + QuoteQualified(relation.schema, relation.name) + " VALUES (";
    for (size_t i = 0; i < row.size(); ++i) {
      if (i) sql_ += ", ";
      PGVEIL_RETURN_IF_ERROR(AppendLiteral(relation.columns[i], relation, row[i]));
    }
    sql_ += ");\n";
    ++changes_;
    return Status::Ok();
  }
  if (!Continues(Open::kInsert, relation)) {
    std::string columns;
    for (const StreamColumn& column : relation.columns) {
      columns += (columns.empty() ? "" : ", ") + QuoteIdent(column.name);
    }
    Unnest unnest = UnnestOf(relation, all, /*key=*/false);
    StartRun(Open::kInsert, relation,
             "INSERT INTO " + QuoteQualified(relation.schema, relation.name) + " (" + columns +
                 ") SELECT * FROM " + unnest.from,
             unnest.parameters);
  }
  for (size_t i = 0; i < row.size(); ++i) {
    // An INSERT carries every value; 'u' cannot happen there.
    pgoutput::TupleValue value = row[i];
    if (value.kind == Kind::kUnchanged) value.kind = Kind::kNull;
    PGVEIL_RETURN_IF_ERROR(AppendElement(i, relation.columns[i], relation, value));
  }
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
    const std::string name = QuoteIdent(column.name);
    if (key[i].kind == Kind::kNull) {
      sql_ += name + " IS NULL";
      continue;
    }
    PGVEIL_ASSIGN_OR_RETURN(std::optional<std::string_view> text, Masked(column, relation, key[i]));
    sql_ += text ? KeyCondition(column, name, QuoteLiteral(*text)) : name + " IS NULL";
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
      !ArrayKey(relation, update.row) || !ArrayColumns(relation, columns)) {
    return UpdateOne(relation, update);
  }
  // The masked key, to start a new run when this row is already in this one.
  std::string key;
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    if (!relation.columns[i].key) continue;
    PGVEIL_ASSIGN_OR_RETURN(std::optional<std::string_view> text,
                            Masked(relation.columns[i], relation, update.row[i]));
    AppendArrayElement(text.value_or("\x01NULL"), key);
  }
  if (!Continues(Open::kUpdate, relation) || open_columns_ != columns || open_keys_.count(key)) {
    std::string set;
    for (size_t i = 0; i < relation.columns.size(); ++i) {
      if (!columns[i]) continue;
      set += (set.empty() ? "" : ", ") + QuoteIdent(relation.columns[i].name) + " = v.c" +
             std::to_string(i);
    }
    Unnest unnest = UnnestOf(relation, columns, /*key=*/true);
    StartRun(Open::kUpdate, relation,
             "UPDATE " + QuoteQualified(relation.schema, relation.name) + " AS t SET " + set +
                 " FROM " + unnest.from + unnest.join,
             unnest.parameters);
    open_columns_ = columns;
    batched_updates_ = true;
  }
  size_t parameter = 0;
  for (int pass = 0; pass < 2; ++pass) {  // the key, then the columns set
    for (size_t i = 0; i < relation.columns.size(); ++i) {
      if (pass == 0 ? !relation.columns[i].key : !columns[i]) continue;
      PGVEIL_RETURN_IF_ERROR(
          AppendElement(parameter++, relation.columns[i], relation, update.row[i]));
    }
  }
  open_keys_.insert(std::move(key));
  ++open_rows_;
  ++changes_;
  return Status::Ok();
}

Status ChangeBatch::UpdateOne(StreamRelation& relation, const pgoutput::Update& update) {
  EndRun();
  sql_ += "UPDATE " + QuoteQualified(relation.schema, relation.name) + " SET ";
  bool first = true;
  for (size_t i = 0; i < update.row.size(); ++i) {
    if (update.row[i].kind == Kind::kUnchanged) continue;
    sql_ += (first ? "" : ", ") + QuoteIdent(relation.columns[i].name) + " = ";
    first = false;
    PGVEIL_RETURN_IF_ERROR(AppendLiteral(relation.columns[i], relation, update.row[i]));
  }
  PGVEIL_RETURN_IF_ERROR(
      AppendIdentity(relation, update.old_kind != 0 ? update.old_row : update.row));
  sql_ += ";\n";
  ++changes_;
  return Status::Ok();
}

Status ChangeBatch::Delete(StreamRelation& relation, const pgoutput::Delete& change) {
  PGVEIL_RETURN_IF_ERROR(CheckWidth(relation, change.old_row));
  if (relation.replica_identity == 'f' || !ArrayKey(relation, change.old_row)) {
    return DeleteOne(relation, change);
  }
  if (!Continues(Open::kDelete, relation)) {
    Unnest unnest = UnnestOf(relation, std::vector<bool>(relation.columns.size()), /*key=*/true);
    StartRun(Open::kDelete, relation,
             "DELETE FROM " + QuoteQualified(relation.schema, relation.name) + " AS t USING " +
                 unnest.from + unnest.join,
             unnest.parameters);
  }
  size_t parameter = 0;
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    if (!relation.columns[i].key) continue;
    PGVEIL_RETURN_IF_ERROR(
        AppendElement(parameter++, relation.columns[i], relation, change.old_row[i]));
  }
  ++open_rows_;
  ++changes_;
  return Status::Ok();
}

Status ChangeBatch::DeleteOne(StreamRelation& relation, const pgoutput::Delete& change) {
  EndRun();
  sql_ += "DELETE FROM " + QuoteQualified(relation.schema, relation.name);
  PGVEIL_RETURN_IF_ERROR(AppendIdentity(relation, change.old_row));
  sql_ += ";\n";
  ++changes_;
  return Status::Ok();
}

void ChangeBatch::Truncate(const std::vector<const StreamRelation*>& relations, uint8_t options) {
  if (relations.empty()) return;
  EndRun();
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
  EndRun();
  sql_ += sql + ";\n";
}

std::string ChangeBatch::Take() {
  EndRun();
  std::string out;
  out.swap(sql_);
  sql_.reserve(out.size());  // the next batch is likely as large: no growing copies
  changes_ = 0;
  batched_updates_ = false;
  return out;
}

Status AppliedStatus(Status status, bool batched, bool* one_row_updates) {
  if (!status.ok() && batched &&
      status.message().find("duplicate key value violates unique constraint") !=
          std::string::npos) {
    *one_row_updates = true;
    return Status::Unavailable(
        "a multi-row UPDATE met a unique index the source's one-row updates passed");
  }
  return status.WithContext("applying to the target");
}

Result<std::unique_ptr<pg::ApplySession>> OpenBatchSession(const std::string& target_dsn,
                                                           ReplicationObserver& observer) {
  Result<std::unique_ptr<pg::ApplySession>> session = pg::ApplySession::Open(target_dsn);
  if (!session.ok()) return session.status().WithContext("the target");
  if (!(*session)->Execute("SET session_replication_role = replica").ok()) {
    observer.Note(
        "the target role may not set session_replication_role (it needs superuser): the "
        "target's triggers and foreign keys fire again for every streamed row");
  }
  // A multi-row UPDATE or DELETE joins its arrays to the table through the
  // key's index, row by row, as PostgreSQL's own apply finds rows, never by
  // scanning the table; a prepared statement is planned once, not at every
  // EXECUTE; and what is acknowledged must survive a crash of the target.
  PGVEIL_RETURN_IF_ERROR(
      (*session)
          ->Execute("SET standard_conforming_strings = on; SET synchronous_commit = on; "
                    "SET enable_hashjoin = off; SET enable_mergejoin = off; "
                    "SET enable_bitmapscan = off; SET plan_cache_mode = force_generic_plan")
          .WithContext("the target"));
  return session;
}

std::future<Status> SendBatch(pg::ApplySession* target, std::string begin, std::string sql,
                              std::string commit) {
  return std::async(std::launch::async, [target, begin = std::move(begin), sql = std::move(sql),
                                         commit = std::move(commit)] {
    for (const std::string* part : {&begin, &sql, &commit}) {
      if (part->empty()) continue;
      Status status = target->Execute(*part);
      if (!status.ok()) {
        (void)target->Execute("ROLLBACK");
        return status;
      }
    }
    return Status::Ok();
  });
}

}  // namespace pgveil::replicator
