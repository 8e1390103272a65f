#include "pg/sampler.h"

#include <fmt/format.h>

#include "core/identifier.h"
#include "pg/connection_impl.h"

namespace pgveil::pg {

Result<std::unique_ptr<Sampler>> Sampler::Begin(Connection& connection,
                                                const SamplerOptions& options,
                                                const std::string& snapshot) {
  std::string import =
      snapshot.empty() ? "" : "SET TRANSACTION SNAPSHOT " + QuoteLiteral(snapshot) + "; ";
  Status begun = connection.Execute(fmt::format(
      "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; {}SET LOCAL statement_timeout = {}; "
      "SET LOCAL lock_timeout = {}",
      import, options.statement_timeout_ms, options.lock_timeout_ms));
  if (!begun.ok()) return begun.WithContext("starting the read-only sampling transaction");
  return std::unique_ptr<Sampler>(new Sampler(connection));
}

Result<std::string> Sampler::ExportSnapshot() {
  PGVEIL_ASSIGN_OR_RETURN(auto rows, connection_.Query("SELECT pg_export_snapshot()"));
  if (rows.size() != 1 || rows[0].empty() || !rows[0][0]) {
    return Status::Internal("pg_export_snapshot returned nothing");
  }
  return *rows[0][0];
}

Sampler::~Sampler() { (void)connection_.Execute("ROLLBACK"); }

Result<TableSample> Sampler::Sample(const std::string& query, size_t columns) {
  auto& connection = connection_.impl().connection;
  try {
    pqxx::nontransaction tx(connection);
    tx.exec("SAVEPOINT pgveil_sample");
    try {
      pqxx::result result = tx.exec(query);
      TableSample sample;
      sample.rows = static_cast<int64_t>(result.size());
      sample.columns.resize(columns);
      for (const auto& row : result) {
        for (size_t i = 0; i < columns && i < row.size(); ++i) {
          if (!row[static_cast<int>(i)].is_null()) {
            sample.columns[i].values.emplace_back(row[static_cast<int>(i)].c_str(),
                                                  row[static_cast<int>(i)].size());
          }
        }
      }
      tx.exec("RELEASE SAVEPOINT pgveil_sample");
      return sample;
    } catch (const pqxx::sql_error& e) {
      tx.exec("ROLLBACK TO SAVEPOINT pgveil_sample");
      return FromException(e, "sampling");
    }
  } catch (const std::exception& e) {
    return FromException(e, "sampling");
  }
}

}  // namespace pgveil::pg
