// replicator/copy_row_codec.h
//
// COPY text format, one row at a time: split a row into its fields, unescape
// a field into the text a transformer reads, and escape a transformed value
// back. A row is fields separated by tabs and ended by a newline; `\N` is
// SQL NULL; inside a field a backslash starts an escape: \b \f \n \r \t \v,
// \\ for a backslash, 1-3 octal digits or x and 1-2 hex digits for a byte,
// and a backslash before any other character stands for that character.
// This is what PostgreSQL's COPY TO writes and COPY FROM reads with the
// default delimiter and NULL string, in any ASCII-safe client encoding (the
// replicator uses UTF8, in which no byte of a multibyte character is a tab,
// newline or backslash).
//
// Fields that are copied unchanged are never unescaped: their raw bytes go
// straight to the output. Unescaping allocates only when a field holds a
// backslash, and then reuses the caller's scratch string.
//
// Thread-safety: plain functions on the caller's buffers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pgveil::replicator {

// The NULL marker of COPY text format, as it appears in a row.
inline constexpr std::string_view kCopyNull = "\\N";

// Splits `row` (its trailing newline optional) into raw, still escaped
// fields. `*fields` is cleared first and keeps its capacity, so a caller
// that reuses it allocates nothing per row. A row always has at least one
// field (an empty row is one empty field).
void SplitCopyRow(std::string_view row, std::vector<std::string_view>* fields);

// The value of raw field `raw` (which must not be kCopyNull): `raw` itself
// when it holds no backslash, otherwise the unescaped bytes in `*scratch`.
// The result is valid until `raw` or `*scratch` changes.
std::string_view UnescapeCopyField(std::string_view raw, std::string* scratch);

// Appends `value` to `*out` escaped for COPY text format (backslash, tab,
// newline, carriage return and the other named control characters), so a
// value that reads "\N" stays text and never becomes NULL.
void AppendCopyField(std::string_view value, std::string* out);

}  // namespace pgveil::replicator
