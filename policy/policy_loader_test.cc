#include "policy/policy_loader.h"

#include <catch2/catch.hpp>

#include <algorithm>

namespace pgveil::policy {
namespace {

constexpr const char* kDesignExample = R"(version: 1
mode: strict                 # strict: every column needs a rule
key: {env: PGVEIL_KEY}
tables:
  public.customers:
    email:       {transform: email, keep_domain: true}
    first_name:  {transform: fake_first_name}
    phone:       {transform: phone}
    customer_id: {transform: fpe_digits, domain: customer_id}
    status:      keep
    profile:
      transform: json
      paths:
        "$.contact.email":     {transform: email}
        "$.contact.phones[*]": {transform: phone}
        "$.notes":             delete
  public.audit_log: skip
suppress:
  - column: public.products.barcode
    reason: EAN-13 barcodes, not card numbers
    expires: 2027-06-30
)";

// The error text of loading `yaml` as pgveil.yaml.
std::string ErrorOf(const std::string& yaml) {
  Result<Policy> policy = LoadPolicy(yaml, "pgveil.yaml");
  REQUIRE_FALSE(policy.ok());
  CHECK(policy.status().code() == StatusCode::kInvalidArgument);
  return policy.status().message();
}

}  // namespace

TEST_CASE("the policy of DESIGN.md loads with every node located", "[policy]") {
  Result<Policy> loaded = LoadPolicy(kDesignExample, "pgveil.yaml");
  INFO((loaded.ok() ? "" : loaded.status().message()));
  REQUIRE(loaded.ok());
  const Policy& policy = *loaded;
  CHECK(policy.version == 1);
  CHECK(policy.mode == Mode::kStrict);
  CHECK(policy.key.kind == masking::KeySource::Kind::kEnvironment);
  CHECK(policy.key.name == "PGVEIL_KEY");
  REQUIRE(policy.tables.size() == 2);
  const TableRule* audit = policy.FindTable("public", "audit_log");
  REQUIRE(audit != nullptr);
  CHECK(audit->skip);
  CHECK(audit->location.line == 17);
  CHECK(audit->location.column == 3);

  const ColumnRule* email = policy.FindColumn({"public", "customers", "email"});
  REQUIRE(email != nullptr);
  CHECK(email->kind == ColumnRule::Kind::kTransform);
  CHECK(email->transformer == "email");
  CHECK(email->params.at("keep_domain") == "true");
  CHECK(email->location.file == "pgveil.yaml");
  CHECK(email->location.line == 6);
  CHECK(email->location.column == 5);

  const ColumnRule* id = policy.FindColumn({"public", "customers", "customer_id"});
  REQUIRE(id != nullptr);
  CHECK(id->domain == "customer_id");
  CHECK(id->params.empty());
  CHECK(policy.FindColumn({"public", "customers", "status"})->kind == ColumnRule::Kind::kKeep);

  const ColumnRule* profile = policy.FindColumn({"public", "customers", "profile"});
  REQUIRE(profile != nullptr);
  REQUIRE(profile->paths.size() == 3);
  CHECK(profile->paths[0].path == "$.contact.email");
  CHECK(profile->paths[0].location.line == 14);
  CHECK(profile->paths[2].action == PathRule::Action::kDelete);
  // What the masking registry's json transformer reads.
  CHECK(profile->RegistryParams().at("paths") ==
        R"({"$.contact.email":{"transform":"email"},"$.contact.phones[*]":{"transform":"phone"},)"
        R"("$.notes":"delete"})");

  REQUIRE(policy.suppressions.size() == 1);
  const Suppression& suppression = policy.suppressions[0];
  CHECK(suppression.column == ColumnRef{"public", "products", "barcode"});
  CHECK(suppression.expires == CalendarDate{2027, 6, 30});
  CHECK(suppression.reason == "EAN-13 barcodes, not card numbers");
  CHECK(suppression.location.line == 19);
}

TEST_CASE("a YAML syntax error names file, line and column", "[policy]") {
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    x: {transform: email\n") ==
        "pgveil.yaml:5:1: YAML syntax error: end of map flow not found");
}

TEST_CASE("an unknown key suggests the closest allowed key", "[policy]") {
  CHECK(ErrorOf("version: 1\ntabels:\n  public.a: skip\n") ==
        "pgveil.yaml:2:1: unknown key 'tabels' in the policy; did you mean 'tables'?");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    email: {transform: email, keep_domian: "
                "true}\n") ==
        "pgveil.yaml:4:31: unknown key 'keep_domian' in the rule for public.a.email (transformer "
        "email); did you mean 'keep_domain'?");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    email: {transfrom: email}\n") ==
        "pgveil.yaml:4:5: the rule for public.a.email names no transformer: add transform: NAME\n"
        "pgveil.yaml:4:13: unknown key 'transfrom' in the rule for public.a.email; did you mean "
        "'transform'?");
}

TEST_CASE("an unknown transformer is an error with a suggestion", "[policy]") {
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    email: {transform: emial}\n") ==
        "pgveil.yaml:4:24: unknown transformer 'emial'; did you mean 'email'?");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    phone: fone\n") ==
        "pgveil.yaml:4:12: unknown transformer 'fone'; did you mean 'phone'?");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    doc:\n      transform: json\n      paths:\n"
                "        \"$.a\": {transform: hashh}\n") ==
        "pgveil.yaml:7:28: unknown transformer 'hashh'; did you mean 'hash'?");
}

TEST_CASE("parameter values are checked by the masking registry", "[policy]") {
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    email: {transform: email, local_length: "
                "3}\n") ==
        "pgveil.yaml:4:45: parameter 'local_length' for transformer email must be between 8 and "
        "51 (in the rule for public.a.email)");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    note: constant\n") ==
        "pgveil.yaml:4:11: parameter 'value' is required for transformer constant (in the rule "
        "for public.a.note)");
}

TEST_CASE("duplicate rules are errors, whatever the spelling", "[policy]") {
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    x: keep\n    x: keep\n") ==
        "pgveil.yaml:5:5: duplicate key 'x' (first at 4:5)");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a: skip\n  a: skip\n") ==
        "pgveil.yaml:4:3: duplicate rule for table public.a (first at 3:3)");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    doc:\n      transform: json\n      paths:\n"
                "        \"$.a\": hash\n        \"$['a']\": hash\n") ==
        "pgveil.yaml:8:9: duplicate rule for public.a.doc $['a'] (another spelling of an earlier "
        "path)");
  CHECK(ErrorOf("version: 1\nsuppress:\n  - {column: public.a.b, reason: r}\n"
                "  - {column: public.a.b, reason: s}\n") ==
        "pgveil.yaml:4:5: duplicate suppression for public.a.b (first at 3:5)");
}

TEST_CASE("dates must be real calendar dates", "[policy]") {
  auto suppression = [](const std::string& date) {
    return "version: 1\nsuppress:\n  - column: public.a.b\n    reason: not PII\n    expires: " +
           date + "\n";
  };
  CHECK(ErrorOf(suppression("2027-02-29")) ==
        "pgveil.yaml:5:14: expires: '2027-02-29' is not a real calendar date");
  CHECK(ErrorOf(suppression("2027-6-30")) ==
        "pgveil.yaml:5:14: expires: '2027-6-30' is not a date; write YYYY-MM-DD");
  CHECK(LoadPolicy(suppression("2028-02-29"), "p").ok());
}

TEST_CASE("a key written into the policy is refused", "[policy]") {
  CHECK(ErrorOf("version: 1\nkey: \"s3cr3t-value\"\n") ==
        "pgveil.yaml:2:6: the masking key must not be written in the policy; use key: {env: "
        "PGVEIL_KEY} or key: {file: ...}");
  Result<Policy> file = LoadPolicy("version: 1\nkey: {file: /etc/pgveil/key}\n", "p");
  REQUIRE(file.ok());
  CHECK(file->key.kind == masking::KeySource::Kind::kFile);
  CHECK(file->key.name == "/etc/pgveil/key");
}

TEST_CASE("every error of a policy is reported, in file order", "[policy]") {
  std::string message = ErrorOf(
      "version: 2\nmode: strikt\ntables:\n  public.a:\n    x: skip\n    y:\n"
      "suppress:\n  - column: public.a\n    reason: r\n  - column: public.a.b\n    category: "
      "emial\n    reason: r\n");
  CHECK(message ==
        "pgveil.yaml:1:10: unsupported policy version '2'; this pgveil reads version 1\n"
        "pgveil.yaml:2:7: unknown mode 'strikt'; did you mean 'strict'? (strict or relaxed)\n"
        "pgveil.yaml:5:8: skip applies to whole tables; to blank public.a.x write {transform: "
        "null}\n"
        "pgveil.yaml:6:5: empty rule for public.a.y: write keep or a transformer (null writes SQL "
        "NULL)\n"
        "pgveil.yaml:8:13: 'public.a' is not a column name (schema.table.column)\n"
        "pgveil.yaml:11:15: unknown category 'emial'; did you mean 'email'?");
}

TEST_CASE("structural mistakes get a located message", "[policy]") {
  CHECK(ErrorOf("") == "pgveil.yaml:1:1: the policy is empty; it needs at least version: 1");
  CHECK(ErrorOf("tables: {}\n") == "pgveil.yaml:1:1: the policy needs version: 1");
  CHECK(ErrorOf("version: 1\n---\nversion: 1\n") ==
        "pgveil.yaml:2:1: the policy must be one YAML document; remove the second ---");
  CHECK(LoadPolicy("# policy\n%YAML 1.2\n---\nversion: 1\n...\n", "p").ok());
  CHECK(ErrorOf("# a comment only\n") ==
        "pgveil.yaml:1:1: the policy is empty; it needs at least version: 1");
  // yaml-cpp reads a leading comma as an empty document; it is not empty.
  CHECK(ErrorOf("\n  ,version: 1\ntables: {}\n") ==
        "pgveil.yaml:2:3: YAML syntax error: cannot read YAML from here");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a: skp\n") ==
        "pgveil.yaml:3:13: unknown table rule 'skp'; did you mean 'skip'? for public.a: a table is "
        "skip or a map of its columns");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    doc: json\n") ==
        "pgveil.yaml:4:10: transform json needs paths: (a map of JSONPath -> rule)");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    doc:\n      transform: json\n      paths:\n"
                "        \"contact.email\": email\n") ==
        "pgveil.yaml:7:9: path 'contact.email': bad JSON path at character 1: a path starts "
        "with '$'");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    x: {transform: hash, paths: {}}\n") ==
        "pgveil.yaml:4:26: paths: belongs to transform json, not hash");
  CHECK(ErrorOf("version: 1\nsuppress:\n  - column: public.a.b\n") ==
        "pgveil.yaml:3:5: a suppression needs a reason: say why this is not personal data");
}

TEST_CASE("odd names are written quoted, as in SQL", "[policy]") {
  Result<Policy> policy = LoadPolicy(
      "version: 1\ntables:\n  '\"Kunden Daten\".\"Ähnliche \"\"Kontakte\"\"\"':\n"
      "    \"E-Mail Adresse\": {transform: email}\n  orders: skip\n",
      "p");
  INFO((policy.ok() ? "" : policy.status().message()));
  REQUIRE(policy.ok());
  CHECK(policy->FindColumn({"Kunden Daten", "Ähnliche \"Kontakte\"", "E-Mail Adresse"}) != nullptr);
  CHECK(policy->FindTable("public", "orders") != nullptr);
}

TEST_CASE("the word null names the null transformer; ~ and nothing are empty", "[policy]") {
  Result<Policy> policy = LoadPolicy(
      "version: 1\ntables:\n  public.a:\n    fax: null\n    note: {transform: null}\n"
      "    doc:\n      transform: json\n      paths:\n        \"$.x\": NULL\n",
      "p");
  INFO((policy.ok() ? "" : policy.status().message()));
  REQUIRE(policy.ok());
  CHECK(policy->FindColumn({"public", "a", "fax"})->transformer == "null");
  CHECK(policy->FindColumn({"public", "a", "note"})->transformer == "null");
  CHECK(policy->FindColumn({"public", "a", "doc"})->paths[0].transformer == "null");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    fax: ~\n") ==
        "pgveil.yaml:4:5: empty rule for public.a.fax: write keep or a transformer (null writes "
        "SQL NULL)");
  CHECK(ErrorOf("version: 1\ntables:\n  public.a:\n    fax: {transform: }\n") ==
        "pgveil.yaml:4:11: transform has no value");
}

TEST_CASE("relaxed mode, set rules and an empty tables map load", "[policy]") {
  Result<Policy> policy = LoadPolicy(
      "version: 1\nmode: relaxed\ntables:\n  public.a:\n    doc:\n      transform: json\n"
      "      paths:\n        \"$.note\": {transform: set, value: hidden}\n"
      "        \"$.n\": {transform: set, value: 0}\n",
      "p");
  INFO((policy.ok() ? "" : policy.status().message()));
  REQUIRE(policy.ok());
  CHECK(policy->mode == Mode::kRelaxed);
  const ColumnRule* doc = policy->FindColumn({"public", "a", "doc"});
  REQUIRE(doc != nullptr);
  CHECK(doc->paths[0].set_json == "\"hidden\"");
  CHECK(doc->paths[1].set_json == "0");
  CHECK(LoadPolicy("version: 1\ntables: {}\n", "p").ok());
}

// Found by the policy_loader fuzz target (tests/fuzz/corpus/policy_loader/
// crash-control-character-in-key): a quoted key holding a newline was
// echoed as it was, splitting one error over two lines, the second without
// its file:line.
TEST_CASE("a key holding control characters is reported on one line, escaped",
          "[policy][regression]") {
  const std::string error = ErrorOf("version: 1\n\"tab\\nles\\u001b[2J\": {}\n");
  CHECK(error.find('\n') == std::string::npos);
  CHECK(error.find('\x1b') == std::string::npos);
  CHECK_THAT(error, Catch::StartsWith("pgveil.yaml:2:1: unknown key 'tab\\x0ales\\x1b[2J'"));
}

// Found by the policy_loader fuzz target (tests/fuzz/corpus/policy_loader/
// crash-more-errors-summary-line): past 20 errors the last line counts the
// rest; it read "1 more errors".
TEST_CASE("past twenty errors one last line counts the rest", "[policy][regression]") {
  auto policy_with_unknown_keys = [](int count) {
    std::string yaml = "version: 1\n";
    for (int i = 0; i < count; ++i) yaml += "unknown_" + std::to_string(i) + ": 1\n";
    return yaml;
  };
  const std::string one_more = ErrorOf(policy_with_unknown_keys(21));
  CHECK(std::count(one_more.begin(), one_more.end(), '\n') == 20);
  CHECK_THAT(one_more, Catch::EndsWith("\npgveil.yaml: 1 more error not shown"));
  CHECK_THAT(ErrorOf(policy_with_unknown_keys(23)),
             Catch::EndsWith("\npgveil.yaml: 3 more errors not shown"));
}

}  // namespace pgveil::policy
