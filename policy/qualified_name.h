// policy/qualified_name.h
//
// How the policy names tables and columns: "schema.table" and
// "schema.table.column", with the names exactly as the catalog spells them
// (case kept, nothing folded). A part that holds a dot or a double quote is
// written in double quotes with "" for a quote inside, as in SQL:
//
//   public.customers            "Kunden Daten"."Ähnliche ""Kontakte"""
//
// A table name without a schema means schema public.
//
// Thread-safety: pure functions.
#pragma once

#include <compare>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.h"
#include "core/status.h"

namespace pgveil::policy {

struct TableName {
  std::string schema;
  std::string name;

  auto operator<=>(const TableName&) const = default;
};

// Splits `text` at the dots outside double quotes. InvalidArgument for an
// empty part, an unterminated quote or text after a closing quote.
Result<std::vector<std::string>> SplitQualifiedName(std::string_view text);

// "table" or "schema.table"; InvalidArgument for anything else.
Result<TableName> ParseTableName(std::string_view text);

// "schema.table.column" (the schema is required here: "a.b" would be
// ambiguous); InvalidArgument for anything else.
Result<ColumnRef> ParseColumnName(std::string_view text);

// One part, quoted only when it must be.
std::string FormatNamePart(std::string_view part);
std::string FormatTableName(const TableName& table);
std::string FormatColumnName(const ColumnRef& column);

}  // namespace pgveil::policy
