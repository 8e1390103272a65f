#include "replicator/pgoutput.h"

#include <fmt/format.h>

#include <charconv>
#include <cstring>

namespace pgveil::replicator::pgoutput {
namespace {

// One half of an LSN: 1 to 8 hex digits, as pg_lsn's input function takes.
// from_chars on an unsigned type takes no sign, space or "0x".
std::optional<uint32_t> ParseLsnHalf(std::string_view text) {
  uint32_t value = 0;
  const char* end = text.data() + text.size();
  auto [stop, error] = std::from_chars(text.data(), end, value, 16);
  if (text.empty() || text.size() > 8 || error != std::errc() || stop != end) {
    return std::nullopt;
  }
  return value;
}

// A cursor over one message. Every read checks the bytes left first, and
// every error names the message kind and the offset of the field that did
// not fit, never the bytes themselves: they can be row data.
struct Reader {
  std::string_view in;
  const char* kind = "unknown";
  size_t pos = 0;

  size_t Left() const { return in.size() - pos; }

  Status Error(std::string_view what, size_t at) const {
    return Status::InvalidArgument(
        fmt::format("pgoutput {} message: {} at byte {}", kind, what, at));
  }

  // Network byte order, as pq_sendint* writes it.
  template <typename T>
  Status Int(T* out) {
    if (Left() < sizeof(T)) {
      return Error("truncated", pos);
    }
    uint64_t value = 0;
    for (size_t i = 0; i < sizeof(T); ++i) {
      value = value << 8 | static_cast<unsigned char>(in[pos + i]);
    }
    pos += sizeof(T);
    *out = static_cast<T>(value);
    return Status::Ok();
  }

  Status String(std::string* out) {
    const void* nul = std::memchr(in.data() + pos, '\0', Left());
    if (nul == nullptr) {
      return Error("string without NUL terminator", pos);
    }
    size_t length = static_cast<size_t>(static_cast<const char*>(nul) - (in.data() + pos));
    out->assign(in.data() + pos, length);
    pos += length + 1;
    return Status::Ok();
  }

  // An Int32 length followed by that many bytes.
  Status Bytes(std::string* out) {
    size_t at = pos;
    int32_t length = 0;
    PGVEIL_RETURN_IF_ERROR(Int(&length));
    if (length < 0) {
      return Error("negative length", at);
    }
    if (static_cast<size_t>(length) > Left()) {
      return Error("length past the end", at);
    }
    out->assign(in.data() + pos, static_cast<size_t>(length));
    pos += static_cast<size_t>(length);
    return Status::Ok();
  }

  // Fails before anything is allocated when `count` elements of at least
  // `min_size` bytes each cannot fit in what is left.
  Status CheckCount(uint64_t count, size_t min_size, size_t at) const {
    if (count > Left() / min_size) {
      return Error("count past the end", at);
    }
    return Status::Ok();
  }

  Status Tag(char* out) {
    uint8_t byte = 0;
    PGVEIL_RETURN_IF_ERROR(Int(&byte));
    *out = static_cast<char>(byte);
    return Status::Ok();
  }
};

Status ReadTuple(Reader& r, Tuple* tuple) {
  size_t at = r.pos;
  uint16_t count = 0;
  PGVEIL_RETURN_IF_ERROR(r.Int(&count));
  PGVEIL_RETURN_IF_ERROR(r.CheckCount(count, 1, at));
  tuple->resize(count);
  for (TupleValue& value : *tuple) {
    at = r.pos;
    char kind = 0;
    PGVEIL_RETURN_IF_ERROR(r.Tag(&kind));
    switch (kind) {
      case 'n':
      case 'u':
        break;
      case 't':
      case 'b':
        PGVEIL_RETURN_IF_ERROR(r.Bytes(&value.data));
        break;
      default:
        return r.Error("unknown tuple value kind", at);
    }
    value.kind = static_cast<TupleValue::Kind>(kind);
  }
  return Status::Ok();
}

// A tuple introduced by one of the tags in `allowed`.
Status ReadTaggedTuple(Reader& r, std::string_view allowed, char* tag, Tuple* tuple) {
  size_t at = r.pos;
  PGVEIL_RETURN_IF_ERROR(r.Tag(tag));
  if (allowed.find(*tag) == std::string_view::npos) {
    return r.Error("unexpected tuple tag", at);
  }
  return ReadTuple(r, tuple);
}

Status ReadBody(Reader& r, Begin* e) {
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->final_lsn));
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->commit_time));
  return r.Int(&e->xid);
}

Status ReadBody(Reader& r, Commit* e) {
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->flags));
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->commit_lsn));
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->end_lsn));
  return r.Int(&e->commit_time);
}

Status ReadBody(Reader& r, Origin* e) {
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->lsn));
  return r.String(&e->name);
}

Status ReadBody(Reader& r, Relation* e) {
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->oid));
  PGVEIL_RETURN_IF_ERROR(r.String(&e->schema));
  PGVEIL_RETURN_IF_ERROR(r.String(&e->name));
  size_t at = r.pos;
  PGVEIL_RETURN_IF_ERROR(r.Tag(&e->replica_identity));
  if (std::string_view("dnfi").find(e->replica_identity) == std::string_view::npos) {
    return r.Error("unknown replica identity", at);
  }
  at = r.pos;
  uint16_t count = 0;
  PGVEIL_RETURN_IF_ERROR(r.Int(&count));
  // flags, an empty name's NUL, type oid, type modifier
  PGVEIL_RETURN_IF_ERROR(r.CheckCount(count, 1 + 1 + 4 + 4, at));
  e->columns.resize(count);
  for (RelationColumn& column : e->columns) {
    uint8_t flags = 0;
    PGVEIL_RETURN_IF_ERROR(r.Int(&flags));
    column.key = (flags & 1) != 0;
    PGVEIL_RETURN_IF_ERROR(r.String(&column.name));
    PGVEIL_RETURN_IF_ERROR(r.Int(&column.type_oid));
    PGVEIL_RETURN_IF_ERROR(r.Int(&column.type_modifier));
  }
  return Status::Ok();
}

Status ReadBody(Reader& r, Type* e) {
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->oid));
  PGVEIL_RETURN_IF_ERROR(r.String(&e->schema));
  return r.String(&e->name);
}

Status ReadBody(Reader& r, Insert* e) {
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->relation));
  char tag = 0;
  return ReadTaggedTuple(r, "N", &tag, &e->row);
}

// The old tuple is optional: pgoutput sends 'K' or 'O' only when the
// replica identity changed or is FULL, so the first tag decides.
Status ReadBody(Reader& r, Update* e) {
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->relation));
  char tag = 0;
  size_t at = r.pos;
  PGVEIL_RETURN_IF_ERROR(r.Tag(&tag));
  if (tag == 'K' || tag == 'O') {
    e->old_kind = tag;
    PGVEIL_RETURN_IF_ERROR(ReadTuple(r, &e->old_row));
    return ReadTaggedTuple(r, "N", &tag, &e->row);
  }
  if (tag != 'N') {
    return r.Error("unexpected tuple tag", at);
  }
  return ReadTuple(r, &e->row);
}

Status ReadBody(Reader& r, Delete* e) {
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->relation));
  return ReadTaggedTuple(r, "KO", &e->old_kind, &e->old_row);
}

Status ReadBody(Reader& r, Truncate* e) {
  size_t at = r.pos;
  uint32_t count = 0;
  PGVEIL_RETURN_IF_ERROR(r.Int(&count));
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->options));
  PGVEIL_RETURN_IF_ERROR(r.CheckCount(count, 4, at));
  e->relations.resize(count);
  for (uint32_t& oid : e->relations) {
    PGVEIL_RETURN_IF_ERROR(r.Int(&oid));
  }
  return Status::Ok();
}

Status ReadBody(Reader& r, Message* e) {
  uint8_t flags = 0;
  PGVEIL_RETURN_IF_ERROR(r.Int(&flags));
  e->transactional = (flags & 1) != 0;
  PGVEIL_RETURN_IF_ERROR(r.Int(&e->lsn));
  PGVEIL_RETURN_IF_ERROR(r.String(&e->prefix));
  return r.Bytes(&e->content);
}

template <typename T>
Result<Event> DecodeAs(Reader& r, const char* kind) {
  r.kind = kind;
  T event;
  PGVEIL_RETURN_IF_ERROR(ReadBody(r, &event));
  if (r.Left() != 0) {
    return r.Error("trailing bytes", r.pos);
  }
  return Event(std::move(event));
}

}  // namespace

Result<Lsn> ParseLsn(std::string_view text) {
  size_t slash = text.find('/');
  if (slash != std::string_view::npos) {
    std::optional<uint32_t> high = ParseLsnHalf(text.substr(0, slash));
    std::optional<uint32_t> low = ParseLsnHalf(text.substr(slash + 1));
    if (high && low) {
      return static_cast<Lsn>(*high) << 32 | *low;
    }
  }
  return Status::InvalidArgument(
      "an LSN is two hex numbers of 1 to 8 digits separated by '/', such as 16/B374D848");
}

std::string FormatLsn(Lsn lsn) {
  return fmt::format("{:X}/{:X}", static_cast<uint32_t>(lsn >> 32), static_cast<uint32_t>(lsn));
}

Result<Event> Decode(std::string_view message) {
  Reader r{message};
  char type = 0;
  PGVEIL_RETURN_IF_ERROR(r.Tag(&type));
  switch (type) {
    case 'B':
      return DecodeAs<Begin>(r, "Begin");
    case 'C':
      return DecodeAs<Commit>(r, "Commit");
    case 'O':
      return DecodeAs<Origin>(r, "Origin");
    case 'R':
      return DecodeAs<Relation>(r, "Relation");
    case 'Y':
      return DecodeAs<Type>(r, "Type");
    case 'I':
      return DecodeAs<Insert>(r, "Insert");
    case 'U':
      return DecodeAs<Update>(r, "Update");
    case 'D':
      return DecodeAs<Delete>(r, "Delete");
    case 'T':
      return DecodeAs<Truncate>(r, "Truncate");
    case 'M':
      return DecodeAs<Message>(r, "Message");
    default:
      return r.Error("unknown message type", 0);
  }
}

}  // namespace pgveil::replicator::pgoutput
