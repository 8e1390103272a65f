// policy/policy_loader.h
//
// Reads pgveil.yaml (DESIGN.md, "The policy") into a Policy:
//
//   version: 1
//   mode: strict | relaxed
//   key: {env: NAME} | {file: PATH}
//   tables:
//     schema.table: skip | {column: keep | NAME | {transform: NAME, domain: D,
//                                                  PARAM: VALUE..., paths: {...}}}
//   suppress:
//     - {column: schema.table.column, path: $.x, category: ID, reason: TEXT,
//        expires: YYYY-MM-DD}
//
// Every problem is reported, not just the first, each as
// "file:line:column: message" on its own line: YAML syntax errors, unknown
// keys (with "did you mean" over the keys allowed at that place), duplicate
// rules (also the same table or path spelt two ways), unknown transformers
// and parameters (checked in the masking registry), bad dates, a key written
// into the policy. Messages quote names from the policy, never data.
//
// Pure: the caller reads the file and passes its text.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"
#include "policy/policy.h"

namespace pgveil::policy {

// Parses `text`, the contents of `file` (used in locations only).
// InvalidArgument with one located error per line when the policy is not
// valid.
Result<Policy> LoadPolicy(std::string_view text, const std::string& file);

}  // namespace pgveil::policy
