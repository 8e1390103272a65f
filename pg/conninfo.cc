#include "pg/conninfo.h"

#include <libpq-fe.h>

#include <utility>
#include <vector>

#include "pg/connection.h"

namespace pgveil::pg {

std::string ConnInfoValue(const std::string& value) {
  bool bare = !value.empty();
  for (char c : value) {
    // libpq ends a bare value at any isspace() character, \f \v \r included.
    if (c == ' ' || c == '\'' || c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
        c == '\v' || c == '=') {
      bare = false;
    }
  }
  if (bare) return value;
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

namespace {

// The settings `dsn` gives, in libpq's order. "" gives none.
Result<std::vector<std::pair<std::string, std::string>>> Settings(const std::string& dsn) {
  std::vector<std::pair<std::string, std::string>> settings;
  if (dsn.empty()) return settings;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &error);
  if (options == nullptr) {
    std::string message = error != nullptr ? PrimaryMessage(error) : "out of memory";
    PQfreemem(error);
    return Status::InvalidArgument("cannot parse the connection string: " + message);
  }
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val != nullptr) settings.emplace_back(option->keyword, option->val);
  }
  PQconninfoFree(options);
  return settings;
}

std::string Setting(const std::string& keyword, const std::string& value) {
  return keyword + "=" + ConnInfoValue(value);
}

}  // namespace

Result<ConnInfoParts> SplitPassword(const std::string& dsn) {
  PGVEIL_ASSIGN_OR_RETURN(auto settings, Settings(dsn));
  ConnInfoParts parts;
  for (const auto& [keyword, value] : settings) {
    if (keyword == "password") {
      parts.password = value;
      continue;
    }
    if (!parts.without_password.empty()) parts.without_password += ' ';
    parts.without_password += Setting(keyword, value);
  }
  return parts;
}

Result<std::string> WithDatabase(const std::string& dsn, const std::string& database) {
  PGVEIL_ASSIGN_OR_RETURN(auto settings, Settings(dsn));
  std::string out;
  for (const auto& [keyword, value] : settings) {
    if (keyword != "dbname") out += Setting(keyword, value) + " ";
  }
  return out + Setting("dbname", database);
}

}  // namespace pgveil::pg
