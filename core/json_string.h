// core/json_string.h
//
// JSON string literals written by hand, where a document is produced as a
// stream (the generator's JSONB documents, the json transformer's masked
// output) rather than built as a tree.
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>

namespace pgveil {

// Appends `value` as a JSON string literal, quotes included: '"' and '\'
// escaped, \n \r \t by name, other control characters as \u00XX. Other bytes
// (UTF-8 included) are copied as they are.
void AppendJsonString(std::string_view value, std::string* out);

}  // namespace pgveil
