#include "replicator/masking_plan.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "policy/policy_loader.h"
#include "replicator/copy_row_codec.h"
#include "replicator/table_masker.h"

namespace pgveil::replicator {
namespace {

constexpr const char* kPolicy = R"(version: 1
mode: strict
key: {env: PGVEIL_KEY}
tables:
  public.customers:
    id: keep
    email: {transform: email, keep_domain: true}
    name: {transform: fake_name}
    email_lower: keep
    profile:
      transform: json
      paths:
        "$.phone": {transform: phone}
  public.events:
    id: keep
    email: {transform: email}
  public.audit: skip
  public.customer_emails:
    email: keep
)";

ColumnInfo Column(std::string name, std::string type = "text") {
  ColumnInfo column;
  column.name = std::move(name);
  column.type_name = type;
  column.data_type = type;
  return column;
}

TableInfo Table(std::string name, RelationKind kind, std::vector<ColumnInfo> columns,
                uint32_t oid) {
  TableInfo table;
  table.schema = "public";
  table.name = std::move(name);
  table.kind = kind;
  table.oid = oid;
  table.columns = std::move(columns);
  return table;
}

Catalog ShopCatalog() {
  Catalog catalog;
  ColumnInfo generated = Column("email_lower");
  generated.generated = true;
  catalog.tables.push_back(Table("audit", RelationKind::kPartitionedTable, {Column("id")}, 10));
  TableInfo audit_2024 = Table("audit_2024", RelationKind::kPartition, {Column("id")}, 11);
  audit_2024.parent = "public.audit";
  catalog.tables.push_back(audit_2024);
  catalog.tables.push_back(
      Table("customer_emails", RelationKind::kMaterializedView, {Column("email")}, 20));
  catalog.tables.push_back(Table("customer_view", RelationKind::kView, {Column("email")}, 21));
  catalog.tables.push_back(Table("customers", RelationKind::kTable,
                                 {Column("id", "int8"), Column("email"), Column("name"), generated,
                                  Column("profile", "jsonb")},
                                 30));
  catalog.tables.push_back(
      Table("events", RelationKind::kPartitionedTable, {Column("id"), Column("email")}, 40));
  for (std::string month : {"events_2024_01", "events_2024_02"}) {
    TableInfo part = Table(month, RelationKind::kPartition, {Column("id"), Column("email")}, 41);
    part.parent = "public.events";
    catalog.tables.push_back(part);
  }
  return catalog;
}

policy::Policy LoadTestPolicy(const std::string& text = kPolicy) {
  Result<policy::Policy> policy = policy::LoadPolicy(text, "pgveil.yaml");
  INFO((policy.ok() ? "" : policy.status().message()));
  REQUIRE(policy.ok());
  return std::move(policy).value();
}

masking::KeyRing TestKeys() {
  Result<masking::KeyRing> keys = masking::KeyRing::FromSecret("a fixed test key, 32 bytes long");
  REQUIRE(keys.ok());
  return *keys;
}

MaskingPlan BuildPlan() {
  Result<MaskingPlan> plan = BuildMaskingPlan(LoadTestPolicy(), ShopCatalog(), TestKeys());
  INFO((plan.ok() ? "" : plan.status().message()));
  REQUIRE(plan.ok());
  return std::move(plan).value();
}

const TablePlan& Find(const MaskingPlan& plan, const std::string& name) {
  for (const TablePlan& table : plan.tables) {
    if (table.name == name) return table;
  }
  FAIL("no plan for " << name);
  std::abort();
}

std::string Mask(TableMasker& masker, const std::string& row) {
  std::string out;
  Status status = masker.MaskRow(row, &out);
  INFO(status.message());
  REQUIRE(status.ok());
  return out;
}

}  // namespace

TEST_CASE("the plan copies tables and partitions, skips, refreshes and leaves views alone",
          "[replicator]") {
  MaskingPlan plan = BuildPlan();
  std::vector<std::string> copied;
  for (const TablePlan& table : plan.tables) copied.push_back(table.name);
  CHECK(copied == std::vector<std::string>{"customers", "events_2024_01", "events_2024_02"});
  std::vector<std::string> skipped;
  for (const RelationRef& table : plan.skipped) skipped.push_back(table.name);
  CHECK(skipped == std::vector<std::string>{"audit", "audit_2024"});
  REQUIRE(plan.matviews.size() == 1);
  CHECK(plan.matviews[0].name == "customer_emails");
}

TEST_CASE("generated columns are not copied and keep columns get no transformer", "[replicator]") {
  MaskingPlan plan = BuildPlan();
  const TablePlan& customers = Find(plan, "customers");
  std::vector<std::string> names;
  for (const ColumnPlan& column : customers.columns) names.push_back(column.name);
  CHECK(names == std::vector<std::string>{"id", "email", "name", "profile"});
  CHECK(customers.columns[0].prototype == nullptr);
  CHECK(customers.columns[1].rule == "email");
  CHECK(customers.columns[3].rule == "json");
  CHECK(customers.MaskedColumns() == 3);
}

TEST_CASE("partitions follow their parent's rules and mask alike", "[replicator]") {
  MaskingPlan plan = BuildPlan();
  const TablePlan& january = Find(plan, "events_2024_01");
  const TablePlan& february = Find(plan, "events_2024_02");
  CHECK(january.RulesFrom() == "public.events");
  TableMasker a(january);
  TableMasker b(february);
  std::string row = "7\tjane.doe@example.com\n";
  std::string masked = Mask(a, row);
  CHECK(masked == Mask(b, row));  // same domain: same output in every partition
  CHECK(masked != row);
  CHECK(masked.starts_with("7\t"));
}

TEST_CASE("a masker keeps raw bytes of kept columns, NULLs and escapes", "[replicator]") {
  MaskingPlan plan = BuildPlan();
  TableMasker masker(Find(plan, "customers"));
  REQUIRE(masker.masks_anything());
  std::string row =
      "42\tjane.doe@example.com\tJane Doe\t{\"phone\": \"+1 415 555 0101\", \"x\": 1}\n";
  std::string masked = Mask(masker, row);
  std::vector<std::string_view> fields;
  SplitCopyRow(masked, &fields);
  REQUIRE(fields.size() == 4);
  CHECK(fields[0] == "42");
  CHECK(fields[1] != "jane.doe@example.com");
  CHECK(std::string(fields[1]).ends_with("@example.com"));  // keep_domain
  CHECK(fields[2] != "Jane Doe");
  CHECK(fields[3].find("+1 415 555 0101") == std::string_view::npos);
  CHECK(fields[3].find("\"x\":1") != std::string_view::npos);

  CHECK(Mask(masker, "1\\t2\t\\N\t\\N\t\\N\n") == "1\\t2\t\\N\t\\N\t\\N\n");
  // The same input masks the same way every time (deterministic, keyed).
  CHECK(Mask(masker, row) == masked);
}

TEST_CASE("a row of the wrong shape or a value a transformer rejects stops the copy",
          "[replicator]") {
  MaskingPlan plan = BuildPlan();
  TableMasker masker(Find(plan, "customers"));
  std::string out;
  Status short_row = masker.MaskRow("1\tx@example.com\n", &out);
  CHECK(short_row.code() == StatusCode::kInternal);
  Status bad = masker.MaskRow("1\tnot-an-email\tJane\t\\N\n", &out);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.message().find("public.customers.email") != std::string::npos);
  CHECK(bad.message().find("not-an-email") == std::string::npos);  // never the value
}

TEST_CASE("a column or table without a rule stops the plan, naming it", "[replicator]") {
  Catalog catalog = ShopCatalog();
  catalog.tables[4].columns.push_back(Column("backup_email"));
  Result<MaskingPlan> plan = BuildMaskingPlan(LoadTestPolicy(), catalog, TestKeys());
  REQUIRE_FALSE(plan.ok());
  CHECK(plan.status().code() == StatusCode::kInvalidArgument);
  CHECK(plan.status().message().find("public.customers.backup_email") != std::string::npos);

  Catalog more = ShopCatalog();
  more.tables.push_back(Table("zz_new", RelationKind::kTable, {Column("id")}, 99));
  Result<MaskingPlan> unplanned = BuildMaskingPlan(LoadTestPolicy(), more, TestKeys());
  REQUIRE_FALSE(unplanned.ok());
  CHECK(unplanned.status().message().find("public.zz_new") != std::string::npos);
}

}  // namespace pgveil::replicator
