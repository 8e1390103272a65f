#include "pg/grants.h"

#include <fmt/format.h>

#include "core/identifier.h"

namespace pgveil::pg {
namespace {

std::string_view CommandName(GrantsPurpose purpose) {
  switch (purpose) {
    case GrantsPurpose::kScan:
      return "scan";
    case GrantsPurpose::kCheck:
      return "check";
    case GrantsPurpose::kReport:
      return "report";
    case GrantsPurpose::kReplicate:
      return "replicate";
  }
  return "scan";
}

// CONNECT and read access to the tables, every schema or the ones named.
std::string ReadAccess(const GrantsRequest& request, const std::string& role) {
  std::string sql = fmt::format("GRANT CONNECT ON DATABASE :\"DBNAME\" TO {};\n", role);
  if (request.schemas.empty()) {
    return sql + fmt::format(
                     "-- SELECT on every table and USAGE on every schema (PostgreSQL 14+).\n"
                     "GRANT pg_read_all_data TO {};\n",
                     role);
  }
  for (const std::string& schema : request.schemas) {
    const std::string name = QuoteIdent(schema);
    sql += fmt::format(
        "GRANT USAGE ON SCHEMA {0} TO {1};\n"
        "GRANT SELECT ON ALL TABLES IN SCHEMA {0} TO {1};\n"
        "-- Tables created later; run this as the role that will create them.\n"
        "ALTER DEFAULT PRIVILEGES IN SCHEMA {0} GRANT SELECT ON TABLES TO {1};\n",
        name, role);
  }
  return sql;
}

// The prefix of `message` up to `what`, then the name after it, unquoted.
std::optional<std::string> NameAfter(std::string_view message, std::string_view what) {
  size_t at = message.find(what);
  if (at == std::string_view::npos) return std::nullopt;
  std::string_view name = message.substr(at + what.size());
  name = name.substr(0, name.find_first_of(" \n"));
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    name = name.substr(1, name.size() - 2);
  }
  if (name.empty()) return std::nullopt;
  return std::string(name);
}

}  // namespace

std::optional<GrantsPurpose> ParseGrantsPurpose(std::string_view name) {
  for (GrantsPurpose purpose : {GrantsPurpose::kScan, GrantsPurpose::kCheck, GrantsPurpose::kReport,
                                GrantsPurpose::kReplicate}) {
    if (CommandName(purpose) == name) return purpose;
  }
  return std::nullopt;
}

std::string GrantsSql(const GrantsRequest& request) {
  const std::string role = QuoteIdent(request.role);
  std::string sql = fmt::format(
      "-- The least privilege for `pgveil {0}`, as role {1}. Run with psql as the\n"
      "-- owner of the tables (or a superuser), connected to the database to read:\n"
      "--   pgveil grants --for {0} | psql -v ON_ERROR_STOP=1 -d DATABASE\n"
      "-- Set a password (\\password {1}) or use certificate authentication.\n"
      "CREATE ROLE {1} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;\n",
      CommandName(request.purpose), role);
  sql += ReadAccess(request, role);
  if (request.purpose != GrantsPurpose::kReplicate) {
    return sql + fmt::format(
                     "-- pgveil reads in READ ONLY transactions; make every session of the\n"
                     "-- role read-only too, so nothing it runs can write.\n"
                     "ALTER ROLE {} SET default_transaction_read_only = on;\n",
                     role);
  }
  return sql +
         fmt::format(
             "-- The replication slot and the stream (never superuser). --snapshot-only\n"
             "-- needs none of what follows: the grants above are enough.\n"
             "ALTER ROLE {0} REPLICATION;\n"
             "-- The publication: CREATE on the database, and ownership of every table\n"
             "-- it publishes (PostgreSQL's rule); membership in the owning role will do.\n"
             "GRANT CREATE ON DATABASE :\"DBNAME\" TO {0};\n"
             "-- GRANT table_owner TO {0};\n"
             "-- The source needs wal_level = logical. Schema-change capture (event\n"
             "-- triggers) needs a superuser and is optional: without it new columns\n"
             "-- are still caught in the stream.\n"
             "-- The target: a login role that owns an empty target database, e.g.\n"
             "--   CREATE ROLE pgveil_target LOGIN; CREATE DATABASE staging OWNER pgveil_target;\n",
             role);
}

std::optional<std::string> GrantHint(std::string_view message, std::string_view role) {
  if (auto schema = NameAfter(message, "permission denied for schema ")) {
    return fmt::format("GRANT USAGE ON SCHEMA {} TO {}", QuoteIdent(*schema), role);
  }
  for (std::string_view kind : {"table", "view", "materialized view", "sequence"}) {
    if (auto name = NameAfter(message, fmt::format("permission denied for {} ", kind))) {
      return fmt::format("GRANT SELECT ON {} TO {}", QuoteIdent(*name), role);
    }
  }
  if (auto database = NameAfter(message, "permission denied for database ")) {
    return fmt::format("GRANT CONNECT ON DATABASE {} TO {}", QuoteIdent(*database), role);
  }
  if (message.find("must be superuser or replication role") != std::string_view::npos ||
      message.find("permission denied to start WAL sender") != std::string_view::npos) {
    return fmt::format("ALTER ROLE {} REPLICATION", role);
  }
  if (auto table = NameAfter(message, "must be owner of table ")) {
    return fmt::format("GRANT <owner of {}> TO {}", QuoteIdent(*table), role);
  }
  return std::nullopt;
}

std::string WithGrantHint(std::string message) {
  std::optional<std::string> hint = GrantHint(message);
  if (!hint) return message;
  return message + " (missing grant: " + *hint +
         "; `pgveil grants --for COMMAND` prints all a role needs)";
}

bool IsPrivilegeMessage(std::string_view message) {
  for (std::string_view sign :
       {"password authentication failed", "permission denied", "no pg_hba.conf entry",
        "must be superuser or replication role", "must be owner of"}) {
    if (message.find(sign) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace pgveil::pg
