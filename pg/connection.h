// pg/connection.h
//
// Connection is pgveil's handle on one PostgreSQL session. The DSN is handed
// to libpq as it is (key/value or URI), so PG* variables, .pgpass and service
// files work; pgveil only adds fallback_application_name=pgveil.
//
// A connection that breaks stays broken (Unavailable from then on): it is
// never reopened behind the caller's back, which would drop the session's
// locks and settings.
//
// Errors: connection failures become Unavailable (PermissionDenied for
// authentication failures) with libpq's first line, and SQL errors keep only
// the server's primary message — never its DETAIL, which can echo row values.
//
// Thread-safety: one Connection per thread.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace pgveil::pg {

// `dsn` with fallback_application_name=pgveil added in its own syntax
// (key/value or URI); "" (libpq defaults) becomes the key/value form.
std::string WithApplicationName(const std::string& dsn);

// One line of a libpq/server error, safe to show: the severity prefix
// ("ERROR:  ") and any DETAIL/HINT/CONTEXT lines removed.
std::string PrimaryMessage(const std::string& libpq_message);

// Rows as Query returns them: every value as text, nullopt for NULL.
using Rows = std::vector<std::vector<std::optional<std::string>>>;

// Column `column` of the first row of `rows`; "" for NULL or no row.
std::string FirstRowValue(const Rows& rows, size_t column);

class Connection {
 public:
  static Result<std::unique_ptr<Connection>> Open(const std::string& dsn);
  ~Connection();

  const std::string& dsn() const { return dsn_; }
  std::string database() const;

  // Runs `sql` (one or more statements, no results wanted).
  Status Execute(const std::string& sql);

  // Runs a query and returns its rows as text (empty optional = NULL).
  Result<Rows> Query(const std::string& sql);

  // LISTEN on `channel` for the rest of the session.
  Status Listen(const std::string& channel);
  // Whether a notification on a channel this session listens on has arrived
  // since the last call. Reads what the server sent; never waits.
  Result<bool> Notified();

  // The libpqxx connection; only code inside pg/ may call this.
  struct Impl;
  Impl& impl() { return *impl_; }

 private:
  Connection(std::string dsn, std::unique_ptr<Impl> impl);
  std::string dsn_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::pg
