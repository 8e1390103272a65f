#include "replicator/stream_relation.h"

#include <fmt/format.h>

#include "masking/registry.h"
#include "replicator/masking_plan.h"

namespace pgveil::replicator {
namespace {

// A column without a rule: a stop in strict mode; in relaxed mode a stop
// only when its name and type look like personal data, otherwise kept.
Result<StreamColumn> Unruled(const ColumnRef& ref, StreamColumn column,
                             const StreamPlanInput& input) {
  ColumnJudgement judgement = input.judge(ref, column.type);
  if (input.policy.mode == policy::Mode::kStrict || judgement.category) {
    return Status::GateFailed(MissingRuleMessage(ref, column.type, judgement));
  }
  column.rule = "keep";
  return column;
}

}  // namespace

std::string MissingRuleMessage(const ColumnRef& column, const std::string& type,
                               const ColumnJudgement& judgement) {
  return fmt::format(
      "{} ({}) appeared in the stream without a rule in the policy; its name and type suggest "
      "{}. Add it to the policy under {}.{}, for example \"{}: {}\", then run the same command "
      "again to resume",
      column.ToString(), type, judgement.category.value_or("no personal data"), column.schema,
      column.table, column.column, judgement.rule);
}

Status MaskTuple(StreamRelation& relation, const pgoutput::Tuple& row, pgoutput::Tuple* masked,
                 masking::MaskedValue& scratch) {
  using Kind = pgoutput::TupleValue::Kind;
  if (row.size() != relation.columns.size()) {
    return Status::Internal(fmt::format("a row of {} with {} values for {} columns",
                                        relation.QualifiedName(), row.size(),
                                        relation.columns.size()));
  }
  masked->resize(row.size());
  for (size_t i = 0; i < row.size(); ++i) {
    StreamColumn& column = relation.columns[i];
    pgoutput::TupleValue& out = (*masked)[i];
    out.kind = row[i].kind;
    out.data.clear();
    if (row[i].kind == Kind::kBinary) {
      return Status::Internal("a binary value in the stream for " + relation.QualifiedName() +
                              "." + column.name);
    }
    if (row[i].kind != Kind::kText) continue;
    if (column.transformer == nullptr) {
      out.data = row[i].data;
      continue;
    }
    Status status = column.transformer->Apply(row[i].data, &scratch);
    if (!status.ok()) {
      return status.WithContext(
          fmt::format("masking {}.{} with {}", relation.QualifiedName(), column.name, column.rule));
    }
    if (scratch.is_null) {
      out.kind = Kind::kNull;
    } else {
      out.data = scratch.text;
    }
  }
  return Status::Ok();
}

Result<StreamRelation> PlanStreamRelation(const pgoutput::Relation& relation,
                                          const std::vector<std::string>& types,
                                          const StreamPlanInput& input) {
  StreamRelation plan;
  plan.oid = relation.oid;
  plan.schema = relation.schema.empty() ? "pg_catalog" : relation.schema;
  plan.name = relation.name;
  plan.replica_identity = relation.replica_identity;
  const policy::TableRule* rules = input.policy.FindTable(plan.schema, plan.name);
  if (rules != nullptr && rules->skip) {
    plan.skipped = true;
    return plan;
  }
  for (size_t i = 0; i < relation.columns.size(); ++i) {
    const pgoutput::RelationColumn& source = relation.columns[i];
    StreamColumn column;
    column.name = source.name;
    column.type = i < types.size() ? types[i] : "";
    column.type_oid = source.type_oid;
    column.key = source.key;
    ColumnRef ref{plan.schema, plan.name, source.name};
    const policy::ColumnRule* rule = nullptr;
    if (rules != nullptr) {
      auto found = rules->columns.find(source.name);
      if (found != rules->columns.end()) rule = &found->second;
    }
    if (rule == nullptr) {
      PGVEIL_ASSIGN_OR_RETURN(column, Unruled(ref, std::move(column), input));
      plan.columns.push_back(std::move(column));
      continue;
    }
    column.rule = RuleName(*rule);
    PGVEIL_ASSIGN_OR_RETURN(column.transformer, BuildColumnTransformer(ref, *rule, input.keys));
    if (column.key && column.transformer != nullptr) {
      const masking::TransformerSpec* spec = masking::FindTransformerSpec(column.rule);
      if (spec != nullptr && !spec->deterministic) {
        return Status::InvalidArgument(
            fmt::format("{} is part of the replica identity of {}, but its transformer {} is not "
                        "deterministic: the stream could not find the rows its UPDATE and DELETE "
                        "name; choose a deterministic transformer for it",
                        ref.ToString(), plan.QualifiedName(), column.rule));
      }
    }
    plan.columns.push_back(std::move(column));
  }
  return plan;
}

}  // namespace pgveil::replicator
