#include "pg/conninfo.h"

#include <libpq-fe.h>

#include "pg/connection.h"

namespace pgveil::pg {

std::string ConnInfoValue(const std::string& value) {
  bool bare = !value.empty();
  for (char c : value) {
    if (c == ' ' || c == '\'' || c == '\\' || c == '\t' || c == '\n' || c == '=') bare = false;
  }
  if (bare) return value;
  std::string out = "'";
  for (char c : value) {
    if (c == '\'' || c == '\\') out += '\\';
    out += c;
  }
  return out + "'";
}

Result<ConnInfoParts> SplitPassword(const std::string& dsn) {
  ConnInfoParts parts;
  if (dsn.empty()) return parts;
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &error);
  if (options == nullptr) {
    std::string message = error != nullptr ? PrimaryMessage(error) : "out of memory";
    PQfreemem(error);
    return Status::InvalidArgument("cannot parse the connection string: " + message);
  }
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val == nullptr) continue;
    std::string keyword = option->keyword;
    if (keyword == "password") {
      parts.password = option->val;
      continue;
    }
    if (!parts.without_password.empty()) parts.without_password += ' ';
    parts.without_password += keyword + "=" + ConnInfoValue(option->val);
  }
  PQconninfoFree(options);
  return parts;
}

}  // namespace pgveil::pg
