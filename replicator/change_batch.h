// replicator/change_batch.h
//
// A ChangeBatch turns decoded row changes into the SQL that applies them to
// the target, masking every value on the way: new rows, the new values of
// an UPDATE and the old key that finds the row to UPDATE or DELETE all go
// through the relation's transformers, so the target, its logs and its
// error messages never see a raw value.
//
//   INSERT  runs of inserts into one relation become one multi-row INSERT
//           (at most kRowsPerInsert rows), so catch-up is not row at a time;
//   UPDATE  SET lists every column the stream sent, leaving out unchanged
//           TOASTed values ('u'), which keep their masked value on the
//           target instead of being nulled; WHERE names the replica
//           identity, from the old key when the stream sent one, otherwise
//           from the new row (the key did not change); with REPLICA
//           IDENTITY FULL it touches one row of those alike, as
//           PostgreSQL's own apply does;
//   DELETE  WHERE names the old key;
//   TRUNCATE  with the source's CASCADE / RESTART IDENTITY.
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

#include "core/status.h"
#include "masking/transformer.h"
#include "replicator/pgoutput.h"
#include "replicator/stream_relation.h"

namespace pgveil::replicator {

class ChangeBatch {
 public:
  static constexpr int kRowsPerInsert = 1000;

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

 private:
  void EndInsert();
  // Appends the masked literal of column `i` of `relation` for `value`
  // (which must not be kUnchanged) to sql_.
  Status AppendValue(StreamColumn& column, const StreamRelation& relation,
                     const pgoutput::TupleValue& value);
  // " WHERE <identity columns> = <masked key>"; with REPLICA IDENTITY FULL
  // narrowed to one row.
  Status AppendIdentity(StreamRelation& relation, const pgoutput::Tuple& key);
  Status AppendKey(StreamRelation& relation, const pgoutput::Tuple& key);

  std::string sql_;
  const StreamRelation* inserting_ = nullptr;  // the open multi-row INSERT, if any
  int insert_rows_ = 0;
  int64_t changes_ = 0;
  masking::MaskedValue masked_;
};

}  // namespace pgveil::replicator
