#include "replicator/rows_event.h"

#include <fmt/format.h>
#include <unicode/utf8.h>

#include "core/json_string.h"
#include "masking/text_util.h"

namespace pgveil::replicator::events {
namespace {

using Kind = pgoutput::TupleValue::Kind;

// Nesting deeper than this, in a part of an event nobody reads, is refused.
constexpr int kMaxSkipDepth = 64;

// ---- Writing ----

void AppendText(std::string_view text, std::string* out) {
  if (masking::IsValidUtf8(text)) return AppendJsonString(text, out);
  std::string repaired;
  size_t pos = 0;
  while (pos < text.size()) {
    const size_t start = pos;
    char32_t code_point;
    if (static_cast<unsigned char>(text[pos]) < 0x80) {
      ++pos;
    } else if (!masking::DecodeUtf8(text, &pos, &code_point)) {
      repaired += "\xEF\xBF\xBD";  // U+FFFD
      continue;
    }
    repaired.append(text.substr(start, pos - start));
  }
  AppendJsonString(repaired, out);
}

void AppendTuple(const pgoutput::Tuple& tuple, std::string* out) {
  out->push_back('[');
  for (size_t i = 0; i < tuple.size(); ++i) {
    if (i > 0) out->push_back(',');
    if (tuple[i].kind == Kind::kText) {
      AppendText(tuple[i].data, out);
    } else {
      out->append("null");
    }
  }
  out->push_back(']');
}

void AppendChange(const RowChange& change, std::string* out) {
  switch (change.op) {
    case RowChange::Op::kInsert:
      out->append("{\"op\":\"insert\",\"new\":");
      AppendTuple(change.row, out);
      break;
    case RowChange::Op::kUpdate: {
      out->append("{\"op\":\"update\",\"new\":");
      AppendTuple(change.row, out);
      bool first = true;
      for (size_t i = 0; i < change.row.size(); ++i) {
        if (change.row[i].kind != Kind::kUnchanged) continue;
        out->append(first ? ",\"unchanged\":[" : ",");
        out->append(std::to_string(i));
        first = false;
      }
      if (!first) out->push_back(']');
      break;
    }
    case RowChange::Op::kDelete:
      out->append("{\"op\":\"delete\"");
      break;
  }
  if (change.old_kind != 0) {
    out->append(",\"old\":");
    AppendTuple(change.old_row, out);
    out->append(change.old_kind == 'O' ? ",\"old_kind\":\"row\"" : ",\"old_kind\":\"key\"");
  }
  out->push_back('}');
}

// ---- Reading ----

// A position in untrusted JSON text. Syntax errors set failed(); the
// readers above it name fields whose values have the wrong type.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool failed() const { return failed_; }
  bool Syntax() {
    failed_ = true;
    return false;
  }

  // The next byte after white space, or '\0' at the end.
  char Peek() {
    SkipSpace();
    return at_ < text_.size() ? text_[at_] : '\0';
  }
  bool Take(char c) {
    if (Peek() != c) return false;
    ++at_;
    return true;
  }
  bool Expect(char c) { return Take(c) || Syntax(); }
  bool AtEnd() { return Peek() == '\0' && at_ == text_.size(); }

  // A string, unescaped; its bytes must be UTF-8.
  bool String(std::string* out) {
    out->clear();
    if (!Expect('"')) return false;
    size_t start = at_;
    while (at_ < text_.size()) {
      const unsigned char c = static_cast<unsigned char>(text_[at_]);
      if (c == '"') {
        out->append(text_.substr(start, at_ - start));
        ++at_;
        return true;
      }
      if (c == '\\') {
        out->append(text_.substr(start, at_ - start));
        if (!Escape(out)) return false;
        start = at_;
      } else if (c < 0x20) {
        return Syntax();
      } else if (c >= 0x80) {
        char32_t code_point;
        if (!masking::DecodeUtf8(text_, &at_, &code_point)) return Syntax();
      } else {
        ++at_;
      }
    }
    return Syntax();
  }

  // An integer; false (and no syntax error) when the value is of another
  // kind, which the caller names.
  bool Integer(int64_t* out) {
    const char first = Peek();
    if (first != '-' && (first < '0' || first > '9')) return false;
    const bool negative = first == '-';
    if (negative) ++at_;
    int64_t value = 0;
    int digits = 0;
    while (at_ < text_.size() && text_[at_] >= '0' && text_[at_] <= '9') {
      if (++digits > 18) return false;
      value = value * 10 + (text_[at_++] - '0');
    }
    if (digits == 0) return Syntax();
    if (at_ < text_.size() && (text_[at_] == '.' || text_[at_] == 'e' || text_[at_] == 'E')) {
      return false;
    }
    *out = negative ? -value : value;
    return true;
  }

  bool Literal(std::string_view word) {
    SkipSpace();
    if (text_.substr(at_, word.size()) != word) return false;
    at_ += word.size();
    return true;
  }

  // Any value, read past.
  bool Skip(int depth = 0) {
    if (depth > kMaxSkipDepth) return Syntax();
    const char c = Peek();
    if (c == '"') return String(&scratch_);
    if (c == '{' || c == '[') {
      const char close = c == '{' ? '}' : ']';
      ++at_;
      if (Take(close)) return true;
      do {
        if (c == '{' && !(String(&scratch_) && Expect(':'))) return false;
        if (!Skip(depth + 1)) return false;
      } while (Take(','));
      return Expect(close);
    }
    if (Literal("true") || Literal("false") || Literal("null")) return true;
    if (c == '-' || (c >= '0' && c <= '9')) {
      ++at_;
      while (at_ < text_.size() &&
             std::string_view("0123456789+-.eE").find(text_[at_]) != std::string_view::npos) {
        ++at_;
      }
      return true;
    }
    return Syntax();
  }

 private:
  void SkipSpace() {
    while (at_ < text_.size() &&
           (text_[at_] == ' ' || text_[at_] == '\t' || text_[at_] == '\n' || text_[at_] == '\r')) {
      ++at_;
    }
  }

  bool Hex4(char32_t* out) {
    if (at_ + 4 > text_.size()) return Syntax();
    char32_t value = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = text_[at_++];
      value <<= 4;
      if (c >= '0' && c <= '9') {
        value |= static_cast<char32_t>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        value |= static_cast<char32_t>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        value |= static_cast<char32_t>(c - 'A' + 10);
      } else {
        return Syntax();
      }
    }
    *out = value;
    return true;
  }

  // After a backslash.
  bool Escape(std::string* out) {
    ++at_;
    if (at_ >= text_.size()) return Syntax();
    const char c = text_[at_++];
    switch (c) {
      case '"':
      case '\\':
      case '/':
        out->push_back(c);
        return true;
      case 'b':
        out->push_back('\b');
        return true;
      case 'f':
        out->push_back('\f');
        return true;
      case 'n':
        out->push_back('\n');
        return true;
      case 'r':
        out->push_back('\r');
        return true;
      case 't':
        out->push_back('\t');
        return true;
      case 'u':
        break;
      default:
        return Syntax();
    }
    char32_t code_point;
    if (!Hex4(&code_point)) return false;
    if (code_point >= 0xDC00 && code_point <= 0xDFFF) return Syntax();
    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
      char32_t low;
      if (text_.substr(at_, 2) != "\\u") return Syntax();
      at_ += 2;
      if (!Hex4(&low)) return false;
      if (low < 0xDC00 || low > 0xDFFF) return Syntax();
      code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
    }
    char bytes[U8_MAX_LENGTH];
    int32_t length = 0;
    U8_APPEND_UNSAFE(bytes, length, static_cast<UChar32>(code_point));
    out->append(bytes, static_cast<size_t>(length));
    return true;
  }

  std::string_view text_;
  size_t at_ = 0;
  bool failed_ = false;
  std::string scratch_;
};

// Reads one Rows event. Each Read* returns false once something is wrong:
// a syntax error (the cursor's) or the first field found wrong (error_).
class RowsReader {
 public:
  explicit RowsReader(std::string_view json) : in_(json) {}

  Result<Rows> Read() {
    const bool read = ReadTop();
    if (version_ && *version_ != kVersion) return OtherVersion(*version_);
    if (in_.failed()) return Status::InvalidArgument("a change event that is not JSON");
    if (read) Check();
    if (!error_.empty()) return Status::InvalidArgument("a change event: " + error_);
    return std::move(rows_);
  }

 private:
  bool Fail(const std::string& what) {
    if (error_.empty()) error_ = what;
    return false;
  }
  bool Missing(const char* field, const char* kind) {
    return Fail(fmt::format("\"{}\" is missing or not a{} {}", field,
                            kind[0] == 'a' || kind[0] == 'i' || kind[0] == 'o' ? "n" : "", kind));
  }

  bool StringField(const char* field, std::string* out) {
    return in_.Peek() == '"' ? in_.String(out) : Missing(field, "string");
  }
  bool IntegerField(const char* field, int64_t* out) {
    return in_.Integer(out) || (!in_.failed() && Missing(field, "integer"));
  }
  bool LsnField(const char* field, pgoutput::Lsn* out) {
    if (!StringField(field, &text_)) return false;
    Result<pgoutput::Lsn> lsn = pgoutput::ParseLsn(text_);
    if (!lsn.ok()) return Fail(fmt::format("\"{}\" is not an LSN", field));
    *out = *lsn;
    return true;
  }

  // `{ "key": value, … }`, each value read by `field`(key).
  template <typename Field>
  bool Object(Field field) {
    if (!in_.Expect('{')) return false;
    if (in_.Take('}')) return true;
    std::string key;
    do {
      if (!in_.String(&key) || !in_.Expect(':') || !field(key)) return false;
    } while (in_.Take(','));
    return in_.Expect('}');
  }
  // `[ item, … ]`, each read by `item`().
  template <typename Item>
  bool Array(const char* field, Item item) {
    if (in_.Peek() != '[') return Missing(field, "array");
    in_.Take('[');
    if (in_.Take(']')) return true;
    do {
      if (!item()) return false;
    } while (in_.Take(','));
    return in_.Expect(']');
  }

  bool ReadTop() {
    bool saw[4] = {};  // schema, table, identity, columns
    bool saw_transactions = false;
    const bool read = Object([&](const std::string& key) {
      if (key == "v") {
        int64_t version = 0;
        if (!IntegerField("v", &version)) return false;
        version_ = version;
        return version == kVersion;
      }
      if (key == "type") return in_.Skip();  // "rows": DecodeRows looked
      if (key == "schema") {
        saw[0] = true;
        return StringField("schema", &rows_.table.schema);
      }
      if (key == "table") {
        saw[1] = true;
        return StringField("table", &rows_.table.name);
      }
      if (key == "identity") {
        saw[2] = true;
        if (!StringField("identity", &text_)) return false;
        if (text_.size() != 1 || std::string_view("dfin").find(text_[0]) == std::string::npos) {
          return Fail("\"identity\" is not d, f, i or n");
        }
        rows_.table.identity = text_[0];
        return true;
      }
      if (key == "columns") {
        saw[3] = true;
        return Array("columns", [&] { return ReadColumn(); });
      }
      if (key == "transactions") {
        saw_transactions = true;
        return Array("transactions", [&] { return ReadTransaction(); });
      }
      return in_.Skip();
    });
    if (!read) return false;
    if (!in_.AtEnd()) return in_.Syntax();
    if (!version_) return Missing("v", "integer");
    const char* names[] = {"schema", "table", "identity", "columns"};
    const char* kinds[] = {"string", "string", "string", "array"};
    for (int i = 0; i < 4; ++i) {
      if (!saw[i]) return Missing(names[i], kinds[i]);
    }
    if (!saw_transactions) return Missing("transactions", "array");
    return true;
  }

  bool ReadColumn() {
    if (in_.Peek() != '{') return Fail("a column is not an object");
    Column column;
    int fields = 0;
    const bool read = Object([&](const std::string& key) {
      if (key == "name" || key == "type") {
        ++fields;
        return in_.Peek() == '"' && in_.String(key == "name" ? &column.name : &column.type);
      }
      if (key == "type_oid") {
        ++fields;
        int64_t oid = 0;
        if (!in_.Integer(&oid)) return false;
        column.type_oid = static_cast<uint32_t>(oid);
        return true;
      }
      if (key == "key") {
        ++fields;
        column.key = in_.Literal("true");
        return column.key || in_.Literal("false");
      }
      return in_.Skip();
    });
    if (!read || fields != 4) {
      return in_.failed() ? false : Fail("a column lacks its name, type or key");
    }
    rows_.table.columns.push_back(std::move(column));
    return true;
  }

  bool ReadTransaction() {
    if (in_.Peek() != '{') return Fail("a transaction is not an object");
    TransactionRows transaction;
    bool saw_lsn = false, saw_part = false, saw_changes = false;
    const bool read = Object([&](const std::string& key) {
      if (key == "lsn") {
        saw_lsn = true;
        return LsnField("lsn", &transaction.lsn);
      }
      if (key == "part") {
        saw_part = true;
        int64_t part = 0;
        if (!IntegerField("part", &part)) return false;
        transaction.part = static_cast<int>(part);
        return true;
      }
      if (key == "changes") {
        saw_changes = true;
        return Array("changes", [&] { return ReadChange(&transaction.changes); });
      }
      if (key == "commit") {
        if (in_.Peek() != '{') return Missing("commit", "object");
        transaction.commit = Commit{};
        return ReadCommit(&*transaction.commit);
      }
      return in_.Skip();
    });
    if (!read) return false;
    if (!saw_lsn) return Missing("lsn", "string");
    if (!saw_part) return Missing("part", "integer");
    if (!saw_changes) return Missing("changes", "array");
    if (transaction.commit) transaction.commit->lsn = transaction.lsn;
    rows_.transactions.push_back(std::move(transaction));
    return true;
  }

  bool ReadCommit(Commit* commit) {
    bool saw[3] = {};
    int64_t time = 0, parts = 0;
    const bool read = Object([&](const std::string& key) {
      if (key == "end_lsn") {
        saw[0] = true;
        return LsnField("end_lsn", &commit->end_lsn);
      }
      if (key == "commit_time") {
        saw[1] = true;
        return IntegerField("commit_time", &time);
      }
      if (key == "parts") {
        saw[2] = true;
        return IntegerField("parts", &parts);
      }
      return in_.Skip();
    });
    if (!read) {
      if (!error_.empty()) error_ = "\"commit\": " + error_;
      return false;
    }
    if (!saw[0]) return Fail("\"commit\": \"end_lsn\" is missing or not a string");
    if (!saw[1]) return Fail("\"commit\": \"commit_time\" is missing or not an integer");
    if (!saw[2]) return Fail("\"commit\": \"parts\" is missing or not an integer");
    commit->commit_time = time;
    commit->parts = static_cast<int>(parts);
    return true;
  }

  bool ReadTuple(const char* field, pgoutput::Tuple* tuple) {
    return Array(field, [&] {
      pgoutput::TupleValue value;
      if (in_.Peek() == '"') {
        value.kind = Kind::kText;
        if (!in_.String(&value.data)) return false;
      } else if (!in_.Literal("null")) {
        return Fail("a value is neither a string nor null");
      }
      tuple->push_back(std::move(value));
      return true;
    });
  }

  bool ReadChange(std::vector<RowChange>* changes) {
    if (in_.Peek() != '{') return Fail("a change is not an object");
    RowChange change;
    std::string op, old_kind;
    bool saw_op = false, saw_new = false, saw_old = false, saw_old_kind = false;
    std::vector<int64_t> unchanged;
    const bool read = Object([&](const std::string& key) {
      if (key == "op") {
        saw_op = true;
        return StringField("op", &op);
      }
      if (key == "new") {
        saw_new = true;
        return ReadTuple("new", &change.row);
      }
      if (key == "old") {
        saw_old = true;
        return ReadTuple("old", &change.old_row);
      }
      if (key == "old_kind") {
        saw_old_kind = true;
        return StringField("old_kind", &old_kind);
      }
      if (key == "unchanged") {
        if (in_.Peek() != '[') return Fail("\"unchanged\" is not an array");
        return Array("unchanged", [&] {
          int64_t index = 0;
          if (!in_.Integer(&index) || index < 0) {
            return in_.failed() ? false : Fail("\"unchanged\" names no column of the row");
          }
          unchanged.push_back(index);
          return true;
        });
      }
      return in_.Skip();
    });
    if (!read) return false;
    if (!saw_op) return Missing("op", "string");
    if (op == "insert" || op == "update") {
      change.op = op == "insert" ? RowChange::Op::kInsert : RowChange::Op::kUpdate;
      if (!saw_new) return Missing("new", "array");
      for (int64_t index : unchanged) {
        if (static_cast<uint64_t>(index) >= change.row.size()) {
          return Fail("\"unchanged\" names no column of the row");
        }
        change.row[static_cast<size_t>(index)].kind = Kind::kUnchanged;
      }
    } else if (op == "delete") {
      change.op = RowChange::Op::kDelete;
      change.row.clear();
    } else {
      return Fail("\"op\" is not insert, update or delete");
    }
    if (saw_old) {
      if (!saw_old_kind) return Missing("old_kind", "string");
      if (old_kind != "key" && old_kind != "row") return Fail("\"old_kind\" is not key or row");
      change.old_kind = old_kind == "row" ? 'O' : 'K';
    } else if (change.op == RowChange::Op::kDelete) {
      return Fail("a delete has no \"old\" row");
    }
    changes->push_back(std::move(change));
    return true;
  }

  // What needs the whole event: the rows' widths against the columns.
  void Check() {
    if (rows_.transactions.empty()) {
      Fail("\"transactions\" is empty");
      return;
    }
    const size_t width = rows_.table.columns.size();
    for (const TransactionRows& transaction : rows_.transactions) {
      for (const RowChange& change : transaction.changes) {
        const bool fits = change.row.size() == (change.op == RowChange::Op::kDelete ? 0 : width) &&
                          (change.old_kind == 0 || change.old_row.size() == width);
        if (!fits) {
          Fail("a row's width is not the table's");
          return;
        }
      }
    }
  }

  Cursor in_;
  Rows rows_;
  std::string text_;   // a string field's value, read
  std::string error_;  // the first field found wrong
  std::optional<int64_t> version_;
};

// The top-level "type" of `json`, read past whatever comes before it;
// empty when `json` is not an object with a string there.
std::string TypeOf(std::string_view json) {
  Cursor in(json);
  std::string key, type;
  if (!in.Take('{') || in.Take('}')) return "";
  do {
    if (!in.String(&key) || !in.Expect(':')) return "";
    if (key == "type") return in.Peek() == '"' && in.String(&type) ? type : "";
  } while (in.Skip() && in.Take(','));
  return "";
}

}  // namespace

Status OtherVersion(int64_t version) {
  return Status::InvalidArgument(fmt::format(
      "a change event of version {}, where this pgveil reads version {}: another version of "
      "pgveil wrote the stream; publish to a new --stream",
      version, kVersion));
}

void EncodeRows(const Rows& rows, std::string* out) {
  out->append(fmt::format("{{\"v\":{},\"type\":\"rows\",\"schema\":", kVersion));
  AppendText(rows.table.schema, out);
  out->append(",\"table\":");
  AppendText(rows.table.name, out);
  out->append(",\"identity\":");
  AppendText(std::string(1, rows.table.identity), out);
  out->append(",\"columns\":[");
  for (size_t i = 0; i < rows.table.columns.size(); ++i) {
    const Column& column = rows.table.columns[i];
    out->append(i == 0 ? "{\"name\":" : ",{\"name\":");
    AppendText(column.name, out);
    out->append(",\"type\":");
    AppendText(column.type, out);
    out->append(fmt::format(",\"type_oid\":{},\"key\":{}}}", column.type_oid, column.key));
  }
  out->append("],\"transactions\":[");
  for (size_t t = 0; t < rows.transactions.size(); ++t) {
    const TransactionRows& transaction = rows.transactions[t];
    out->append(fmt::format("{}{{\"lsn\":\"{}\",\"part\":{},\"changes\":[", t == 0 ? "" : ",",
                            pgoutput::FormatLsn(transaction.lsn), transaction.part));
    for (size_t c = 0; c < transaction.changes.size(); ++c) {
      if (c > 0) out->push_back(',');
      AppendChange(transaction.changes[c], out);
    }
    out->push_back(']');
    if (transaction.commit) {
      out->append(fmt::format(",\"commit\":{{\"end_lsn\":\"{}\",\"commit_time\":{},\"parts\":{}}}",
                              pgoutput::FormatLsn(transaction.commit->end_lsn),
                              transaction.commit->commit_time, transaction.commit->parts));
    }
    out->push_back('}');
  }
  out->append("]}");
}

std::optional<Result<Rows>> DecodeRows(std::string_view json) {
  if (TypeOf(json) != "rows") return std::nullopt;
  return RowsReader(json).Read();
}

}  // namespace pgveil::replicator::events
