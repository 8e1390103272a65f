#include "masking/json_rules.h"

#include <nlohmann/json.hpp>

#include "masking/registry.h"

namespace pgveil::masking {
namespace {

using Json = nlohmann::json;

Result<JsonRule> ParseRule(const std::string& path, const Json& spec, TransformerContext& context) {
  JsonRule rule;
  rule.path = path;
  std::string transform;
  std::string domain = std::string(context.domain) + path;
  ParamMap params;
  if (spec.is_string()) {
    transform = spec.get<std::string>();
  } else if (spec.is_object()) {
    auto it = spec.find("transform");
    if (it != spec.end()) {
      if (!it->is_string()) {
        return Status::InvalidArgument("\"transform\" must be a string");
      }
      transform = it->get<std::string>();
    }
    for (const auto& [name, value] : spec.items()) {
      if (name == "transform") {
        continue;
      } else if (name == "domain") {
        if (!value.is_string()) {
          return Status::InvalidArgument("\"domain\" must be a string");
        }
        domain = value.get<std::string>();
      } else if (name == "value" && transform == "set") {
        rule.set_json = value.dump();
      } else if (value.is_string()) {
        params[name] = value.get<std::string>();
      } else if (value.is_boolean() || value.is_number()) {
        params[name] = value.dump();
      } else {
        return Status::InvalidArgument("parameter '" + name + "' must be a string, number or bool");
      }
    }
  } else {
    return Status::InvalidArgument("a rule is a transformer name or an object");
  }
  if (transform.empty()) {
    return Status::InvalidArgument("the rule names no transform");
  }
  if (transform == "delete" || transform == "set") {
    rule.action = transform == "delete" ? JsonRule::Action::kDelete : JsonRule::Action::kSet;
    if (!params.empty()) {
      return Status::InvalidArgument(transform + " takes no parameters");
    }
    if (rule.action == JsonRule::Action::kSet && rule.set_json.empty()) {
      return Status::InvalidArgument("set needs a \"value\"");
    }
    return rule;
  }
  PGVEIL_ASSIGN_OR_RETURN(rule.transformer,
                          CreateTransformer(transform, params, domain, context.keys));
  return rule;
}

}  // namespace

Status ParseJsonRules(const std::string& text, TransformerContext& context,
                      std::vector<JsonRule>* rules, JsonPathTrie* trie) {
  Json paths;
  try {
    paths = Json::parse(text);
  } catch (const std::exception&) {
    return Status::InvalidArgument("paths is not valid JSON");
  }
  if (!paths.is_object()) {
    return Status::InvalidArgument("paths must be an object of path -> rule");
  }
  for (const auto& [path, spec] : paths.items()) {
    Result<std::vector<PathStep>> steps = ParseJsonPath(path);
    if (!steps.ok()) {
      return steps.status().WithContext("path " + path);
    }
    Result<JsonRule> rule = ParseRule(path, spec, context);
    if (!rule.ok()) {
      return rule.status().WithContext("path " + path);
    }
    PGVEIL_RETURN_IF_ERROR(
        trie->Add(steps.value(), static_cast<int>(rules->size())).WithContext("path " + path));
    rules->push_back(std::move(rule).value());
  }
  return Status::Ok();
}

}  // namespace pgveil::masking
