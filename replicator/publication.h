// replicator/publication.h
//
// Which tables a stream covers, and whether it can: the publication lists
// the roots of the copied tables (partitions publish through their root),
// and every one of them needs a replica identity, or PostgreSQL would
// refuse their UPDATE and DELETE on the source once they are published.
//
// Thread-safety: plain functions; `source` is used by one thread.
#pragma once

#include <cstdint>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "pg/connection.h"
#include "replicator/masking_plan.h"

namespace pgveil::replicator {

// The roots of the copied tables: what a publication lists.
std::vector<RelationRef> PublicationTables(const MaskingPlan& plan);

// The oids of the publication's tables, as of `catalog`.
std::vector<uint32_t> PublishedOids(const MaskingPlan& plan, const Catalog& catalog);

// InvalidArgument naming (up to five of) the tables in `oids` without a
// replica identity, and the ways out.
Status CheckReplicaIdentities(pg::Connection& source, const std::vector<uint32_t>& oids);

}  // namespace pgveil::replicator
