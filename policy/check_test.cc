#include "policy/check.h"

#include <catch2/catch.hpp>

#include "policy/fingerprint.h"
#include "policy/policy_loader.h"

namespace pgveil::policy {
namespace {

constexpr CalendarDate kToday{2026, 3, 1};

ColumnInfo Column(std::string name, int attnum, std::string type_name, std::string data_type = "") {
  ColumnInfo column;
  column.name = std::move(name);
  column.attnum = attnum;
  column.type_name = type_name;
  column.data_type = data_type.empty() ? type_name : data_type;
  column.type_category = type_name == "int4" || type_name == "int8" ? 'N' : 'S';
  return column;
}

// public.customers (id int4 pk, email text, profile jsonb, status text) and
// public.orders (id int4, note varchar(10)); a view and a partition beside.
Catalog ShopCatalog() {
  Catalog catalog;
  TableInfo customers;
  customers.schema = "public";
  customers.name = "customers";
  customers.columns = {Column("id", 1, "int4", "integer"), Column("email", 2, "text"),
                       Column("profile", 3, "jsonb"), Column("status", 4, "text")};
  customers.columns[0].primary_key = true;
  customers.columns[0].not_null = true;
  TableInfo orders;
  orders.schema = "public";
  orders.name = "orders";
  orders.columns = {Column("id", 1, "int4", "integer"),
                    Column("note", 2, "varchar", "character varying(10)")};
  orders.columns[1].max_length = 10;
  TableInfo view;
  view.schema = "public";
  view.name = "customer_emails";
  view.kind = RelationKind::kView;
  view.columns = {Column("email", 1, "text")};
  TableInfo partition;
  partition.schema = "public";
  partition.name = "orders_2026";
  partition.kind = RelationKind::kPartition;
  partition.columns = {Column("id", 1, "int4", "integer")};
  catalog.tables = {customers, view, orders, partition};
  return catalog;
}

Finding PiiAt(std::string table, std::string column, Category category, double confidence = 0.9,
              std::optional<std::string> path = std::nullopt) {
  Finding finding;
  finding.column = {"public", std::move(table), std::move(column)};
  finding.category = category;
  finding.confidence = confidence;
  finding.path = std::move(path);
  return finding;
}

Policy Load(const std::string& yaml) {
  Result<Policy> policy = LoadPolicy(yaml, "pgveil.yaml");
  INFO((policy.ok() ? "" : policy.status().message()));
  REQUIRE(policy.ok());
  return *policy;
}

constexpr const char* kCompletePolicy = R"(version: 1
tables:
  public.customers:
    id: keep
    email: {transform: email}
    profile:
      transform: json
      paths:
        "$.contact.*": {transform: hash}
    status: keep
  public.orders:
    id: keep
    note: keep
)";

std::vector<std::string> Rules(const CheckResult& result) {
  std::vector<std::string> rules;
  for (const Violation& v : result.violations) {
    rules.push_back(v.rule + " " + FingerprintTarget(v.column, v.path));
  }
  return rules;
}

}  // namespace

TEST_CASE("a complete policy passes; views and partitions need no rules", "[policy]") {
  std::vector<Finding> findings = {
      PiiAt("customers", "email", Category::kEmail),
      PiiAt("customers", "profile", Category::kPhone, 0.95, "$.contact.phone")};
  CheckResult result = Check(Load(kCompletePolicy), ShopCatalog(), findings, kToday);
  CHECK(result.violations.empty());
  CHECK(result.tables == 2);
  CHECK(result.columns == 6);
  CHECK(result.mode == "strict");
  CHECK(result.policy_file == "pgveil.yaml");
}

TEST_CASE("strict mode demands a rule for every column, relaxed only for PII", "[policy]") {
  Policy policy = Load("version: 1\ntables:\n  public.customers:\n    id: keep\n");
  CheckResult strict = Check(policy, ShopCatalog(), {}, kToday);
  CHECK(Rules(strict) == std::vector<std::string>{"uncovered-column public.customers.email",
                                                  "uncovered-column public.customers.profile",
                                                  "uncovered-column public.customers.status",
                                                  "uncovered-column public.orders.id",
                                                  "uncovered-column public.orders.note"});
  // Anchored at the table's rule when there is one, else at `tables:`.
  CHECK(strict.violations[0].location.line == 3);
  CHECK(strict.violations[3].location.line == 2);
  CHECK(strict.violations[0].message ==
        "public.customers.email has no rule; strict mode needs one for every column (keep it if "
        "it holds no personal data)");

  CheckOptions relaxed;
  relaxed.mode = Mode::kRelaxed;
  CHECK(Check(policy, ShopCatalog(), {}, kToday, relaxed).violations.empty());
}

TEST_CASE("detected PII without a masking rule fails in both modes", "[policy]") {
  std::vector<Finding> findings = {
      PiiAt("customers", "status", Category::kEmail, 0.8),
      PiiAt("orders", "note", Category::kPhone, 0.7),
      PiiAt("customers", "profile", Category::kEmail, 0.97, "$.backup.email")};
  Policy policy = Load(kCompletePolicy);
  for (Mode mode : {Mode::kStrict, Mode::kRelaxed}) {
    CheckOptions options;
    options.mode = mode;
    CheckResult result = Check(policy, ShopCatalog(), findings, kToday, options);
    REQUIRE(Rules(result) ==
            std::vector<std::string>{"unmasked-pii public.customers.profile#$.backup.email",
                                     "unmasked-pii public.customers.status",
                                     "unmasked-pii public.orders.note"});
    CHECK(result.Errors() == 3);
    const Violation& path = result.violations[0];
    CHECK(path.message ==
          "public.customers.profile $.backup.email holds email (confidence 0.97) and no path rule "
          "masks it");
    CHECK(path.category == Category::kEmail);
    CHECK(path.confidence == 0.97);
    CHECK(path.location.line == 6);  // the column's rule
    CHECK(result.violations[1].message ==
          "public.customers.status holds email (confidence 0.80) and its rule is keep");
  }
  // No rule at all: one unmasked-pii, not also uncovered-column.
  Policy partial = Load("version: 1\ntables:\n  public.orders:\n    id: keep\n");
  CheckResult result =
      Check(partial, ShopCatalog(), {PiiAt("orders", "note", Category::kPhone)}, kToday);
  REQUIRE(result.violations.size() == 5);
  CHECK(result.violations.back().rule == "unmasked-pii");
  CHECK(result.violations.back().message ==
        "public.orders.note holds phone (confidence 0.90) and has no rule");
}

TEST_CASE("low-confidence PII is a warning", "[policy]") {
  CheckResult result = Check(Load(kCompletePolicy), ShopCatalog(),
                             {PiiAt("orders", "note", Category::kPhone, 0.4)}, kToday);
  REQUIRE(result.violations.size() == 1);
  CHECK(result.violations[0].rule == "low-confidence-pii");
  CHECK(result.violations[0].severity == Severity::kWarning);
  CHECK(result.Errors() == 0);
  CHECK(result.violations[0].message ==
        "public.orders.note may hold phone (confidence 0.40, below 0.50) and its rule is keep");
}

TEST_CASE("rules for tables and columns that are gone are stale", "[policy]") {
  Policy policy =
      Load(std::string(kCompletePolicy) + "    fax: {transform: phone}\n  public.legacy: skip\n");
  CheckResult result = Check(policy, ShopCatalog(), {}, kToday);
  REQUIRE(Rules(result) ==
          std::vector<std::string>{"stale-rule public.legacy", "stale-rule public.orders.fax"});
  CHECK(result.violations[0].message ==
        "the rule for table public.legacy names a table that no longer exists");
  CHECK(result.violations[0].location.line == 15);
  CHECK(result.violations[1].message ==
        "the rule for public.orders.fax names a column that no longer exists");
  CHECK(result.violations[1].location.line == 14);
}

TEST_CASE("a transformer must fit the column's type, length and nullability", "[policy]") {
  Policy policy = Load(
      "version: 1\ntables:\n  public.customers:\n    id: {transform: email}\n    email: keep\n"
      "    profile: keep\n    status: keep\n  public.orders:\n    id: keep\n"
      "    note: {transform: fake_name}\n");
  CheckResult result = Check(policy, ShopCatalog(), {}, kToday);
  REQUIRE(Rules(result) == std::vector<std::string>{"transformer-mismatch public.customers.id",
                                                    "transformer-mismatch public.orders.note"});
  CHECK(result.violations[0].message ==
        "public.customers.id: transformer email on type int4: the type is not accepted (it takes "
        "text, varchar, bpchar, citext, name)");
  CHECK(result.violations[0].location.line == 4);
  CHECK_THAT(result.violations[1].message,
             Catch::StartsWith("public.orders.note: transformer fake_name on type varchar:"));

  Catalog catalog = ShopCatalog();
  catalog.tables[0].columns[3].not_null = true;
  Policy nulls = Load(std::string(kCompletePolicy)
                          .replace(std::string(kCompletePolicy).find("status: keep"), 12,
                                   "status: {transform: null}"));
  CheckResult not_null = Check(nulls, catalog, {}, kToday);
  REQUIRE(not_null.violations.size() == 1);
  CHECK(not_null.violations[0].message ==
        "public.customers.status is NOT NULL, and transformer null writes NULL; use a transformer "
        "that keeps a value");
}

TEST_CASE("a lossy transformer on a primary-key or unique column fails", "[policy]") {
  Policy policy = Load(std::string(kCompletePolicy)
                           .replace(std::string(kCompletePolicy).find("id: keep"), 8,
                                    "id: {transform: constant, value: 7}"));
  CheckResult result = Check(policy, ShopCatalog(), {}, kToday);
  REQUIRE(Rules(result) == std::vector<std::string>{"lossy-on-unique public.customers.id"});
  CHECK(result.violations[0].message ==
        "public.customers.id is part of the primary key, and transformer constant is lossy: "
        "distinct values would collide");
  // fpe_int keeps distinct values distinct.
  Policy fpe = Load(
      std::string(kCompletePolicy)
          .replace(std::string(kCompletePolicy).find("id: keep"), 8, "id: {transform: fpe_int}"));
  CHECK(Check(fpe, ShopCatalog(), {}, kToday).violations.empty());
}

TEST_CASE("suppressions hide findings until they expire", "[policy]") {
  std::vector<Finding> findings = {PiiAt("orders", "note", Category::kCreditCard)};
  auto with = [](const std::string& suppress) {
    return Load(std::string(kCompletePolicy) + "suppress:\n" + suppress);
  };
  CHECK(Check(with("  - {column: public.orders.note, reason: order codes, expires: 2026-03-01}\n"),
              ShopCatalog(), findings, kToday)
            .violations.empty());
  CheckResult expired =
      Check(with("  - {column: public.orders.note, reason: order codes, expires: 2026-02-28}\n"),
            ShopCatalog(), findings, kToday);
  REQUIRE(Rules(expired) == std::vector<std::string>{"expired-suppression public.orders.note",
                                                     "unmasked-pii public.orders.note"});
  CHECK(expired.violations[0].message ==
        "the suppression of public.orders.note expired on 2026-02-28; renew it with a new date or "
        "mask the column");
  CHECK(expired.violations[0].location.line == 15);

  CheckResult other_category =
      Check(with("  - {column: public.orders.note, category: phone, reason: r}\n"
                 "  - {column: public.orders.id, reason: r}\n"),
            ShopCatalog(), findings, kToday);
  REQUIRE(Rules(other_category) ==
          std::vector<std::string>{"unused-suppression public.orders.id",
                                   "unmasked-pii public.orders.note",
                                   "unused-suppression public.orders.note"});
  CHECK(other_category.Warnings() == 2);
  CHECK(other_category.violations[0].message ==
        "the suppression of public.orders.id matched no finding; remove it");
}

TEST_CASE("fingerprints hash rule, target and category, never a location", "[policy]") {
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  std::vector<Finding> findings = {PiiAt("orders", "note", Category::kPhone)};
  CheckResult a = Check(Load(kCompletePolicy), ShopCatalog(), findings, kToday);
  CheckResult b = Check(Load("\n\n# reformatted\n" + std::string(kCompletePolicy)), ShopCatalog(),
                        findings, kToday);
  REQUIRE(a.violations.size() == 1);
  REQUIRE(b.violations.size() == 1);
  CHECK(a.violations[0].location.line != b.violations[0].location.line);
  CHECK(a.violations[0].fingerprint == b.violations[0].fingerprint);
  CHECK(a.violations[0].fingerprint == Sha256Hex("unmasked-pii|public.orders.note|phone"));
  CHECK(ViolationFingerprint("stale-rule", {"public", "legacy", ""}, std::nullopt, std::nullopt) ==
        Sha256Hex("stale-rule|public.legacy|"));
  CHECK(FingerprintTarget({"public", "c", "profile"}, "$.a[*]") == "public.c.profile#$.a[*]");
}

TEST_CASE("a baseline marks new columns and paths; migrations anchor them", "[policy]") {
  SchemaSnapshot baseline;
  Catalog old_catalog = ShopCatalog();
  old_catalog.tables[2].columns.pop_back();  // orders.note is new
  baseline = MakeSnapshot(
      old_catalog, {PiiAt("customers", "profile", Category::kPhone, 0.9, "$.contact.phone")});
  MigrationAnchors anchors = FindMigrationAnchors(
      {{"migrations/001_init.sql", "CREATE TABLE orders (id int);\n"},
       {"migrations/002_note.sql",
        "-- a note\nALTER TABLE orders\n  ADD COLUMN note varchar(10);\n"
        "UPDATE customers SET profile = jsonb_set(profile, '{backup,email}', '\"x\"');\n"}});
  std::vector<Finding> findings = {
      PiiAt("orders", "note", Category::kPhone, 0.6),
      PiiAt("customers", "profile", Category::kEmail, 0.9, "$.backup.email"),
      PiiAt("customers", "profile", Category::kPhone, 0.9, "$.contact.phone")};
  Policy policy =
      Load("version: 1\nmode: relaxed\ntables:\n  public.customers:\n    profile: keep\n");
  CheckOptions options;
  options.baseline = &baseline;
  options.anchors = &anchors;
  CheckResult result = Check(policy, ShopCatalog(), findings, kToday, options);
  REQUIRE(Rules(result) ==
          std::vector<std::string>{"unmasked-pii public.customers.profile#$.backup.email",
                                   "unmasked-pii public.customers.profile#$.contact.phone",
                                   "unmasked-pii public.orders.note"});
  CHECK(result.violations[0].is_new);
  CHECK(result.violations[0].message ==
        "new path public.customers.profile $.backup.email holds email (confidence 0.90) and its "
        "rule is keep");
  CHECK(result.violations[0].location.file == "migrations/002_note.sql");
  CHECK(result.violations[0].location.line == 4);
  CHECK_FALSE(result.violations[1].is_new);
  CHECK(result.violations[1].location.file == "pgveil.yaml");
  CHECK(result.violations[2].is_new);
  CHECK(result.violations[2].message ==
        "new column public.orders.note holds phone (confidence 0.60) and has no rule");
  CHECK(result.violations[2].location.file == "migrations/002_note.sql");
  CHECK(result.violations[2].location.line == 3);
  CHECK(result.violations[2].location.column == 14);
}

TEST_CASE("a skipped table is neither gated nor checked for PII", "[policy]") {
  Policy policy = Load(
      std::string(kCompletePolicy)
          .replace(
              std::string(kCompletePolicy).find("public.orders:\n    id: keep\n    note: keep\n"),
              44, "public.orders: skip\n"));
  CheckResult result =
      Check(policy, ShopCatalog(), {PiiAt("orders", "note", Category::kEmail)}, kToday);
  CHECK(result.violations.empty());
  CHECK(result.tables == 1);
}

}  // namespace pgveil::policy
