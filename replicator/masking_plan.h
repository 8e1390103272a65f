// replicator/masking_plan.h
//
// The MaskingPlan says, for one source catalog and policy, what the copy
// does with every relation and column:
//
//   - tables and partitions are copied; a partition follows the rules of its
//     topmost partitioned ancestor (the policy names parents only, as the
//     check does) and its masking domain is the ancestor's, so a value masks
//     the same way in every partition;
//   - a `skip` table is not copied and not created on the target, with all
//     of its partitions;
//   - generated columns are not copied: the target computes them from the
//     masked columns they are defined on;
//   - a `keep` column is copied byte for byte; every other column gets a
//     Transformer from the masking registry with the rule's parameters
//     (for `json`, its path rules) and domain (default schema.table.column);
//   - materialized views are not copied but refreshed on the target after
//     the copy, from data that is already masked;
//   - views and foreign tables hold no data of their own and are left to
//     the schema.
//
// A relation or column without a rule is an error (InvalidArgument naming
// it): the replicator runs the gate in strict mode first, so this only
// happens when the schema changed between the gate and the snapshot.
//
// Thread-safety: immutable after BuildMaskingPlan. The transformers it
// holds are prototypes and are never applied; each worker clones its own
// (table_masker.h).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "masking/key_ring.h"
#include "masking/transformer.h"
#include "policy/policy.h"

namespace pgveil::replicator {

struct ColumnPlan {
  std::string name;
  std::string rule;  // "keep" or the transformer's name, for the summary
  // Null for keep; otherwise a prototype to Clone(), never to Apply().
  std::unique_ptr<masking::Transformer> prototype;
};

struct TablePlan {
  std::string schema;
  std::string name;
  std::string root_schema;          // the relation whose policy rules apply: the table
  std::string root_name;            // itself, or a partition's topmost ancestor
  int64_t pages = 0;                // heap size in blocks when the catalog was read
  double reltuples = -1;            // planner estimate, for progress only
  std::vector<ColumnPlan> columns;  // copied columns, in attnum order

  std::string QualifiedName() const { return schema + "." + name; }
  std::string RulesFrom() const { return root_schema + "." + root_name; }
  int MaskedColumns() const;
};

struct RelationRef {
  std::string schema;
  std::string name;
  uint32_t oid = 0;

  std::string QualifiedName() const { return schema + "." + name; }
};

struct MaskingPlan {
  std::vector<TablePlan> tables;      // copied, in catalog order (schema, name)
  std::vector<RelationRef> skipped;   // `skip` tables and their partitions
  std::vector<RelationRef> matviews;  // refreshed after the copy, in creation (oid) order
};

// "keep", or the name of the transformer `rule` applies.
std::string RuleName(const policy::ColumnRule& rule);

// The transformer of `rule` for `column` (the rule's domain, or
// schema.table.column by default); null for keep. The one place a column's
// transformer is made, for the copy and the stream alike.
Result<std::unique_ptr<masking::Transformer>> BuildColumnTransformer(
    const ColumnRef& column, const policy::ColumnRule& rule, const masking::KeyRing& keys);

// Builds the plan, creating every transformer (so a bad parameter or a key
// problem surfaces before anything is written).
Result<MaskingPlan> BuildMaskingPlan(const policy::Policy& policy, const Catalog& catalog,
                                     const masking::KeyRing& keys);

}  // namespace pgveil::replicator
