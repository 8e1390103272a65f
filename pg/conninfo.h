// pg/conninfo.h
//
// Connection strings taken apart with libpq's own parser
// (PQconninfoParse), so key/value strings and URIs are read exactly as
// libpq reads them. Used to hand a DSN to pg_dump/pg_restore without its
// password on the command line (the password travels in PGPASSWORD) and to
// print a DSN in a message a user can paste.
//
// Thread-safety: plain functions.
#pragma once

#include <optional>
#include <string>

#include "core/status.h"

namespace pgveil::pg {

struct ConnInfoParts {
  std::string without_password;         // key/value form, every setting but the password
  std::optional<std::string> password;  // when the DSN holds one
};

// Splits `dsn`. "" (libpq defaults) gives "" and no password.
// InvalidArgument with libpq's message when `dsn` does not parse.
Result<ConnInfoParts> SplitPassword(const std::string& dsn);

// `dsn` in key/value form with its database set to `database`; the
// password, if any, is kept (the result is for connecting, not printing).
Result<std::string> WithDatabase(const std::string& dsn, const std::string& database);

// `value` as a key/value connection-string value: bare when it can be,
// otherwise in single quotes with \' and \\ escaped.
std::string ConnInfoValue(const std::string& value);

}  // namespace pgveil::pg
