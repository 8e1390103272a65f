#include "policy/bootstrap.h"

#include <catch2/catch.hpp>

#include "policy/check.h"
#include "policy/policy_loader.h"

namespace pgveil::policy {
namespace {

ColumnInfo Column(std::string name, std::string type_name, std::string data_type = "",
                  char category = 'S') {
  ColumnInfo column;
  column.name = std::move(name);
  column.type_name = type_name;
  column.data_type = data_type.empty() ? type_name : data_type;
  column.type_category = category;
  return column;
}

Finding Pii(const std::string& table, const std::string& column, Category category,
            double confidence = 0.95, std::optional<std::string> path = std::nullopt,
            std::vector<std::string> evidence = {}) {
  Finding finding;
  finding.column = {"public", table, column};
  finding.category = category;
  finding.confidence = confidence;
  finding.path = std::move(path);
  finding.evidence = std::move(evidence);
  finding.signals = {"value:" + std::string(IdOf(category))};
  return finding;
}

// A schema with every awkward case a draft must get right.
Catalog HardCatalog() {
  TableInfo customers;
  customers.schema = "public";
  customers.name = "customers";
  customers.columns = {
      Column("email", "varchar", "character varying(30)"),
      Column("first_name", "varchar", "character varying(10)"),
      Column("last_name", "text"),
      Column("phone", "int8", "bigint", 'N'),
      Column("birth_date", "date", "date", 'D'),
      Column("ssn", "text"),
      Column("card", "text"),
      Column("iban", "text"),
      Column("last_ip", "inet", "inet", 'I'),
      Column("notes", "text"),
      Column("api_token", "text"),
      Column("diagnosis", "text"),
      Column("location", "point", "point", 'G'),
      Column("profile", "jsonb", "jsonb", 'U'),
      Column("status", "text"),
      Column("null", "text"),
      Column("wristband", "int4", "integer", 'N'),
  };
  customers.columns[0].primary_key = true;
  customers.columns[0].not_null = true;
  customers.columns[0].max_length = 30;
  customers.columns[1].max_length = 10;
  customers.columns[5].unique = true;
  customers.columns[10].not_null = true;
  customers.columns[11].not_null = true;
  customers.columns[16].unique = true;
  for (size_t i = 0; i < customers.columns.size(); ++i) {
    customers.columns[i].attnum = static_cast<int>(i) + 1;
  }
  TableInfo orders;
  orders.schema = "public";
  orders.name = "orders";
  orders.columns = {Column("id", "int4", "integer", 'N'),
                    Column("customer_email", "varchar", "character varying(30)")};
  orders.columns[1].max_length = 30;
  orders.columns[1].references = ColumnRef{"public", "customers", "email"};
  TableInfo odd;
  odd.schema = "Kunden Daten";
  odd.name = "Ähnliche \"Kontakte\"";
  odd.columns = {Column("E-Mail Adresse", "text"), Column("yes", "text")};
  TableInfo view;
  view.schema = "public";
  view.name = "v";
  view.kind = RelationKind::kView;
  view.columns = {Column("email", "text")};
  Catalog catalog;
  catalog.database = "shop";
  catalog.tables = {odd, customers, orders, view};
  return catalog;
}

std::vector<Finding> HardFindings() {
  std::vector<Finding> findings = {
      Pii("customers", "email", Category::kEmail, 0.99, std::nullopt, {"j***@e***.com"}),
      Pii("customers", "first_name", Category::kPersonName),
      Pii("customers", "last_name", Category::kPersonName),
      Pii("customers", "phone", Category::kPhone),
      Pii("customers", "birth_date", Category::kDateOfBirth),
      Pii("customers", "ssn", Category::kNationalId, 0.97, std::nullopt, {"###-##-####"}),
      Pii("customers", "card", Category::kCreditCard),
      Pii("customers", "iban", Category::kBankAccount),
      Pii("customers", "last_ip", Category::kIpAddress),
      Pii("customers", "notes", Category::kEmail, 0.7),
      Pii("customers", "notes", Category::kPhone, 0.6),
      Pii("customers", "api_token", Category::kSecret),
      Pii("customers", "diagnosis", Category::kHealth, 0.6),
      Pii("customers", "location", Category::kGeolocation),
      Pii("customers", "profile", Category::kEmail, 0.9, "$.contact.email"),
      Pii("customers", "profile", Category::kPhone, 0.9, "$.contact.phones[*]"),
      Pii("customers", "profile", Category::kPersonName, 0.9, "$.\"first name\""),
      Pii("customers", "status", Category::kCity, 0.3),
      Pii("customers", "wristband", Category::kDeviceId),
      Pii("orders", "customer_email", Category::kEmail),
  };
  Finding odd;
  odd.column = {"Kunden Daten", "Ähnliche \"Kontakte\"", "E-Mail Adresse"};
  odd.category = Category::kEmail;
  odd.confidence = 0.99;
  findings.push_back(odd);
  return findings;
}

}  // namespace

TEST_CASE("a bootstrapped policy loads and passes the strict check", "[policy]") {
  Catalog catalog = HardCatalog();
  std::vector<Finding> findings = HardFindings();
  std::string yaml = WriteDraftPolicy(DraftFromScan(catalog, findings, {}, {}));
  INFO(yaml);
  Result<Policy> policy = LoadPolicy(yaml, "pgveil.yaml");
  INFO((policy.ok() ? "" : policy.status().message()));
  REQUIRE(policy.ok());
  CheckResult result = Check(*policy, catalog, findings, CalendarDate{2026, 1, 1});
  for (const Violation& v : result.violations) INFO(v.rule + ": " + v.message);
  CHECK(result.Errors() == 0);
  REQUIRE(result.violations.size() == 1);
  CHECK(result.violations[0].rule == "low-confidence-pii");  // status: reviewed, not masked

  auto rule = [&](const std::string& column) {
    const ColumnRule* found = policy->FindColumn({"public", "customers", column});
    REQUIRE(found != nullptr);
    return *found;
  };
  CHECK(rule("email").transformer == "email");
  CHECK(rule("email").params.at("max_length") == "30");
  CHECK(rule("first_name").transformer == "fake_first_name");
  CHECK(rule("first_name").params.at("max_length") == "10");
  CHECK(rule("last_name").transformer == "fake_last_name");
  CHECK(rule("phone").transformer == "fpe_int");
  CHECK(rule("birth_date").transformer == "date_generalize");  // the year: Safe Harbor
  CHECK(rule("ssn").transformer == "fpe_digits");
  CHECK(rule("card").transformer == "credit_card");
  CHECK(rule("iban").transformer == "iban");
  CHECK(rule("last_ip").transformer == "ip");
  CHECK(rule("notes").transformer == "null");
  CHECK(rule("api_token").transformer == "hash");  // NOT NULL: no null
  CHECK(rule("diagnosis").transformer == "hash");
  CHECK(rule("location").transformer == "null");  // point: nothing numeric fits
  CHECK(rule("status").kind == ColumnRule::Kind::kKeep);
  CHECK(rule("null").kind == ColumnRule::Kind::kKeep);
  CHECK(rule("wristband").transformer == "fpe_int");
  const ColumnRule profile = rule("profile");
  CHECK(profile.transformer == "json");
  REQUIRE(profile.paths.size() == 3);
  CHECK(profile.paths[0].path == "$.\"first name\"");
  CHECK(profile.paths[0].transformer == "fake_first_name");
  CHECK(profile.paths[1].transformer == "email");
  CHECK(profile.paths[2].transformer == "phone");

  // Malformed values the sample missed are hashed in text, nulled in JSON;
  // typed columns cannot hold them, and NOT NULL columns never get null.
  CHECK(rule("iban").params.at("on_invalid") == "hash");
  CHECK(rule("card").params.at("on_invalid") == "hash");
  CHECK(rule("ssn").params.at("on_invalid") == "hash");
  CHECK(profile.paths[2].params.at("on_invalid") == "null");
  CHECK(rule("birth_date").params.count("on_invalid") == 0);
  CHECK(rule("phone").params.count("on_invalid") == 0);
  CHECK(rule("email").params.at("on_invalid") == "hash");  // never longer than the value

  const ColumnRule* fk = policy->FindColumn({"public", "orders", "customer_email"});
  REQUIRE(fk != nullptr);
  CHECK(fk->transformer == "email");
  CHECK(fk->domain == "public.customers.email");
  CHECK(policy->FindTable("public", "v") == nullptr);  // views are not gated

  CHECK_THAT(yaml, Catch::Contains(
                       "    email: {transform: email, max_length: 30, on_invalid: hash}   # email, "
                       "confidence 0.99, "
                       "evidence j***@e***.com\n"));
  CHECK_THAT(yaml, Catch::Contains("    # possible city, confidence 0.30: below the confidence "
                                   "bar, review\n    status: keep\n"));
  CHECK_THAT(yaml,
             Catch::Contains(R"(  "Kunden Daten.\"Ähnliche \"\"Kontakte\"\"\"":)"
                             "\n"
                             "    # email is linkable (pseudonymous); for an anonymous copy "
                             "write {transform: null}\n"
                             R"(    "E-Mail Adresse": {transform: email, on_invalid: hash})"));
}

TEST_CASE("bootstrap marks quasi-identifiers and offers the anonymous rule", "[policy]") {
  TableInfo patients;
  patients.schema = "public";
  patients.name = "patients";
  patients.columns = {
      Column("id", "int4", "integer", 'N'),  Column("email", "text"), Column("sex", "text"),
      Column("age", "int4", "integer", 'N'), Column("zip", "text"),   Column("ssn", "text"),
      Column("born", "date", "date", 'D')};
  patients.columns[0].primary_key = true;
  patients.columns[5].unique = true;
  Catalog catalog;
  catalog.database = "clinic";
  catalog.tables = {patients};
  const std::vector<Finding> findings = {
      Pii("patients", "email", Category::kEmail, 0.99),
      Pii("patients", "ssn", Category::kNationalId, 0.99, std::nullopt, {"###-##-####"}),
      Pii("patients", "born", Category::kDateOfBirth, 0.99)};
  auto quasi = [](const std::string& column, QuasiKind kind) {
    return QuasiIdentifier{{"public", "patients", column}, kind, {"name:" + column}};
  };
  const std::vector<QuasiIdentifier> quasi_identifiers = {
      quasi("age", QuasiKind::kAge), quasi("born", QuasiKind::kBirthDate),
      quasi("sex", QuasiKind::kGender), quasi("zip", QuasiKind::kPostalCode)};
  const std::string yaml =
      WriteDraftPolicy(DraftFromScan(catalog, findings, {}, quasi_identifiers));
  INFO(yaml);
  // Generalised where that keeps the data useful, as Safe Harbor asks.
  CHECK_THAT(yaml, Catch::Contains("    # quasi-identifier (age): identifies people in combination "
                                   "with others\n    age: {transform: age_cap}\n"));
  CHECK_THAT(yaml, Catch::Contains("    # quasi-identifier (postal_code): identifies people in "
                                   "combination with others\n    zip: {transform: "
                                   "postal_generalize, on_invalid: \"null\"}\n"));
  CHECK_THAT(yaml, Catch::Contains("    # quasi-identifier (birth_date): identifies people in "
                                   "combination with others\n    born: {transform: "
                                   "date_generalize}"));
  CHECK_THAT(yaml, Catch::Contains("    # quasi-identifier (gender): identifies people in "
                                   "combination with others\n    sex: keep\n"));
  // Pseudonymous rules off the keys get the anonymous alternative; a unique
  // column (ssn) keeps its reversible rule without one, as a join may need it.
  CHECK_THAT(yaml, Catch::Contains("    # email is linkable (pseudonymous); for an anonymous copy "
                                   "write {transform: null}\n    email: {transform: email"));
  CHECK_THAT(yaml, !Catch::Contains("fpe_digits is reversible"));
  Result<Policy> policy = LoadPolicy(yaml, "pgveil.yaml");
  REQUIRE(policy.ok());
  CHECK(Check(*policy, catalog, findings, CalendarDate{2026, 1, 1}).Errors() == 0);
}

TEST_CASE("an empty database drafts a policy that loads", "[policy]") {
  Catalog empty;
  std::string yaml = WriteDraftPolicy(DraftFromScan(empty, {}, {}, {}));
  CHECK_THAT(yaml, Catch::EndsWith("tables: {}\n"));
  CHECK(LoadPolicy(yaml, "p").ok());
}

TEST_CASE("PostgreSQL Anonymizer labels are carried over", "[policy]") {
  Catalog catalog = HardCatalog();
  std::vector<AnonLabel> labels = {
      {{"public", "customers", "last_name"}, "MASKED WITH FUNCTION anon.fake_last_name()"},
      {{"public", "customers", "status"}, "MASKED WITH VALUE 'CONFIDENTIAL'"},
      {{"public", "customers", "notes"}, "MASKED WITH FUNCTION anon.lorem_ipsum()"},
      {{"public", "customers", "birth_date"},
       "masked with function anon.generalize_daterange(birth_date)"},
  };
  std::string yaml = WriteDraftPolicy(DraftFromScan(catalog, HardFindings(), labels, {}));
  INFO(yaml);
  Result<Policy> policy = LoadPolicy(yaml, "pgveil.yaml");
  REQUIRE(policy.ok());
  auto rule = [&](const std::string& column) {
    return *policy->FindColumn({"public", "customers", column});
  };
  CHECK(rule("last_name").transformer == "fake_last_name");
  CHECK(rule("status").transformer == "constant");
  CHECK(rule("status").params.at("value") == "CONFIDENTIAL");
  CHECK(rule("birth_date").transformer == "date_generalize");
  CHECK(rule("notes").transformer == "null");  // unknown function: the category default
  CHECK_THAT(yaml, Catch::Contains("    # PostgreSQL Anonymizer: MASKED WITH FUNCTION "
                                   "anon.lorem_ipsum() (no pgveil counterpart)\n"));
  CHECK_THAT(yaml, Catch::Contains("    # from PostgreSQL Anonymizer: MASKED WITH FUNCTION "
                                   "anon.fake_last_name()\n"));
  CheckResult result = Check(*policy, catalog, HardFindings(), CalendarDate{2026, 1, 1});
  CHECK(result.Errors() == 0);
}

TEST_CASE("anon labels translate to registry transformers", "[policy]") {
  auto translate = [](const std::string& label) {
    AnonTranslation t = TranslateAnonLabel(label);
    return t.outcome == AnonTranslation::Outcome::kTranslated ? t.transformer : "-";
  };
  CHECK(translate("MASKED WITH FUNCTION anon.fake_email()") == "email");
  CHECK(translate("MASKED WITH FUNCTION anon.partial_email(email)") == "email");
  CHECK(translate("MASKED WITH FUNCTION anon.fake_first_name()") == "fake_first_name");
  CHECK(translate("MASKED WITH FUNCTION anon.random_phone('0')") == "phone");
  CHECK(translate("MASKED WITH FUNCTION anon.partial(phone, 2, $$******$$, 2)") == "phone");
  CHECK(translate("MASKED WITH FUNCTION anon.fake_city()") == "fake_city");
  CHECK(translate("MASKED WITH FUNCTION anon.fake_address()") == "fake_street");
  CHECK(translate("MASKED WITH FUNCTION anon.dnoise(birth, '2 days')") == "date_shift");
  CHECK(translate("MASKED WITH FUNCTION anon.random_date()") == "date_shift");
  CHECK(translate("MASKED WITH FUNCTION \"anon\".hash(ssn)") == "hash");
  CHECK(translate("MASKED WITH FUNCTION anon.digest(ssn, 'salt', 'sha256')") == "hash");
  CHECK(translate("MASKED WITH FUNCTION anon.noise(salary, 0.1)") == "numeric_noise");
  CHECK(translate("MASKED  WITH\tFUNCTION generalize_int4range(age, 10)") == "date_generalize");
  CHECK(translate("MASKED WITH VALUE NULL") == "null");
  CHECK(translate("NOT MASKED") == "-");
  AnonTranslation value = TranslateAnonLabel("MASKED WITH VALUE 'it''s hidden'");
  CHECK(value.transformer == "constant");
  CHECK(value.params.at("value") == "it's hidden");
  CHECK(TranslateAnonLabel("MASKED WITH VALUE 0").params.at("value") == "0");
  AnonTranslation unknown = TranslateAnonLabel("MASKED WITH FUNCTION anon.lorem_ipsum(5)");
  CHECK(unknown.outcome == AnonTranslation::Outcome::kUnknownFunction);
  CHECK(unknown.function == "anon.lorem_ipsum");
}

TEST_CASE("YAML scalars are plain only when they read back the same", "[policy]") {
  CHECK(YamlScalar("email") == "email");
  CHECK(YamlScalar("public.customers") == "public.customers");
  CHECK(YamlScalar("null") == "\"null\"");
  CHECK(YamlScalar("Yes") == "\"Yes\"");
  CHECK(YamlScalar("") == "\"\"");
  CHECK(YamlScalar("a: b") == "\"a: b\"");
  CHECK(YamlScalar("-1") == "\"-1\"");
  CHECK(YamlScalar("tab\there") == "\"tab\\x09here\"");
  CHECK(YamlScalar("{}") == "\"{}\"");
}

}  // namespace pgveil::policy
