// tests/golden/compliance_fixtures.cc
//
// The fixtures are built the way `pgveil report` builds its input: a
// catalog and findings as the scan would return them, the policy read by
// policy::LoadPolicy, the check's result from policy::Check and the drift
// from policy::DiffSnapshots against a baseline made from an older catalog.
// Only the clock and the policy hash are fixed by hand.

#include "tests/golden/compliance_fixtures.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <tuple>

#include "policy/check.h"
#include "policy/drift.h"
#include "policy/policy_loader.h"
#include "policy/schema_snapshot.h"

namespace pgveil::testing {
namespace {

constexpr policy::CalendarDate kToday{2026, 3, 1};
constexpr const char* kGeneratedAt = "2026-03-01T09:30:00+01:00";
constexpr const char* kPolicySha256 =
    "5d1c6b0e9a4f3b2c8e7d6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d";

ColumnInfo Column(std::string name, int attnum, std::string type_name, char type_category = 'S',
                  std::string data_type = "") {
  ColumnInfo c;
  c.name = std::move(name);
  c.attnum = attnum;
  c.data_type = data_type.empty() ? type_name : std::move(data_type);
  c.type_name = std::move(type_name);
  c.type_category = type_category;
  return c;
}

ColumnInfo Key(std::string name) {
  ColumnInfo c = Column(std::move(name), 1, "int4", 'N', "integer");
  c.primary_key = true;
  c.not_null = true;
  return c;
}

TableInfo Table(std::string schema, std::string name, std::vector<ColumnInfo> columns) {
  TableInfo t;
  t.schema = std::move(schema);
  t.name = std::move(name);
  t.columns = std::move(columns);
  return t;
}

Catalog ShopCatalog() {
  Catalog catalog;
  catalog.database = "shop";
  catalog.tables = {
      Table("Kunden Daten", "Bestellungen_ü", {Key("id"), Column(kHostileColumn, 2, "text")}),
      Table("public", "audit_log", {Key("id"), Column("client_ip", 2, "text")}),
      Table("public", "customers",
            {Key("id"), Column("email", 2, "text"), Column("full_name", 3, "text"),
             Column("born", 4, "date", 'D'), Column("zip", 5, "text"), Column("phone", 6, "text"),
             Column("profile", 7, "jsonb", 'U'), Column("notes", 8, "text"),
             Column("status", 9, "text")}),
      Table("public", "orders",
            {Key("id"), Column("ship_zip", 2, "text"), Column("client_ip", 3, "inet", 'I'),
             Column("card_ref", 4, "text")}),
      Table("public", "patients",
            {Key("id"), Column("diagnosis", 2, "text"), Column("conviction", 3, "text"),
             Column("admitted", 4, "date", 'D')}),
  };
  return catalog;
}

Finding Found(std::string schema, std::string table, std::string column, Category category,
              double confidence, double match_ratio, std::vector<std::string> evidence,
              std::optional<std::string> path = std::nullopt) {
  Finding f;
  f.column = {std::move(schema), std::move(table), std::move(column)};
  f.path = std::move(path);
  f.category = category;
  f.confidence = confidence;
  f.match_ratio = match_ratio;
  f.values_sampled = 400;
  f.signals = {"value:" + std::string(IdOf(category))};
  f.evidence = std::move(evidence);
  return f;
}

std::vector<Finding> ShopFindings() {
  std::vector<Finding> findings = {
      Found("Kunden Daten", "Bestellungen_ü", kHostileColumn, Category::kReligion, 0.81, 0.42,
            {"K***"}),
      Found("public", "audit_log", "client_ip", Category::kIpAddress, 0.97, 0.99,
            {"###.###.#.###"}),
      Found("public", "customers", "born", Category::kDateOfBirth, 0.95, 1.0, {"####-##-##"}),
      Found("public", "customers", "email", Category::kEmail, 0.99, 0.98, {"j***@e***.com"}),
      Found("public", "customers", "full_name", Category::kPersonName, 0.93, 0.88,
            {"S***", "Ж***"}),
      Found("public", "customers", "notes", Category::kPhone, 0.74, 0.12, {"+# ###-###-####"}),
      Found("public", "customers", "phone", Category::kPhone, 0.98, 0.97, {"+## ### ### ####"}),
      Found("public", "customers", "profile", Category::kEmail, 0.96, 0.9, {"m***@e***.org"},
            "$.contact.email"),
      Found("public", "customers", "profile", Category::kPhone, 0.9, 0.85, {"+## ## ### ####"},
            "$.contact.phones[*]"),
      Found("public", "customers", "profile", Category::kDateOfBirth, 0.88, 0.95, {"####-##-##"},
            "$.visits[*].date"),
      Found("public", "customers", "zip", Category::kPostalCode, 0.91, 0.97, {"#####"}),
      Found("public", "orders", "card_ref", Category::kCreditCard, 0.31, 0.04,
            {"#### #### #### ####"}),
      Found("public", "orders", "client_ip", Category::kIpAddress, 0.99, 1.0, {"##.#.##.###"}),
      Found("public", "orders", "ship_zip", Category::kPostalCode, 0.9, 0.96, {"#####-####"}),
      Found("public", "patients", "admitted", Category::kDateOfBirth, 0.7, 1.0, {"####-##-##"}),
      Found("public", "patients", "conviction", Category::kCriminalRecord, 0.6, 0.3, {"T***"}),
      Found("public", "patients", "diagnosis", Category::kHealth, 0.77, 0.8, {"D***"}),
  };
  std::sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.column, a.path, a.category) < std::tie(b.column, b.path, b.category);
  });
  return findings;
}

constexpr const char* kShopPolicy = R"(version: 1
mode: strict
tables:
  public.customers:
    id: keep
    email: {transform: email, keep_domain: true}
    full_name: {transform: fake_name}
    born: {transform: date_shift}
    zip: {transform: postal_generalize}
    phone: keep
    profile:
      transform: json
      paths:
        "$.contact.email": {transform: email}
        "$.visits[*].date": {transform: date_generalize}
    notes: keep
    status: keep
  public.orders:
    id: keep
    ship_zip: {transform: fpe_alnum, alphabet: upper}
    client_ip: {transform: ip}
    card_ref: keep
  public.audit_log: skip
  public.patients:
    id: keep
    diagnosis: {transform: "null", sensitive: true}
    conviction: keep
    admitted: {transform: date_generalize, to: month}
suppress:
  - column: public.customers.notes
    category: phone
    reason: the shop's own hotline number, quoted in staff notes
    expires: 2027-06-30
  - column: public.customers.phone
    reason: branch switchboard numbers, not customers'
    expires: 2025-12-31
  - column: public.orders.legacy_ref
    reason: "EAN-13 barcodes, not card numbers"
)";

policy::Policy Load(const char* yaml) {
  Result<policy::Policy> loaded = policy::LoadPolicy(yaml, "pgveil.yaml");
  if (!loaded.ok()) {
    // A fixture that does not load is a bug in the fixture, not a test result.
    std::fprintf(stderr, "compliance fixture policy: %s\n", loaded.status().message().c_str());
    std::abort();
  }
  return std::move(loaded).value();
}

ScanResult Scan(const Catalog& catalog, std::vector<Finding> findings, int64_t rows) {
  ScanResult scan;
  scan.parameters = {catalog.database, 5, 42, 10000};
  for (const TableInfo& t : catalog.tables) {
    ++scan.tables;
    for (const ColumnInfo& c : t.columns) {
      scan.columns.push_back({{t.schema, t.name, c.name}, c.data_type, rows, rows - 3, 0});
    }
  }
  scan.columns_scanned = static_cast<int>(scan.columns.size());
  scan.rows_sampled = rows * scan.tables;
  scan.duration_ms = 1234;
  scan.findings = std::move(findings);
  return scan;
}

reports::ComplianceInput Assemble(Catalog catalog, ScanResult scan, policy::Policy policy,
                                  const policy::SchemaSnapshot* baseline) {
  reports::ComplianceInput input;
  input.today = kToday;
  input.generated_at = kGeneratedAt;
  input.policy_sha256 = kPolicySha256;
  policy::CheckOptions options;
  options.baseline = baseline;
  input.check = policy::Check(policy, catalog, scan.findings, kToday, options);
  if (baseline != nullptr) {
    input.drift = policy::DiffSnapshots(*baseline, policy::MakeSnapshot(catalog, scan.findings));
    input.baseline = "snapshots/2026-02-01.json";
  }
  input.scan = std::move(scan);
  input.catalog = std::move(catalog);
  input.policy = std::move(policy);
  return input;
}

TableAnonymity Measured(std::string schema, std::string table,
                        std::vector<std::string> quasi_identifiers, int64_t rows, int64_t classes,
                        int64_t k) {
  TableAnonymity a;
  a.schema = std::move(schema);
  a.table = std::move(table);
  a.quasi_identifiers = std::move(quasi_identifiers);
  a.rows = rows;
  a.classes = classes;
  a.k = k;
  return a;
}

// As report --target measures them: a hostile identifier that hides its
// rows well, a sampled table with a lone row, a table the copy lacks, and a
// nulled sensitive column, which discloses nothing.
std::vector<TableAnonymity> MeasuredCopy() {
  TableAnonymity customers = Measured("public", "customers", {"born", "zip"}, 1000012, 700400, 1);
  customers.rows_below_bar = 998051;
  customers.sample_percent = 12.5;
  TableAnonymity orders = Measured("public", "orders", {"ship_zip"}, 0, 0, 0);
  orders.not_measured = "not in the masked copy";
  TableAnonymity patients = Measured("public", "patients", {"admitted"}, 400, 12, 20);
  patients.sensitive = {{"diagnosis", 0}};
  return {Measured("Kunden Daten", "Bestellungen_ü", {kHostileColumn}, 400, 2, 180), customers,
          orders, patients};
}

}  // namespace

reports::ComplianceInput FullComplianceInput() {
  Catalog catalog = ShopCatalog();
  std::vector<Finding> findings = ShopFindings();
  // The baseline: before "Kunden Daten" existed, patients.admitted was a
  // timestamp, and the visits in profile were not there yet.
  Catalog before = catalog;
  before.tables.erase(before.tables.begin());
  TableInfo& patients = before.tables.back();
  patients.columns[3] = Column("admitted", 4, "timestamptz", 'D', "timestamp with time zone");
  std::vector<Finding> before_findings;
  for (const Finding& f : findings) {
    if (f.column.schema != "Kunden Daten" && f.path != "$.visits[*].date") {
      before_findings.push_back(f);
    }
  }
  const policy::SchemaSnapshot baseline = policy::MakeSnapshot(before, before_findings);
  ScanResult scan = Scan(catalog, std::move(findings), 400);
  scan.skipped.push_back({"public", "payroll", "permission denied (no SELECT privilege)"});
  scan.quasi_identifiers = {
      {{"Kunden Daten", "Bestellungen_ü", kHostileColumn}, QuasiKind::kGender, {"value:gender"}},
      {{"public", "customers", "born"}, QuasiKind::kBirthDate, {"finding:date_of_birth"}},
      {{"public", "customers", "zip"}, QuasiKind::kPostalCode, {"finding:postal_code"}},
      {{"public", "orders", "ship_zip"}, QuasiKind::kPostalCode, {"finding:postal_code"}},
      {{"public", "patients", "admitted"}, QuasiKind::kBirthDate, {"finding:date_of_birth"}},
  };
  reports::ComplianceInput input =
      Assemble(std::move(catalog), std::move(scan), Load(kShopPolicy), &baseline);
  input.anonymity = MeasuredCopy();
  input.anonymity_measured = true;
  return input;
}

reports::ComplianceInput CleanComplianceInput() {
  Catalog catalog;
  catalog.database = "inventory";
  catalog.tables = {
      Table("public", "products",
            {Key("id"), Column("sku", 2, "text"), Column("price", 3, "numeric", 'N')})};
  ScanResult scan = Scan(catalog, {}, 250);
  return Assemble(std::move(catalog), std::move(scan), Load(R"(version: 1
tables:
  public.products: {id: keep, sku: keep, price: keep}
)"),
                  nullptr);
}

}  // namespace pgveil::testing
