// tests/golden/compliance_shape_test.cc
//
// What a byte comparison cannot show about the compliance report: the HTML
// page is self-contained (no script, nothing fetched), well-formed (read by
// the strict XML reader in mini_xml.cc), semantic (captions, header scopes,
// labelled charts) and carries the summary figures under their ids; a
// hostile identifier is escaped in every format; Markdown table rows keep
// their column count; the JSON holds every documented section.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "reports/compliance_report.h"
#include "tests/golden/compliance_fixtures.h"
#include "tests/golden/mini_xml.h"

namespace pgveil {
namespace {

using testing::XmlElement;

const reports::ComplianceReport& Full() {
  static const reports::ComplianceReport report =
      reports::BuildComplianceReport(testing::FullComplianceInput());
  return report;
}

XmlElement ParseHtml(const std::string& html) {
  const std::string doctype = "<!DOCTYPE html>\n";
  REQUIRE(html.starts_with(doctype));
  std::string error;
  std::optional<XmlElement> root = testing::ParseXml(html.substr(doctype.size()), &error);
  INFO(error);
  REQUIRE(root.has_value());
  return *root;
}

const XmlElement* ById(const XmlElement& root, std::string_view id) {
  std::vector<const XmlElement*> stack = {&root};
  while (!stack.empty()) {
    const XmlElement* e = stack.back();
    stack.pop_back();
    if (e->Attribute("id") == std::string(id)) return e;
    for (const XmlElement& child : e->children) stack.push_back(&child);
  }
  return nullptr;
}

TEST_CASE("the HTML report is self-contained and well-formed", "[reports][compliance]") {
  for (const reports::ComplianceInput& input :
       {testing::FullComplianceInput(), testing::CleanComplianceInput()}) {
    const std::string html = reports::ComplianceHtml(reports::BuildComplianceReport(input));
    XmlElement root = ParseHtml(html);
    CHECK(root.name == "html");
    CHECK(root.FindAll("script").empty());
    CHECK(root.FindAll("link").empty());
    CHECK(root.FindAll("img").empty());
    CHECK(root.FindAll("style").size() == 1);
    for (std::string_view banned : {"src=", "url(", "@import", "http:", "https:", "<!--"}) {
      // The SVG namespace name is an identifier, not a location to fetch.
      std::string without_ns = html;
      for (size_t at; (at = without_ns.find("http://www.w3.org/2000/svg")) != std::string::npos;) {
        without_ns.erase(at, 26);
      }
      INFO(banned);
      CHECK(without_ns.find(banned) == std::string::npos);
    }
    for (const XmlElement* a : root.FindAll("a")) CHECK(a->Attribute("href")->starts_with("#"));
  }
}

TEST_CASE("the HTML report's tables and charts are semantic", "[reports][compliance]") {
  XmlElement root = ParseHtml(reports::ComplianceHtml(Full()));
  std::vector<const XmlElement*> tables = root.FindAll("table");
  CHECK(tables.size() >= 8);
  for (const XmlElement* table : tables) {
    REQUIRE_FALSE(table->children.empty());
    CHECK(table->children.front().name == "caption");
    for (const XmlElement* th : table->FindAll("th")) CHECK(th->Attribute("scope").has_value());
    for (const XmlElement* body : table->FindAll("tbody")) {
      for (const XmlElement& row : body->children) {
        REQUIRE_FALSE(row.children.empty());
        CHECK(row.children.front().name == "th");
        CHECK(row.children.front().Attribute("scope") == "row");
      }
    }
  }
  std::vector<const XmlElement*> charts = root.FindAll("svg");
  CHECK(charts.size() == 3);
  for (const XmlElement* svg : charts) {
    CHECK(svg->Attribute("role") == "img");
    REQUIRE_FALSE(svg->children.empty());
    CHECK(svg->children.front().name == "title");
    CHECK(svg->children.front().Attribute("id") == svg->Attribute("aria-labelledby"));
  }
  const XmlElement* hipaa = ById(root, "hipaa");
  REQUIRE(hipaa != nullptr);
  std::string letters;
  for (const XmlElement* body : hipaa->FindAll("tbody")) {
    for (const XmlElement& row : body->children) letters += row.children.front().text;
  }
  CHECK(letters == "ABCDEFGHIJKLMNOPQR");
}

TEST_CASE("the HTML summary carries its figures under ids", "[reports][compliance]") {
  const reports::ComplianceSummary& s = Full().summary;
  XmlElement root = ParseHtml(reports::ComplianceHtml(Full()));
  const std::pair<std::string_view, std::string> expected[] = {
      {"summary-tables", std::to_string(s.tables_scanned)},
      {"summary-pii-columns", std::to_string(s.pii_columns)},
      {"summary-categories", std::to_string(s.categories)},
      {"summary-violations", std::to_string(s.errors)},
      {"summary-hipaa-pass", std::to_string(s.hipaa_pass)},
      {"summary-hipaa-fail", std::to_string(s.hipaa_fail)},
      {"summary-special", std::to_string(s.special_locations)},
  };
  for (const auto& [id, figure] : expected) {
    const XmlElement* e = ById(root, id);
    INFO(id);
    REQUIRE(e != nullptr);
    CHECK(e->text == figure);
  }
  CHECK(s.tables_scanned == 5);
  CHECK(s.pii_columns == 14);
  CHECK(s.hipaa_fail > 0);
  CHECK(ById(root, "summary-coverage")->text.ends_with("%"));
}

TEST_CASE("the HTML summary opens with the privacy verdict", "[reports][compliance]") {
  const std::string html = reports::ComplianceHtml(Full());
  XmlElement root = ParseHtml(html);
  const XmlElement* verdict = ById(root, "summary-verdict");
  REQUIRE(verdict != nullptr);
  CHECK(verdict->Attribute("class") == "verdict personal");
  const XmlElement* sentence = ById(root, "summary-verdict-sentence");
  REQUIRE(sentence != nullptr);
  CHECK(sentence->text == Full().privacy.sentence);
  CHECK_THAT(sentence->text, Catch::StartsWith("The masked copy holds personal data: "));
  // Before every other figure of the summary.
  CHECK(html.find("id=\"summary-verdict\"") < html.find("id=\"summary-headline\""));
  CHECK(html.find("id=\"summary-verdict\"") < html.find("id=\"summary-tables\""));
  const XmlElement* regime = ById(root, "gdpr-regime");
  REQUIRE(regime != nullptr);
  CHECK(ById(root, "privacy") != nullptr);
}

TEST_CASE("a hostile identifier is escaped in every format", "[reports][compliance]") {
  const std::string html = reports::ComplianceHtml(Full());
  CHECK(html.find("<col>") == std::string::npos);
  CHECK(html.find("we&quot;ird &lt;col&gt; &amp; co|x") != std::string::npos);
  XmlElement root = ParseHtml(html);
  bool found = false;
  for (const XmlElement* code : root.FindAll("code")) {
    found = found ||
            code->text == "Kunden Daten.Bestellungen_ü." + std::string(testing::kHostileColumn);
  }
  CHECK(found);

  const std::string json = reports::ComplianceJson(Full());
  nlohmann::json doc = nlohmann::json::parse(json);
  bool in_json = false;
  for (const auto& row : doc["inventory"])
    in_json = in_json || row["column"] == testing::kHostileColumn;
  CHECK(in_json);
}

TEST_CASE("Markdown table rows keep their column count", "[reports][compliance]") {
  std::istringstream lines(reports::ComplianceMarkdown(Full()));
  std::string line;
  int columns = -1;
  int tables = 0;
  while (std::getline(lines, line)) {
    if (!line.starts_with("|")) {
      columns = -1;
      continue;
    }
    int pipes = 0;
    for (size_t i = 0; i < line.size(); ++i)
      pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    if (columns < 0) {
      columns = pipes;
      ++tables;
    }
    INFO(line);
    CHECK(pipes == columns);
  }
  CHECK(tables >= 10);
}

TEST_CASE("the JSON report holds every documented section", "[reports][compliance]") {
  nlohmann::json doc = nlohmann::json::parse(reports::ComplianceJson(Full()));
  for (const char* key :
       {"tool", "report", "scan", "summary", "inventory", "coverage", "hipaa_safe_harbor",
        "gdpr_art30", "suppressions", "drift", "violations"}) {
    INFO(key);
    CHECK(doc.contains(key));
  }
  CHECK(doc["hipaa_safe_harbor"].size() == 18);
  CHECK(doc["summary"]["pii_columns"] == Full().summary.pii_columns);
  CHECK(doc["report"]["policy"]["sha256"].get<std::string>().size() == 64);
  CHECK(doc["drift"].is_array());
  nlohmann::json clean = nlohmann::json::parse(
      reports::ComplianceJson(reports::BuildComplianceReport(testing::CleanComplianceInput())));
  CHECK(clean["drift"].is_null());
  CHECK(clean["inventory"].empty());
  CHECK(clean["summary"]["coverage"]["percent"] == 100.0);
}

}  // namespace
}  // namespace pgveil
