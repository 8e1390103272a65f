// replicator/pgoutput.h
//
// The pgoutput logical decoding format, protocol version 1, as plain values:
// Decode turns the payload of one XLogData message of the replication stream
// into one Event. It is pure (no I/O, no allocation beyond the Event) and
// never trusts its input: a truncated or malformed message is
// InvalidArgument naming the message kind and the byte offset, never a crash
// and never a value from the message.
//
// Messages (PostgreSQL's "Logical Replication Message Formats"):
//   B Begin      final LSN, commit time, xid
//   C Commit     flags, commit LSN, end LSN, commit time
//   O Origin     origin LSN, name
//   R Relation   oid, namespace, name, replica identity, columns
//   Y Type       oid, namespace, name
//   I Insert     relation oid, 'N' new tuple
//   U Update     relation oid, optional 'K' (key) or 'O' (old) tuple, 'N' new tuple
//   D Delete     relation oid, 'K' or 'O' tuple
//   T Truncate   relation count, options (1 cascade, 2 restart identity), oids
//   M Message    flags (1 transactional), LSN, prefix, content
// A tuple is a count of columns followed by one of: 'n' NULL, 'u' an
// unchanged TOASTed value whose bytes were not sent, 't' text, 'b' binary
// (only with the binary option, which pgveil does not ask for).
// An empty namespace in Relation or Type means pg_catalog.
//
// Times are microseconds since 2000-01-01 UTC, as the server sends them.
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

namespace pgveil::replicator::pgoutput {

using Lsn = uint64_t;

// "16/B374D848" ⇄ 0x16B374D848. ParseLsn is InvalidArgument for anything
// but two hex numbers of at most 8 digits separated by '/'.
Result<Lsn> ParseLsn(std::string_view text);
std::string FormatLsn(Lsn lsn);

struct TupleValue {
  enum class Kind : char { kNull = 'n', kUnchanged = 'u', kText = 't', kBinary = 'b' };
  Kind kind = Kind::kNull;
  std::string data;  // the value's text (or bytes) for kText/kBinary; empty otherwise
};
using Tuple = std::vector<TupleValue>;

struct Begin {
  Lsn final_lsn = 0;  // the commit's LSN
  int64_t commit_time = 0;
  uint32_t xid = 0;
};

struct Commit {
  uint8_t flags = 0;
  Lsn commit_lsn = 0;
  Lsn end_lsn = 0;  // the position after the commit record: what to confirm
  int64_t commit_time = 0;
};

struct Origin {
  Lsn lsn = 0;
  std::string name;
};

struct RelationColumn {
  bool key = false;  // part of the replica identity
  std::string name;
  uint32_t type_oid = 0;
  int32_t type_modifier = -1;
};

struct Relation {
  uint32_t oid = 0;
  std::string schema;  // "" means pg_catalog
  std::string name;
  char replica_identity = 'd';  // d default (primary key), n nothing, f full, i index
  std::vector<RelationColumn> columns;
};

struct Type {
  uint32_t oid = 0;
  std::string schema;
  std::string name;
};

struct Insert {
  uint32_t relation = 0;
  Tuple row;
};

struct Update {
  uint32_t relation = 0;
  // 0 when no old tuple was sent (the key did not change and the identity
  // is the primary key), 'K' for the old key only, 'O' for the whole old row
  // (REPLICA IDENTITY FULL).
  char old_kind = 0;
  Tuple old_row;
  Tuple row;
};

struct Delete {
  uint32_t relation = 0;
  char old_kind = 'K';  // 'K' or 'O', as in Update
  Tuple old_row;
};

struct Truncate {
  static constexpr uint8_t kCascade = 1;
  static constexpr uint8_t kRestartIdentity = 2;
  uint8_t options = 0;
  std::vector<uint32_t> relations;
};

struct Message {
  bool transactional = false;
  Lsn lsn = 0;
  std::string prefix;
  std::string content;
};

using Event =
    std::variant<Begin, Commit, Origin, Relation, Type, Insert, Update, Delete, Truncate, Message>;

// Decodes one message. Trailing bytes after a complete message are an error.
Result<Event> Decode(std::string_view message);

}  // namespace pgveil::replicator::pgoutput
