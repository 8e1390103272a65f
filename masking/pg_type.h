// masking/pg_type.h
//
// PostgreSQL column types as the masking registry sees them. The catalog and
// people spell types many ways ("character varying(20)", "int",
// "timestamp with time zone", "_text"); CanonicalType reduces them to
// pg_type.typname ("varchar", "int4", "timestamptz", "text[]") plus the
// length modifier, so a spec can list the types it accepts once.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pgveil::masking {

struct PgType {
  std::string name;                 // canonical: "varchar", "int4", "text[]"
  std::optional<int64_t> modifier;  // the n of varchar(n) / bpchar(n); first of numeric(p,s)
};

// Canonical form of a type name as pg_catalog.format_type() or a person
// writes it. Unknown names (enums, domains, extension types) come back
// lowercased and otherwise unchanged.
PgType CanonicalType(std::string_view type);

// text, varchar, bpchar, citext, name: columns that take any string.
bool IsTextType(std::string_view canonical);

struct IntegerRange {
  int64_t min;
  int64_t max;
};

// The value range of int2, int4 and int8; nullopt for other types.
std::optional<IntegerRange> IntegerTypeRange(std::string_view canonical);

}  // namespace pgveil::masking
