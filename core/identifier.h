// core/identifier.h
//
// SQL identifier quoting. Every identifier pgveil puts into SQL goes through
// QuoteIdent, whatever it holds (spaces, quotes, mixed case, Unicode): names
// are always quoted, so no name is ever folded to lower case or read as a
// keyword.
#pragma once

#include <string>
#include <string_view>

namespace pgveil {

// "a""b" for a"b. Never fails; the name must not contain a NUL byte (the
// catalog cannot hold one).
std::string QuoteIdent(std::string_view name);

// "schema"."name"
std::string QuoteQualified(std::string_view schema, std::string_view name);

// 'it''s' — a SQL string literal with standard_conforming_strings on.
std::string QuoteLiteral(std::string_view text);

// 'it'\''s' — one word for a POSIX shell, whatever it holds.
std::string QuoteShellWord(std::string_view text);

}  // namespace pgveil
