// replicator/change_event.h
//
// The masked change events pgveil publishes to a NATS JetStream stream and
// `pgveil apply` reads back (replicator/DESIGN.md, "Change events"): JSON,
// version 2, one event per message, every value already masked. Encode and
// Decode are pure; Decode never trusts its input (any JSON, any size) and
// names what is wrong without quoting a value.
//
// A stream NAME carries:
//   NAME.snapshot.begin            SnapshotBegin: a new masked copy starts
//   NAME.snapshot.schema           SchemaSql: pre-data / post-data SQL
//   NAME.copy.<schema>.<table>     CopyRows: masked COPY text of the copy
//   NAME.snapshot.end              SnapshotEnd: the copy is whole
//   NAME.row.<schema>.<table>      Rows: row changes of consecutive source
//                                  transactions to one table, with the
//                                  commits of those that end there
//   NAME.truncate                  Truncate
//   NAME.schema                    SchemaChange: tables created, altered, dropped
//   NAME.tx                        Commit: the end of a transaction whose
//                                  last part is not a Rows one
//   NAME.sequences                 Sequences: values to set, between transactions
// Names in subjects are escaped (SubjectToken) so that dots, spaces and
// Unicode cannot split or widen a subject.
//
// Thread-safety: plain functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/status.h"
#include "replicator/pgoutput.h"
#include "replicator/sequence_value.h"

namespace pgveil::replicator::events {

inline constexpr int kVersion = 2;

struct Column {
  std::string name;
  std::string type;        // format_type() on the source
  uint32_t type_oid = 0;   // on the source (built-in types have the same everywhere)
  bool key = false;        // part of the replica identity
};

// A table as a Rows event describes it: enough to apply its changes.
struct Table {
  std::string schema;
  std::string name;
  char identity = 'd';  // pgoutput's replica identity: d, f, i or n
  std::vector<Column> columns;
};

struct RowChange {
  enum class Op : char { kInsert = 'I', kUpdate = 'U', kDelete = 'D' };
  Op op = Op::kInsert;
  char old_kind = 0;  // as pgoutput: 0 none, 'K' the old key, 'O' the whole old row
  pgoutput::Tuple old_row;
  pgoutput::Tuple row;  // kUnchanged: a TOASTed value the source did not send
};

struct Commit {
  pgoutput::Lsn lsn = 0;      // the commit's LSN
  pgoutput::Lsn end_lsn = 0;  // the position after it: what a target records
  int64_t commit_time = 0;    // microseconds since 2000-01-01 UTC
  int parts = 0;              // the transaction's rows, truncate and schema parts
};

// Every part of a transaction carries its commit LSN and its place in it
// (`part`, from 0). A transaction's last part, when it is a run of rows,
// carries the commit too; otherwise a Commit event follows its last part.
struct TransactionRows {
  pgoutput::Lsn lsn = 0;
  int part = 0;
  std::vector<RowChange> changes;
  std::optional<Commit> commit;
};

// Changes to one table: a part of each of one or more consecutive
// transactions, in commit order.
struct Rows {
  Table table;
  std::vector<TransactionRows> transactions;
};

struct TableName {
  std::string schema;
  std::string name;
};

struct Truncate {
  pgoutput::Lsn lsn = 0;
  int part = 0;
  std::vector<TableName> tables;
  bool cascade = false;
  bool restart_identity = false;
};

// The tables' descriptions as the source's schema-change capture gave them
// (ddl_capture.h's JSON): names, types and constraints, no values.
struct SchemaChange {
  pgoutput::Lsn lsn = 0;
  int part = 0;
  std::string description;
};

using Sequence = SequenceValue;

struct Sequences {
  int64_t read_at = 0;  // microseconds since 2000-01-01 UTC, when read on the source
  std::vector<Sequence> values;
};

// A copy is identified by its consistent point (`snapshot`): every event of
// one copy carries it, and the stream's changes after it continue from it.
struct SnapshotBegin {
  pgoutput::Lsn snapshot = 0;
  std::string slot;           // the source's slot the changes after it come from
  std::string policy_sha256;  // the policy the copy and the changes are masked under
  std::string policy_mode;
};

struct SchemaSql {
  pgoutput::Lsn snapshot = 0;
  std::string section;  // "pre-data" or "post-data"
  int part = 0;
  int parts = 1;
  std::string sql;
};

struct CopyRows {
  pgoutput::Lsn snapshot = 0;
  TableName table;
  int64_t chunk = 0;  // from 0, per table
  std::vector<std::string> columns;
  std::string rows;  // COPY text format, whole rows, masked
};

struct SnapshotEnd {
  pgoutput::Lsn snapshot = 0;
  std::string tables;  // ddl_capture.h's JSON array of the streamed tables
  std::vector<TableName> matviews;
  std::vector<Sequence> sequences;
  int64_t rows = 0;  // copied, all tables
};

using Event = std::variant<Rows, Truncate, SchemaChange, Commit, Sequences, SnapshotBegin, SchemaSql,
                           CopyRows, SnapshotEnd>;

std::string Encode(const Event& event);
Result<Event> Decode(std::string_view json);

// The subject `event` is published on in stream `stream`.
std::string Subject(const std::string& stream, const Event& event);

// `name` as one subject token: A-Z a-z 0-9 _ - as they are, every other
// byte as %XX.
std::string SubjectToken(std::string_view name);

// The commit of the last transaction `event` ends, if it ends one.
const Commit* LastCommit(const Event& event);

// The message id, from which JetStream drops a re-published message, of
// `event` encoded as `encoded`: derived from LSNs and parts, so the same
// event published again after a crash carries the same id. Which
// transactions a rows event gathers depends on timing, so its id also
// carries a digest of its content: one gathered otherwise after a restart
// is another message, never dropped as a repeat of the first.
std::string MessageId(const Event& event, const std::string& encoded);

}  // namespace pgveil::replicator::events
