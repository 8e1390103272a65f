#include "policy/policy.h"

#include <nlohmann/json.hpp>

namespace pgveil::policy {

std::string_view ModeName(Mode mode) { return mode == Mode::kStrict ? "strict" : "relaxed"; }

std::optional<Mode> ModeFromName(std::string_view name) {
  if (name == "strict") {
    return Mode::kStrict;
  }
  if (name == "relaxed") {
    return Mode::kRelaxed;
  }
  return std::nullopt;
}

masking::ParamMap ColumnRule::RegistryParams() const {
  masking::ParamMap result = params;
  if (transformer != "json") {
    return result;
  }
  // The json transformer's own rule language (masking/json_transformer.cc):
  // path -> "delete" | {"transform": name, "domain": ..., params...} |
  // {"transform": "set", "value": json}. Parameters travel as strings, which
  // its parser accepts for every parameter type.
  nlohmann::ordered_json object = nlohmann::ordered_json::object();
  for (const PathRule& rule : paths) {
    switch (rule.action) {
      case PathRule::Action::kDelete:
        object[rule.path] = "delete";
        break;
      case PathRule::Action::kSet: {
        nlohmann::ordered_json set = nlohmann::ordered_json::object();
        set["transform"] = "set";
        // set_json was produced by the loader from a parsed value; it parses.
        set["value"] = nlohmann::ordered_json::parse(rule.set_json, nullptr, false);
        object[rule.path] = std::move(set);
        break;
      }
      case PathRule::Action::kTransform: {
        nlohmann::ordered_json spec = nlohmann::ordered_json::object();
        spec["transform"] = rule.transformer;
        if (rule.domain) {
          spec["domain"] = *rule.domain;
        }
        for (const auto& [name, value] : rule.params) {
          spec[name] = value;
        }
        object[rule.path] = std::move(spec);
        break;
      }
    }
  }
  // Invalid UTF-8 in a path or parameter becomes U+FFFD instead of throwing.
  result["paths"] = object.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  return result;
}

const TableRule* Policy::FindTable(const std::string& schema, const std::string& table) const {
  auto it = tables.find(TableName{schema, table});
  return it == tables.end() ? nullptr : &it->second;
}

const ColumnRule* Policy::FindColumn(const ColumnRef& column) const {
  const TableRule* table = FindTable(column.schema, column.table);
  if (table == nullptr || table->skip) {
    return nullptr;
  }
  auto it = table->columns.find(column.column);
  return it == table->columns.end() ? nullptr : &it->second;
}

std::optional<SourceLocation> Policy::AnonymityRequired(const std::string& schema,
                                                        const std::string& table) const {
  const TableRule* rule = FindTable(schema, table);
  if (rule != nullptr && rule->require_anonymous) {
    return rule->require_anonymous;
  }
  return require_anonymous;
}

}  // namespace pgveil::policy
