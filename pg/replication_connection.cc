#include "pg/replication_connection.h"

#include <libpq-fe.h>

#include "core/identifier.h"
#include "pg/libpq_status.h"

namespace pgveil::pg {

struct ReplicationConnection::Impl {
  PGconn* conn = nullptr;
  ~Impl() { PQfinish(conn); }
};

ReplicationConnection::ReplicationConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ReplicationConnection::~ReplicationConnection() = default;

Result<std::unique_ptr<ReplicationConnection>> ReplicationConnection::Open(const std::string& dsn) {
  auto impl = std::make_unique<Impl>();
  impl->conn = ConnectRaw(dsn, /*replication=*/true);
  if (PQstatus(impl->conn) != CONNECTION_OK) {
    Status status = StatusFromConnection(impl->conn, "opening a replication connection");
    // "must be superuser or replication role to start walsender"
    if (status.message().find("replication role") != std::string::npos ||
        status.message().find("REPLICATION") != std::string::npos) {
      return Status::PermissionDenied(status.message());
    }
    return status;
  }
  return std::unique_ptr<ReplicationConnection>(new ReplicationConnection(std::move(impl)));
}

int ReplicationConnection::server_version() const { return PQserverVersion(impl_->conn); }

Result<ReplicationSlot> ReplicationConnection::CreateSlotWithSnapshot(const std::string& name) {
  std::string command = "CREATE_REPLICATION_SLOT " + QuoteIdent(name) + " LOGICAL pgoutput";
  command += server_version() >= 150000 ? " (SNAPSHOT 'export')" : " EXPORT_SNAPSHOT";
  PGresult* result = PQexec(impl_->conn, command.c_str());
  if (PQresultStatus(result) != PGRES_TUPLES_OK || PQntuples(result) != 1 ||
      PQnfields(result) < 3) {
    Status status =
        StatusFromResult(impl_->conn, result, "creating replication slot \"" + name + "\"");
    PQclear(result);
    return status;
  }
  // Columns: slot_name, consistent_point, snapshot_name, output_plugin.
  ReplicationSlot slot;
  slot.name = PQgetvalue(result, 0, 0);
  slot.consistent_lsn = PQgetvalue(result, 0, 1);
  slot.snapshot = PQgetvalue(result, 0, 2);
  PQclear(result);
  if (slot.snapshot.empty()) {
    return Status::Internal("creating replication slot \"" + name +
                            "\": the server exported no snapshot");
  }
  return slot;
}

Status ReplicationConnection::DropSlot(const std::string& name) {
  return ExecRaw(impl_->conn, "DROP_REPLICATION_SLOT " + QuoteIdent(name),
                 "dropping replication slot \"" + name + "\"");
}

}  // namespace pgveil::pg
