// pg/grants.h
//
// Least privilege for the roles pgveil connects as. GrantsSql writes the SQL
// that gives a dedicated role exactly what one pgveil command needs and
// nothing more (`pgveil grants --for ...`); GrantHint reads a "permission
// denied" message from the server and names the one statement that would
// have let the command through, so an error says how to fix it.
//
// What each command needs, and why:
//   scan, check, report  CONNECT on the database, then either the predefined
//                        role pg_read_all_data (PostgreSQL 14+: SELECT on
//                        every table, USAGE on every schema) or, per schema,
//                        USAGE and SELECT on its tables. Sampling runs in a
//                        READ ONLY transaction; the role is also made
//                        read-only by default (default_transaction_read_only).
//   replicate (source)   the same SELECT, plus the REPLICATION attribute for
//                        the slot and the stream (never superuser), CREATE on
//                        the database for the publication, and ownership of
//                        the published tables, which PostgreSQL requires to
//                        add a table to a publication (membership in the
//                        owning role is enough). --snapshot-only needs only
//                        the SELECT. The schema-change triggers need a
//                        superuser and are optional.
//   replicate (target)   owner of an empty target database: pgveil creates
//                        the tables, its own `pgveil` schema and the rows.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pgveil::pg {

enum class GrantsPurpose { kScan, kCheck, kReport, kReplicate };

struct GrantsRequest {
  GrantsPurpose purpose = GrantsPurpose::kScan;
  std::string role = "pgveil";
  // Empty: every schema through pg_read_all_data; otherwise USAGE and SELECT
  // on these schemas only.
  std::vector<std::string> schemas;
};

// The SQL, with comments, for psql: the database is psql's :"DBNAME", the
// one it is connected to.
std::string GrantsSql(const GrantsRequest& request);

// "kScan" for "scan" and so on; nullopt for anything else.
std::optional<GrantsPurpose> ParseGrantsPurpose(std::string_view name);

// The statement that grants what a server message such as "permission
// denied for schema app" says is missing, for the role written `role`
// ("<role>" when the caller does not know it); nullopt when the message is
// not about a missing privilege.
std::optional<std::string> GrantHint(std::string_view message, std::string_view role = "<role>");

// `message` with the hint appended when there is one:
// "...: permission denied for schema app (missing grant: GRANT USAGE ON
// SCHEMA "app" TO <role>; `pgveil grants --for COMMAND` prints all it needs)".
std::string WithGrantHint(std::string message);

// Whether a server or libpq message says the role lacks a privilege (as
// opposed to the server being unreachable).
bool IsPrivilegeMessage(std::string_view message);

}  // namespace pgveil::pg
