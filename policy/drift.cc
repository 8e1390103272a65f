#include "policy/drift.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "policy/qualified_name.h"

namespace pgveil::policy {
namespace {

using Kind = DriftChange::Kind;

constexpr std::pair<Kind, std::string_view> kKindNames[] = {
    {Kind::kTableAdded, "table_added"},         {Kind::kTableRemoved, "table_removed"},
    {Kind::kTableRenamed, "table_renamed"},     {Kind::kColumnAdded, "column_added"},
    {Kind::kColumnRemoved, "column_removed"},   {Kind::kColumnRenamed, "column_renamed"},
    {Kind::kColumnRetyped, "column_retyped"},   {Kind::kNullabilityChanged, "nullability_changed"},
    {Kind::kDefaultChanged, "default_changed"}, {Kind::kPiiPathAdded, "pii_path_added"},
};

std::string Nullability(bool not_null) { return not_null ? "NOT NULL" : "NULL"; }

// Same columns by attnum, name and type: how a renamed table is recognised.
bool SameShape(const TableInfo& a, const TableInfo& b) {
  if (a.columns.size() != b.columns.size() || a.columns.empty()) {
    return false;
  }
  for (size_t i = 0; i < a.columns.size(); ++i) {
    const ColumnInfo& x = a.columns[i];
    const ColumnInfo& y = b.columns[i];
    if (x.attnum != y.attnum || x.name != y.name || x.data_type != y.data_type) {
      return false;
    }
  }
  return true;
}

DriftChange Change(Kind kind, const TableInfo& table) {
  DriftChange change;
  change.kind = kind;
  change.schema = table.schema;
  change.table = table.name;
  return change;
}

void DiffColumns(const TableInfo& before, const TableInfo& after,
                 std::vector<DriftChange>* changes) {
  std::map<int, const ColumnInfo*> old_columns;
  for (const ColumnInfo& column : before.columns) {
    old_columns[column.attnum] = &column;
  }
  std::set<int> seen;
  for (const ColumnInfo& column : after.columns) {
    DriftChange change = Change(Kind::kColumnAdded, after);
    change.column = column.name;
    change.attnum = column.attnum;
    auto it = old_columns.find(column.attnum);
    if (it == old_columns.end()) {
      change.new_value = column.data_type;
      changes->push_back(change);
      continue;
    }
    seen.insert(column.attnum);
    const ColumnInfo& old = *it->second;
    auto add = [&](Kind kind, std::string from, std::string to) {
      change.kind = kind;
      change.old_value = std::move(from);
      change.new_value = std::move(to);
      changes->push_back(change);
    };
    if (old.name != column.name) {
      add(Kind::kColumnRenamed, old.name, column.name);
    }
    if (old.data_type != column.data_type) {
      add(Kind::kColumnRetyped, old.data_type, column.data_type);
    }
    if (old.not_null != column.not_null) {
      add(Kind::kNullabilityChanged, Nullability(old.not_null), Nullability(column.not_null));
    }
    if (old.default_expr != column.default_expr) {
      add(Kind::kDefaultChanged, old.default_expr.value_or(""), column.default_expr.value_or(""));
    }
  }
  for (const ColumnInfo& column : before.columns) {
    if (seen.count(column.attnum)) {
      continue;
    }
    DriftChange change = Change(Kind::kColumnRemoved, after);
    change.column = column.name;
    change.attnum = column.attnum;
    change.old_value = column.data_type;
    changes->push_back(change);
  }
}

std::string Describe(const DriftChange& c) {
  const std::string table = FormatTableName({c.schema, c.table});
  const std::string column =
      c.column.empty() ? table : FormatColumnName({c.schema, c.table, c.column});
  switch (c.kind) {
    case Kind::kTableAdded:
      return "+ table " + table;
    case Kind::kTableRemoved:
      return "- table " + table;
    case Kind::kTableRenamed:
      return "~ table " + FormatTableName({c.schema, c.old_value}) + " renamed to " + table;
    case Kind::kColumnAdded:
      return "+ column " + column + " " + c.new_value;
    case Kind::kColumnRemoved:
      return "- column " + column + " " + c.old_value;
    case Kind::kColumnRenamed:
      return fmt::format("~ column {} renamed to {} (attnum {})",
                         FormatColumnName({c.schema, c.table, c.old_value}),
                         FormatNamePart(c.column), c.attnum);
    case Kind::kColumnRetyped:
      return "~ column " + column + " type " + c.old_value + " -> " + c.new_value;
    case Kind::kNullabilityChanged:
      return "~ column " + column + " " + c.old_value + " -> " + c.new_value;
    case Kind::kDefaultChanged:
      return "~ column " + column + " default " + (c.old_value.empty() ? "(none)" : c.old_value) +
             " -> " + (c.new_value.empty() ? "(none)" : c.new_value);
    case Kind::kPiiPathAdded:
      return "+ PII path " + column + " " + c.path.value_or("") + " (" +
             std::string(c.category ? IdOf(*c.category) : "") + ")";
  }
  return "";
}

}  // namespace

std::string_view DriftKindName(Kind kind) {
  for (const auto& [value, name] : kKindNames) {
    if (value == kind) {
      return name;
    }
  }
  return "";
}

std::vector<DriftChange> DiffSnapshots(const SchemaSnapshot& before, const SchemaSnapshot& after) {
  using Key = std::pair<std::string, std::string>;
  std::map<Key, const TableInfo*> old_tables;
  std::map<Key, const TableInfo*> new_tables;
  for (const TableInfo& t : before.catalog.tables) {
    old_tables[{t.schema, t.name}] = &t;
  }
  for (const TableInfo& t : after.catalog.tables) {
    new_tables[{t.schema, t.name}] = &t;
  }

  std::vector<DriftChange> changes;
  std::vector<const TableInfo*> removed;
  for (const auto& [key, table] : old_tables) {
    if (!new_tables.count(key)) {
      removed.push_back(table);
    }
  }
  for (const auto& [key, table] : new_tables) {
    auto old = old_tables.find(key);
    if (old != old_tables.end()) {
      DiffColumns(*old->second, *table, &changes);
      continue;
    }
    const TableInfo* added = table;  // clang before 16 cannot capture a binding
    auto renamed = std::find_if(removed.begin(), removed.end(), [&](const TableInfo* candidate) {
      return candidate->schema == added->schema && SameShape(*candidate, *added);
    });
    if (renamed != removed.end()) {
      DriftChange change = Change(Kind::kTableRenamed, *table);
      change.old_value = (*renamed)->name;
      changes.push_back(change);
      removed.erase(renamed);
      continue;
    }
    changes.push_back(Change(Kind::kTableAdded, *table));
  }
  for (const TableInfo* table : removed) {
    changes.push_back(Change(Kind::kTableRemoved, *table));
  }

  std::set<std::pair<ColumnRef, std::string>> old_paths;
  for (const PiiLocation& pii : before.pii) {
    if (pii.path) {
      old_paths.insert({pii.column, *pii.path});
    }
  }
  std::set<std::pair<ColumnRef, std::string>> reported;
  for (const PiiLocation& pii : after.pii) {
    if (!pii.path || old_paths.count({pii.column, *pii.path})) {
      continue;
    }
    if (!reported.insert({pii.column, *pii.path}).second) {
      continue;
    }
    DriftChange change;
    change.kind = Kind::kPiiPathAdded;
    change.schema = pii.column.schema;
    change.table = pii.column.table;
    change.column = pii.column.column;
    change.path = pii.path;
    change.category = pii.category;
    changes.push_back(change);
  }
  std::stable_sort(changes.begin(), changes.end(), [](const DriftChange& a, const DriftChange& b) {
    return std::tie(a.schema, a.table, a.column, a.kind, a.path) <
           std::tie(b.schema, b.table, b.column, b.kind, b.path);
  });
  return changes;
}

std::string DriftText(const std::vector<DriftChange>& changes, std::string_view before_label,
                      std::string_view after_label) {
  if (changes.empty()) {
    return fmt::format("no drift between {} and {}\n", before_label, after_label);
  }
  std::string text = fmt::format("drift between {} and {}: {} change{}\n", before_label,
                                 after_label, changes.size(), changes.size() == 1 ? "" : "s");
  for (const DriftChange& change : changes) {
    text += "  " + Describe(change) + "\n";
  }
  return text;
}

std::string DriftJson(const std::vector<DriftChange>& changes, std::string_view before_label,
                      std::string_view after_label) {
  nlohmann::ordered_json json;
  json["old"] = before_label;
  json["new"] = after_label;
  json["drift"] = !changes.empty();
  nlohmann::ordered_json list = nlohmann::ordered_json::array();
  for (const DriftChange& c : changes) {
    nlohmann::ordered_json entry;
    entry["kind"] = DriftKindName(c.kind);
    entry["schema"] = c.schema;
    entry["table"] = c.table;
    entry["column"] =
        c.column.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(c.column);
    if (c.attnum != 0) {
      entry["attnum"] = c.attnum;
    }
    if (!c.old_value.empty() || c.kind == Kind::kDefaultChanged) {
      entry["old"] = c.old_value;
    }
    if (!c.new_value.empty() || c.kind == Kind::kDefaultChanged) {
      entry["new"] = c.new_value;
    }
    if (c.path) {
      entry["path"] = *c.path;
    }
    if (c.category) {
      entry["category"] = IdOf(*c.category);
    }
    list.push_back(std::move(entry));
  }
  json["changes"] = std::move(list);
  // Names come from the catalog; a SQL_ASCII database may hold any bytes.
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace pgveil::policy
