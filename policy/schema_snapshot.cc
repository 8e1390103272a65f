#include "policy/schema_snapshot.h"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace pgveil::policy {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kFormat = "pgveil-schema-snapshot";
constexpr int kFormatVersion = 1;

constexpr std::pair<RelationKind, std::string_view> kKinds[] = {
    {RelationKind::kTable, "table"},         {RelationKind::kPartitionedTable, "partitioned table"},
    {RelationKind::kPartition, "partition"}, {RelationKind::kMaterializedView, "materialized view"},
    {RelationKind::kView, "view"},           {RelationKind::kForeignTable, "foreign table"},
};

Json OptionalString(const std::optional<std::string>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json ColumnJson(const ColumnInfo& column) {
  Json json;
  json["name"] = column.name;
  json["attnum"] = column.attnum;
  json["data_type"] = column.data_type;
  json["type_name"] = column.type_name;
  json["not_null"] = column.not_null;
  json["default"] = OptionalString(column.default_expr);
  json["generated"] = column.generated;
  json["identity"] = column.identity;
  json["primary_key"] = column.primary_key;
  json["unique"] = column.unique;
  json["references"] = nullptr;
  if (column.references) {
    json["references"] = Json{{"schema", column.references->schema},
                              {"table", column.references->table},
                              {"column", column.references->column}};
  }
  return json;
}

// Field access that turns a wrong document into a message, not an
// exception. The first failure is kept; every accessor returns false after.
class Reader {
 public:
  void set_where(std::string where) { where_ = std::move(where); }

  bool Object(const Json& json) { return json.is_object() || Fail("not an object"); }

  template <typename T>
  bool Get(const Json& object, const char* key, T* out, bool optional = false) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      return optional || Fail(std::string("missing \"") + key + "\"");
    }
    try {
      *out = it->get<T>();
    } catch (const nlohmann::json::exception&) {
      return Fail(std::string("\"") + key + "\" has the wrong type");
    }
    return true;
  }

  bool GetOptional(const Json& object, const char* key, std::optional<std::string>* out) {
    auto it = object.find(key);
    if (it == object.end() || it->is_null()) {
      return true;
    }
    std::string value;
    if (!Get(object, key, &value)) {
      return false;
    }
    *out = std::move(value);
    return true;
  }

  bool Fail(const std::string& message) {
    if (error_.empty()) {
      error_ = where_ + ": " + message;
    }
    return false;
  }
  Status status() const { return Status::InvalidArgument(error_); }

 private:
  std::string where_ = "snapshot";
  std::string error_;
};

bool ReadColumn(const Json& json, ColumnInfo* column, Reader& reader) {
  bool ok = reader.Object(json) && reader.Get(json, "name", &column->name) &&
            reader.Get(json, "attnum", &column->attnum) &&
            reader.Get(json, "data_type", &column->data_type) &&
            reader.Get(json, "type_name", &column->type_name, true) &&
            reader.Get(json, "not_null", &column->not_null) &&
            reader.GetOptional(json, "default", &column->default_expr) &&
            reader.Get(json, "generated", &column->generated, true) &&
            reader.Get(json, "identity", &column->identity, true) &&
            reader.Get(json, "primary_key", &column->primary_key, true) &&
            reader.Get(json, "unique", &column->unique, true);
  if (!ok) {
    return false;
  }
  auto references = json.find("references");
  if (references == json.end() || references->is_null()) {
    return true;
  }
  ColumnRef target;
  if (!reader.Object(*references) || !reader.Get(*references, "schema", &target.schema) ||
      !reader.Get(*references, "table", &target.table) ||
      !reader.Get(*references, "column", &target.column)) {
    return false;
  }
  column->references = std::move(target);
  return true;
}

bool ReadTable(const Json& json, TableInfo* table, Reader& reader) {
  std::string kind = "table";
  if (!reader.Object(json) || !reader.Get(json, "schema", &table->schema) ||
      !reader.Get(json, "name", &table->name) || !reader.Get(json, "kind", &kind, true)) {
    return false;
  }
  std::optional<RelationKind> relation = RelationKindFromName(kind);
  if (!relation) {
    return reader.Fail("unknown \"kind\"");
  }
  table->kind = *relation;
  auto columns = json.find("columns");
  if (columns == json.end() || !columns->is_array()) {
    return reader.Fail("missing \"columns\" list");
  }
  for (const Json& column_json : *columns) {
    ColumnInfo column;
    if (!ReadColumn(column_json, &column, reader)) {
      return false;
    }
    table->columns.push_back(std::move(column));
  }
  return true;
}

bool ReadPii(const Json& json, PiiLocation* location, Reader& reader) {
  std::string category;
  if (!reader.Object(json) || !reader.Get(json, "schema", &location->column.schema) ||
      !reader.Get(json, "table", &location->column.table) ||
      !reader.Get(json, "column", &location->column.column) ||
      !reader.GetOptional(json, "path", &location->path) ||
      !reader.Get(json, "category", &category)) {
    return false;
  }
  std::optional<Category> parsed = CategoryFromId(category);
  if (!parsed) {
    return reader.Fail("unknown \"category\"");
  }
  location->category = *parsed;
  return true;
}

}  // namespace

std::string_view RelationKindName(RelationKind kind) {
  for (const auto& [value, name] : kKinds) {
    if (value == kind) {
      return name;
    }
  }
  return "table";
}

std::optional<RelationKind> RelationKindFromName(std::string_view name) {
  for (const auto& [value, kind_name] : kKinds) {
    if (kind_name == name) {
      return value;
    }
  }
  return std::nullopt;
}

SchemaSnapshot MakeSnapshot(const Catalog& catalog, const std::vector<Finding>& findings) {
  SchemaSnapshot snapshot;
  snapshot.database = catalog.database;
  snapshot.catalog.database = catalog.database;
  for (const TableInfo& table : catalog.tables) {
    if (table.kind == RelationKind::kPartition) {
      continue;
    }
    TableInfo copy;
    copy.schema = table.schema;
    copy.name = table.name;
    copy.kind = table.kind;
    copy.columns = table.columns;
    for (ColumnInfo& column : copy.columns) {
      column.comment.reset();
    }
    std::sort(copy.columns.begin(), copy.columns.end(),
              [](const ColumnInfo& a, const ColumnInfo& b) { return a.attnum < b.attnum; });
    snapshot.catalog.tables.push_back(std::move(copy));
  }
  std::sort(snapshot.catalog.tables.begin(), snapshot.catalog.tables.end(),
            [](const TableInfo& a, const TableInfo& b) {
              return std::tie(a.schema, a.name) < std::tie(b.schema, b.name);
            });
  for (const Finding& finding : findings) {
    snapshot.pii.push_back({finding.column, finding.path, finding.category});
  }
  std::sort(snapshot.pii.begin(), snapshot.pii.end());
  snapshot.pii.erase(std::unique(snapshot.pii.begin(), snapshot.pii.end()), snapshot.pii.end());
  return snapshot;
}

std::string SnapshotToJson(const SchemaSnapshot& snapshot) {
  Json json;
  json["format"] = kFormat;
  json["version"] = kFormatVersion;
  json["database"] = snapshot.database;
  Json tables = Json::array();
  for (const TableInfo& table : snapshot.catalog.tables) {
    Json entry;
    entry["schema"] = table.schema;
    entry["name"] = table.name;
    entry["kind"] = RelationKindName(table.kind);
    Json columns = Json::array();
    for (const ColumnInfo& column : table.columns) {
      columns.push_back(ColumnJson(column));
    }
    entry["columns"] = std::move(columns);
    tables.push_back(std::move(entry));
  }
  json["tables"] = std::move(tables);
  Json pii = Json::array();
  for (const PiiLocation& location : snapshot.pii) {
    Json entry;
    entry["schema"] = location.column.schema;
    entry["table"] = location.column.table;
    entry["column"] = location.column.column;
    entry["path"] = OptionalString(location.path);
    entry["category"] = IdOf(location.category);
    pii.push_back(std::move(entry));
  }
  json["pii"] = std::move(pii);
  // Names come from the catalog; a SQL_ASCII database may hold any bytes.
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<SchemaSnapshot> SnapshotFromJson(std::string_view text) {
  Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded()) {
    return Status::InvalidArgument("not a JSON document");
  }
  if (!json.is_object() || !json.contains("format") || json["format"] != kFormat) {
    return Status::InvalidArgument("not a pgveil schema snapshot (write one with pgveil snapshot)");
  }
  if (!json.contains("version") || json["version"] != kFormatVersion) {
    return Status::InvalidArgument("unsupported snapshot version; this pgveil reads version 1");
  }
  SchemaSnapshot snapshot;
  Reader reader;
  if (!reader.Get(json, "database", &snapshot.database, true)) {
    return reader.status();
  }
  snapshot.catalog.database = snapshot.database;
  auto tables = json.find("tables");
  if (tables == json.end() || !tables->is_array()) {
    return Status::InvalidArgument("snapshot: missing \"tables\" list");
  }
  for (size_t i = 0; i < tables->size(); ++i) {
    reader.set_where("snapshot: tables[" + std::to_string(i) + "]");
    TableInfo table;
    if (!ReadTable((*tables)[i], &table, reader)) {
      return reader.status();
    }
    snapshot.catalog.tables.push_back(std::move(table));
  }
  auto pii = json.find("pii");
  if (pii != json.end() && pii->is_array()) {
    for (size_t i = 0; i < pii->size(); ++i) {
      reader.set_where("snapshot: pii[" + std::to_string(i) + "]");
      PiiLocation location;
      if (!ReadPii((*pii)[i], &location, reader)) {
        return reader.status();
      }
      snapshot.pii.push_back(std::move(location));
    }
  }
  std::sort(snapshot.pii.begin(), snapshot.pii.end());
  return snapshot;
}

}  // namespace pgveil::policy
