#include "policy/drift.h"

#include <catch2/catch.hpp>

namespace pgveil::policy {
namespace {

ColumnInfo Column(std::string name, int attnum, std::string type, bool not_null = false) {
  ColumnInfo column;
  column.name = std::move(name);
  column.attnum = attnum;
  column.data_type = type;
  column.type_name = type;
  column.not_null = not_null;
  return column;
}

TableInfo Table(std::string name, std::vector<ColumnInfo> columns,
                RelationKind kind = RelationKind::kTable) {
  TableInfo table;
  table.schema = "public";
  table.name = std::move(name);
  table.kind = kind;
  table.columns = std::move(columns);
  return table;
}

Catalog Before() {
  Catalog catalog;
  catalog.database = "shop";
  catalog.tables = {
      Table("customers",
            {Column("id", 1, "integer", true), Column("mail", 2, "text"),
             Column("zip", 3, "integer"), Column("fax", 4, "text"), Column("profile", 5, "jsonb")}),
      Table("clients", {Column("id", 1, "integer"), Column("name", 2, "text")}),
      Table("legacy", {Column("x", 1, "text")}),
      Table("orders_2026", {Column("id", 1, "integer")}, RelationKind::kPartition),
  };
  catalog.tables[0].columns[2].default_expr = "0";
  catalog.tables[1].columns[0].references = ColumnRef{"public", "customers", "id"};
  catalog.tables[0].oid = 1234;
  catalog.tables[0].reltuples = 42;
  return catalog;
}

Catalog After() {
  Catalog catalog = Before();
  catalog.database = "scratch";
  catalog.tables[0].oid = 999;  // oids and statistics differ between databases
  catalog.tables[0].reltuples = 7;
  std::vector<ColumnInfo>& c = catalog.tables[0].columns;
  c[1].name = "email";      // renamed: same attnum
  c[2].data_type = "text";  // retyped, default dropped
  c[2].default_expr.reset();
  c[0].not_null = false;   // nullability
  c.erase(c.begin() + 3);  // fax dropped
  c.push_back(Column("backup_email", 6, "text"));
  catalog.tables[1].name = "accounts";  // same shape: a rename
  catalog.tables.erase(catalog.tables.begin() + 2);
  catalog.tables.push_back(Table("invoices", {Column("id", 1, "integer")}));
  return catalog;
}

Finding Pii(std::string column, Category category, std::optional<std::string> path) {
  Finding finding;
  finding.column = {"public", "customers", std::move(column)};
  finding.category = category;
  finding.path = std::move(path);
  finding.confidence = 0.9;
  finding.evidence = {"j***@e***.com"};
  return finding;
}

}  // namespace

TEST_CASE("a snapshot is deterministic, value-free and reads back", "[policy]") {
  SchemaSnapshot snapshot =
      MakeSnapshot(Before(), {Pii("profile", Category::kPhone, "$.contact.phone"),
                              Pii("mail", Category::kEmail, std::nullopt)});
  std::string json = SnapshotToJson(snapshot);
  CHECK(json.find("orders_2026") == std::string::npos);  // partitions left out
  CHECK(json.find("***") == std::string::npos);          // no evidence
  CHECK(json.find("1234") == std::string::npos);         // no oids
  CHECK(json.find("\"format\": \"pgveil-schema-snapshot\"") != std::string::npos);
  Result<SchemaSnapshot> read = SnapshotFromJson(json);
  REQUIRE(read.ok());
  CHECK(SnapshotToJson(*read) == json);
  CHECK(read->pii.size() == 2);
  CHECK(read->catalog.tables.size() == 3);
  CHECK(read->catalog.tables[1].columns[2].default_expr == "0");
  CHECK(read->catalog.tables[0].columns[0].references == ColumnRef{"public", "customers", "id"});
}

TEST_CASE("bad snapshot files are refused with a reason", "[policy]") {
  CHECK(SnapshotFromJson("{").status().message() == "not a JSON document");
  CHECK(SnapshotFromJson("{\"tables\": []}").status().message() ==
        "not a pgveil schema snapshot (write one with pgveil snapshot)");
  CHECK(SnapshotFromJson(R"({"format": "pgveil-schema-snapshot", "version": 1, "tables": [
          {"schema": "public", "name": "t", "columns": [{"name": "a", "data_type": "text"}]}]})")
            .status()
            .message() == "snapshot: tables[0]: missing \"attnum\"");
}

TEST_CASE("diff finds added, removed, renamed, retyped and changed columns", "[policy]") {
  SchemaSnapshot before =
      MakeSnapshot(Before(), {Pii("profile", Category::kPhone, "$.contact.phone")});
  SchemaSnapshot after =
      MakeSnapshot(After(), {Pii("profile", Category::kPhone, "$.contact.phone"),
                             Pii("profile", Category::kPhone, "$.contact.alt_phone"),
                             Pii("email", Category::kEmail, std::nullopt)});
  std::vector<DriftChange> changes = DiffSnapshots(before, after);
  CHECK(DriftText(changes, "old.json", "new.json") ==
        "drift between old.json and new.json: 10 changes\n"
        "  ~ table public.clients renamed to public.accounts\n"
        "  + column public.customers.backup_email text\n"
        "  ~ column public.customers.mail renamed to email (attnum 2)\n"
        "  - column public.customers.fax text\n"
        "  ~ column public.customers.id NOT NULL -> NULL\n"
        "  + PII path public.customers.profile $.contact.alt_phone (phone)\n"
        "  ~ column public.customers.zip type integer -> text\n"
        "  ~ column public.customers.zip default 0 -> (none)\n"
        "  + table public.invoices\n"
        "  - table public.legacy\n");
  CHECK(DiffSnapshots(before, before).empty());
  CHECK(DriftText({}, "a", "b") == "no drift between a and b\n");
  std::string json = DriftJson(changes, "old.json", "new.json");
  CHECK(json.find("\"drift\": true") != std::string::npos);
  CHECK(json.find("\"kind\": \"column_renamed\"") != std::string::npos);
  CHECK(json.find("\"kind\": \"pii_path_added\"") != std::string::npos);
}

}  // namespace pgveil::policy
