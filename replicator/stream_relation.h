// replicator/stream_relation.h
//
// A StreamRelation is how the rows of one streamed relation are written to
// the target: its qualified name there, and for every column the stream
// sends (pgoutput's Relation message, in that order) whether it belongs to
// the replica identity and which transformer masks it — the same rules,
// domains and keys as the snapshot (masking_plan.h), so a value masks to the
// same text in the copy and in the stream and the old key of an UPDATE or
// DELETE finds the row the copy wrote.
//
// PlanStreamRelation is the gate of the stream: a relation or column that
// has no rule in the policy is GateFailed in strict mode, naming
// schema.table.column, the category its name and type suggest and the rule
// to add; in relaxed mode it is kept unless its name and type look like
// personal data. Nothing of such a relation is ever written.
//
// Thread-safety: a StreamRelation owns transformers and is used by one
// thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "masking/key_ring.h"
#include "masking/transformer.h"
#include "policy/policy.h"
#include "replicator/pgoutput.h"

namespace pgveil::replicator {

struct StreamColumn {
  std::string name;
  std::string type;  // format_type() on the source
  uint32_t type_oid = 0;
  bool key = false;                                   // part of the replica identity
  std::string rule;                                   // "keep" or the transformer's name
  std::unique_ptr<masking::Transformer> transformer;  // null for keep
};

struct StreamRelation {
  uint32_t oid = 0;
  std::string schema;
  std::string name;
  char replica_identity = 'd';
  bool skipped = false;  // a `skip` table: its changes are dropped
  std::vector<StreamColumn> columns;

  std::string QualifiedName() const { return schema + "." + name; }
};

// What a column's name and type suggest, as `pgveil check` judges an empty
// column.
struct ColumnJudgement {
  std::optional<std::string> category;  // "email"; nullopt when they suggest none
  std::string rule = "keep";            // what a drafted policy would say: "{transform: email}"
};
using NewColumnJudge =
    std::function<ColumnJudgement(const ColumnRef& column, const std::string& type)>;

struct StreamPlanInput {
  const policy::Policy& policy;
  const masking::KeyRing& keys;
  const NewColumnJudge& judge;
};

// Plans `relation`, whose column types (format_type, in column order) are
// `types`. Errors: GateFailed as above; InvalidArgument for a transformer
// that cannot be built; InvalidArgument for a replica-identity column whose
// transformer is not deterministic (its old key could not be found again).
Result<StreamRelation> PlanStreamRelation(const pgoutput::Relation& relation,
                                          const std::vector<std::string>& types,
                                          const StreamPlanInput& input);

// `row` of `relation` with every text value through its column's
// transformer (a NULL the transformer makes becomes a NULL); NULLs and
// unchanged TOASTed values stay as they are. `scratch` is reused between
// calls. Errors name the column and the transformer, never the value.
Status MaskTuple(StreamRelation& relation, const pgoutput::Tuple& row, pgoutput::Tuple* masked,
                 masking::MaskedValue& scratch);

// The message of a column that reached the stream without a rule: the
// column, what its name and type suggest, and the policy line to add.
std::string MissingRuleMessage(const ColumnRef& column, const std::string& type,
                               const ColumnJudgement& judgement);

}  // namespace pgveil::replicator
