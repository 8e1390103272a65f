// policy/path_match.h
//
// Which path rule of a `transform: json` column applies to a JSONB path the
// scanner reported. A rule applies to its own path and everything below it
// (the json transformer masks every scalar under an object or array rule);
// `.*` matches any member and `[*]` any element. The scanner reports array
// elements as `[*]`, so an index rule (`[0]`) covers only part of such a
// path and does not count as covering it.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <vector>

#include "masking/json_path.h"
#include "policy/policy.h"

namespace pgveil::policy {

// True when a rule at `rule` applies to every value at `target`.
bool PathCovers(const std::vector<masking::PathStep>& rule,
                const std::vector<masking::PathStep>& target);

// The rule among `rules` that applies to `target`: the deepest covering one
// (the most specific wins; a named step beats a wildcard at equal depth).
// nullptr when none covers it or `target` does not parse.
const PathRule* FindPathRule(const std::vector<PathRule>& rules, const std::string& target);

}  // namespace pgveil::policy
