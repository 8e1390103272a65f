// pg/catalog_reader.h
//
// Reads the structure of a database from the system catalogs in four
// set-based queries (relations, columns, keys, foreign keys), never one query
// per table, so a 2,000-table schema costs the same few round trips as a
// 10-table one. System schemas, TOAST and temporary schemas are left out;
// partitions are listed with their parent.
//
// Thread-safety: uses the caller's Connection; one call at a time per
// connection.
#pragma once

#include <string>

#include "core/schema.h"
#include "core/status.h"
#include "pg/connection.h"

namespace pgveil::pg {

Result<Catalog> ReadCatalog(Connection& connection);

// The same, inside a REPEATABLE READ transaction that imports `snapshot`
// (pg_export_snapshot or a replication slot's), so the catalog is read as of
// the moment the snapshot shows; the exporting session must still be open.
Result<Catalog> ReadCatalog(Connection& connection, const std::string& snapshot);

}  // namespace pgveil::pg
