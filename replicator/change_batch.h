// replicator/change_batch.h
//
// A ChangeBatch turns decoded row changes into the SQL that applies them to
// the target, masking every value on the way: new rows, the new values of
// an UPDATE and the old key that finds the row to UPDATE or DELETE all go
// through the relation's transformers, so the target, its logs and its
// error messages never see a raw value.
//
// Catch-up must not be row at a time, and the server's parser and planner
// are what a long SQL text costs, so runs of changes become prepared
// statements over arrays, one array per column:
//
//   INSERT  a run of inserts into one relation is one
//           INSERT ... SELECT * FROM unnest($1::t1[], ...);
//   UPDATE  a run of updates of one relation that keep their key and send
//           the same columns is one UPDATE ... FROM unnest(...) joined on
//           the replica identity (a key met twice starts a new run, so each
//           row is updated once per statement, in source order). The
//           columns are those the stream sent: unchanged TOASTed values
//           ('u') are left out and keep their masked value on the target;
//   DELETE  a run of deletes from one relation is one
//           DELETE ... USING unnest(...) on the masked old keys;
//   TRUNCATE  with the source's CASCADE / RESTART IDENTITY.
// Each statement is PREPAREd the first time its text is needed and
// EXECUTEd with array literals after that; a run holds at most
// kRowsPerStatement rows. An update that changes its key, any change under
// REPLICA IDENTITY FULL (which touches one of the rows alike, as
// PostgreSQL's own apply does) and a key of a type whose arrays are not
// comma-separated (box) are one plain statement each, whose WHERE names the
// masked old key.
//
// A multi-row UPDATE checks unique indexes row by row in no particular
// order, so values swapped between rows of one transaction can collide
// where the source's one-row statements did not; with `batch_updates` off
// every update is a statement of its own (the stream falls back to that
// when a run meets a unique violation).
//
// Values are literals whose type the target resolves from the column
// (standard_conforming_strings must be on, as it is by default). A
// transformer that rejects a value is an error naming the column and the
// transformer, never the value: the stream stops rather than lose the row.
//
// Thread-safety: one thread. The relations passed in must outlive the
// batch's use of them. The prepared statements belong to the target session
// the SQL is sent to: a new session needs ForgetPrepared() first.
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "masking/transformer.h"
#include "pg/apply_session.h"
#include "replicator/observer.h"
#include "replicator/pgoutput.h"
#include "replicator/stream_relation.h"

namespace pgveil::replicator {

class ChangeBatch {
 public:
  static constexpr int kRowsPerStatement = 2000;

  explicit ChangeBatch(bool batch_updates = true) : batch_updates_(batch_updates) {}

  Status Insert(StreamRelation& relation, const pgoutput::Tuple& row);
  Status Update(StreamRelation& relation, const pgoutput::Update& update);
  Status Delete(StreamRelation& relation, const pgoutput::Delete& change);
  void Truncate(const std::vector<const StreamRelation*>& relations, uint8_t options);
  // The target session the statements were prepared on is gone: prepare
  // them again on the next.
  void ForgetPrepared() { prepared_.clear(); }
  // A statement of its own (schema changes), in order with the rows.
  void Statement(const std::string& sql);
  // Ends the open run: the relation it was for is about to be replanned.
  void Break() { EndRun(); }

  // The SQL so far (statements separated by ';'), and empties the batch.
  std::string Take();
  bool empty() const { return sql_.empty() && open_ == Open::kNone; }
  size_t bytes() const;
  int64_t changes() const { return changes_; }
  // Whether the SQL so far holds a multi-row UPDATE.
  bool has_batched_updates() const { return batched_updates_; }

 private:
  enum class Open { kNone, kInsert, kUpdate, kDelete };

  // Ends the open run with its EXECUTE, if there is one.
  void EndRun();
  // Starts a run of the prepared statement whose text is `statement`, with
  // `parameters` arrays.
  void StartRun(Open kind, const StreamRelation& relation, const std::string& statement,
                size_t parameters);
  bool Continues(Open kind, const StreamRelation& relation) const;

  // The masked text of `value` (which must be kText) in `column`;
  // nullopt for a NULL the transformer made.
  Result<std::optional<std::string_view>> Masked(StreamColumn& column,
                                                 const StreamRelation& relation,
                                                 const pgoutput::TupleValue& value);
  // Appends `value` of `column`, masked, as an SQL literal to sql_.
  Status AppendLiteral(StreamColumn& column, const StreamRelation& relation,
                       const pgoutput::TupleValue& value);
  // Appends `value` of `column`, masked, to the run's array `parameter`.
  Status AppendElement(size_t parameter, StreamColumn& column, const StreamRelation& relation,
                       const pgoutput::TupleValue& value);
  // " WHERE <identity columns> = <masked key>"; with REPLICA IDENTITY FULL
  // narrowed to one row.
  Status AppendIdentity(StreamRelation& relation, const pgoutput::Tuple& key);
  Status AppendKey(StreamRelation& relation, const pgoutput::Tuple& key);
  Status UpdateOne(StreamRelation& relation, const pgoutput::Update& update);
  Status DeleteOne(StreamRelation& relation, const pgoutput::Delete& change);

  const bool batch_updates_;
  std::string sql_;
  // The open run: a prepared statement and its parameter arrays so far.
  Open open_ = Open::kNone;
  const StreamRelation* open_relation_ = nullptr;
  std::vector<bool> open_columns_;             // kUpdate: the columns it sets
  std::unordered_set<std::string> open_keys_;  // kUpdate: the masked keys it holds
  std::string open_name_;
  std::vector<std::string> open_arrays_;  // elements, comma-separated, without braces
  size_t open_bytes_ = 0;
  int open_rows_ = 0;
  // Statement text -> its prepared name, for the target session.
  std::unordered_map<std::string, std::string> prepared_;
  bool batched_updates_ = false;
  int64_t changes_ = 0;
  masking::MaskedValue masked_;
};

// `status` of a batch's SQL sent to the target, with context. SQL holding
// a multi-row UPDATE (`batched`) that met the unique violation one-row
// updates avoid is Unavailable and sets `*one_row_updates`: the caller
// starts over from its last commit with batch_updates off.
Status AppliedStatus(Status status, bool batched, bool* one_row_updates);

// A session on the target for a ChangeBatch's SQL: session_replication_role
// replica (the target's triggers and foreign keys do not fire again for
// rows the source checked; a note when the role may not), and plans that
// find rows through the key's index. Unavailable or PermissionDenied when
// the target cannot be reached.
Result<std::unique_ptr<pg::ApplySession>> OpenBatchSession(const std::string& target_dsn,
                                                           ReplicationObserver& observer);

// Runs `begin`, `sql` and `commit` (each skipped when empty) on `target` in
// a thread of its own, rolling back at the first that fails: the writer
// reads on while the target applies. Three statements, so that a batch's
// SQL (megabytes) is not copied. `target` must outlive the future.
std::future<Status> SendBatch(pg::ApplySession* target, std::string begin, std::string sql,
                              std::string commit);

// Waits for the batch in flight in `pending` (SendBatch's future in its
// `result`, `batched_updates` its SQL's), moves it to `*done` and empties
// `pending`; its outcome as AppliedStatus gives it.
template <typename Pending>
Status AwaitBatch(std::optional<Pending>& pending, Pending* done, bool* one_row_updates) {
  Status applied = pending->result.get();
  *done = std::move(*pending);
  pending.reset();
  return AppliedStatus(std::move(applied), done->batched_updates, one_row_updates);
}

}  // namespace pgveil::replicator
