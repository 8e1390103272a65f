// policy/sql_tokenizer.h
//
// Just enough of PostgreSQL's lexical rules to find statements and the
// names in them inside migration files: `--` and nested `/* */` comments,
// string literals ('it''s', E'\n', dollar-quoted $tag$...$tag$ bodies),
// quoted identifiers ("Odd ""Name"""), words, numbers and punctuation. Each
// token knows its line and column (1-based; columns count code points), so
// a violation can point at the line that created a column.
//
// It does not parse SQL: it never fails, and text it does not understand
// becomes symbols. An unterminated string or comment runs to the end of the
// file.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pgveil::policy {

struct SqlToken {
  enum class Kind {
    kWord,        // keyword or unquoted identifier, as written
    kIdentifier,  // quoted identifier, unescaped ("a""b" -> a"b)
    kString,      // string literal contents, unescaped as far as '' goes
    kNumber,
    kSymbol,  // one punctuation character: ( ) , . ; and the rest
  };
  Kind kind = Kind::kSymbol;
  std::string text;
  int line = 1;
  int column = 1;
};

// The statements of `sql` (split at top-level semicolons, which are not
// included), each a list of tokens. Empty statements are dropped.
std::vector<std::vector<SqlToken>> SplitSqlStatements(std::string_view sql);

}  // namespace pgveil::policy
