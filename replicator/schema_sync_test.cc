#include "replicator/schema_sync.h"

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "masking/key_ring.h"
#include "policy/policy_loader.h"

namespace pgveil::replicator {
namespace {

std::string PolicyText(const std::string& mode) {
  return "version: 1\nmode: " + mode +
         "\nkey: {env: PGVEIL_KEY}\ntables:\n"
         "  public.customers:\n    id: keep\n    email: {transform: email}\n"
         "  public.audit: skip\n";
}

const masking::KeyRing& Keys() {
  static const masking::KeyRing keys = masking::KeyRing::FromSecret("schema sync test key").value();
  return keys;
}

// Names that say "personal data" the way a migration gate would read them.
const NewColumnJudge kJudge = [](const ColumnRef& column, const std::string&) {
  if (column.column.find("email") != std::string::npos) {
    return ColumnJudgement{"email", "{transform: email}"};
  }
  if (column.column.find("notes") != std::string::npos) {
    return ColumnJudgement{"health", "{transform: hash}"};
  }
  return ColumnJudgement{};
};

SourceTable Customers() {
  SourceTable table;
  table.oid = 16400;
  table.schema = "public";
  table.name = "customers";
  table.columns = {{1, "id", "bigint", true, false}, {2, "email", "text", false, false}};
  table.primary_key = {"id"};
  return table;
}

Status Gate(const std::string& mode, const SourceTable* before, const SourceTable& after) {
  policy::Policy policy = policy::LoadPolicy(PolicyText(mode), "pgveil.yaml").value();
  StreamPlanInput input{policy, Keys(), kJudge};
  return GateSchemaChange(before, after, input);
}

TEST_CASE("strict: a new column without a rule stops the stream, naming it and its rule",
          "[replicator]") {
  SourceTable before = Customers();
  SourceTable after = Customers();
  after.columns.push_back({3, "notes_private", "text", false, false});
  Status gate = Gate("strict", &before, after);
  REQUIRE(gate.code() == StatusCode::kGateFailed);
  CHECK(gate.message().starts_with("a new column: public.customers.notes_private (text)"));
  CHECK(gate.message().find("suggest health") != std::string::npos);
  CHECK(gate.message().find("under public.customers, for example \"notes_private: {transform: "
                            "hash}\"") != std::string::npos);
}

TEST_CASE("relaxed: a new column stops the stream only when its name looks personal",
          "[replicator]") {
  SourceTable before = Customers();
  SourceTable after = Customers();
  after.columns.push_back({3, "loyalty_tier", "text", false, false});
  CHECK(Gate("relaxed", &before, after).ok());
  after.columns.push_back({4, "backup_email", "text", false, false});
  CHECK(Gate("relaxed", &before, after).code() == StatusCode::kGateFailed);
}

TEST_CASE("a renamed column and a new table are gated like new columns", "[replicator]") {
  SourceTable before = Customers();
  SourceTable renamed = Customers();
  renamed.columns[1].name = "contact";
  Status gate = Gate("strict", &before, renamed);
  REQUIRE(gate.code() == StatusCode::kGateFailed);
  CHECK(gate.message().starts_with("a renamed column: public.customers.contact"));

  SourceTable created;
  created.oid = 16500;
  created.schema = "public";
  created.name = "leads";
  created.columns = {{1, "id", "bigint", true, false}};
  gate = Gate("strict", nullptr, created);
  REQUIRE(gate.code() == StatusCode::kGateFailed);
  CHECK(gate.message().starts_with("a new table: public.leads.id"));
}

TEST_CASE("a skipped table and a covered change pass the gate", "[replicator]") {
  SourceTable audit;
  audit.oid = 16600;
  audit.schema = "public";
  audit.name = "audit";
  audit.columns = {{1, "payload", "text", false, false}};
  CHECK(Gate("strict", nullptr, audit).ok());
  SourceTable before = Customers();
  SourceTable after = Customers();
  after.columns[1].type = "character varying(200)";
  CHECK(Gate("strict", &before, after).ok());
}

TEST_CASE("schema statements are built from names and types, schema-qualified", "[replicator]") {
  SourceTable before = Customers();
  before.columns.push_back({3, "old name", "text", false, false});
  before.columns.push_back({4, "gone", "integer", false, false});
  SourceTable after = Customers();
  after.columns[1].type = "character varying(200)";
  after.columns.push_back({3, "new name", "text", false, false});
  after.columns.push_back({5, "added", "date", true, false});
  after.indexes = {"CREATE INDEX customers_added ON public.customers USING btree (added)"};
  before.constraints = {{"customers_gone_check", "CHECK ((gone > 0))", ""}};
  after.constraints = {{"customers_email_key", "UNIQUE (email)", ""}};
  std::vector<std::string> sql = SchemaStatements(&before, after);
  const std::string table = "ALTER TABLE \"public\".\"customers\" ";
  CHECK(sql == std::vector<std::string>{
                   table + "DROP CONSTRAINT IF EXISTS \"customers_gone_check\"",
                   table + "DROP COLUMN IF EXISTS \"gone\"",
                   table + "ALTER COLUMN \"email\" TYPE character varying(200) USING "
                           "\"email\"::character varying(200)",
                   table + "RENAME COLUMN \"old name\" TO \"new name\"",
                   table + "ADD COLUMN IF NOT EXISTS \"added\" date",
                   table + "ALTER COLUMN \"added\" SET NOT NULL",
                   "CREATE INDEX customers_added ON public.customers USING btree (added)",
                   table + "ADD CONSTRAINT \"customers_email_key\" UNIQUE (email)",
               });
}

TEST_CASE("a new table is created with its primary key; a dropped one cascades", "[replicator]") {
  std::vector<std::string> sql = SchemaStatements(nullptr, Customers());
  REQUIRE(sql.size() == 1);
  CHECK(sql[0] ==
        "CREATE TABLE \"public\".\"customers\" (\"id\" bigint NOT NULL, \"email\" text, PRIMARY "
        "KEY (\"id\"))");
  CHECK(DropTableStatement(Customers()) == "DROP TABLE IF EXISTS \"public\".\"customers\" CASCADE");
}

TEST_CASE("a malformed schema change message is an error that quotes none of it", "[replicator]") {
  for (const std::string content :
       {"", "[]", "{\"tables\": 3}", "{\"tables\": [{\"oid\": 1}]}",
        "{\"tables\": [{\"oid\": 1, \"schema\": \"s\", \"name\": \"secret-name\", \"columns\": "
        "[{\"attnum\": \"x\"}]}]}"}) {
    Result<SchemaChange> parsed = ParseSchemaChange(content);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().message().find("secret-name") == std::string::npos);
  }
  Result<SchemaChange> dropped =
      ParseSchemaChange("{\"dropped\": [{\"oid\": 7, \"schema\": \"public\", \"name\": \"t\"}]}");
  REQUIRE(dropped.ok());
  CHECK(dropped->dropped.size() == 1);
  CHECK(dropped->dropped[0].QualifiedName() == "public.t");
}

TEST_CASE("a table description survives its JSON round trip", "[replicator]") {
  SourceTable table = Customers();
  table.indexes = {"CREATE INDEX i ON public.customers USING btree (email)"};
  table.constraints = {{"fk", "FOREIGN KEY (id) REFERENCES public.people(id)", "public.people"}};
  Result<SchemaChange> parsed = ParseSchemaChange("{\"tables\": " + TablesToJson({table}) + "}");
  REQUIRE(parsed.ok());
  REQUIRE(parsed->tables.size() == 1);
  const SourceTable& back = parsed->tables[0];
  CHECK(back.QualifiedName() == "public.customers");
  CHECK(back.columns.size() == 2);
  CHECK(back.columns[0].not_null);
  CHECK(back.primary_key == std::vector<std::string>{"id"});
  CHECK(back.indexes == table.indexes);
  CHECK(back.constraints == table.constraints);
}

}  // namespace
}  // namespace pgveil::replicator
