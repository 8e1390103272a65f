#include "replicator/change_batch.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "masking/key_ring.h"
#include "policy/policy_loader.h"
#include "replicator/masking_plan.h"
#include "replicator/stream_relation.h"

namespace pgveil::replicator {
namespace {

constexpr const char* kPolicy = R"(version: 1
mode: strict
key: {env: PGVEIL_KEY}
tables:
  public.customers:
    id: {transform: fpe_int, domain: customer_id}
    email: {transform: email}
    status: keep
    profile: {transform: hash}
  public.audit: skip
)";

const masking::KeyRing& Keys() {
  static const masking::KeyRing keys =
      masking::KeyRing::FromSecret("change batch test key").value();
  return keys;
}

const policy::Policy& Policy() {
  static const policy::Policy policy = policy::LoadPolicy(kPolicy, "pgveil.yaml").value();
  return policy;
}

const NewColumnJudge kNoJudge = [](const ColumnRef&, const std::string&) {
  return ColumnJudgement{};
};

pgoutput::Relation Customers() {
  pgoutput::Relation relation;
  relation.oid = 16400;
  relation.schema = "public";
  relation.name = "customers";
  relation.columns = {{true, "id", 20, -1},
                      {false, "email", 25, -1},
                      {false, "status", 25, -1},
                      {false, "profile", 25, -1}};
  return relation;
}

StreamRelation Plan(const pgoutput::Relation& relation) {
  StreamPlanInput input{Policy(), Keys(), kNoJudge};
  Result<StreamRelation> plan =
      PlanStreamRelation(relation, {"bigint", "text", "text", "text"}, input);
  REQUIRE(plan.ok());
  return std::move(plan).value();
}

pgoutput::TupleValue Text(std::string text) {
  return {pgoutput::TupleValue::Kind::kText, std::move(text)};
}
pgoutput::TupleValue Unchanged() { return {pgoutput::TupleValue::Kind::kUnchanged, ""}; }

// What the snapshot writes for `value` in column `column` of customers.
std::string SnapshotMasked(const std::string& column, const std::string& value) {
  const policy::TableRule* rules = Policy().FindTable("public", "customers");
  auto transformer =
      BuildColumnTransformer({"public", "customers", column}, rules->columns.at(column), Keys())
          .value();
  masking::MaskedValue out;
  REQUIRE(transformer->Apply(value, &out).ok());
  return out.text;
}

// How many times `what` occurs in `sql`.
size_t Occurrences(const std::string& sql, const std::string& what) {
  size_t n = 0;
  for (size_t at = sql.find(what); at != std::string::npos; at = sql.find(what, at + 1)) ++n;
  return n;
}

TEST_CASE("runs of inserts become one prepared INSERT over arrays, prepared once", "[replicator]") {
  StreamRelation customers = Plan(Customers());
  ChangeBatch batch;
  auto insert = [&](int i, const std::string& status) {
    pgoutput::Tuple row = {Text(std::to_string(i)),
                           Text("ann" + std::to_string(i) + "@example.org"),
                           Text(status),
                           {pgoutput::TupleValue::Kind::kNull, ""}};
    REQUIRE(batch.Insert(customers, row).ok());
  };
  insert(1, "active");
  insert(2, "say \"hi\" \\ it's");
  insert(3, "active");
  CHECK(batch.changes() == 3);
  std::string sql = batch.Take();
  INFO(sql);
  CHECK(sql.starts_with(
      "PREPARE pgveil_apply_1 AS INSERT INTO \"public\".\"customers\" (\"id\", \"email\", "
      "\"status\", \"profile\") SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], "
      "$4::text[]) AS v(c0, c1, c2, c3);\nEXECUTE pgveil_apply_1('{\""));
  CHECK(Occurrences(sql, "EXECUTE") == 1);
  // keep passes through, escaped for the array and the literal
  CHECK(sql.find("'{\"active\",\"say \\\"hi\\\" \\\\ it''s\",\"active\"}'") != std::string::npos);
  CHECK(sql.find("\"" + SnapshotMasked("id", "2") + "\"") != std::string::npos);
  CHECK(sql.find("example.org") == std::string::npos);  // emails are masked
  CHECK(sql.find(",NULL}'") != std::string::npos);
  CHECK(batch.empty());

  // The same statement later in the session is executed, not prepared again.
  insert(4, "active");
  pgoutput::Delete change;
  change.old_row = {Text("4"), {}, {}, {}};
  REQUIRE(batch.Delete(customers, change).ok());
  insert(5, "active");
  sql = batch.Take();
  CHECK(Occurrences(sql, "PREPARE") == 1);  // the DELETE's
  CHECK(Occurrences(sql, "EXECUTE pgveil_apply_1(") == 2);
}

TEST_CASE("an update leaves unchanged TOASTed values out and finds the row by its masked old key",
          "[replicator]") {
  StreamRelation customers = Plan(Customers());
  ChangeBatch batch;
  pgoutput::Update update;
  update.old_kind = 'K';
  update.old_row = {Text("41"), {}, {}, {}};
  update.row = {Text("42"), Text("new@example.org"), Text("closed"), Unchanged()};
  REQUIRE(batch.Update(customers, update).ok());
  std::string sql = batch.Take();
  INFO(sql);
  CHECK(sql.find("\"profile\"") == std::string::npos);  // not nulled, not overwritten
  CHECK(sql.find("WHERE \"id\" = '" + SnapshotMasked("id", "41") + "'") != std::string::npos);
  CHECK(sql.find("\"id\" = '" + SnapshotMasked("id", "42") + "'") != std::string::npos);
  CHECK(sql.find("'41'") == std::string::npos);
  CHECK(sql.find("new@example.org") == std::string::npos);
}

TEST_CASE("updates that keep their key become one prepared UPDATE joined on the masked key",
          "[replicator]") {
  StreamRelation customers = Plan(Customers());
  ChangeBatch batch;
  for (int id : {7, 8, 9}) {
    pgoutput::Update update;
    update.row = {Text(std::to_string(id)), Text("x@example.org"), Text("active"), Text("{}")};
    REQUIRE(batch.Update(customers, update).ok());
  }
  REQUIRE(batch.has_batched_updates());
  std::string sql = batch.Take();
  INFO(sql);
  CHECK(sql.starts_with(
      "PREPARE pgveil_apply_1 AS UPDATE \"public\".\"customers\" AS t SET \"id\" = v.c0, "
      "\"email\" = v.c1, \"status\" = v.c2, \"profile\" = v.c3 FROM unnest($1::bigint[], "
      "$2::bigint[], $3::text[], $4::text[], $5::text[]) AS v(k0, c0, c1, c2, c3) WHERE t.\"id\" "
      "= v.k0;\nEXECUTE pgveil_apply_1('{\""));
  CHECK(Occurrences(sql, "EXECUTE") == 1);
  CHECK(sql.find("\"" + SnapshotMasked("id", "8") + "\"") != std::string::npos);
  CHECK(sql.find("x@example.org") == std::string::npos);
  CHECK_FALSE(batch.has_batched_updates());
}

TEST_CASE("a key met twice, a different column list or one-row mode start a new UPDATE",
          "[replicator]") {
  StreamRelation customers = Plan(Customers());
  auto update_of = [](int id, bool toasted) {
    pgoutput::Update update;
    update.row = {Text(std::to_string(id)), Text("x@example.org"), Text("active"),
                  toasted ? Unchanged() : Text("{}")};
    return update;
  };
  ChangeBatch batch;
  REQUIRE(batch.Update(customers, update_of(1, false)).ok());
  REQUIRE(batch.Update(customers, update_of(2, false)).ok());
  REQUIRE(batch.Update(customers, update_of(1, false)).ok());  // the same row again
  REQUIRE(batch.Update(customers, update_of(3, true)).ok());   // profile left out
  std::string sql = batch.Take();
  CHECK(Occurrences(sql, "EXECUTE") == 3);
  CHECK(Occurrences(sql, "PREPARE") == 2);

  ChangeBatch one_row(/*batch_updates=*/false);
  REQUIRE(one_row.Update(customers, update_of(1, false)).ok());
  REQUIRE(one_row.Update(customers, update_of(2, false)).ok());
  CHECK_FALSE(one_row.has_batched_updates());
  sql = one_row.Take();
  CHECK(Occurrences(sql, "UPDATE") == 2);
  CHECK(sql.find("WHERE \"id\" = '" + SnapshotMasked("id", "2") + "'") != std::string::npos);
}

TEST_CASE(
    "deletes become one prepared DELETE on the masked old keys; a truncate keeps its "
    "options",
    "[replicator]") {
  StreamRelation customers = Plan(Customers());
  ChangeBatch batch;
  for (int id : {9, 10}) {
    pgoutput::Delete change;
    change.old_row = {Text(std::to_string(id)), {}, {}, {}};
    REQUIRE(batch.Delete(customers, change).ok());
  }
  batch.Truncate({&customers}, pgoutput::Truncate::kCascade | pgoutput::Truncate::kRestartIdentity);
  std::string sql = batch.Take();
  INFO(sql);
  CHECK(sql ==
        "PREPARE pgveil_apply_1 AS DELETE FROM \"public\".\"customers\" AS t USING "
        "unnest($1::bigint[]) AS v(k0) WHERE t.\"id\" = v.k0;\nEXECUTE pgveil_apply_1('{\"" +
            SnapshotMasked("id", "9") + "\",\"" + SnapshotMasked("id", "10") +
            "\"}');\nTRUNCATE \"public\".\"customers\" RESTART IDENTITY CASCADE;\n");
}

TEST_CASE("with REPLICA IDENTITY FULL a change touches one row of those alike", "[replicator]") {
  pgoutput::Relation relation = Customers();
  relation.replica_identity = 'f';
  for (auto& column : relation.columns) column.key = true;
  StreamRelation customers = Plan(relation);
  ChangeBatch batch;
  pgoutput::Delete change;
  change.old_kind = 'O';
  change.old_row = {Text("9"), Text("a@example.org"), Text("x"), {}};
  REQUIRE(batch.Delete(customers, change).ok());
  std::string sql = batch.Take();
  INFO(sql);
  CHECK(
      sql.starts_with("DELETE FROM \"public\".\"customers\" WHERE ctid = (SELECT ctid FROM "
                      "\"public\".\"customers\" WHERE \"id\" = '"));
  CHECK(sql.find("\"profile\" IS NULL LIMIT 1);") != std::string::npos);
  CHECK(sql.find("a@example.org") == std::string::npos);
}

TEST_CASE("a relation without a replica identity cannot take an UPDATE or DELETE", "[replicator]") {
  pgoutput::Relation relation = Customers();
  for (auto& column : relation.columns) column.key = false;
  StreamRelation customers = Plan(relation);
  ChangeBatch batch;
  pgoutput::Delete change;
  change.old_row = {Text("9"), Text("a@example.org"), Text("x"), Text("{}")};
  Status status = batch.Delete(customers, change);
  CHECK(status.code() == StatusCode::kInvalidArgument);
  CHECK(status.message().find("public.customers has no replica identity") != std::string::npos);
}

TEST_CASE("a value the transformer rejects stops the batch, naming the column but not the value",
          "[replicator]") {
  StreamRelation customers = Plan(Customers());
  ChangeBatch batch;
  pgoutput::Tuple row = {Text("not-a-number-9911"), Text("a@example.org"), Text("x"), Text("{}")};
  Status status = batch.Insert(customers, row);
  REQUIRE_FALSE(status.ok());
  CHECK(status.message().find("public.customers.id") != std::string::npos);
  CHECK(status.message().find("not-a-number-9911") == std::string::npos);
}

TEST_CASE("a change whose width is not its relation's is an error, not a misaligned row",
          "[replicator]") {
  StreamRelation customers = Plan(Customers());
  ChangeBatch batch;
  CHECK(batch.Insert(customers, {Text("1")}).code() == StatusCode::kInternal);
}

}  // namespace
}  // namespace pgveil::replicator
