#include "replicator/change_event.h"

#include <type_traits>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "policy/fingerprint.h"
#include "replicator/rows_event.h"

namespace pgveil::replicator::events {
namespace {

using nlohmann::json;

json TableNameJson(const TableName& table) {
  return {{"schema", table.schema}, {"name", table.name}};
}

json SequencesJson(const std::vector<Sequence>& sequences) {
  json list = json::array();
  for (const Sequence& s : sequences) {
    list.push_back({{"name", s.name}, {"last_value", s.last_value}, {"is_called", s.is_called}});
  }
  return list;
}

json ToJson(const Truncate& e) {
  json tables = json::array();
  for (const TableName& table : e.tables) tables.push_back(TableNameJson(table));
  return {{"type", "truncate"},      {"lsn", pgoutput::FormatLsn(e.lsn)},
          {"part", e.part},          {"tables", std::move(tables)},
          {"cascade", e.cascade},    {"restart_identity", e.restart_identity}};
}

json ToJson(const SchemaChange& e) {
  json description = json::parse(e.description, nullptr, /*allow_exceptions=*/false);
  if (!description.is_object()) description = json::object();
  return {{"type", "schema"},
          {"lsn", pgoutput::FormatLsn(e.lsn)},
          {"part", e.part},
          {"change", std::move(description)}};
}

json ToJson(const Commit& e) {
  return {{"type", "commit"},
          {"lsn", pgoutput::FormatLsn(e.lsn)},
          {"end_lsn", pgoutput::FormatLsn(e.end_lsn)},
          {"commit_time", e.commit_time},
          {"parts", e.parts}};
}

json ToJson(const Sequences& e) {
  return {{"type", "sequences"}, {"read_at", e.read_at}, {"values", SequencesJson(e.values)}};
}

json ToJson(const SnapshotBegin& e) {
  return {{"type", "snapshot_begin"},
          {"snapshot", pgoutput::FormatLsn(e.snapshot)},
          {"slot", e.slot},
          {"policy_sha256", e.policy_sha256},
          {"policy_mode", e.policy_mode}};
}

json ToJson(const SchemaSql& e) {
  return {{"type", "schema_sql"}, {"snapshot", pgoutput::FormatLsn(e.snapshot)},
          {"section", e.section}, {"part", e.part},
          {"parts", e.parts},     {"sql", e.sql}};
}

json ToJson(const CopyRows& e) {
  return {{"type", "copy"},
          {"snapshot", pgoutput::FormatLsn(e.snapshot)},
          {"schema", e.table.schema},
          {"table", e.table.name},
          {"chunk", e.chunk},
          {"columns", e.columns},
          {"rows", e.rows}};
}

json ToJson(const SnapshotEnd& e) {
  json matviews = json::array();
  for (const TableName& view : e.matviews) matviews.push_back(TableNameJson(view));
  json tables = json::parse(e.tables, nullptr, /*allow_exceptions=*/false);
  if (!tables.is_array()) tables = json::array();
  return {{"type", "snapshot_end"},     {"snapshot", pgoutput::FormatLsn(e.snapshot)},
          {"tables", std::move(tables)}, {"matviews", std::move(matviews)},
          {"sequences", SequencesJson(e.sequences)}, {"rows", e.rows}};
}

// Reading: every field is checked for its type; a message names the field,
// never its value.
class Reader {
 public:
  explicit Reader(const json& object) : object_(object) {}

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  Status status() const {
    return ok() ? Status::Ok() : Status::InvalidArgument("a change event: " + error_);
  }

  const json* Field(const char* name, json::value_t type) {
    auto found = object_.find(name);
    if (found == object_.end() || found->type() != type) {
      Fail(fmt::format("\"{}\" is missing or not a{} {}", name,
                       type == json::value_t::array ? "n" : "", TypeName(type)));
      return nullptr;
    }
    return &*found;
  }
  std::string String(const char* name) {
    const json* field = Field(name, json::value_t::string);
    return field ? field->get<std::string>() : "";
  }
  int64_t Integer(const char* name) {
    auto found = object_.find(name);
    if (found == object_.end() || !found->is_number_integer()) {
      Fail(fmt::format("\"{}\" is missing or not an integer", name));
      return 0;
    }
    return found->get<int64_t>();
  }
  bool Boolean(const char* name) {
    const json* field = Field(name, json::value_t::boolean);
    return field ? field->get<bool>() : false;
  }
  pgoutput::Lsn Lsn(const char* name) {
    Result<pgoutput::Lsn> lsn = pgoutput::ParseLsn(String(name));
    if (!lsn.ok() && ok()) Fail(fmt::format("\"{}\" is not an LSN", name));
    return lsn.ok() ? *lsn : 0;
  }
  void Fail(const std::string& what) {
    if (error_.empty()) error_ = what;
  }

 private:
  static const char* TypeName(json::value_t type) {
    switch (type) {
      case json::value_t::string:
        return "string";
      case json::value_t::array:
        return "array";
      case json::value_t::boolean:
        return "boolean";
      default:
        return "object";
    }
  }

  const json& object_;
  std::string error_;  // the first thing found wrong
};

TableName TableNameFrom(const json& value, Reader& outer) {
  if (!value.is_object()) {
    outer.Fail("a table name is not an object");
    return {};
  }
  Reader reader(value);
  TableName name{reader.String("schema"), reader.String("name")};
  if (!reader.ok()) outer.Fail("a table name lacks its schema or name");
  return name;
}

std::vector<Sequence> SequencesFrom(const json* list, Reader& outer) {
  std::vector<Sequence> sequences;
  if (list == nullptr) return sequences;
  for (const json& item : *list) {
    if (!item.is_object()) {
      outer.Fail("a sequence is not an object");
      break;
    }
    Reader reader(item);
    sequences.push_back({reader.String("name"), reader.String("last_value"),
                         reader.Boolean("is_called")});
    if (!reader.ok()) outer.Fail("a sequence lacks its name, value or is_called");
  }
  return sequences;
}

Result<Event> FromJson(const json& document) {
  if (!document.is_object()) return Status::InvalidArgument("a change event: not a JSON object");
  Reader reader(document);
  if (const int64_t version = reader.Integer("v"); version != kVersion && reader.ok()) {
    return OtherVersion(version);
  }
  const std::string type = reader.String("type");
  Event event;
  if (type == "truncate") {
    Truncate truncate;
    truncate.lsn = reader.Lsn("lsn");
    truncate.part = static_cast<int>(reader.Integer("part"));
    if (const json* tables = reader.Field("tables", json::value_t::array)) {
      for (const json& table : *tables) truncate.tables.push_back(TableNameFrom(table, reader));
    }
    truncate.cascade = reader.Boolean("cascade");
    truncate.restart_identity = reader.Boolean("restart_identity");
    event = std::move(truncate);
  } else if (type == "schema") {
    SchemaChange change;
    change.lsn = reader.Lsn("lsn");
    change.part = static_cast<int>(reader.Integer("part"));
    if (const json* description = reader.Field("change", json::value_t::object)) {
      change.description = description->dump();
    }
    event = std::move(change);
  } else if (type == "commit") {
    event = Commit{reader.Lsn("lsn"), reader.Lsn("end_lsn"), reader.Integer("commit_time"),
                   static_cast<int>(reader.Integer("parts"))};
  } else if (type == "sequences") {
    event = Sequences{reader.Integer("read_at"),
                      SequencesFrom(reader.Field("values", json::value_t::array), reader)};
  } else if (type == "snapshot_begin") {
    event = SnapshotBegin{reader.Lsn("snapshot"), reader.String("slot"),
                          reader.String("policy_sha256"), reader.String("policy_mode")};
  } else if (type == "schema_sql") {
    SchemaSql sql;
    sql.snapshot = reader.Lsn("snapshot");
    sql.section = reader.String("section");
    if (sql.section != "pre-data" && sql.section != "post-data" && reader.ok()) {
      reader.Fail("\"section\" is not pre-data or post-data");
    }
    sql.part = static_cast<int>(reader.Integer("part"));
    sql.parts = static_cast<int>(reader.Integer("parts"));
    sql.sql = reader.String("sql");
    event = std::move(sql);
  } else if (type == "copy") {
    CopyRows copy;
    copy.snapshot = reader.Lsn("snapshot");
    copy.table = {reader.String("schema"), reader.String("table")};
    copy.chunk = reader.Integer("chunk");
    if (const json* columns = reader.Field("columns", json::value_t::array)) {
      for (const json& column : *columns) {
        if (!column.is_string()) {
          reader.Fail("a column name is not a string");
          break;
        }
        copy.columns.push_back(column.get<std::string>());
      }
    }
    copy.rows = reader.String("rows");
    if (!copy.rows.empty() && copy.rows.back() != '\n') reader.Fail("\"rows\" ends mid-row");
    event = std::move(copy);
  } else if (type == "snapshot_end") {
    SnapshotEnd end;
    end.snapshot = reader.Lsn("snapshot");
    if (const json* tables = reader.Field("tables", json::value_t::array)) end.tables = tables->dump();
    if (const json* views = reader.Field("matviews", json::value_t::array)) {
      for (const json& view : *views) end.matviews.push_back(TableNameFrom(view, reader));
    }
    end.sequences = SequencesFrom(reader.Field("sequences", json::value_t::array), reader);
    end.rows = reader.Integer("rows");
    event = std::move(end);
  } else if (reader.ok()) {
    return Status::InvalidArgument("a change event of an unknown type");
  }
  PGVEIL_RETURN_IF_ERROR(reader.status());
  return event;
}

std::string LsnToken(pgoutput::Lsn lsn) { return fmt::format("{:X}", lsn); }

}  // namespace

std::string Encode(const Event& event) {
  std::string out;
  json document = std::visit(
      [&out](const auto& e) {
        if constexpr (std::is_same_v<std::decay_t<decltype(e)>, Rows>) {
          EncodeRows(e, &out);  // the stream's bulk, written without a tree
          return json();
        } else {
          return ToJson(e);
        }
      },
      event);
  if (!out.empty()) return out;
  document["v"] = kVersion;
  // Invalid UTF-8 in a name or value (a SQL_ASCII source) travels as U+FFFD
  // rather than failing the stream.
  return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Event> Decode(std::string_view text) {
  if (std::optional<Result<Rows>> rows = DecodeRows(text)) {
    if (!rows->ok()) return rows->status();
    return Event(std::move(*rows).value());
  }
  json document = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (document.is_discarded()) return Status::InvalidArgument("a change event that is not JSON");
  return FromJson(document);
}

std::string SubjectToken(std::string_view name) {
  std::string token;
  for (unsigned char c : name) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
        c == '-') {
      token += static_cast<char>(c);
    } else {
      token += fmt::format("%{:02X}", c);
    }
  }
  return token.empty() ? "%" : token;
}

std::string Subject(const std::string& stream, const Event& event) {
  struct Visitor {
    const std::string& s;
    std::string operator()(const Rows& e) const {
      return s + ".row." + SubjectToken(e.table.schema) + "." + SubjectToken(e.table.name);
    }
    std::string operator()(const Truncate&) const { return s + ".truncate"; }
    std::string operator()(const SchemaChange&) const { return s + ".schema"; }
    std::string operator()(const Commit&) const { return s + ".tx"; }
    std::string operator()(const Sequences&) const { return s + ".sequences"; }
    std::string operator()(const SnapshotBegin&) const { return s + ".snapshot.begin"; }
    std::string operator()(const SchemaSql&) const { return s + ".snapshot.schema"; }
    std::string operator()(const CopyRows& e) const {
      return s + ".copy." + SubjectToken(e.table.schema) + "." + SubjectToken(e.table.name);
    }
    std::string operator()(const SnapshotEnd&) const { return s + ".snapshot.end"; }
  };
  return std::visit(Visitor{stream}, event);
}

const Commit* LastCommit(const Event& event) {
  if (const Commit* commit = std::get_if<Commit>(&event)) return commit;
  if (const Rows* rows = std::get_if<Rows>(&event)) {
    for (auto t = rows->transactions.rbegin(); t != rows->transactions.rend(); ++t) {
      if (t->commit) return &*t->commit;
    }
  }
  return nullptr;
}

std::string MessageId(const Event& event, const std::string& encoded) {
  struct Visitor {
    const std::string& encoded;
    std::string operator()(const Rows& e) const {
      const std::string digest = policy::Sha256Hex(encoded).substr(0, 16);
      if (e.transactions.empty()) return "rows." + digest;
      return fmt::format("{}.{}.{}", LsnToken(e.transactions.front().lsn),
                         e.transactions.front().part, digest);
    }
    std::string operator()(const Truncate& e) const {
      return fmt::format("{}.{}", LsnToken(e.lsn), e.part);
    }
    std::string operator()(const SchemaChange& e) const {
      return fmt::format("{}.{}", LsnToken(e.lsn), e.part);
    }
    std::string operator()(const Commit& e) const { return LsnToken(e.lsn) + ".commit"; }
    std::string operator()(const Sequences& e) const { return fmt::format("seq.{}", e.read_at); }
    std::string operator()(const SnapshotBegin& e) const {
      return "snap." + LsnToken(e.snapshot) + ".begin";
    }
    std::string operator()(const SchemaSql& e) const {
      return fmt::format("snap.{}.{}.{}", LsnToken(e.snapshot), e.section, e.part);
    }
    std::string operator()(const CopyRows& e) const {
      return fmt::format("snap.{}.copy.{}.{}.{}", LsnToken(e.snapshot), SubjectToken(e.table.schema),
                         SubjectToken(e.table.name), e.chunk);
    }
    std::string operator()(const SnapshotEnd& e) const {
      return "snap." + LsnToken(e.snapshot) + ".end";
    }
  };
  return std::visit(Visitor{encoded}, event);
}

}  // namespace pgveil::replicator::events
