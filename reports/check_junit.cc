// reports/check_junit.cc
//
// JUnit XML, the one report format every CI system shows (GitLab's test
// tab, Jenkins, Azure Pipelines, CircleCI). The shape:
//
//   <testsuites name="pgveil check" tests=… failures=… errors="0">
//     <testsuite name="schema.table" …>              one per table
//       <testcase classname="schema.table" name="column">   one per column
//         <failure message=… type=RULE>one line per error</failure>
//         <system-out>one line per warning</system-out>
//
// A CheckResult lists violations only, not every column it checked, so a
// column appears when it has a violation; a run without any gets one passing
// testcase "policy", so the test tab shows that the gate ran. A testcase has
// at most one <failure> (the Ant schema most parsers follow allows one):
// several errors on a column share it, one line each. JSONB path violations
// belong to their column's testcase; table-level ones to a testcase
// "(table)". Warnings never fail a testcase.
//
// Escaping: every name and message is made valid UTF-8 without control
// characters (XML 1.0 cannot carry most of them even as references), then
// &, <, >, " and ' are escaped. Output is UTF-8.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <tuple>
#include <vector>

#include "reports/check_common.h"

namespace pgveil::reports {
namespace {

// MarkupEscape, and U+FFFE and U+FFFF (not XML characters) as U+FFFD.
std::string Xml(std::string_view raw) {
  std::string text = MarkupEscape(raw, "&apos;");
  for (std::string_view nonchar : {"\xEF\xBF\xBE", "\xEF\xBF\xBF"}) {
    for (size_t at = text.find(nonchar); at != std::string::npos; at = text.find(nonchar, at)) {
      text.replace(at, nonchar.size(), "\xEF\xBF\xBD");
    }
  }
  return text;
}

// "rule: subject: message [category] (file:line) NEW", one violation.
std::string LineOf(const Violation& v) {
  std::string line = v.rule + ": " + HeadlineOf(v);
  if (v.category) line += fmt::format(" [{}]", IdOf(*v.category));
  if (!v.location.file.empty()) {
    line += v.location.line > 0 ? fmt::format(" ({}:{})", v.location.file, v.location.line)
                                : fmt::format(" ({})", v.location.file);
  }
  if (v.is_new) line += " NEW";
  return line;
}

struct TestCase {
  std::string suite;  // "schema.table"
  std::string name;   // column, or "(table)"
  std::vector<const Violation*> errors;
  std::vector<const Violation*> warnings;
};

std::vector<TestCase> GroupByColumn(const CheckResult& result) {
  std::vector<const Violation*> sorted = ErrorsThenWarnings(result);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Violation* a, const Violation* b) {
    return std::tie(a->column.schema, a->column.table, a->column.column) <
           std::tie(b->column.schema, b->column.table, b->column.column);
  });
  std::vector<TestCase> cases;
  for (const Violation* v : sorted) {
    std::string suite = TableOf(*v).empty() ? "(policy)" : TableOf(*v);
    std::string name = v->column.column.empty() ? "(table)" : v->column.column;
    if (cases.empty() || cases.back().suite != suite || cases.back().name != name) {
      cases.push_back(TestCase{suite, name, {}, {}});
    }
    (v->severity == Severity::kError ? cases.back().errors : cases.back().warnings).push_back(v);
  }
  return cases;
}

std::string FailureOf(const TestCase& test) {
  std::vector<std::string> rules;
  std::string body;
  for (const Violation* v : test.errors) {
    if (std::find(rules.begin(), rules.end(), v->rule) == rules.end()) rules.push_back(v->rule);
    body += Xml(LineOf(*v)) + "\n";
  }
  std::string message =
      test.errors.size() == 1
          ? HeadlineOf(*test.errors.front())
          : fmt::format("{} violations: {}", test.errors.size(), fmt::join(rules, ", "));
  return fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", Xml(message),
                     Xml(fmt::format("{}", fmt::join(rules, ","))), body);
}

std::string TestCaseXml(const TestCase& test) {
  std::string open =
      fmt::format("    <testcase classname=\"{}\" name=\"{}\"", Xml(test.suite), Xml(test.name));
  if (test.errors.empty() && test.warnings.empty()) return open + "/>\n";
  std::string out = open + ">\n";
  if (!test.errors.empty()) out += FailureOf(test);
  if (!test.warnings.empty()) {
    out += "      <system-out>";
    for (const Violation* v : test.warnings) out += Xml("warning " + LineOf(*v)) + "\n";
    out += "</system-out>\n";
  }
  return out + "    </testcase>\n";
}

std::string SuiteOpen(std::string_view name, size_t tests, size_t failures) {
  return fmt::format(
      "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
      Xml(name), tests, failures);
}

}  // namespace

std::string CheckJunit(const CheckResult& result) {
  std::vector<TestCase> cases = GroupByColumn(result);
  std::string suites;
  size_t total_failures = 0;
  for (size_t begin = 0; begin < cases.size();) {
    size_t end = begin;
    size_t failures = 0;
    std::string body;
    while (end < cases.size() && cases[end].suite == cases[begin].suite) {
      failures += cases[end].errors.empty() ? 0 : 1;
      body += TestCaseXml(cases[end++]);
    }
    suites += SuiteOpen(cases[begin].suite, end - begin, failures) + body + "  </testsuite>\n";
    total_failures += failures;
    begin = end;
  }
  size_t tests = cases.size();
  if (cases.empty()) {
    tests = 1;
    suites = SuiteOpen("pgveil", 1, 0) +
             "    <testcase classname=\"pgveil\" name=\"policy\">\n      <system-out>" +
             Xml(fmt::format("{} and {} checked against {} ({} mode): no violations.",
                             CountOf(result.tables, "table"), CountOf(result.columns, "column"),
                             result.policy_file, result.mode)) +
             "</system-out>\n    </testcase>\n  </testsuite>\n";
  }
  return fmt::format(
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"pgveil check\" tests=\"{}\" failures=\"{}\" errors=\"0\">\n{}"
      "</testsuites>\n",
      tests, total_failures, suites);
}

}  // namespace pgveil::reports
