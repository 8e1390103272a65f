#include "masking/json_rules.h"

#include <nlohmann/json.hpp>

#include "masking/registry.h"

namespace pgveil::masking {
namespace {

using Json = nlohmann::json;

// What one path rule says, before any transformer is built.
Result<JsonRuleText> ReadRule(const std::string& path, const Json& spec) {
  JsonRuleText rule;
  rule.path = path;
  if (spec.is_string()) {
    rule.transform = spec.get<std::string>();
  } else if (spec.is_object()) {
    auto it = spec.find("transform");
    if (it != spec.end()) {
      if (!it->is_string()) {
        return Status::InvalidArgument("\"transform\" must be a string");
      }
      rule.transform = it->get<std::string>();
    }
    for (const auto& [name, value] : spec.items()) {
      if (name == "transform") {
        continue;
      } else if (name == "domain") {
        if (!value.is_string()) {
          return Status::InvalidArgument("\"domain\" must be a string");
        }
        rule.domain = value.get<std::string>();
      } else if (name == "value" && rule.transform == "set") {
        rule.set_json = value.dump();
      } else if (value.is_string()) {
        rule.params[name] = value.get<std::string>();
      } else if (value.is_boolean() || value.is_number()) {
        rule.params[name] = value.dump();
      } else {
        return Status::InvalidArgument("parameter '" + name + "' must be a string, number or bool");
      }
    }
  } else {
    return Status::InvalidArgument("a rule is a transformer name or an object");
  }
  if (rule.transform.empty()) {
    return Status::InvalidArgument("the rule names no transform");
  }
  if (rule.transform == "delete" || rule.transform == "set") {
    if (!rule.params.empty()) {
      return Status::InvalidArgument(rule.transform + " takes no parameters");
    }
    if (rule.transform == "set" && rule.set_json.empty()) {
      return Status::InvalidArgument("set needs a \"value\"");
    }
  }
  return rule;
}

Result<JsonRule> BuildRule(const JsonRuleText& text, TransformerContext& context) {
  JsonRule rule;
  rule.path = text.path;
  if (text.transform == "delete" || text.transform == "set") {
    rule.action = text.transform == "delete" ? JsonRule::Action::kDelete : JsonRule::Action::kSet;
    rule.set_json = text.set_json;
    return rule;
  }
  const std::string domain = text.domain.value_or(std::string(context.domain) + text.path);
  PGVEIL_ASSIGN_OR_RETURN(rule.transformer,
                          CreateTransformer(text.transform, text.params, domain, context.keys));
  return rule;
}

}  // namespace

Result<std::vector<JsonRuleText>> ReadJsonRules(const std::string& text) {
  Json paths;
  try {
    paths = Json::parse(text);
  } catch (const std::exception&) {
    return Status::InvalidArgument("paths is not valid JSON");
  }
  if (!paths.is_object()) {
    return Status::InvalidArgument("paths must be an object of path -> rule");
  }
  std::vector<JsonRuleText> rules;
  for (const auto& [path, spec] : paths.items()) {
    Result<std::vector<PathStep>> steps = ParseJsonPath(path);
    if (!steps.ok()) {
      return steps.status().WithContext("path " + path);
    }
    Result<JsonRuleText> rule = ReadRule(path, spec);
    if (!rule.ok()) {
      return rule.status().WithContext("path " + path);
    }
    rules.push_back(std::move(rule).value());
  }
  return rules;
}

Status ParseJsonRules(const std::string& text, TransformerContext& context,
                      std::vector<JsonRule>* rules, JsonPathTrie* trie) {
  PGVEIL_ASSIGN_OR_RETURN(std::vector<JsonRuleText> texts, ReadJsonRules(text));
  for (const JsonRuleText& text_rule : texts) {
    const std::string& path = text_rule.path;
    Result<std::vector<PathStep>> steps = ParseJsonPath(path);
    PGVEIL_CHECK(steps.ok());  // ReadJsonRules parsed it
    Result<JsonRule> rule = BuildRule(text_rule, context);
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
