// masking/json_path.h
//
// The JSONPath subset the json transformer's rules use, and a trie that
// matches many rules against a document in one pass:
//
//   $                    the whole document
//   $.contact.email      member by name
//   $."odd key"          member whose name needs quoting (\" and \\ escape)
//   $['odd key']         the same, bracket style
//   $.phones[0]          array element by index
//   $.phones[*]          every array element
//   $.*                  every member of an object
//
// Where both a named step and a wildcard match, the named step wins.
//
// Thread-safety: immutable after construction; share freely.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace pgveil::masking {

struct PathStep {
  enum class Kind { kKey, kIndex, kAnyKey, kAnyIndex };
  Kind kind = Kind::kKey;
  std::string key;     // kKey
  uint64_t index = 0;  // kIndex
};

// Parses `path`. InvalidArgument naming the character position on error.
Result<std::vector<PathStep>> ParseJsonPath(std::string_view path);

class JsonPathTrie {
 public:
  static constexpr int kRoot = 0;

  JsonPathTrie();

  // Adds `steps` for rule number `rule`. InvalidArgument if the same path
  // was added before.
  Status Add(const std::vector<PathStep>& steps, int rule);

  // Appends to `*out` the nodes reached from `node` by object member `key`
  // (named match first, then `.*`) or by array element `index` (indexed
  // match first, then `[*]`).
  void MatchMember(int node, std::string_view key, std::vector<int>* out) const;
  void MatchElement(int node, uint64_t index, std::vector<int>* out) const;

  // The rule ending at `node`, or -1.
  int rule(int node) const { return nodes_[static_cast<size_t>(node)].rule; }

 private:
  struct Node {
    std::map<std::string, int, std::less<>> members;
    std::map<uint64_t, int> elements;
    int any_member = -1;
    int any_element = -1;
    int rule = -1;
  };
  int Child(int node, const PathStep& step);
  std::vector<Node> nodes_;
};

}  // namespace pgveil::masking
