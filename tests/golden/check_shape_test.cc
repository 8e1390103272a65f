// tests/golden/check_shape_test.cc
//
// What the golden files cannot show by eye: that the SARIF has the shape
// GitHub code scanning requires, that the JUnit XML is well-formed with the
// nasty identifiers intact, that no identifier can forge a GitHub workflow
// command or break the step summary's table, and that the GitLab report
// carries every field GitLab reads.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <set>
#include <sstream>
#include <string>

#include "reports/check_report.h"
#include "reports/check_rules.h"
#include "tests/golden/check_fixtures.h"
#include "tests/golden/mini_xml.h"

namespace pgveil {
namespace {

using nlohmann::json;
using reports::CheckFormat;
using reports::RenderCheck;

constexpr std::string_view kNasty = "we\"ird <col> & co";

// A result whose violations stress what fixtures do not: a rule id the
// catalogue does not know, an absolute path, and an identifier holding a
// newline and a workflow command.
CheckResult HostileRun() {
  CheckResult result = testing::FailingRun();
  Violation future;
  future.rule = "future-rule";
  future.column = {"public", "t", "c\n::error::forged"};
  future.message = "A rule from a newer policy module.";
  future.location.file = "/abs/path/pgveil.yaml";
  future.location.line = 2;
  result.violations.push_back(future);
  Violation other = future;
  other.rule = "another-future-rule";
  other.location.file = "C:\\ci\\x,y:z.sql";
  result.violations.push_back(other);
  result.violations.push_back(future);
  return result;
}

// Position of the first violation of `rule` in `result`; the tests look
// violations up by rule so that adding one to a fixture does not shift them.
size_t IndexOf(const CheckResult& result, std::string_view rule) {
  for (size_t i = 0; i < result.violations.size(); ++i) {
    if (result.violations[i].rule == rule) return i;
  }
  FAIL("no violation of rule " << rule);
  return 0;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

void CheckSarifShape(const CheckResult& result) {
  json sarif = json::parse(RenderCheck(result, CheckFormat::kSarif));
  CHECK(sarif["version"] == "2.1.0");
  CHECK(sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
  REQUIRE(sarif["runs"].size() == 1);
  const json& run = sarif["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "pgveil");
  CHECK(run["tool"]["driver"]["version"].is_string());

  const json& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.is_array());
  CHECK(rules.size() >= reports::AllCheckRules().size());
  std::set<std::string> ids;
  for (const json& rule : rules) {
    INFO(rule.dump());
    REQUIRE(rule["id"].is_string());
    CHECK(ids.insert(rule["id"].get<std::string>()).second);
    CHECK_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK(rule["shortDescription"]["text"].get<std::string>().size() <= 1024);
    std::string level = rule["defaultConfiguration"]["level"];
    CHECK((level == "error" || level == "warning" || level == "note"));
    const json& tags = rule["properties"]["tags"];
    CHECK(std::find(tags.begin(), tags.end(), "security") != tags.end());
  }
  for (const reports::CheckRule& rule : reports::AllCheckRules()) {
    const json& entry = rules[*reports::CheckRuleIndex(rule.id)];
    CHECK(entry["id"] == rule.id);
    CHECK(entry["name"] == rule.name);
    CHECK_FALSE(entry["fullDescription"]["text"].get<std::string>().empty());
    CHECK_FALSE(entry["help"]["text"].get<std::string>().empty());
    CHECK(entry["help"]["markdown"].get<std::string>().starts_with("## Why this"));
    double score = std::stod(entry["properties"]["security-severity"].get<std::string>());
    CHECK((score >= 0.0 && score <= 10.0));
  }

  const json& results = run["results"];
  REQUIRE(results.size() == result.violations.size());
  for (const json& r : results) {
    INFO(r.dump());
    REQUIRE(r["ruleId"].is_string());
    REQUIRE(r["ruleIndex"].is_number_unsigned());
    size_t index = r["ruleIndex"];
    REQUIRE(index < rules.size());
    CHECK(rules[index]["id"] == r["ruleId"]);
    std::string level = r["level"];
    CHECK((level == "error" || level == "warning"));
    CHECK_FALSE(r["message"]["text"].get<std::string>().empty());
    REQUIRE(r["locations"].size() == 1);
    const json& physical = r["locations"][0]["physicalLocation"];
    std::string uri = physical["artifactLocation"]["uri"];
    CHECK_FALSE(uri.empty());
    CHECK(uri.find_first_of(" \\") == std::string::npos);
    CHECK(physical["region"]["startLine"].get<int>() >= 1);
    if (physical["region"].contains("startColumn")) {
      CHECK(physical["region"]["startColumn"].get<int>() >= 1);
    }
    CHECK_FALSE(r["partialFingerprints"]["pgveil/v1"].get<std::string>().empty());
  }
}

TEST_CASE("SARIF has the shape GitHub code scanning requires", "[reports]") {
  CheckSarifShape(testing::CleanRun());
  CheckSarifShape(testing::FailingRun());
  CheckSarifShape(HostileRun());
}

TEST_CASE("SARIF anchors unknown locations at line 1 of the policy and encodes URIs", "[reports]") {
  CheckResult hostile = HostileRun();
  json sarif = json::parse(RenderCheck(hostile, CheckFormat::kSarif));
  const json& results = sarif["runs"][0]["results"];
  auto physical = [&](size_t i) { return results[i]["locations"][0]["physicalLocation"]; };
  CHECK(physical(0)["artifactLocation"]["uri"] == "db/migrations/0043%20kunden%20daten.sql");
  size_t uncovered = IndexOf(hostile, "uncovered-column");  // has no location: the policy
  CHECK(physical(uncovered)["artifactLocation"]["uri"] == "pgveil.yaml");
  CHECK(physical(uncovered)["region"]["startLine"] == 1);
  CHECK_FALSE(physical(uncovered)["region"].contains("startColumn"));
  size_t future = IndexOf(hostile, "future-rule");
  size_t another = IndexOf(hostile, "another-future-rule");
  CHECK(physical(future)["artifactLocation"]["uri"] == "file:///abs/path/pgveil.yaml");
  CHECK(physical(another)["artifactLocation"]["uri"] == "file:///C:/ci/x,y%3Az.sql");
  // Two unknown rules, appended once each after the catalogue, first seen first.
  size_t known = reports::AllCheckRules().size();
  CHECK(results[future]["ruleIndex"] == known);
  CHECK(results[another]["ruleIndex"] == known + 1);
  CHECK(results.back()["ruleIndex"] == known);
  CHECK(sarif["runs"][0]["tool"]["driver"]["rules"].size() == known + 2);
}

TEST_CASE("JUnit XML is well-formed and keeps hostile identifiers intact", "[reports]") {
  for (const CheckResult& result :
       {testing::CleanRun(), testing::FailingRun(), testing::WarningsOnlyRun(), HostileRun()}) {
    std::string xml = RenderCheck(result, CheckFormat::kJunit);
    std::string error;
    std::optional<testing::XmlElement> root = testing::ParseXml(xml, &error);
    INFO(error);
    REQUIRE(root.has_value());
    CHECK(root->name == "testsuites");
    std::vector<const testing::XmlElement*> cases = root->FindAll("testcase");
    std::vector<const testing::XmlElement*> failures = root->FindAll("failure");
    CHECK(root->Attribute("tests") == std::to_string(cases.size()));
    CHECK(root->Attribute("failures") == std::to_string(failures.size()));
    for (const testing::XmlElement* suite : root->FindAll("testsuite")) {
      CHECK(suite->Attribute("tests") == std::to_string(suite->FindAll("testcase").size()));
      CHECK(suite->Attribute("failures") == std::to_string(suite->FindAll("failure").size()));
    }
  }
  std::string error;
  testing::XmlElement root =
      *testing::ParseXml(RenderCheck(testing::FailingRun(), CheckFormat::kJunit), &error);
  const testing::XmlElement* nasty = nullptr;
  for (const testing::XmlElement* test : root.FindAll("testcase")) {
    if (test->Attribute("name") == std::string(kNasty)) nasty = test;
  }
  REQUIRE(nasty != nullptr);
  CHECK(nasty->Attribute("classname") == "Kunden Daten.Bestellungen_ü");
  REQUIRE(nasty->children.size() == 1);
  CHECK(nasty->children[0].Attribute("type") == "unmasked-pii");
  CHECK(nasty->children[0].text.find(kNasty) != std::string::npos);
}

TEST_CASE("the mini XML reader rejects what JUnit consumers would reject", "[reports]") {
  std::string error;
  CHECK(testing::ParseXml("<a><b></a>", &error) == std::nullopt);
  CHECK(testing::ParseXml("<a x=\"1\" x=\"2\"/>", &error) == std::nullopt);
  CHECK(testing::ParseXml("<a x=\"<\"/>", &error) == std::nullopt);
  CHECK(testing::ParseXml("<a>fish & chips</a>", &error) == std::nullopt);
  CHECK(testing::ParseXml("<a/><b/>", &error) == std::nullopt);
  CHECK(testing::ParseXml("<a>\x01</a>", &error) == std::nullopt);
  CHECK(testing::ParseXml("<a x=\"&quot;&lt;&amp;\">&#10;</a>", &error)->Attribute("x") == "\"<&");
}

TEST_CASE("GitHub annotations cannot be forged by identifiers and respect the cap", "[reports]") {
  std::string out = RenderCheck(HostileRun(), CheckFormat::kGithub);
  std::vector<std::string> lines = Lines(out);
  CHECK(lines.size() == HostileRun().violations.size() + 1);  // + the plain summary line
  for (const std::string& line : lines) {
    CHECK_FALSE(line.starts_with("::error::forged"));
  }
  CHECK(out.find("file=C%3A\\ci\\x%2Cy%3Az.sql,line=2,title=pgveil another-future-rule::") !=
        std::string::npos);

  reports::CheckRenderOptions capped;
  capped.github_annotation_cap = 2;
  lines = Lines(RenderCheck(testing::FailingRun(), CheckFormat::kGithub, capped));
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].starts_with("::error "));
  CHECK(lines[1].starts_with("::error "));
  size_t more = testing::FailingRun().violations.size() - 2;
  CHECK(lines[2] == "::warning title=pgveil::and " + std::to_string(more) +
                        " more violations; see the step summary");
}

TEST_CASE("the step summary table has one row and six cells per violation", "[reports]") {
  CheckResult result = HostileRun();
  result.violations[0].message = "a | b";
  std::vector<std::string> lines = Lines(reports::GithubStepSummary(result));
  size_t rows = 0;
  for (const std::string& line : lines) {
    if (!line.starts_with("| ") || line.starts_with("| Severity") || line.starts_with("| ---")) {
      continue;
    }
    ++rows;
    size_t cells = 0;
    for (size_t i = 0; i < line.size(); ++i)
      cells += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    CHECK(cells == 7);
  }
  CHECK(rows == result.violations.size());
}

TEST_CASE("GitLab code quality entries carry every field GitLab reads", "[reports]") {
  json issues = json::parse(RenderCheck(testing::FailingRun(), CheckFormat::kGitlab));
  REQUIRE(issues.size() == testing::FailingRun().violations.size());
  std::set<std::string> fingerprints;
  for (const json& issue : issues) {
    INFO(issue.dump());
    CHECK_FALSE(issue["description"].get<std::string>().empty());
    CHECK_FALSE(issue["check_name"].get<std::string>().empty());
    CHECK(fingerprints.insert(issue["fingerprint"].get<std::string>()).second);
    CHECK_FALSE(issue["location"]["path"].get<std::string>().empty());
    CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
  }
  CheckResult failing = testing::FailingRun();
  CHECK(issues[0]["severity"] == "blocker");  // religion: GDPR Art. 9
  CHECK(issues[1]["severity"] == "major");
  CHECK(issues[IndexOf(failing, "low-confidence-pii")]["severity"] == "minor");
  json warnings = json::parse(RenderCheck(testing::WarningsOnlyRun(), CheckFormat::kGitlab));
  CHECK(warnings[0]["severity"] == "critical");  // health, a warning
  CHECK(json::parse(RenderCheck(testing::CleanRun(), CheckFormat::kGitlab)) == json::array());
}

TEST_CASE("text colours only when asked and never passes control characters through", "[reports]") {
  std::string plain = RenderCheck(HostileRun(), CheckFormat::kText);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(plain.find("c\n::error") == std::string::npos);
  reports::CheckRenderOptions color;
  color.color = true;
  std::string colored = RenderCheck(testing::FailingRun(), CheckFormat::kText, color);
  CHECK(colored.find("\x1b[31m") != std::string::npos);
  CHECK(colored.find("\x1b[33m") != std::string::npos);
}

TEST_CASE("JSON reports absent values as null", "[reports]") {
  CheckResult failing = testing::FailingRun();
  json doc = json::parse(RenderCheck(failing, CheckFormat::kJson));
  const json& stale = doc["violations"][IndexOf(failing, "stale-rule")];
  CHECK(stale["rule"] == "stale-rule");
  CHECK(stale["column"].is_null());
  CHECK(stale["path"].is_null());
  CHECK(stale["category"].is_null());
  const json& uncovered = doc["violations"][IndexOf(failing, "uncovered-column")];
  CHECK(uncovered["location"]["file"].is_null());
  CHECK(uncovered["location"]["line"].is_null());
  CHECK(doc["summary"]["errors"] == failing.Errors());
  CHECK(doc["summary"]["warnings"] == 2);
  CHECK(doc["summary"]["passed"] == false);
}

TEST_CASE("format names round-trip", "[reports]") {
  for (std::string_view name : {"text", "json", "sarif", "junit", "github", "gitlab"}) {
    CHECK(reports::CheckFormatFromName(name).has_value());
  }
  CHECK_FALSE(reports::CheckFormatFromName("html").has_value());
  CHECK_FALSE(reports::CheckFormatFromName("SARIF").has_value());
}

}  // namespace
}  // namespace pgveil
