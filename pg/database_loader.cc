#include "pg/database_loader.h"

#include <libpq-fe.h>

#include "core/identifier.h"
#include "pg/connection.h"

namespace pgveil::pg {
namespace {

Status Failure(PGconn* conn, const std::string& what) {
  return Status::Unavailable(what + ": " + PrimaryMessage(PQerrorMessage(conn)));
}

}  // namespace

struct DatabaseLoader::Impl {
  PGconn* conn = nullptr;
  ~Impl() { PQfinish(conn); }
};

DatabaseLoader::DatabaseLoader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DatabaseLoader::~DatabaseLoader() = default;

Result<std::unique_ptr<DatabaseLoader>> DatabaseLoader::Open(const std::string& dsn) {
  auto impl = std::make_unique<Impl>();
  impl->conn = PQconnectdb(WithApplicationName(dsn).c_str());
  if (PQstatus(impl->conn) != CONNECTION_OK)
    return Failure(impl->conn, "cannot connect to the database");
  return std::unique_ptr<DatabaseLoader>(new DatabaseLoader(std::move(impl)));
}

Status DatabaseLoader::Sql(std::string_view statement) {
  PGresult* result = PQexec(impl_->conn, std::string(statement).c_str());
  ExecStatusType status = PQresultStatus(result);
  PQclear(result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return Failure(impl_->conn, "loading");
  return Status::Ok();
}

Status DatabaseLoader::BeginCopy(std::string_view schema, std::string_view table,
                                 const std::vector<std::string>& columns) {
  std::string list;
  for (const std::string& column : columns) list += (list.empty() ? "" : ", ") + QuoteIdent(column);
  std::string sql = "COPY " + QuoteQualified(schema, table) + " (" + list + ") FROM STDIN";
  PGresult* result = PQexec(impl_->conn, sql.c_str());
  ExecStatusType status = PQresultStatus(result);
  PQclear(result);
  if (status != PGRES_COPY_IN)
    return Failure(impl_->conn, "starting COPY into " + std::string(table));
  return Status::Ok();
}

Status DatabaseLoader::CopyData(std::string_view rows) {
  if (PQputCopyData(impl_->conn, rows.data(), static_cast<int>(rows.size())) != 1) {
    return Failure(impl_->conn, "sending COPY data");
  }
  return Status::Ok();
}

Status DatabaseLoader::EndCopy() {
  if (PQputCopyEnd(impl_->conn, nullptr) != 1) return Failure(impl_->conn, "ending COPY");
  Status outcome = Status::Ok();
  while (PGresult* result = PQgetResult(impl_->conn)) {
    if (PQresultStatus(result) != PGRES_COMMAND_OK) outcome = Failure(impl_->conn, "COPY");
    PQclear(result);
  }
  return outcome;
}

}  // namespace pgveil::pg
