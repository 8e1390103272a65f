#include "masking/pg_type.h"

#include <array>
#include <charconv>
#include <limits>
#include <utility>

#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 22> kAliases = {{
    {"character varying", "varchar"},
    {"char varying", "varchar"},
    {"character", "bpchar"},
    {"char", "bpchar"},
    {"integer", "int4"},
    {"int", "int4"},
    {"smallint", "int2"},
    {"bigint", "int8"},
    {"serial", "int4"},
    {"smallserial", "int2"},
    {"bigserial", "int8"},
    {"decimal", "numeric"},
    {"real", "float4"},
    {"double precision", "float8"},
    {"float", "float8"},
    {"boolean", "bool"},
    {"timestamp without time zone", "timestamp"},
    {"timestamp with time zone", "timestamptz"},
    {"time without time zone", "time"},
    {"time with time zone", "timetz"},
    {"\"char\"", "char"},
    {"bit varying", "varbit"},
}};

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') {
        out.push_back(' ');
      }
    } else {
      out.push_back(ToLowerAscii(c));
    }
  }
  while (!out.empty() && out.back() == ' ') {
    out.pop_back();
  }
  return out;
}

}  // namespace

PgType CanonicalType(std::string_view type) {
  std::string text = CollapseSpaces(type);
  bool array = false;
  if (text.size() > 2 && text.compare(text.size() - 2, 2, "[]") == 0) {
    array = true;
    text.resize(text.size() - 2);
    while (!text.empty() && text.back() == ' ') {
      text.pop_back();
    }
  } else if (text.size() > 1 && text.front() == '_') {
    array = true;
    text.erase(0, 1);
  }

  PgType result;
  // A modifier sits in parentheses, possibly before a suffix:
  // "timestamp(3) with time zone", "varchar(20)", "numeric(10,2)".
  size_t open = text.find('(');
  size_t close = open == std::string::npos ? std::string::npos : text.find(')', open);
  if (open != std::string::npos && close != std::string::npos) {
    std::string_view inside(text.data() + open + 1, close - open - 1);
    size_t comma = inside.find(',');
    std::string_view first = TrimAsciiSpace(inside.substr(0, comma));
    int64_t value = 0;
    auto [ptr, error] = std::from_chars(first.data(), first.data() + first.size(), value);
    if (error == std::errc() && ptr == first.data() + first.size()) {
      result.modifier = value;
    }
    std::string rest = text.substr(0, open);
    while (!rest.empty() && rest.back() == ' ') {
      rest.pop_back();
    }
    std::string suffix = text.substr(close + 1);
    text = rest + suffix;
  }
  for (const auto& [alias, canonical] : kAliases) {
    if (text == alias) {
      text = std::string(canonical);
      break;
    }
  }
  if (text == "bpchar" && !result.modifier.has_value() && !array) {
    // A bare "character" is character(1) in PostgreSQL.
    if (CollapseSpaces(type) == "character" || CollapseSpaces(type) == "char") {
      result.modifier = 1;
    }
  }
  if (text == "timestamptz" || text == "timestamp" || text == "time" || text == "timetz") {
    result.modifier.reset();  // fractional-second precision, not a length
  }
  result.name = array ? text + "[]" : text;
  return result;
}

bool IsTextType(std::string_view canonical) {
  return canonical == "text" || canonical == "varchar" || canonical == "bpchar" ||
         canonical == "citext" || canonical == "name";
}

std::optional<IntegerRange> IntegerTypeRange(std::string_view canonical) {
  if (canonical == "int2") {
    return IntegerRange{std::numeric_limits<int16_t>::min(), std::numeric_limits<int16_t>::max()};
  }
  if (canonical == "int4") {
    return IntegerRange{std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max()};
  }
  if (canonical == "int8") {
    return IntegerRange{std::numeric_limits<int64_t>::min(), std::numeric_limits<int64_t>::max()};
  }
  return std::nullopt;
}

}  // namespace pgveil::masking
