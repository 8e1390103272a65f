#include "replicator/branch_name.h"

#include <catch2/catch.hpp>

namespace pgveil::replicator {

TEST_CASE("branch names a developer can paste anywhere are accepted", "[branch]") {
  for (const char* name : {"pr-42", "alice", "feature_x", "a", "b2"}) {
    INFO(name);
    CHECK(ValidateBranchName(name).ok());
  }
  CHECK(ValidateBranchName(std::string(63, 'a')).ok());
}

TEST_CASE("every bad branch name is refused saying why", "[branch]") {
  struct Case {
    std::string name;
    const char* why;
  };
  for (const Case& c : std::vector<Case>{
           {"", "is empty"},
           {std::string(64, 'a'), "at most 63"},
           {"PR-42", "lower-case letter"},
           {"Pr", "lower-case letter"},
           {"42", "lower-case letter"},
           {"-x", "lower-case letter"},
           {"my branch", "only a-z"},
           {"a\"b", "only a-z"},
           {"a;drop", "only a-z"},
           {"caf\xc3\xa9", "only a-z"},
           {"a.b", "only a-z"},
           {"postgres", "reserved"},
           {"template1", "reserved"},
           {"pg_x", "pg_"},
       }) {
    INFO(c.name);
    Status status = ValidateBranchName(c.name);
    REQUIRE_FALSE(status.ok());
    CHECK(status.code() == StatusCode::kInvalidArgument);
    CHECK(status.message().find(c.why) != std::string::npos);
  }
}

int64_t Seconds(const char* ttl) {
  Result<int64_t> parsed = ParseTtl(ttl);
  REQUIRE(parsed.ok());
  return *parsed;
}

TEST_CASE("a TTL is a whole number and a unit", "[branch]") {
  CHECK(Seconds("90s") == 90);
  CHECK(Seconds("30m") == 1800);
  CHECK(Seconds("48h") == 172800);
  CHECK(Seconds("7d") == 604800);
  CHECK(Seconds("2w") == 1209600);
  for (const char* bad : {"", "h", "48", "0h", "-1h", "1.5h", "48 h", "48H", "1y", "99999999999w"}) {
    INFO(bad);
    Result<int64_t> parsed = ParseTtl(bad);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().message().find("48h") != std::string::npos);
  }
}

}  // namespace pgveil::replicator
