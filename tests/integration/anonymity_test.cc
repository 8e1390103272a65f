// Anonymous or pseudonymous, measured on a real masked copy: a table built
// so that its k-anonymity is known exactly, bootstrapped, replicated and
// reported on with --target, then switched to irreversible rules.
//
// The table holds 61 patients in 12 groups after generalisation: birth
// years three apart, three ZIP prefixes and two sexes give 12 combinations,
// eleven of 5 rows and one of 6. Before generalisation every row is alone
// (k = 1). Each group holds two diagnoses (l = 2). Names are awkward on
// purpose: a schema with a quote and an umlaut, a table with a space, a
// mixed-case column with a space.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <map>
#include <regex>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "pg/anonymity_probe.h"
#include "pg/connection.h"
#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/test_database.h"

namespace pgveil {
namespace {

using nlohmann::json;

constexpr const char* kKey = "PGVEIL_KEY=anonymity test key, 32 bytes or so";
constexpr int kGroups = 12;
constexpr int kRows = 61;

std::string PatientsSql() {
  const char* first[] = {"Maria", "James", "Anna", "Peter", "Laura", "David", "Sofia", "Thomas"};
  const char* last[] = {"Garcia", "Smith", "Miller", "Johnson",
                        "Brown",  "Davis", "Wilson", "Moore"};
  const char* prefixes[] = {"021", "100", "606"};
  std::string sql =
      "CREATE SCHEMA \"Klinik \"\"Süd\"\"\";"
      "CREATE TABLE \"Klinik \"\"Süd\"\"\".\"Patient Records\" (id serial PRIMARY KEY, "
      "email text, full_name text, birth_date date, \"ZIP Code\" text, \"Geschlecht\" text, "
      "diagnosis text);"
      "INSERT INTO \"Klinik \"\"Süd\"\"\".\"Patient Records\" (email, full_name, birth_date, "
      "\"ZIP Code\", \"Geschlecht\", diagnosis) VALUES ";
  int row = 0;
  for (int group = 0; group < kGroups; ++group) {
    const int size = group == kGroups - 1 ? 6 : 5;
    for (int i = 0; i < size; ++i, ++row) {
      sql +=
          fmt::format("{}('{}.{}{}@example.com', '{} {}', '{}-{:02}-{:02}', '{}{:02}', '{}', '{}')",
                      row == 0 ? "" : ", ", first[row % 8], last[row / 8], row, first[row % 8],
                      last[row / 8], 1950 + 3 * group, 1 + i, 3 + 2 * i, prefixes[group % 3],
                      10 + row, group % 2 == 0 ? "F" : "M", i % 2 == 0 ? "asthma" : "diabetes");
    }
  }
  return sql + "; ANALYZE;";
}

std::string WriteFile(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// `yaml` with the rule of `column` replaced by `rule`.
std::string WithRule(std::string yaml, const std::string& column, const std::string& rule) {
  const std::regex line("\n    " + column + ": [^\n]*");
  REQUIRE(std::regex_search(yaml, line));
  return std::regex_replace(yaml, line, "\n    " + column + ": " + rule);
}

// Copies `source` into a fresh database through `policy`; returns its DSN.
std::string MaskedCopy(const std::string& source, const std::string& policy,
                       const std::string& name) {
  const std::string target = testing::FreshDatabase(name);
  testing::ProcessResult copied = testing::RunPgveil(
      {"replicate", "--source", source, "--target", target, "--policy", policy, "--snapshot-only"},
      {kKey});
  INFO(copied.err);
  REQUIRE(copied.exit_code == 0);
  return target;
}

// A suppression list item for `column` of the patients table.
std::string Suppression(const std::string& column) {
  return "  - column: '\"Klinik \"\"Süd\"\"\".Patient Records." + column +
         "'\n    reason: kept on purpose for this test\n";
}

json Report(const std::string& source, const std::string& policy, const std::string& target) {
  testing::ProcessResult report = testing::RunPgveil(
      {"report", "--dsn", source, "--policy", policy, "--target", target, "--format", "json"});
  INFO(report.err);
  REQUIRE(report.exit_code == 0);
  return json::parse(report.out);
}

const json& PatientsVerdict(const json& report) {
  for (const json& table : report["privacy"]["tables"]) {
    if (table["table"] == "Patient Records") return table;
  }
  FAIL("no verdict for the patients table");
  return report;
}

TEST_CASE("a bootstrapped copy is pseudonymous, irreversible rules make it anonymous",
          "[integration][anonymity]") {
  const std::string source = testing::FreshDatabase("anon_source");
  testing::Exec(source, PatientsSql());
  const std::string dir = testing::ScratchDir("anonymity");

  // The scan marks the quasi-identifiers, by name, type and values.
  testing::ProcessResult scan = testing::RunPgveil({"scan", "--dsn", source, "--format", "json"});
  REQUIRE(scan.exit_code == 0);
  const json scanned = json::parse(scan.out);
  std::map<std::string, std::string> quasi;
  for (const json& q : scanned["quasi_identifiers"]) {
    quasi[q["column"].get<std::string>()] = q["kind"].get<std::string>();
  }
  CHECK(quasi == std::map<std::string, std::string>{{"Geschlecht", "gender"},
                                                    {"ZIP Code", "postal_code"},
                                                    {"birth_date", "birth_date"}});

  // Bootstrap marks them too and generalises dates and ZIP codes.
  const std::string bootstrapped = dir + "/bootstrapped.yaml";
  testing::ProcessResult drafted =
      testing::RunPgveil({"bootstrap", "--dsn", source, "-o", bootstrapped});
  INFO(drafted.err);
  REQUIRE(drafted.exit_code == 0);
  const std::string yaml = ReadFile(bootstrapped);
  INFO(yaml);
  CHECK_THAT(yaml, Catch::Contains("# quasi-identifier (gender)"));
  CHECK_THAT(yaml, Catch::Contains("birth_date: {transform: date_generalize}"));
  CHECK_THAT(yaml, Catch::Contains("\"ZIP Code\": {transform: postal_generalize"));
  CHECK_THAT(yaml, Catch::Contains("for an anonymous copy write {transform: null}"));

  // Measured on the masked copy: every group of 5 or 6, but emails and
  // names are linkable.
  const json first = Report(source, bootstrapped, MaskedCopy(source, bootstrapped, "anon_copy1"));
  CHECK(first["privacy"]["verdict"] == "pseudonymous");
  CHECK(first["summary"]["privacy_verdict"] == "pseudonymous");
  CHECK_THAT(first["privacy"]["sentence"].get<std::string>(),
             Catch::StartsWith("The masked copy is pseudonymous: "));
  CHECK_THAT(first["privacy"]["sentence"].get<std::string>(),
             Catch::Contains("linkable across tables and runs"));
  CHECK_THAT(first["gdpr_art30"]["regime"]["consequence"].get<std::string>(),
             Catch::Contains("Art. 4(5)"));
  const json& measured = PatientsVerdict(first)["k_anonymity"];
  CHECK(measured["quasi_identifiers"] == json({"birth_date", "ZIP Code", "Geschlecht"}));
  CHECK(measured["rows"] == kRows);
  CHECK(measured["classes"] == kGroups);
  CHECK(measured["k"] == 5);
  CHECK(measured["rows_below_bar"] == 0);
  CHECK(measured["sample_percent"].is_null());

  // Kept dates and ZIP codes single everyone out. (Suppressed, or the
  // replicator's gate would refuse to copy them.)
  const std::string raw = dir + "/raw.yaml";
  WriteFile(raw, WithRule(WithRule(yaml, "birth_date", "keep"), "\"ZIP Code\"", "keep") +
                     "suppress:\n" + Suppression("birth_date") + Suppression("ZIP Code"));
  const json exposed = Report(source, raw, MaskedCopy(source, raw, "anon_copy2"));
  CHECK(exposed["privacy"]["verdict"] == "personal");
  const json& single = PatientsVerdict(exposed);
  CHECK(single["k_anonymity"]["k"] == 1);
  CHECK(single["k_anonymity"]["classes"] == kRows);
  CHECK(single["k_anonymity"]["rows_below_bar"] == kRows);

  // Switch the columns the verdict names to irreversible rules, keep the
  // diagnosis as the sensitive attribute: anonymous, k = 5, l = 2.
  std::string switched = WithRule(yaml, "email", "{transform: \"null\"}");
  switched = WithRule(switched, "full_name", "{transform: \"null\"}");
  switched = WithRule(switched, "diagnosis", "{transform: keep, sensitive: true}");
  switched += "suppress:\n" + Suppression("diagnosis");
  const std::string anonymous = WriteFile(dir + "/anonymous.yaml", switched);
  const json second = Report(source, anonymous, MaskedCopy(source, anonymous, "anon_copy3"));
  INFO(second["privacy"].dump(2));
  CHECK(second["privacy"]["verdict"] == "anonymous");
  CHECK_THAT(second["gdpr_art30"]["regime"]["consequence"].get<std::string>(),
             Catch::Contains("Recital 26"));
  const json& table = PatientsVerdict(second);
  CHECK(table["k_anonymity"]["k"] == 5);
  CHECK(table["k_anonymity"]["sensitive"] == json::parse(R"([{"column": "diagnosis", "l": 2}])"));
  // Counts and names only: no value of the copy is in the report.
  for (const char* value : {"asthma", "Garcia", "example.com", "02110"}) {
    CHECK(second.dump().find(value) == std::string::npos);
  }
}

TEST_CASE("require: anonymous gates rules before the copy and k after it",
          "[integration][anonymity]") {
  const std::string source = testing::FreshDatabase("anon_gate");
  testing::Exec(source, PatientsSql());
  const std::string dir = testing::ScratchDir("anonymity-gate");
  const std::string bootstrapped = dir + "/bootstrapped.yaml";
  REQUIRE(testing::RunPgveil({"bootstrap", "--dsn", source, "-o", bootstrapped}).exit_code == 0);
  const std::string yaml = ReadFile(bootstrapped);
  auto requiring = [](const std::string& text, const std::string& extra) {
    return std::regex_replace(text, std::regex("\nmode: strict"),
                              "\nmode: strict\nrequire: anonymous" + extra);
  };

  // Linkable emails and names fail the check, naming the column and the
  // policy line, and the replicator's gate refuses to copy them.
  const std::string pseudonymous = WriteFile(dir + "/pseudonymous.yaml", requiring(yaml, ""));
  testing::ProcessResult gate =
      testing::RunPgveil({"check", "--dsn", source, "--policy", pseudonymous, "--format", "json"});
  CHECK(gate.exit_code == 1);
  INFO(gate.out);
  const json checked = json::parse(gate.out);
  std::set<std::string> columns;
  for (const json& v : checked["violations"]) {
    if (v["rule"] == "not-anonymous") columns.insert(v["column"].get<std::string>());
  }
  CHECK(columns == std::set<std::string>{"email", "full_name"});
  testing::ProcessResult text =
      testing::RunPgveil({"check", "--dsn", source, "--policy", pseudonymous});
  CHECK_THAT(text.out, Catch::Contains("email is masked with email: keyed and deterministic, "
                                       "linkable across tables and runs, so the copy is "
                                       "pseudonymous"));
  CHECK_THAT(text.out, Catch::Contains(pseudonymous + ":"));
  testing::ProcessResult refused = testing::RunPgveil(
      {"replicate", "--source", source, "--target", testing::FreshDatabase("anon_gate_refused"),
       "--policy", pseudonymous, "--snapshot-only"},
      {kKey});
  CHECK(refused.exit_code == 1);

  // Irreversible rules copy; the copy's k then decides.
  std::string rules = WithRule(yaml, "email", "{transform: \"null\"}");
  rules = WithRule(rules, "full_name", "{transform: \"null\"}");
  const std::string anonymous = WriteFile(dir + "/anonymous.yaml", requiring(rules, ""));
  const std::string target = MaskedCopy(source, anonymous, "anon_gate_copy");
  testing::ProcessResult passes =
      testing::RunPgveil({"check", "--dsn", source, "--policy", anonymous, "--target", target});
  INFO(passes.out);
  CHECK(passes.exit_code == 0);
  const std::string stricter =
      WriteFile(dir + "/stricter.yaml", requiring(rules, "\nk_anonymity: 6"));
  testing::ProcessResult fails =
      testing::RunPgveil({"check", "--dsn", source, "--policy", stricter, "--target", target});
  CHECK(fails.exit_code == 1);
  CHECK_THAT(fails.out, Catch::Contains("k = 5 over birth_date, ZIP Code, Geschlecht in the "
                                        "masked copy, below k_anonymity 6: 55 of 61 rows"));
  // Anchored at the require line.
  const std::string text_of_stricter = ReadFile(stricter);
  const int require_line =
      static_cast<int>(std::count(
          text_of_stricter.begin(),
          text_of_stricter.begin() + static_cast<long>(text_of_stricter.find("require:")), '\n')) +
      1;
  CHECK_THAT(fails.out, Catch::Contains(fmt::format("{}:{}", stricter, require_line)));
}

TEST_CASE("mask --list shows each transformer's privacy class", "[integration][anonymity]") {
  testing::ProcessResult list = testing::RunPgveil({"mask", "--list"});
  REQUIRE(list.exit_code == 0);
  // The "types: ..." line of a transformer's entry: name, summary, then it.
  auto traits = [&](const std::string& name) {
    const size_t entry = list.out.find("\n" + name + "\n");
    REQUIRE(entry != std::string::npos);
    const size_t begin = list.out.find("  types: ", entry);
    return list.out.substr(begin, list.out.find('\n', begin) - begin);
  };
  CHECK_THAT(traits("fpe_digits"), Catch::EndsWith("; privacy: reversible"));
  CHECK_THAT(traits("email"), Catch::EndsWith("; privacy: linkable"));
  CHECK_THAT(traits("postal_generalize"), Catch::EndsWith("; privacy: irreversible"));
  CHECK_THAT(traits("date_shift"), Catch::EndsWith("; privacy: reversible"));
}

TEST_CASE("bad anonymity settings and an unreachable copy exit as DESIGN.md says",
          "[integration][anonymity]") {
  const std::string source = testing::FreshDatabase("anon_errors");
  testing::Exec(source, PatientsSql());
  const std::string dir = testing::ScratchDir("anonymity-errors");
  const std::string bad = WriteFile(dir + "/bad.yaml", "version: 1\nk_anonymity: 1\n");
  testing::ProcessResult invalid = testing::RunPgveil(
      {"report", "--dsn", source, "--policy", bad, "--format", "json", "--target", source});
  CHECK(invalid.exit_code == 2);
  CHECK_THAT(invalid.err, Catch::Contains(bad + ":2:14: k_anonymity must be a whole number"));

  const std::string policy = dir + "/pgveil.yaml";
  REQUIRE(testing::RunPgveil({"bootstrap", "--dsn", source, "-o", policy}).exit_code == 0);
  testing::ProcessResult unreachable =
      testing::RunPgveil({"report", "--dsn", source, "--policy", policy, "--format", "json",
                          "--target", "host=/nonexistent-pgveil-socket dbname=copy"});
  CHECK(unreachable.exit_code == 3);
  CHECK_THAT(unreachable.err, Catch::Contains("--target"));
  CHECK(unreachable.out.empty());
}

TEST_CASE("the probe samples large tables and reports what it cannot measure",
          "[integration][anonymity]") {
  const std::string dsn = testing::FreshDatabase("anon_probe");
  testing::Exec(dsn, PatientsSql() +
                         "ALTER TABLE \"Klinik \"\"Süd\"\"\".\"Patient Records\" "
                         "ADD COLUMN profile json;");
  auto connection = pg::Connection::Open(dsn);
  REQUIRE(connection.ok());
  pg::AnonymityQuery query{"Klinik \"Süd\"", "Patient Records", {"Geschlecht"}, {}, 5};

  // Above the threshold: a repeatable sample, and the result says so.
  pg::AnonymityProbeOptions options;
  options.sample_above_rows = 20;
  Result<TableAnonymity> sampled = pg::MeasureAnonymity(**connection, query, options);
  REQUIRE(sampled.ok());
  REQUIRE(sampled->sample_percent.has_value());
  CHECK(*sampled->sample_percent == Approx(100.0 * 20 / kRows));
  CHECK(sampled->rows > 0);
  CHECK(sampled->rows < kRows);
  CHECK(sampled->classes == 2);
  Result<TableAnonymity> again = pg::MeasureAnonymity(**connection, query, options);
  REQUIRE(again.ok());
  CHECK(again->rows == sampled->rows);

  Result<TableAnonymity> whole = pg::MeasureAnonymity(**connection, query);
  REQUIRE(whole.ok());
  CHECK_FALSE(whole->sample_percent.has_value());
  CHECK(whole->rows == kRows);
  CHECK(whole->k == 30);  // 6 groups of F and M each: 30 and 31 rows

  query.table = "Nobody";
  Result<TableAnonymity> missing = pg::MeasureAnonymity(**connection, query);
  REQUIRE(missing.ok());
  CHECK(missing->not_measured == "not in the masked copy");

  // A type without equality cannot be grouped: not measured, and the
  // connection goes on working.
  query.table = "Patient Records";
  query.quasi_identifiers = {"profile"};
  Result<TableAnonymity> refused = pg::MeasureAnonymity(**connection, query);
  REQUIRE(refused.ok());
  CHECK_THAT(refused->not_measured, Catch::Contains("equality operator for type json"));
  query.quasi_identifiers = {"Geschlecht"};
  CHECK(pg::MeasureAnonymity(**connection, query).ok());
}

}  // namespace
}  // namespace pgveil
