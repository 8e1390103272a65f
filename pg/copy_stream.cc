#include "pg/copy_stream.h"

#include <libpq-fe.h>

#include <cstdlib>

#include "core/identifier.h"
#include "pg/libpq_status.h"

namespace pgveil::pg {
namespace {

constexpr const char* kSessionSettings =
    "SET client_encoding = 'UTF8'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; "
    "SET extra_float_digits = 3; SET statement_timeout = 0; SET lock_timeout = 0; "
    "SET idle_in_transaction_session_timeout = 0";

Result<PGconn*> Connect(const std::string& dsn, const std::string& what) {
  PGconn* conn = ConnectRaw(dsn, /*replication=*/false);
  if (PQstatus(conn) != CONNECTION_OK) {
    Status status = StatusFromConnection(conn, what);
    PQfinish(conn);
    return status;
  }
  Status set = ExecRaw(conn, kSessionSettings, what);
  if (!set.ok()) {
    PQfinish(conn);
    return set;
  }
  return conn;
}

// Reads the results that follow the end of a COPY; the first failure wins.
Status DrainResults(PGconn* conn, const std::string& what, int64_t* rows) {
  Status outcome = Status::Ok();
  while (PGresult* result = PQgetResult(conn)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK) {
      if (outcome.ok()) outcome = StatusFromResult(conn, result, what);
    } else if (rows != nullptr) {
      *rows = std::strtoll(PQcmdTuples(result), nullptr, 10);
    }
    PQclear(result);
  }
  if (outcome.ok() && PQstatus(conn) == CONNECTION_BAD) {
    outcome = StatusFromConnection(conn, what);
  }
  return outcome;
}

}  // namespace

struct CopyReader::Impl {
  PGconn* conn = nullptr;
  char* row = nullptr;  // from PQgetCopyData, freed on the next call
  ~Impl() {
    PQfreemem(row);
    PQfinish(conn);
  }
};

CopyReader::CopyReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CopyReader::~CopyReader() = default;

Result<std::unique_ptr<CopyReader>> CopyReader::Open(const std::string& dsn,
                                                     const std::string& snapshot) {
  auto impl = std::make_unique<Impl>();
  PGVEIL_ASSIGN_OR_RETURN(impl->conn, Connect(dsn, "connecting to the source"));
  if (!snapshot.empty()) {
    PGVEIL_RETURN_IF_ERROR(ExecRaw(impl->conn,
                                   "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; "
                                   "SET TRANSACTION SNAPSHOT " +
                                       QuoteLiteral(snapshot),
                                   "importing snapshot " + snapshot));
  }
  return std::unique_ptr<CopyReader>(new CopyReader(std::move(impl)));
}

Status CopyReader::Start(const std::string& copy_sql) {
  PGresult* result = PQexec(impl_->conn, copy_sql.c_str());
  Status status = PQresultStatus(result) == PGRES_COPY_OUT
                      ? Status::Ok()
                      : StatusFromResult(impl_->conn, result, "starting COPY TO");
  PQclear(result);
  return status;
}

Status CopyReader::Next(std::string_view* row, bool* done) {
  PQfreemem(impl_->row);
  impl_->row = nullptr;
  int length = PQgetCopyData(impl_->conn, &impl_->row, /*async=*/0);
  if (length > 0) {
    *row = std::string_view(impl_->row, static_cast<size_t>(length));
    *done = false;
    return Status::Ok();
  }
  *done = true;
  if (length == -2) return StatusFromConnection(impl_->conn, "reading COPY data");
  return DrainResults(impl_->conn, "reading COPY data", nullptr);
}

struct CopyWriter::Impl {
  PGconn* conn = nullptr;
  bool copying = false;
  ~Impl() { PQfinish(conn); }
};

CopyWriter::CopyWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CopyWriter::~CopyWriter() = default;

Result<std::unique_ptr<CopyWriter>> CopyWriter::Open(const std::string& dsn,
                                                     const std::string& session_sql) {
  auto impl = std::make_unique<Impl>();
  PGVEIL_ASSIGN_OR_RETURN(impl->conn, Connect(dsn, "connecting to the target"));
  if (!session_sql.empty()) {
    PGVEIL_RETURN_IF_ERROR(ExecRaw(impl->conn, session_sql, "setting up the target session"));
  }
  return std::unique_ptr<CopyWriter>(new CopyWriter(std::move(impl)));
}

Status CopyWriter::Run(const std::string& sql) {
  return ExecRaw(impl_->conn, sql, "running SQL on the target");
}

Status CopyWriter::Start(const std::string& copy_sql) {
  PGresult* result = PQexec(impl_->conn, copy_sql.c_str());
  Status status = PQresultStatus(result) == PGRES_COPY_IN
                      ? Status::Ok()
                      : StatusFromResult(impl_->conn, result, "starting COPY FROM");
  PQclear(result);
  impl_->copying = status.ok();
  return status;
}

Status CopyWriter::Write(std::string_view data) {
  if (data.empty()) return Status::Ok();
  if (PQputCopyData(impl_->conn, data.data(), static_cast<int>(data.size())) != 1) {
    return StatusFromConnection(impl_->conn, "sending COPY data");
  }
  return Status::Ok();
}

Result<int64_t> CopyWriter::Finish() {
  impl_->copying = false;
  if (PQputCopyEnd(impl_->conn, nullptr) != 1) {
    return StatusFromConnection(impl_->conn, "ending COPY");
  }
  int64_t rows = 0;
  PGVEIL_RETURN_IF_ERROR(DrainResults(impl_->conn, "loading COPY data", &rows));
  return rows;
}

void CopyWriter::Abort() {
  if (!impl_->copying) return;
  impl_->copying = false;
  if (PQputCopyEnd(impl_->conn, "aborted by pgveil") == 1) {
    (void)DrainResults(impl_->conn, "aborting COPY", nullptr);
  }
}

}  // namespace pgveil::pg
