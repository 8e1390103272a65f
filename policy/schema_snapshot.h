// policy/schema_snapshot.h
//
// A SchemaSnapshot is what `pgveil snapshot` writes and `check --baseline`
// and `pgveil diff` read: the catalog's structure (tables with their kind
// and parent; columns with attnum, type, nullability, default, keys and
// foreign-key target) and where PII was found (column, JSONB path,
// category). It holds no values, no evidence, no confidence and no clock,
// and its JSON is sorted, so two snapshots of the same schema are equal
// byte for byte and a snapshot is fit to commit.
//
// Partitions are left out (they come and go with time; rules live on the
// parent), as are planner statistics, oids and privileges.
//
// Thread-safety: plain values; pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/scan_result.h"
#include "core/schema.h"
#include "core/status.h"

namespace pgveil::policy {

struct PiiLocation {
  ColumnRef column;
  std::optional<std::string> path;  // JSONB path, nullopt for the whole column
  Category category = Category::kEmail;

  auto operator<=>(const PiiLocation&) const = default;
};

struct SchemaSnapshot {
  std::string database;          // informational; diff ignores it
  Catalog catalog;               // tables sorted by schema, name; columns by attnum
  std::vector<PiiLocation> pii;  // sorted, unique
};

SchemaSnapshot MakeSnapshot(const Catalog& catalog, const std::vector<Finding>& findings);

// The snapshot document, pretty-printed with a trailing newline.
std::string SnapshotToJson(const SchemaSnapshot& snapshot);

// Parses a document SnapshotToJson wrote. InvalidArgument naming the field
// that is missing or malformed (never echoing values).
Result<SchemaSnapshot> SnapshotFromJson(std::string_view text);

// "table", "partitioned table", "materialized view", "view", "foreign table",
// "partition"; and back.
std::string_view RelationKindName(RelationKind kind);
std::optional<RelationKind> RelationKindFromName(std::string_view name);

}  // namespace pgveil::policy
