// The part of the policy loader that reads one column's rule: `keep`, a
// transformer name, or a map with `transform:`, its parameters, `domain:`
// and, for json, `paths:`. Names and parameters are validated through the
// masking registry, the same one the replicator builds transformers from, so
// a policy that loads names only what masking can really do.
#include <algorithm>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "masking/json_path.h"
#include "masking/registry.h"
#include "policy/yaml_reader.h"

namespace pgveil::policy::internal {
namespace {

// Every transformer name, for "did you mean" (the registry never changes).
const std::vector<std::string_view>& TransformerNames() {
  static const std::vector<std::string_view> names = [] {
    std::vector<std::string_view> list;
    for (const masking::TransformerSpec* spec : masking::AllTransformerSpecs()) {
      list.push_back(spec->name);
    }
    return list;
  }();
  return names;
}

std::string UnknownTransformer(std::string_view name,
                               const std::vector<std::string_view>& candidates) {
  return "unknown transformer " + WithSuggestion(name, candidates);
}

// A `set` replacement as JSON: quoted scalars are strings; plain ones are
// numbers, true/false or null when JSON reads them so, strings otherwise.
nlohmann::json ToJson(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) {
    return nullptr;
  }
  if (node.IsSequence()) {
    nlohmann::json array = nlohmann::json::array();
    for (const YAML::Node& item : node) {
      array.push_back(ToJson(item));
    }
    return array;
  }
  if (node.IsMap()) {
    nlohmann::json object = nlohmann::json::object();
    for (auto it = node.begin(); it != node.end(); ++it) {
      object[it->first.Scalar()] = ToJson(it->second);
    }
    return object;
  }
  if (node.Tag() != "!") {
    nlohmann::json parsed = nlohmann::json::parse(node.Scalar(), nullptr, false);
    if (parsed.is_number() || parsed.is_boolean()) {
      return parsed;
    }
  }
  return node.Scalar();
}

// Validates `name` with `params` through the registry; reports the error at
// the parameter it names, else at `fallback`.
void ValidateTransformer(const std::string& name, const masking::ParamMap& params,
                         const std::vector<MapEntry>& entries, const SourceLocation& fallback,
                         const std::string& where, PolicyErrors& errors) {
  Result<masking::OutputTraits> described = masking::DescribeTransformer(name, params);
  if (described.ok()) {
    return;
  }
  const std::string& message = described.status().message();
  SourceLocation location = fallback;
  for (const MapEntry& entry : entries) {
    if (message.find("'" + entry.key + "'") != std::string::npos) {
      location = entry.value_location;
    }
  }
  errors.Add(location, message + " (in " + where + ")");
}

// Reads `transform:` and the parameters of a rule map. Returns false when
// the rule is unusable; errors say why.
bool ReadTransformMap(const std::vector<MapEntry>& entries, const SourceLocation& rule_location,
                      const std::string& where, const std::vector<std::string_view>& extra_keys,
                      const std::vector<std::string_view>& names, std::string* transformer,
                      masking::ParamMap* params, PolicyErrors& errors) {
  auto transform = std::find_if(entries.begin(), entries.end(),
                                [](const MapEntry& e) { return e.key == "transform"; });
  std::vector<std::string_view> allowed = {"transform"};
  allowed.insert(allowed.end(), extra_keys.begin(), extra_keys.end());
  if (transform == entries.end()) {
    CheckKeys(entries, allowed, where, errors);
    errors.Add(rule_location, where + " names no transformer: add transform: NAME");
    return false;
  }
  std::optional<std::string> name;
  if (errors.SpellsNull(transform->value, transform->key_location)) {
    name = "null";
  } else {
    name = ScalarOf(*transform, "transform", errors);
  }
  if (!name) {
    return false;
  }
  *transformer = *name;
  const masking::TransformerSpec* spec = masking::FindTransformerSpec(*name);
  if (spec == nullptr && std::find(names.begin(), names.end(), *name) == names.end()) {
    errors.Add(transform->value_location, UnknownTransformer(*name, names));
    return false;
  }
  if (spec != nullptr) {
    for (const masking::ParamSpec& param : spec->params) {
      if (param.name != "paths") {
        allowed.push_back(param.name);
      }
    }
  }
  bool ok = CheckKeys(entries, allowed, where + " (transformer " + *name + ")", errors);
  for (const MapEntry& entry : entries) {
    bool special = std::find(extra_keys.begin(), extra_keys.end(), entry.key) != extra_keys.end();
    if (entry.key == "transform" || special ||
        std::find(allowed.begin(), allowed.end(), entry.key) == allowed.end()) {
      continue;
    }
    std::optional<std::string> value =
        ScalarOf(entry, "parameter '" + entry.key + "' of " + where, errors);
    if (!value) {
      ok = false;
      continue;
    }
    (*params)[entry.key] = *value;
  }
  return ok;
}

std::optional<std::string> ReadDomain(const std::vector<MapEntry>& entries, PolicyErrors& errors) {
  for (const MapEntry& entry : entries) {
    if (entry.key != "domain") {
      continue;
    }
    std::optional<std::string> domain = ScalarOf(entry, "domain", errors);
    if (domain && domain->empty()) {
      errors.Add(entry.value_location, "domain must not be empty");
      return std::nullopt;
    }
    return domain;
  }
  return std::nullopt;
}

// `sensitive: true|false` of a column rule map; false when absent, nullopt
// (with an error) when it is neither.
std::optional<bool> ReadSensitive(const std::vector<MapEntry>& entries, PolicyErrors& errors) {
  for (const MapEntry& entry : entries) {
    if (entry.key != "sensitive") {
      continue;
    }
    std::optional<std::string> text = ScalarOf(entry, "sensitive", errors);
    if (text && (*text == "true" || *text == "false")) {
      return *text == "true";
    }
    if (text) {
      errors.Add(entry.value_location, "sensitive must be true or false, not '" + *text + "'");
    }
    return std::nullopt;
  }
  return false;
}

std::optional<PathRule> LoadPathRule(const MapEntry& entry, const std::string& where,
                                     PolicyErrors& errors) {
  PathRule rule;
  rule.path = entry.key;
  rule.location = entry.key_location;
  std::vector<std::string_view> names = TransformerNames();  // a copy: two more names
  names.push_back("delete");
  names.push_back("set");
  const YAML::Node& value = entry.value;
  if (value.IsScalar() || errors.SpellsNull(value, entry.key_location)) {
    rule.transformer = value.IsScalar() ? value.Scalar() : "null";
    if (rule.transformer == "delete") {
      rule.action = PathRule::Action::kDelete;
      rule.transformer.clear();
      return rule;
    }
    if (rule.transformer == "set") {
      errors.Add(entry.value_location, "set needs a value: write {transform: set, value: ...}");
      return std::nullopt;
    }
    if (masking::FindTransformerSpec(rule.transformer) == nullptr) {
      errors.Add(entry.value_location, UnknownTransformer(rule.transformer, names));
      return std::nullopt;
    }
    ValidateTransformer(rule.transformer, {}, {}, entry.value_location, where, errors);
    return rule;
  }
  if (!value.IsMap()) {
    errors.Add(entry.value_location,
               where + " must be a transformer name, delete, or a map with transform:");
    return std::nullopt;
  }
  std::vector<MapEntry> entries = ReadMap(value, errors);
  auto transform = std::find_if(entries.begin(), entries.end(),
                                [](const MapEntry& e) { return e.key == "transform"; });
  if (transform != entries.end() && transform->value.IsScalar() &&
      transform->value.Scalar() == "set") {
    static constexpr std::string_view kSetKeys[] = {"transform", "value"};
    if (!CheckKeys(entries, kSetKeys, where + " (set)", errors)) {
      return std::nullopt;
    }
    auto replacement = std::find_if(entries.begin(), entries.end(),
                                    [](const MapEntry& e) { return e.key == "value"; });
    if (replacement == entries.end()) {
      errors.Add(entry.value_location, "set needs a value: write {transform: set, value: ...}");
      return std::nullopt;
    }
    rule.action = PathRule::Action::kSet;
    rule.set_json =
        ToJson(replacement->value).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return rule;
  }
  if (!ReadTransformMap(entries, entry.value_location, where, {"domain"}, names, &rule.transformer,
                        &rule.params, errors)) {
    return std::nullopt;
  }
  if (rule.transformer == "delete") {
    if (entries.size() > 1) {
      errors.Add(entry.value_location, "delete takes no parameters");
    }
    rule.action = PathRule::Action::kDelete;
    rule.transformer.clear();
    return rule;
  }
  rule.domain = ReadDomain(entries, errors);
  ValidateTransformer(rule.transformer, rule.params, entries, transform->value_location, where,
                      errors);
  return rule;
}

std::vector<PathRule> LoadPathRules(const MapEntry& paths, const std::string& column,
                                    PolicyErrors& errors) {
  std::vector<PathRule> rules;
  if (!paths.value.IsMap() || paths.value.size() == 0) {
    errors.Add(paths.value_location,
               "paths of " + column + " must be a map of JSONPath -> rule, with at least one path");
    return rules;
  }
  masking::JsonPathTrie trie;
  for (const MapEntry& entry : ReadMap(paths.value, errors)) {
    const std::string where = "the rule for " + column + " " + entry.key;
    Result<std::vector<masking::PathStep>> steps = masking::ParseJsonPath(entry.key);
    if (!steps.ok()) {
      errors.Add(entry.key_location, "path '" + entry.key + "': " + steps.status().message());
      continue;
    }
    if (!trie.Add(*steps, static_cast<int>(rules.size())).ok()) {
      errors.Add(entry.key_location, "duplicate rule for " + column + " " + entry.key +
                                         " (another spelling of an "
                                         "earlier path)");
      continue;
    }
    std::optional<PathRule> rule = LoadPathRule(entry, where, errors);
    if (rule) {
      rules.push_back(std::move(*rule));
    }
  }
  return rules;
}

}  // namespace

std::optional<ColumnRule> LoadColumnRule(const MapEntry& entry, const ColumnRef& column,
                                         PolicyErrors& errors) {
  const std::string name = FormatColumnName(column);
  const std::string where = "the rule for " + name;
  ColumnRule rule;
  rule.location = entry.key_location;
  const YAML::Node& value = entry.value;
  const bool spells_null = errors.SpellsNull(value, entry.key_location);
  if (!spells_null && (!value.IsDefined() || value.IsNull())) {
    errors.Add(entry.key_location,
               "empty rule for " + name + ": write keep or a transformer (null writes SQL NULL)");
    return std::nullopt;
  }
  if (value.IsScalar() || spells_null) {
    const std::string text = spells_null ? "null" : value.Scalar();
    if (text == "keep") {
      return rule;
    }
    if (text == "skip") {
      errors.Add(entry.value_location,
                 "skip applies to whole tables; to blank " + name + " write {transform: null}");
      return std::nullopt;
    }
    if (masking::FindTransformerSpec(text) == nullptr) {
      errors.Add(entry.value_location, UnknownTransformer(text, TransformerNames()));
      return std::nullopt;
    }
    rule.kind = ColumnRule::Kind::kTransform;
    rule.transformer = text;
    if (text == "json") {
      errors.Add(entry.value_location, "transform json needs paths: (a map of JSONPath -> rule)");
      return std::nullopt;
    }
    ValidateTransformer(text, {}, {}, entry.value_location, where, errors);
    return rule;
  }
  if (!value.IsMap()) {
    errors.Add(entry.value_location,
               where + " must be keep, a transformer name, or a map with transform:");
    return std::nullopt;
  }
  std::vector<MapEntry> entries = ReadMap(value, errors);
  std::optional<bool> sensitive = ReadSensitive(entries, errors);
  if (!sensitive) {
    return std::nullopt;
  }
  rule.sensitive = *sensitive;
  std::erase_if(entries, [](const MapEntry& e) { return e.key == "sensitive"; });
  std::string transformer;
  if (!ReadTransformMap(entries, entry.key_location, where, {"domain", "paths"}, TransformerNames(),
                        &transformer, &rule.params, errors)) {
    return std::nullopt;
  }
  auto paths = std::find_if(entries.begin(), entries.end(),
                            [](const MapEntry& e) { return e.key == "paths"; });
  if (transformer != "json" && paths != entries.end()) {
    errors.Add(paths->key_location, "paths: belongs to transform json, not " + transformer);
    return std::nullopt;
  }
  if (transformer == "keep") {
    if (entries.size() > 1) {
      errors.Add(entry.value_location, "keep takes no parameters");
    }
    return rule;
  }
  rule.kind = ColumnRule::Kind::kTransform;
  rule.transformer = transformer;
  rule.domain = ReadDomain(entries, errors);
  if (transformer == "json") {
    if (paths == entries.end()) {
      errors.Add(entry.key_location, "transform json needs paths: (a map of JSONPath -> rule)");
      return std::nullopt;
    }
    rule.paths = LoadPathRules(*paths, name, errors);
  }
  auto transform = std::find_if(entries.begin(), entries.end(),
                                [](const MapEntry& e) { return e.key == "transform"; });
  ValidateTransformer(transformer, rule.RegistryParams(), entries, transform->value_location, where,
                      errors);
  return rule;
}

}  // namespace pgveil::policy::internal
