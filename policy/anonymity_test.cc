#include "policy/anonymity.h"

#include <catch2/catch.hpp>

#include "policy/check.h"
#include "policy/policy_loader.h"

namespace pgveil::policy {
namespace {

constexpr const char* kPolicy = R"(version: 1
mode: relaxed
k_anonymity: 3
tables:
  public.patients:
    require: anonymous
    email: {transform: email}
    ssn: fpe_digits
    zip: {transform: postal_generalize, on_invalid: hash}
    born: {transform: date_generalize}
    diagnosis: {transform: keep, sensitive: true}
  public.customers:
    email: hash
)";

Policy Load(const std::string& yaml) {
  Result<Policy> policy = LoadPolicy(yaml, "pgveil.yaml");
  INFO((policy.ok() ? "" : policy.status().message()));
  REQUIRE(policy.ok());
  return std::move(policy).value();
}

Finding Pii(const std::string& table, const std::string& column, Category category) {
  Finding finding;
  finding.column = {"public", table, column};
  finding.category = category;
  finding.confidence = 0.9;
  return finding;
}

std::vector<Violation> NotAnonymous(const CheckResult& result) {
  std::vector<Violation> out;
  for (const Violation& v : result.violations) {
    if (v.rule == "not-anonymous") out.push_back(v);
  }
  return out;
}

TEST_CASE("require, k_anonymity and sensitive are read with their lines", "[policy][anonymity]") {
  const Policy policy = Load(kPolicy);
  CHECK(policy.k_anonymity == 3);
  CHECK_FALSE(policy.require_anonymous);
  const std::optional<SourceLocation> patients = policy.AnonymityRequired("public", "patients");
  REQUIRE(patients);
  CHECK(patients->line == 6);
  CHECK_FALSE(policy.AnonymityRequired("public", "customers"));
  CHECK(policy.FindColumn({"public", "patients", "require"}) == nullptr);  // not a column
  const ColumnRule* diagnosis = policy.FindColumn({"public", "patients", "diagnosis"});
  REQUIRE(diagnosis != nullptr);
  CHECK(diagnosis->sensitive);
  CHECK(diagnosis->kind == ColumnRule::Kind::kKeep);
  CHECK_FALSE(policy.FindColumn({"public", "patients", "email"})->sensitive);

  const Policy global = Load("version: 1\nrequire: anonymous\ntables:\n  public.t:\n    a: keep\n");
  REQUIRE(global.AnonymityRequired("public", "anything"));
  CHECK(global.AnonymityRequired("public", "anything")->line == 2);
  CHECK(global.k_anonymity == 5);
}

TEST_CASE("bad anonymity settings name their line", "[policy][anonymity]") {
  auto error = [](const std::string& yaml) {
    Result<Policy> policy = LoadPolicy(yaml, "pgveil.yaml");
    REQUIRE_FALSE(policy.ok());
    return policy.status().message();
  };
  CHECK_THAT(error("version: 1\nrequire: anonymus\n"),
             Catch::Contains("pgveil.yaml:2:10: unknown requirement 'anonymus'; did you mean "
                             "'anonymous'?"));
  CHECK_THAT(error("version: 1\nk_anonymity: 1\n"),
             Catch::Contains("pgveil.yaml:2:14: k_anonymity must be a whole number from 2"));
  CHECK_THAT(error("version: 1\nk_anonymity: five\n"), Catch::Contains("not 'five'"));
  CHECK_THAT(error("version: 1\ntables:\n  public.t:\n    a: {transform: keep, sensitive: yes}\n"),
             Catch::Contains("pgveil.yaml:4:37: sensitive must be true or false, not 'yes'"));
}

TEST_CASE("require: anonymous fails on reversible and linkable rules", "[policy][anonymity]") {
  const Policy policy = Load(kPolicy);
  Catalog catalog;
  TableInfo patients;
  patients.schema = "public";
  patients.name = "patients";
  for (const char* name : {"email", "ssn", "zip", "born", "diagnosis"}) {
    ColumnInfo column;
    column.name = name;
    column.type_name = name == std::string("born") ? "date" : "text";
    column.data_type = column.type_name;
    column.type_category = name == std::string("born") ? 'D' : 'S';
    patients.columns.push_back(column);
  }
  TableInfo customers = patients;
  customers.name = "customers";
  customers.columns.resize(1);
  catalog.tables = {customers, patients};
  const std::vector<Finding> findings = {
      Pii("patients", "email", Category::kEmail), Pii("patients", "ssn", Category::kNationalId),
      Pii("patients", "zip", Category::kPostalCode),
      Pii("patients", "born", Category::kDateOfBirth), Pii("customers", "email", Category::kEmail)};

  CheckOptions options;
  const CheckResult result = Check(policy, catalog, findings, CalendarDate{2026, 3, 1}, options);
  const std::vector<Violation> violations = NotAnonymous(result);
  REQUIRE(violations.size() == 3);  // email, ssn, and zip whose hash fallback links
  CHECK(violations[0].column.column == "email");
  CHECK(violations[0].location.line == 7);
  CHECK(violations[0].location.file == "pgveil.yaml");
  CHECK(violations[0].severity == Severity::kError);
  CHECK(violations[0].message ==
        "public.patients.email is masked with email: keyed and deterministic, linkable across "
        "tables and runs, so the copy is pseudonymous; require: anonymous needs an irreversible "
        "rule (null, constant, a generaliser) or skip");
  CHECK(violations[1].column.column == "ssn");
  CHECK_THAT(violations[1].message, Catch::Contains("fpe_digits: FF1, reversible with the key"));
  CHECK(violations[2].column.column == "zip");
  CHECK(violations[2].location.line == 9);
  CHECK(!violations[0].fingerprint.empty());

  // Measured on the masked copy: k below the bar fails at the require line;
  // at the bar it passes.
  TableAnonymity measured;
  measured.schema = "public";
  measured.table = "patients";
  measured.quasi_identifiers = {"zip", "born"};
  measured.bar = 3;
  measured.rows = 10;
  measured.classes = 4;
  measured.k = 1;
  measured.rows_below_bar = 3;
  std::vector<TableAnonymity> anonymity = {measured};
  options.anonymity = &anonymity;
  std::vector<Violation> with_k =
      NotAnonymous(Check(policy, catalog, findings, CalendarDate{2026, 3, 1}, options));
  REQUIRE(with_k.size() == 4);
  CHECK(with_k[0].column.column.empty());
  CHECK(with_k[0].location.line == 6);
  CHECK(with_k[0].message ==
        "public.patients: k = 1 over zip, born in the masked copy, below k_anonymity 3: 3 of 10 "
        "rows are in smaller groups and can be re-identified; generalise or remove a "
        "quasi-identifier");
  anonymity[0].k = 3;
  anonymity[0].rows_below_bar = 0;
  CHECK(NotAnonymous(Check(policy, catalog, findings, CalendarDate{2026, 3, 1}, options)).size() ==
        3);
}

TEST_CASE("without require: anonymous nothing changes", "[policy][anonymity]") {
  const Policy policy = Load("version: 1\nmode: relaxed\ntables:\n  public.t:\n    email: hash\n");
  Catalog catalog;
  TableInfo t;
  t.schema = "public";
  t.name = "t";
  ColumnInfo email;
  email.name = "email";
  email.type_name = email.data_type = "text";
  t.columns = {email};
  catalog.tables = {t};
  const CheckResult result =
      Check(policy, catalog, {Pii("t", "email", Category::kEmail)}, CalendarDate{2026, 3, 1});
  CHECK(NotAnonymous(result).empty());
}

TEST_CASE("privacy classes map to the regime they leave", "[policy][anonymity]") {
  using masking::PrivacyClass;
  CHECK(IdentifiabilityName(IdentifiabilityOf(PrivacyClass::kIrreversible)) == "anonymous");
  CHECK(IdentifiabilityName(IdentifiabilityOf(PrivacyClass::kLinkable)) == "pseudonymous");
  CHECK(IdentifiabilityName(IdentifiabilityOf(PrivacyClass::kReversible)) == "pseudonymous");
  CHECK(IdentifiabilityName(IdentifiabilityOf(PrivacyClass::kKept)) == "personal");
  CHECK(PrivacyReason("fpe_digits", PrivacyClass::kReversible) == "FF1, reversible with the key");
  CHECK(PrivacyReason("skip", PrivacyClass::kIrreversible) == "not copied");
  TableAnonymity sampled;
  sampled.k = 2;
  sampled.quasi_identifiers = {"born", "zip", "sex"};
  sampled.sample_percent = 12.5;
  CHECK(KAnonymityText(sampled) == "k = 2 over born, zip, sex (in a 12.5% sample)");
}

}  // namespace
}  // namespace pgveil::policy
