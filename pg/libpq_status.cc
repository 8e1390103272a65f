#include "pg/libpq_status.h"

#include <cstring>
#include <string_view>

#include "pg/connection.h"
#include "pg/grants.h"

namespace pgveil::pg {
namespace {

// A data exception (SQLSTATE class 22) quotes the offending value after
// the message ('invalid input syntax for type date: "..."'), and COPY's
// context line repeats it ('COPY t, line 5, column c: "..."'): both are cut
// at the quote. What is left names the type, the table, line and column.
std::string WithoutQuotedValue(std::string text) {
  size_t quote = text.find(": \"");
  if (quote != std::string::npos) text.erase(quote);
  return text;
}

std::string SafeMessage(const PGresult* result, const std::string& sqlstate, std::string message) {
  if (!sqlstate.starts_with("22")) return message;
  message = WithoutQuotedValue(std::move(message));
  const char* context = PQresultErrorField(result, PG_DIAG_CONTEXT);
  if (context != nullptr && std::string_view(context).starts_with("COPY ")) {
    std::string first_line(context, strcspn(context, "\n"));
    message += " (" + WithoutQuotedValue(std::move(first_line)) + ")";
  }
  return message;
}

}  // namespace

Status StatusFromResult(PGconn* conn, const PGresult* result, const std::string& what) {
  if (result == nullptr || PQstatus(conn) == CONNECTION_BAD) {
    return StatusFromConnection(conn, what);
  }
  const char* primary = PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY);
  std::string message = primary != nullptr ? primary : PrimaryMessage(PQresultErrorMessage(result));
  if (message.empty()) message = PrimaryMessage(PQerrorMessage(conn));
  const char* state = PQresultErrorField(result, PG_DIAG_SQLSTATE);
  std::string sqlstate = state != nullptr ? state : "";
  message = SafeMessage(result, sqlstate, std::move(message));
  // Every error the server sends has a SQLSTATE; one without is libpq's own,
  // such as "server closed the connection unexpectedly". A transaction
  // rolled back by the server (class 40: a deadlock, a serialization
  // failure) is as transient as a lost connection: the caller may retry.
  if (sqlstate.empty() || sqlstate.starts_with("08") || sqlstate.starts_with("57P") ||
      sqlstate.starts_with("40")) {
    return Status::Unavailable(what + ": " + message);
  }
  if (sqlstate == "42501") return Status::PermissionDenied(WithGrantHint(what + ": " + message));
  return Status::Internal(what + ": " + message);
}

Status StatusFromConnection(PGconn* conn, const std::string& what) {
  std::string message = PrimaryMessage(conn != nullptr ? PQerrorMessage(conn) : "out of memory");
  if (message.empty()) message = "the connection was lost";
  if (IsPrivilegeMessage(message)) return Status::PermissionDenied(WithGrantHint(what + ": " + message));
  return Status::Unavailable(what + ": " + message);
}

PGconn* ConnectRaw(const std::string& dsn, bool replication) {
  // expand_dbname: `dsn` is parsed as a connection string or URI, and the
  // parameters after it override what it says.
  const char* keywords[] = {"dbname", "fallback_application_name", "replication", nullptr};
  const char* values[] = {dsn.c_str(), "pgveil", replication ? "database" : nullptr, nullptr};
  if (!replication) keywords[2] = nullptr;
  return PQconnectdbParams(keywords, values, 1);
}

Status ExecRaw(PGconn* conn, const std::string& sql, const std::string& what) {
  PGresult* result = PQexec(conn, sql.c_str());
  ExecStatusType status = PQresultStatus(result);
  Status outcome = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK
                       ? Status::Ok()
                       : StatusFromResult(conn, result, what);
  PQclear(result);
  return outcome;
}

}  // namespace pgveil::pg
