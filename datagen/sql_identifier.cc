// datagen/sql_identifier.cc

#include "datagen/sql_identifier.h"

namespace pgveil::datagen {
namespace {

// PostgreSQL's reserved key words (those that cannot be column names),
// space-delimited so a lookup is one find().
constexpr std::string_view kReserved =
    " all analyse analyze and any array as asc asymmetric both case cast check collate column"
    " constraint create current_date current_role current_time current_timestamp current_user"
    " default deferrable desc distinct do else end except false fetch for foreign from grant"
    " group having in initially intersect into lateral leading limit localtime localtimestamp"
    " not null offset on only or order placing primary references returning select"
    " session_user some symmetric table then to trailing true union unique user using variadic"
    " when where window with ";

bool Reserved(std::string_view name) {
  std::string key = " ";
  key += name;
  key += ' ';
  return kReserved.find(key) != std::string_view::npos;
}

}  // namespace

std::string QuoteIdent(std::string_view name) {
  bool plain = !name.empty() && ((name[0] >= 'a' && name[0] <= 'z') || name[0] == '_');
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) plain = false;
  }
  if (plain && !Reserved(name)) {
    return std::string(name);
  }
  std::string quoted = "\"";
  for (char c : name) {
    if (c == '"') quoted.push_back('"');
    quoted.push_back(c);
  }
  quoted.push_back('"');
  return quoted;
}

std::string QualifiedName(std::string_view schema, std::string_view table) {
  return QuoteIdent(schema) + "." + QuoteIdent(table);
}

}  // namespace pgveil::datagen
