#include "replicator/branch_name.h"

#include <array>
#include <charconv>
#include <string_view>

#include <fmt/format.h>

namespace pgveil::replicator {
namespace {

constexpr size_t kMaxNameBytes = 63;
constexpr std::array<std::string_view, 3> kReserved = {"postgres", "template0", "template1"};

bool Lower(char c) { return c >= 'a' && c <= 'z'; }
bool Digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Status ValidateBranchName(const std::string& name) {
  auto refused = [&name](std::string_view why) {
    // The name is the user's own input, never a value from a database.
    return Status::InvalidArgument(fmt::format("the branch name \"{}\" {}", name, why));
  };
  if (name.empty()) return Status::InvalidArgument("the branch name is empty");
  if (name.size() > kMaxNameBytes) {
    return refused(fmt::format("is {} bytes long; PostgreSQL keeps at most {}", name.size(),
                               kMaxNameBytes));
  }
  if (!Lower(name[0])) return refused("must start with a lower-case letter (a-z)");
  for (char c : name) {
    if (!Lower(c) && !Digit(c) && c != '_' && c != '-') {
      return refused("may hold only a-z, 0-9, '_' and '-'");
    }
  }
  for (std::string_view reserved : kReserved) {
    if (name == reserved) return refused("is reserved by PostgreSQL");
  }
  if (name.starts_with("pg_")) return refused("starts with pg_, which PostgreSQL reserves");
  return Status::Ok();
}

Result<int64_t> ParseTtl(const std::string& ttl) {
  auto invalid = [&ttl] {
    return Status::InvalidArgument(fmt::format(
        "--ttl \"{}\" is not a duration; use a whole number and a unit: 90s, 30m, 48h, 7d, 2w",
        ttl));
  };
  if (ttl.size() < 2) return invalid();
  int64_t count = 0;
  const char* end = ttl.data() + ttl.size() - 1;
  auto [stop, error] = std::from_chars(ttl.data(), end, count);
  if (error != std::errc() || stop != end || count <= 0) return invalid();
  int64_t unit = 0;
  switch (ttl.back()) {
    case 's': unit = 1; break;
    case 'm': unit = 60; break;
    case 'h': unit = 3600; break;
    case 'd': unit = 86400; break;
    case 'w': unit = 7 * 86400; break;
    default: return invalid();
  }
  constexpr int64_t kCentury = int64_t{100} * 365 * 86400;
  if (count > kCentury / unit) return invalid();
  return count * unit;
}

}  // namespace pgveil::replicator
