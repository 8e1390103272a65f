#include "pg/replication_connection.h"

#include <libpq-fe.h>
#include <sys/select.h>

#include <chrono>
#include <cstring>

#include <fmt/format.h>

#include "core/identifier.h"
#include "pg/libpq_status.h"

namespace pgveil::pg {

namespace {

uint64_t ReadUint64(const char* p) {
  uint64_t value = 0;
  for (int i = 0; i < 8; ++i) value = (value << 8) | static_cast<unsigned char>(p[i]);
  return value;
}

void AppendUint64(uint64_t value, std::string* out) {
  for (int shift = 56; shift >= 0; shift -= 8) out->push_back(static_cast<char>(value >> shift));
}

std::string LsnText(uint64_t lsn) {
  return fmt::format("{:X}/{:X}", static_cast<uint32_t>(lsn >> 32), static_cast<uint32_t>(lsn));
}

}  // namespace

int64_t PostgresNowMicros() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::chrono::duration_cast<std::chrono::microseconds>(now).count() -
         kPostgresEpochUnixSeconds * 1000000;
}

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

Status ReplicationConnection::StartLogical(const std::string& slot, uint64_t start_lsn,
                                           const std::string& publication) {
  std::string command = "START_REPLICATION SLOT " + QuoteIdent(slot) + " LOGICAL " +
                        LsnText(start_lsn) + " (proto_version '1', publication_names " +
                        QuoteLiteral(QuoteIdent(publication)) + ", messages 'true')";
  PGresult* result = PQexec(impl_->conn, command.c_str());
  if (PQresultStatus(result) != PGRES_COPY_BOTH) {
    Status status = StatusFromResult(impl_->conn, result, "streaming slot \"" + slot + "\"");
    PQclear(result);
    // The walsender of a stream that just died holds the slot until it
    // notices: worth another try, unlike a slot that does not exist.
    if (status.message().find("is active for PID") != std::string::npos) {
      return Status::Unavailable(status.message());
    }
    if (status.code() == StatusCode::kInternal) return Status::InvalidArgument(status.message());
    return status;
  }
  PQclear(result);
  return Status::Ok();
}

Result<ReplicationFrame> ReplicationConnection::Read(int timeout_ms) {
  ReplicationFrame frame;
  char* buffer = nullptr;
  int length = PQgetCopyData(impl_->conn, &buffer, /*async=*/1);
  if (length == 0) {
    int socket = PQsocket(impl_->conn);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(socket, &readable);
    timeval timeout{timeout_ms / 1000, (timeout_ms % 1000) * 1000};
    if (select(socket + 1, &readable, nullptr, nullptr, &timeout) < 0 && errno != EINTR) {
      return Status::Unavailable("waiting for the replication stream: " +
                                 std::string(std::strerror(errno)));
    }
    if (PQconsumeInput(impl_->conn) == 0) {
      return StatusFromConnection(impl_->conn, "reading the replication stream");
    }
    length = PQgetCopyData(impl_->conn, &buffer, /*async=*/1);
    if (length == 0) return frame;
  }
  if (length < 0) {
    Status status = Status::Unavailable("the source ended the replication stream");
    if (length == -2) status = StatusFromConnection(impl_->conn, "reading the replication stream");
    PGresult* result = PQgetResult(impl_->conn);
    if (result != nullptr && PQresultStatus(result) == PGRES_FATAL_ERROR) {
      status = StatusFromResult(impl_->conn, result, "reading the replication stream");
      if (status.code() != StatusCode::kUnavailable) status = Status::Unavailable(status.message());
    }
    PQclear(result);
    return status;
  }
  std::string_view message(buffer, static_cast<size_t>(length));
  Status malformed = Status::Internal("the source sent a malformed replication frame");
  if (message[0] == 'w' && message.size() >= 25) {
    frame.kind = ReplicationFrame::Kind::kData;
    frame.wal_start = ReadUint64(buffer + 1);
    frame.wal_end = ReadUint64(buffer + 9);
    frame.payload.assign(buffer + 25, message.size() - 25);
  } else if (message[0] == 'k' && message.size() >= 18) {
    frame.kind = ReplicationFrame::Kind::kKeepalive;
    frame.wal_end = ReadUint64(buffer + 1);
    frame.reply_requested = message[17] != 0;
  } else {
    PQfreemem(buffer);
    return malformed;
  }
  PQfreemem(buffer);
  return frame;
}

Status ReplicationConnection::SendFeedback(uint64_t flushed, bool reply_requested) {
  std::string message = "r";
  AppendUint64(flushed, &message);  // written
  AppendUint64(flushed, &message);  // flushed
  AppendUint64(flushed, &message);  // applied
  AppendUint64(static_cast<uint64_t>(PostgresNowMicros()), &message);
  message.push_back(reply_requested ? 1 : 0);
  if (PQputCopyData(impl_->conn, message.data(), static_cast<int>(message.size())) != 1 ||
      PQflush(impl_->conn) != 0) {
    return StatusFromConnection(impl_->conn, "acknowledging to the source");
  }
  return Status::Ok();
}

Status ReplicationConnection::EndStream(int timeout_ms) {
  if (PQputCopyEnd(impl_->conn, nullptr) != 1 || PQflush(impl_->conn) != 0) {
    return StatusFromConnection(impl_->conn, "ending the replication stream");
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (true) {
    char* buffer = nullptr;
    int length = PQgetCopyData(impl_->conn, &buffer, /*async=*/1);
    if (buffer != nullptr) PQfreemem(buffer);
    if (length > 0) continue;  // a frame sent before the server saw CopyDone
    if (length == -1) break;   // the server's CopyDone
    if (length == -2) return StatusFromConnection(impl_->conn, "ending the replication stream");
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      return Status::Unavailable("ending the replication stream: the source did not answer");
    }
    int socket = PQsocket(impl_->conn);
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(socket, &readable);
    timeval timeout{static_cast<time_t>(left.count() / 1000),
                    static_cast<suseconds_t>((left.count() % 1000) * 1000)};
    if (select(socket + 1, &readable, nullptr, nullptr, &timeout) < 0 && errno != EINTR) {
      return Status::Unavailable("ending the replication stream: " +
                                 std::string(std::strerror(errno)));
    }
    if (PQconsumeInput(impl_->conn) == 0) {
      return StatusFromConnection(impl_->conn, "ending the replication stream");
    }
  }
  Status status = Status::Ok();
  while (PGresult* result = PQgetResult(impl_->conn)) {
    if (PQresultStatus(result) == PGRES_FATAL_ERROR) {
      status = StatusFromResult(impl_->conn, result, "ending the replication stream");
    }
    PQclear(result);
  }
  return status;
}

Status ReplicationConnection::DropSlot(const std::string& name) {
  return ExecRaw(impl_->conn, "DROP_REPLICATION_SLOT " + QuoteIdent(name),
                 "dropping replication slot \"" + name + "\"");
}

}  // namespace pgveil::pg
