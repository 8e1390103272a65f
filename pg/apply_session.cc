#include "pg/apply_session.h"

#include <libpq-fe.h>

#include "pg/libpq_status.h"

namespace pgveil::pg {

struct ApplySession::Impl {
  PGconn* conn = nullptr;
  ~Impl() { PQfinish(conn); }
};

ApplySession::ApplySession(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ApplySession::~ApplySession() = default;

Result<std::unique_ptr<ApplySession>> ApplySession::Open(const std::string& dsn) {
  auto impl = std::make_unique<Impl>();
  impl->conn = ConnectRaw(dsn, /*replication=*/false);
  if (PQstatus(impl->conn) != CONNECTION_OK) {
    return StatusFromConnection(impl->conn, "cannot connect to the database");
  }
  return std::unique_ptr<ApplySession>(new ApplySession(std::move(impl)));
}

Status ApplySession::Execute(const std::string& sql) {
  return ExecRaw(impl_->conn, sql, "applying SQL");
}

}  // namespace pgveil::pg
