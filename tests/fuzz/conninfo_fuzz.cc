// A DSN comes from a flag, an environment variable or a CI secret. Whatever
// libpq accepts must split into a password and the rest without losing or
// changing a setting, and any value quoted by ConnInfoValue must read back
// as itself — otherwise a DSN handed to pg_dump would connect elsewhere.
#include <libpq-fe.h>

#include <map>
#include <string>

#include "core/status.h"
#include "pg/conninfo.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {
namespace {

// libpq's reading of `dsn`, or nullopt when it does not parse.
std::optional<std::map<std::string, std::string>> Parse(const std::string& dsn) {
  char* error = nullptr;
  PQconninfoOption* options = PQconninfoParse(dsn.c_str(), &error);
  PQfreemem(error);
  if (options == nullptr) return std::nullopt;
  std::map<std::string, std::string> settings;
  for (PQconninfoOption* option = options; option->keyword != nullptr; ++option) {
    if (option->val != nullptr) settings[option->keyword] = option->val;
  }
  PQconninfoFree(options);
  return settings;
}

}  // namespace

void FuzzConnInfo(std::string_view data) {
  // libpq reads C strings: a NUL ends the DSN wherever it comes from.
  const std::string dsn(data.substr(0, data.find('\0')));

  const std::string value = dsn.empty() ? "x" : dsn;
  auto quoted = Parse("application_name=" + pg::ConnInfoValue(value));
  PGVEIL_CHECK(quoted.has_value());
  PGVEIL_CHECK((*quoted)["application_name"] == value);

  auto settings = Parse(dsn);
  auto split = pg::SplitPassword(dsn);
  PGVEIL_CHECK(split.ok() == (dsn.empty() || settings.has_value()));
  if (!split.ok() || dsn.empty()) return;
  auto rest = Parse(split.value().without_password);
  PGVEIL_CHECK(rest.has_value());
  PGVEIL_CHECK(!rest->contains("password"));
  auto expected = *settings;
  if (expected.contains("password")) {
    PGVEIL_CHECK(split.value().password == expected["password"]);
    expected.erase("password");
  }
  PGVEIL_CHECK(*rest == expected);

  auto moved = pg::WithDatabase(dsn, "fuzz db");
  PGVEIL_CHECK(moved.ok());
  auto with_database = Parse(moved.value());
  PGVEIL_CHECK(with_database.has_value());
  PGVEIL_CHECK((*with_database)["dbname"] == "fuzz db");
}

}  // namespace pgveil::fuzz
