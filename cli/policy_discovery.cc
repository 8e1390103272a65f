#include "cli/policy_discovery.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "cli/terminal.h"

namespace pgveil::cli {

Result<std::string> ResolvePolicyPath(const std::string& given) {
  if (!given.empty()) return given;
  const char* variable = std::getenv("PGVEIL_POLICY");
  if (variable != nullptr && variable[0] != '\0') {
    LogLine("info", "policy", fmt::format("policy {} (from PGVEIL_POLICY)", variable));
    return std::string(variable);
  }
  std::error_code error;
  const std::filesystem::path start = std::filesystem::current_path(error);
  if (error) return Status::Unavailable("cannot read the current directory: " + error.message());
  for (std::filesystem::path dir = start;; dir = dir.parent_path()) {
    const std::filesystem::path candidate = dir / kPolicyFileName;
    if (std::filesystem::is_regular_file(candidate, error)) {
      LogLine("info", "policy",
              fmt::format("policy {}{}", candidate.string(),
                          dir == start ? "" : " (found in a parent directory)"));
      return candidate.string();
    }
    if (dir == dir.parent_path()) break;
  }
  return Status::NotFound(fmt::format(
      "no policy: --policy was not given, PGVEIL_POLICY is not set, and there is no {} in {} "
      "or any directory above it; create one with: pgveil bootstrap -o {}",
      kPolicyFileName, start.string(), kPolicyFileName));
}

}  // namespace pgveil::cli
