// policy/yaml_reader.h
//
// Internal to policy/: what the policy loader's two files share about
// reading yaml-cpp nodes. PolicyErrors collects every problem found in one
// pass with its file:line:column (yaml-cpp marks are 0-based, ours 1-based),
// so a user fixes a policy in one round instead of one error per run.
// This is the only header in pgveil that includes yaml-cpp.
//
// Thread-safety: PolicyErrors is a plain accumulator for one thread.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "core/violation.h"
#include "policy/policy.h"

namespace pgveil::policy::internal {

class PolicyErrors {
 public:
  // `source` is the policy text; it must outlive this object.
  PolicyErrors(std::string file, std::string_view source)
      : file_(std::move(file)), source_(source) {}

  // Where `node` starts; `fallback` for nodes without a mark (an empty
  // value has none worth showing, so callers pass its key's location).
  SourceLocation LocationOf(const YAML::Node& node, const SourceLocation& fallback) const;
  SourceLocation LocationOf(const YAML::Mark& mark) const;
  SourceLocation FileStart() const { return {file_, 1, 1}; }

  void Add(const SourceLocation& where, std::string message);

  // YAML reads `null`, `~` and an empty value alike as null. True when
  // `entry`'s value is the word null written on the key's line, which the
  // policy reads as the transformer of that name.
  bool SpellsNull(const YAML::Node& value, const SourceLocation& key) const;

  bool empty() const { return messages_.empty(); }
  const std::string& file() const { return file_; }

  // InvalidArgument with one "file:line:column: message" per line, in file
  // order, at most kMaxReported of them.
  Status ToStatus() const;

  static constexpr size_t kMaxReported = 20;

 private:
  struct Entry {
    SourceLocation where;
    std::string message;
  };
  std::string file_;
  std::string_view source_;
  std::vector<Entry> messages_;
};

// One key of a YAML map with its value and location.
struct MapEntry {
  std::string key;
  SourceLocation key_location;
  YAML::Node value;
  SourceLocation value_location;  // the key's location when the value is empty
};

// The entries of `map` in file order. Reports a non-scalar key, and a key
// given twice ("duplicate key 'x' (first at 3:5)"), keeping the first.
std::vector<MapEntry> ReadMap(const YAML::Node& map, PolicyErrors& errors);

// Reports every entry whose key is not in `allowed`, suggesting the closest
// allowed key: "unknown key 'trasnform' in <where>; did you mean 'transform'?".
// Returns false when one was reported.
bool CheckKeys(const std::vector<MapEntry>& entries, std::span<const std::string_view> allowed,
               std::string_view where, PolicyErrors& errors);

// The text of a scalar; nullopt (and an error "<what> must be a single
// value") for maps and sequences, and (error "<what> has no value") for an
// empty value.
std::optional<std::string> ScalarOf(const MapEntry& entry, std::string_view what,
                                    PolicyErrors& errors);

// "'name'; did you mean 'closest'?" when a candidate is close, else "'name'".
std::string WithSuggestion(std::string_view name, std::span<const std::string_view> candidates);

// Loads the rule of one column (a map entry under a table). nullopt when it
// was invalid; the errors say why.
std::optional<ColumnRule> LoadColumnRule(const MapEntry& entry, const ColumnRef& column,
                                         PolicyErrors& errors);

}  // namespace pgveil::policy::internal
