#include "replicator/branch_lock.h"

#include <cstdlib>

#include <fmt/format.h>

#include "pg/conninfo.h"

namespace pgveil::replicator {

Result<std::unique_ptr<pg::Connection>> OpenMaintenance(const std::string& dsn) {
  Status first = Status::Ok();
  for (const char* database : {"postgres", "template1"}) {
    PGVEIL_ASSIGN_OR_RETURN(std::string maintenance, pg::WithDatabase(dsn, database));
    Result<std::unique_ptr<pg::Connection>> opened = pg::Connection::Open(maintenance);
    if (opened.ok()) return opened;
    if (first.ok()) first = opened.status();
  }
  return first.WithContext("the maintenance database (postgres or template1)");
}

std::string BranchLockSql(std::string_view function, const std::string& database_oid) {
  // "pgvb" in ASCII in the high half, the database OID in the low half.
  return fmt::format("SELECT {}((x'70677662'::bigint << 32) | {}::bigint)", function,
                     std::strtoull(database_oid.c_str(), nullptr, 10));
}

}  // namespace pgveil::replicator
