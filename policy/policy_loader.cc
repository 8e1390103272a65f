#include "policy/policy_loader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "masking/json_path.h"
#include "policy/yaml_reader.h"

namespace pgveil::policy {
namespace {

using internal::MapEntry;
using internal::PolicyErrors;

constexpr std::string_view kTopKeys[] = {"version",  "mode",    "key",        "tables",
                                         "suppress", "require", "k_anonymity"};
constexpr std::string_view kRequirements[] = {"anonymous"};
constexpr std::string_view kModes[] = {"strict", "relaxed"};
constexpr std::string_view kKeySources[] = {"env", "file"};
constexpr std::string_view kSuppressionKeys[] = {"column", "path", "category", "reason", "expires"};
constexpr std::string_view kTableRules[] = {"skip"};

std::string At(const SourceLocation& where) {
  return fmt::format("{}:{}", where.line, where.column);
}

void LoadVersion(const MapEntry& entry, Policy& policy, PolicyErrors& errors) {
  std::optional<std::string> text = internal::ScalarOf(entry, "version", errors);
  if (!text) {
    return;
  }
  if (*text != "1") {
    errors.Add(entry.value_location,
               "unsupported policy version '" + *text + "'; this pgveil reads version 1");
    return;
  }
  policy.version = 1;
}

void LoadMode(const MapEntry& entry, Policy& policy, PolicyErrors& errors) {
  std::optional<std::string> text = internal::ScalarOf(entry, "mode", errors);
  if (!text) {
    return;
  }
  std::optional<Mode> mode = ModeFromName(*text);
  if (!mode) {
    errors.Add(entry.value_location,
               "unknown mode " + internal::WithSuggestion(*text, kModes) + " (strict or relaxed)");
    return;
  }
  policy.mode = *mode;
}

void LoadKey(const MapEntry& entry, Policy& policy, PolicyErrors& errors) {
  if (entry.value.IsScalar()) {
    errors.Add(entry.value_location,
               "the masking key must not be written in the policy; use key: {env: PGVEIL_KEY} "
               "or key: {file: ...}");
    return;
  }
  if (!entry.value.IsMap()) {
    errors.Add(entry.value_location, "key must be {env: NAME} or {file: PATH}");
    return;
  }
  std::vector<MapEntry> entries = internal::ReadMap(entry.value, errors);
  if (!internal::CheckKeys(entries, kKeySources, "key", errors)) {
    return;
  }
  if (entries.size() != 1) {
    errors.Add(entry.value_location,
               "key must name exactly one source: {env: NAME} or {file: PATH}");
    return;
  }
  std::optional<std::string> name = internal::ScalarOf(entries[0], "key " + entries[0].key, errors);
  if (!name) {
    return;
  }
  if (name->empty()) {
    errors.Add(entries[0].value_location, "key " + entries[0].key + " must not be empty");
    return;
  }
  policy.key = entries[0].key == "env" ? masking::KeySource::Environment(*name)
                                       : masking::KeySource::File(*name);
}

// `require: anonymous`, at the top or among a table's entries.
std::optional<SourceLocation> LoadRequire(const MapEntry& entry, PolicyErrors& errors) {
  std::optional<std::string> text = internal::ScalarOf(entry, "require", errors);
  if (!text) {
    return std::nullopt;
  }
  if (*text != "anonymous") {
    errors.Add(entry.value_location, "unknown requirement " +
                                         internal::WithSuggestion(*text, kRequirements) +
                                         "; the one requirement is require: anonymous");
    return std::nullopt;
  }
  return entry.key_location;
}

void LoadKAnonymity(const MapEntry& entry, Policy& policy, PolicyErrors& errors) {
  std::optional<std::string> text = internal::ScalarOf(entry, "k_anonymity", errors);
  if (!text) {
    return;
  }
  int k = 0;
  auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), k);
  if (error != std::errc() || end != text->data() + text->size() || k < 2 || k > 1000000) {
    errors.Add(entry.value_location,
               "k_anonymity must be a whole number from 2 to 1000000 (the smallest group of "
               "rows sharing their quasi-identifiers), not '" +
                   *text + "'");
    return;
  }
  policy.k_anonymity = k;
}

void LoadTable(const MapEntry& entry, const TableName& table, TableRule& rule,
               PolicyErrors& errors) {
  const std::string name = FormatTableName(table);
  rule.location = entry.key_location;
  const YAML::Node& value = entry.value;
  if (value.IsScalar()) {
    if (value.Scalar() == "skip") {
      rule.skip = true;
    } else {
      errors.Add(entry.value_location,
                 "unknown table rule " + internal::WithSuggestion(value.Scalar(), kTableRules) +
                     " for " + name + ": a table is skip or a map of its columns");
    }
    return;
  }
  if (!value.IsMap() || value.size() == 0) {
    errors.Add(entry.key_location,
               "empty rule for table " + name + ": write skip or give its columns' rules");
    return;
  }
  for (const MapEntry& column : internal::ReadMap(value, errors)) {
    if (column.key == "require" && column.value.IsScalar() &&
        column.value.Scalar() == "anonymous") {
      rule.require_anonymous = column.key_location;
      continue;
    }
    ColumnRef ref{table.schema, table.name, column.key};
    std::optional<ColumnRule> column_rule = internal::LoadColumnRule(column, ref, errors);
    if (column_rule) {
      rule.columns.emplace(column.key, std::move(*column_rule));
    }
  }
}

void LoadTables(const MapEntry& entry, Policy& policy, PolicyErrors& errors) {
  policy.tables_location = entry.key_location;
  if (!entry.value.IsDefined() || entry.value.IsNull()) {
    return;  // no rules yet
  }
  if (!entry.value.IsMap()) {
    errors.Add(entry.value_location, "tables must be a map of schema.table -> rules");
    return;
  }
  for (const MapEntry& table_entry : internal::ReadMap(entry.value, errors)) {
    Result<TableName> table = ParseTableName(table_entry.key);
    if (!table.ok()) {
      errors.Add(table_entry.key_location, table.status().message());
      continue;
    }
    auto [it, inserted] = policy.tables.try_emplace(*table);
    if (!inserted) {
      errors.Add(table_entry.key_location,
                 fmt::format("duplicate rule for table {} (first at {})", FormatTableName(*table),
                             At(it->second.location)));
      continue;
    }
    LoadTable(table_entry, *table, it->second, errors);
  }
}

std::vector<std::string_view> CategoryIds() {
  std::vector<std::string_view> ids;
  for (const CategoryInfo& info : AllCategories()) {
    ids.push_back(info.id);
  }
  return ids;
}

std::optional<Suppression> LoadSuppression(const YAML::Node& item, const SourceLocation& where,
                                           PolicyErrors& errors) {
  if (!item.IsMap()) {
    errors.Add(where,
               "a suppression is a map: {column: schema.table.column, reason: ..., "
               "expires: YYYY-MM-DD}");
    return std::nullopt;
  }
  std::vector<MapEntry> entries = internal::ReadMap(item, errors);
  if (!internal::CheckKeys(entries, kSuppressionKeys, "a suppression", errors)) {
    return std::nullopt;
  }
  Suppression suppression;
  suppression.location = where;
  bool ok = true;
  bool has_column = false;
  for (const MapEntry& entry : entries) {
    std::optional<std::string> text = internal::ScalarOf(entry, entry.key, errors);
    if (!text) {
      ok = false;
      continue;
    }
    if (entry.key == "column") {
      Result<ColumnRef> column = ParseColumnName(*text);
      if (!column.ok()) {
        errors.Add(entry.value_location, column.status().message());
        ok = false;
      } else {
        suppression.column = *column;
        has_column = true;
      }
    } else if (entry.key == "path") {
      Result<std::vector<masking::PathStep>> steps = masking::ParseJsonPath(*text);
      if (!steps.ok()) {
        errors.Add(entry.value_location, "path '" + *text + "': " + steps.status().message());
        ok = false;
      }
      suppression.path = *text;
    } else if (entry.key == "category") {
      suppression.category = CategoryFromId(*text);
      if (!suppression.category) {
        errors.Add(entry.value_location,
                   "unknown category " + internal::WithSuggestion(*text, CategoryIds()));
        ok = false;
      }
    } else if (entry.key == "reason") {
      suppression.reason = *text;
    } else if (entry.key == "expires") {
      Result<CalendarDate> date = ParseCalendarDate(*text);
      if (!date.ok()) {
        errors.Add(entry.value_location, "expires: " + date.status().message());
        ok = false;
      } else {
        suppression.expires = *date;
      }
    }
  }
  if (!has_column && ok) {
    errors.Add(where, "a suppression needs column: schema.table.column");
    ok = false;
  }
  if (suppression.reason.empty() && ok) {
    errors.Add(where, "a suppression needs a reason: say why this is not personal data");
    ok = false;
  }
  if (!ok) {
    return std::nullopt;
  }
  return suppression;
}

void LoadSuppressions(const MapEntry& entry, Policy& policy, PolicyErrors& errors) {
  if (!entry.value.IsDefined() || entry.value.IsNull()) {
    return;
  }
  if (!entry.value.IsSequence()) {
    errors.Add(entry.value_location, "suppress must be a list of suppressions");
    return;
  }
  using Key = std::tuple<ColumnRef, std::optional<std::string>, std::optional<Category>>;
  std::map<Key, SourceLocation> seen;
  for (const YAML::Node& item : entry.value) {
    SourceLocation where = errors.LocationOf(item, entry.key_location);
    std::optional<Suppression> suppression = LoadSuppression(item, where, errors);
    if (!suppression) {
      continue;
    }
    Key key{suppression->column, suppression->path, suppression->category};
    auto [it, inserted] = seen.emplace(key, where);
    if (!inserted) {
      errors.Add(where, fmt::format("duplicate suppression for {} (first at {})",
                                    FormatColumnName(suppression->column), At(it->second)));
      continue;
    }
    policy.suppressions.push_back(std::move(*suppression));
  }
}

// Where a line-level scan finds the policy's text: the first line with
// content (not blank, not a comment, not a directive or the opening ---),
// and a `---` line after it, which starts a second document.
struct TextShape {
  std::optional<SourceLocation> first_content;
  std::optional<SourceLocation> second_document;
};

TextShape ShapeOf(std::string_view text, const PolicyErrors& errors) {
  TextShape shape;
  int line = 0;
  for (size_t start = 0; start <= text.size() && !shape.second_document; ++line) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view row = text.substr(start, end - start);
    start = end + 1;
    const bool marker = row.starts_with("---") && (row.size() == 3 || row[3] == ' ' ||
                                                  row[3] == '\t' || row[3] == '\r');
    if (marker && shape.first_content) {
      shape.second_document = SourceLocation{errors.file(), line + 1, 1};
      continue;
    }
    size_t indent = row.find_first_not_of(" \t\r");
    if (marker || indent == std::string_view::npos || row[indent] == '#' || row[indent] == '%') {
      continue;
    }
    if (!shape.first_content) {
      shape.first_content = SourceLocation{errors.file(), line + 1, static_cast<int>(indent) + 1};
    }
  }
  return shape;
}

Result<Policy> Load(std::string_view text, const std::string& file, PolicyErrors& errors) {
  // YAML::Load reads the first document only. LoadAll is not used: on some
  // malformed inputs yaml-cpp 0.7 keeps returning empty documents without
  // advancing, and LoadAll then allocates until memory runs out.
  YAML::Node document;
  try {
    document = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    errors.Add(errors.LocationOf(e.mark), "YAML syntax error: " + e.msg);
    return errors.ToStatus();
  }
  Policy policy;
  policy.file = file;
  policy.tables_location = errors.FileStart();
  const TextShape shape = ShapeOf(text, errors);
  if (shape.second_document) {
    errors.Add(*shape.second_document,
               "the policy must be one YAML document; remove the second ---");
  }
  if (document.IsNull() && shape.first_content) {
    errors.Add(*shape.first_content, "YAML syntax error: cannot read YAML from here");
    return errors.ToStatus();
  }
  if (document.IsNull()) {
    errors.Add(errors.FileStart(), "the policy is empty; it needs at least version: 1");
    return errors.ToStatus();
  }
  if (!document.IsMap()) {
    errors.Add(errors.LocationOf(document, errors.FileStart()),
               "the policy must be a map with version:, tables: and so on");
    return errors.ToStatus();
  }
  std::vector<MapEntry> entries = internal::ReadMap(document, errors);
  internal::CheckKeys(entries, kTopKeys, "the policy", errors);
  bool has_version = false;
  for (const MapEntry& entry : entries) {
    if (entry.key == "version") {
      has_version = true;
      LoadVersion(entry, policy, errors);
    } else if (entry.key == "mode") {
      LoadMode(entry, policy, errors);
    } else if (entry.key == "key") {
      LoadKey(entry, policy, errors);
    } else if (entry.key == "tables") {
      LoadTables(entry, policy, errors);
    } else if (entry.key == "suppress") {
      LoadSuppressions(entry, policy, errors);
    } else if (entry.key == "require") {
      policy.require_anonymous = LoadRequire(entry, errors);
    } else if (entry.key == "k_anonymity") {
      LoadKAnonymity(entry, policy, errors);
    }
  }
  if (!has_version) {
    errors.Add(errors.FileStart(), "the policy needs version: 1");
  }
  if (!errors.empty()) {
    return errors.ToStatus();
  }
  return policy;
}

}  // namespace

Result<Policy> LoadPolicy(std::string_view text, const std::string& file) {
  PolicyErrors errors(file, text);
  try {
    return Load(text, file, errors);
  } catch (const YAML::Exception& e) {
    errors.Add(errors.LocationOf(e.mark), "YAML error: " + e.msg);
    return errors.ToStatus();
  }
}

}  // namespace pgveil::policy
