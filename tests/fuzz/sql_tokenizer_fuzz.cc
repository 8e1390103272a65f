// Migration files are whatever a team commits. The tokenizer never fails:
// every token lies inside the text, in order, and words and numbers are never
// empty; the migration anchors built on it must not crash either.
#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "core/status.h"
#include "policy/migration_anchors.h"
#include "policy/sql_tokenizer.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {

void FuzzSqlTokenizer(std::string_view data) {
  const int lines = 1 + static_cast<int>(std::count(data.begin(), data.end(), '\n'));
  std::tuple<int, int> previous{0, 0};
  for (const auto& statement : policy::SplitSqlStatements(data)) {
    PGVEIL_CHECK(!statement.empty());
    for (const policy::SqlToken& token : statement) {
      PGVEIL_CHECK(token.line >= 1 && token.line <= lines);
      PGVEIL_CHECK(token.column >= 1 && static_cast<size_t>(token.column) <= data.size());
      std::tuple<int, int> here{token.line, token.column};
      PGVEIL_CHECK(here > previous);
      previous = here;
      if (token.kind == policy::SqlToken::Kind::kWord ||
          token.kind == policy::SqlToken::Kind::kNumber) {
        PGVEIL_CHECK(!token.text.empty());
      }
    }
  }
  auto anchors = policy::FindMigrationAnchors({{"fuzz.sql", std::string(data)}});
  PGVEIL_CHECK(anchors.size() <= data.size());
}

}  // namespace pgveil::fuzz
