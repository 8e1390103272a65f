#include "pg/connection.h"

#include <sstream>

#include "pg/connection_impl.h"
#include "pg/grants.h"

namespace pgveil::pg {
namespace {

bool IsUri(const std::string& dsn) {
  return dsn.starts_with("postgresql://") || dsn.starts_with("postgres://");
}

StatusCode CodeFor(const std::string& message) {
  return IsPrivilegeMessage(message) ? StatusCode::kPermissionDenied : StatusCode::kUnavailable;
}

Status Make(StatusCode code, std::string message) {
  switch (code) {
    case StatusCode::kPermissionDenied:
      return Status::PermissionDenied(WithGrantHint(std::move(message)));
    case StatusCode::kUnavailable:
      return Status::Unavailable(std::move(message));
    default:
      return Status::Internal(std::move(message));
  }
}

// Counts the notifications on one channel.
class Listener : public pqxx::notification_receiver {
 public:
  Listener(pqxx::connection_base& connection, const std::string& channel, int& count)
      : pqxx::notification_receiver(connection, channel), count_(count) {}
  void operator()(const std::string&, int) override { ++count_; }

 private:
  int& count_;
};

}  // namespace

std::string WithApplicationName(const std::string& dsn) {
  const std::string setting = "fallback_application_name=pgveil";
  if (!IsUri(dsn)) return dsn.empty() ? setting : dsn + " " + setting;
  return dsn + (dsn.find('?') == std::string::npos ? "?" : "&") + setting;
}

std::string PrimaryMessage(const std::string& libpq_message) {
  std::istringstream lines(libpq_message);
  std::string kept;
  for (std::string line; std::getline(lines, line);) {
    if (line.starts_with("DETAIL:") || line.starts_with("HINT:") || line.starts_with("CONTEXT:") ||
        line.starts_with("LINE ") || line.starts_with(" ") || line.empty()) {
      continue;
    }
    for (const char* prefix : {"ERROR:  ", "FATAL:  ", "ERROR: ", "FATAL: "}) {
      if (line.starts_with(prefix)) line = line.substr(std::string(prefix).size());
    }
    // "connection to server ... failed: FATAL:  password ..." keeps the cause.
    size_t fatal = line.find("failed: FATAL:  ");
    if (fatal != std::string::npos) line = line.substr(0, fatal + 8) + line.substr(fatal + 16);
    kept += kept.empty() ? line : "; " + line;
  }
  return kept;
}

Status FromException(const std::exception& e, const std::string& what) {
  std::string message = PrimaryMessage(e.what());
  if (dynamic_cast<const pqxx::broken_connection*>(&e))
    return Make(CodeFor(message), what + ": " + message);
  if (const auto* sql = dynamic_cast<const pqxx::sql_error*>(&e)) {
    // libpqxx does not always carry the SQLSTATE; the server's words do.
    if (sql->sqlstate() == "42501" || IsPrivilegeMessage(message)) {
      return Status::PermissionDenied(WithGrantHint(what + ": " + message));
    }
    if (sql->sqlstate().starts_with("08") || sql->sqlstate().starts_with("57P")) {
      return Status::Unavailable(what + ": " + message);
    }
  }
  return Status::Internal(what + ": " + message);
}

Connection::Connection(std::string dsn, std::unique_ptr<Impl> impl)
    : dsn_(std::move(dsn)), impl_(std::move(impl)) {}
Connection::~Connection() = default;

std::string FirstRowValue(const Rows& rows, size_t column) {
  if (rows.empty() || rows[0].size() <= column || !rows[0][column]) return "";
  return *rows[0][column];
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& dsn) {
  try {
    auto impl = std::make_unique<Impl>(WithApplicationName(dsn));
    // libpqxx 6 reconnects a broken connection behind the caller's back,
    // losing what the session held: an advisory lock, SET values, an
    // imported snapshot. A lost connection must be an error the caller sees.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
    impl->connection.inhibit_reactivation(true);
#pragma GCC diagnostic pop
    return std::unique_ptr<Connection>(new Connection(dsn, std::move(impl)));
  } catch (const std::exception& e) {
    std::string message = PrimaryMessage(e.what());
    return Make(CodeFor(message), "cannot connect to the database: " + message);
  }
}

std::string Connection::database() const { return impl_->connection.dbname(); }

Status Connection::Execute(const std::string& sql) {
  try {
    pqxx::nontransaction tx(impl_->connection);
    tx.exec(sql);
    return Status::Ok();
  } catch (const std::exception& e) {
    return FromException(e, "executing SQL");
  }
}

Result<Rows> Connection::Query(const std::string& sql) {
  try {
    pqxx::nontransaction tx(impl_->connection);
    pqxx::result result = tx.exec(sql);
    std::vector<std::vector<std::optional<std::string>>> rows;
    for (const auto& row : result) {
      auto& out = rows.emplace_back();
      for (const auto& field : row) {
        out.push_back(field.is_null() ? std::nullopt : std::optional<std::string>(field.c_str()));
      }
    }
    return rows;
  } catch (const std::exception& e) {
    return FromException(e, "running a query");
  }
}

Status Connection::Listen(const std::string& channel) {
  try {
    impl_->listeners.push_back(
        std::make_unique<Listener>(impl_->connection, channel, impl_->notifications));
    return Status::Ok();
  } catch (const std::exception& e) {
    return FromException(e, "listening for notifications");
  }
}

Result<bool> Connection::Notified() {
  try {
    impl_->connection.get_notifs();
  } catch (const std::exception& e) {
    return FromException(e, "reading notifications");
  }
  const bool arrived = impl_->notifications > 0;
  impl_->notifications = 0;
  return arrived;
}

}  // namespace pgveil::pg
