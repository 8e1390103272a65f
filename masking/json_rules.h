// masking/json_rules.h
//
// The rules of a json transformer, parsed from its `paths` parameter: one
// JsonRule per JSONPath, and the trie that finds them while the document
// streams past. See json_transformer.cc for the rule language.
//
// Thread-safety: a JsonRule owns a Transformer and is as thread-unsafe as
// it; the trie is immutable.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "masking/json_path.h"
#include "masking/transformer.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {

struct JsonRule {
  enum class Action { kDelete, kSet, kTransform };
  Action action = Action::kTransform;
  std::string path;                          // as written in the policy, for messages
  std::string set_json;                      // kSet: the replacement, serialised
  std::unique_ptr<Transformer> transformer;  // kTransform
};

// One path rule as the `paths` object spells it, before a transformer is
// built from it: what `transform` names ("delete", "set" or a transformer),
// its parameters and domain.
struct JsonRuleText {
  std::string path;
  std::string transform;
  ParamMap params;
  std::optional<std::string> domain;
  std::string set_json;  // set: the replacement, serialised
};

// Reads `paths` (a JSON object of path -> rule) without building anything,
// so needing no key. InvalidArgument naming the path on a malformed rule.
Result<std::vector<JsonRuleText>> ReadJsonRules(const std::string& paths);

// Parses `paths` (a JSON object of path -> rule) and builds each rule's
// transformer through the registry with `context`'s key ring; the domain of
// a nested transformer is its own "domain" or context.domain + path. Rule
// numbers in `*trie` index `*rules`. InvalidArgument naming the path on
// any error.
Status ParseJsonRules(const std::string& paths, TransformerContext& context,
                      std::vector<JsonRule>* rules, JsonPathTrie* trie);

}  // namespace pgveil::masking
