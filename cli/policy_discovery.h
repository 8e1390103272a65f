// cli/policy_discovery.h
//
// Which policy file a command uses when --policy is not given, found the
// way linters find their configuration:
//
//   1. --policy FILE, when given
//   2. PGVEIL_POLICY, when set and not empty
//   3. pgveil.yaml in the current directory, else in the nearest parent
//
// The file found by 2 or 3 is named on stderr before anything else ("pgveil:
// policy /srv/app/pgveil.yaml (found in a parent directory)"), so a run
// never uses a policy the user did not see. None found is NotFound (exit 2)
// saying where pgveil looked.
//
// Thread-safety: reads the environment and the file system; call from main.
#pragma once

#include <string>

#include "core/status.h"

namespace pgveil::cli {

inline constexpr const char* kPolicyFileName = "pgveil.yaml";

// The policy path to use, given the --policy flag's value ("" when absent).
Result<std::string> ResolvePolicyPath(const std::string& given);

}  // namespace pgveil::cli
