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

#include "core/schema.h"
#include "core/status.h"
#include "pg/connection.h"

namespace pgveil::pg {

Result<Catalog> ReadCatalog(Connection& connection);

}  // namespace pgveil::pg
