// replicator/change_batch.h
//
// A ChangeBatch turns decoded row changes into the SQL that applies them to
// the target, masking every value on the way: new rows, the new values of
// an UPDATE and the old key that finds the row to UPDATE or DELETE all go
// through the relation's transformers, so the target, its logs and its
// error messages never see a raw value.
//
//   INSERT  runs of inserts into one relation become one multi-row INSERT;
//   UPDATE  runs of updates of one relation that keep their key and send
//           the same columns become one UPDATE ... FROM (VALUES ...) joined
//           on the replica identity (a key met twice starts a new one, so
//           every row is updated once per statement, in source order).
//           SET lists every column the stream sent, leaving out unchanged
//           TOASTed values ('u'), which keep their masked value on the
//           target instead of being nulled. An update that changes its key,
//           and any update under REPLICA IDENTITY FULL, is a statement of
//           its own whose WHERE names the masked old key (or, with FULL,
//           touches one row of those alike, as PostgreSQL's own apply does);
//   DELETE  runs of deletes from one relation become one DELETE ... USING
//           (VALUES ...) on the masked old keys (FULL: one statement each);
//   TRUNCATE  with the source's CASCADE / RESTART IDENTITY.
// A multi-row statement holds at most kRowsPerStatement rows.
//
// A multi-row UPDATE checks unique indexes row by row in no particular
// order, so values swapped between rows of one transaction can collide
// where the source's one-row statements did not; with `batch_updates` off
// every update is a statement of its own (the stream falls back to that
// when a batch meets a unique violation).
//
// Values are literals whose type the target resolves from the column
// (standard_conforming_strings must be on, as it is by default). A
// transformer that rejects a value is an error naming the column and the
// transformer, never the value: the stream stops rather than lose the row.
//
// Thread-safety: one thread. The relations passed in must outlive the call.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "masking/transformer.h"
#include "replicator/pgoutput.h"
#include "replicator/stream_relation.h"

namespace pgveil::replicator {

class ChangeBatch {
 public:
  static constexpr int kRowsPerStatement = 1000;

  explicit ChangeBatch(bool batch_updates = true) : batch_updates_(batch_updates) {}

  Status Insert(StreamRelation& relation, const pgoutput::Tuple& row);
  Status Update(StreamRelation& relation, const pgoutput::Update& update);
  Status Delete(StreamRelation& relation, const pgoutput::Delete& change);
  void Truncate(const std::vector<const StreamRelation*>& relations, uint8_t options);
  // A statement of its own (schema changes), in order with the rows.
  void Statement(const std::string& sql);

  // The SQL so far (statements separated by ';'), and empties the batch.
  std::string Take();
  bool empty() const { return sql_.empty(); }
  size_t bytes() const { return sql_.size(); }
  int64_t changes() const { return changes_; }
  // Whether the SQL so far holds a multi-row UPDATE.
  bool has_batched_updates() const { return batched_updates_; }

 private:
  enum class Open { kNone, kInsert, kUpdate, kDelete };

  // Ends the open multi-row statement, if any.
  void EndStatement();
  // Opens a multi-row statement: `head` now, `tail` when it ends.
  void OpenStatement(Open kind, const StreamRelation& relation, std::string head,
                     std::string tail);
  bool Continues(Open kind, const StreamRelation& relation) const;

  // Appends the masked literal for `value` (which must not be kUnchanged)
  // of `column` to `out`; with `typed`, cast to the column's type.
  Status AppendValue(StreamColumn& column, const StreamRelation& relation,
                     const pgoutput::TupleValue& value, bool typed, std::string& out);
  // "(<masked key>, <masked values of `columns`>)", typed, for a VALUES
  // list; `*key_end` (when given) is where the key's part ends in `out`.
  Status AppendValuesRow(StreamRelation& relation, const pgoutput::Tuple& row,
                         const std::vector<bool>& columns, std::string& out, size_t* key_end);
  // " WHERE <identity columns> = <masked key>"; with REPLICA IDENTITY FULL
  // narrowed to one row.
  Status AppendIdentity(StreamRelation& relation, const pgoutput::Tuple& key);
  Status AppendKey(StreamRelation& relation, const pgoutput::Tuple& key);
  Status UpdateOne(StreamRelation& relation, const pgoutput::Update& update);
  Status DeleteOne(StreamRelation& relation, const pgoutput::Delete& change);

  const bool batch_updates_;
  std::string sql_;
  Open open_ = Open::kNone;
  const StreamRelation* open_relation_ = nullptr;
  std::vector<bool> open_columns_;  // kUpdate: the columns its SET names
  std::unordered_set<std::string> open_keys_;  // kUpdate: the masked keys it holds
  std::string open_tail_;
  int open_rows_ = 0;
  bool batched_updates_ = false;
  int64_t changes_ = 0;
  std::string row_;  // scratch: one VALUES row
  masking::MaskedValue masked_;
};

}  // namespace pgveil::replicator
