// datagen/sql_identifier.h
//
// Quoting of PostgreSQL identifiers for the generated DDL and COPY
// statements: "CRM Daten", "Téléphone", "Notiz ""intern""" need quotes,
// customer_id does not. The quoting rule is PostgreSQL's own: a name stays
// bare only when it is lower-case ASCII letters, digits and underscores,
// starts with a letter or underscore, and is not a reserved key word.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace pgveil::datagen {

// Quotes `name` when PostgreSQL would otherwise fold or reject it.
std::string QuoteIdent(std::string_view name);

// QuoteIdent(schema) + "." + QuoteIdent(table).
std::string QualifiedName(std::string_view schema, std::string_view table);

}  // namespace pgveil::datagen
