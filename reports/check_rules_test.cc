// reports/check_rules_test.cc
//
// The rule catalogue is a contract with core/violation.h (every rule id the
// check can produce has an entry) and with GitHub code scanning (names,
// scores and tags it reads).

#include "reports/check_rules.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <string>

namespace pgveil::reports {
namespace {

TEST_CASE("every rule id of core/violation.h is in the catalogue", "[reports]") {
  for (std::string_view id :
       {"uncovered-column", "unmasked-pii", "stale-rule", "transformer-mismatch", "lossy-on-unique",
        "expired-suppression", "unused-suppression", "low-confidence-pii"}) {
    INFO(id);
    REQUIRE(FindCheckRule(id) != nullptr);
    CHECK(AllCheckRules()[*CheckRuleIndex(id)].id == id);
  }
  CHECK(FindCheckRule("no-such-rule") == nullptr);
  CHECK_FALSE(CheckRuleIndex("no-such-rule").has_value());
  CHECK(FindCheckRule("unused-suppression")->default_severity == Severity::kWarning);
  CHECK(FindCheckRule("unmasked-pii")->default_severity == Severity::kError);
}

TEST_CASE("rule names are the ids in PascalCase", "[reports]") {
  for (const CheckRule& rule : AllCheckRules()) {
    std::string expected;
    bool upper = true;
    for (char c : rule.id) {
      if (c == '-') {
        upper = true;
        continue;
      }
      expected += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    }
    CHECK(rule.name == expected);
  }
}

TEST_CASE("every rule explains why it fails and how to fix it", "[reports]") {
  for (const CheckRule& rule : AllCheckRules()) {
    INFO(rule.id);
    CHECK(rule.help_markdown.starts_with("## Why this"));
    CHECK(rule.help_markdown.find("## How to fix") != std::string_view::npos);
    CHECK_FALSE(rule.short_description.ends_with("."));
    CHECK_FALSE(rule.fix.empty());
    double score = std::stod(std::string(rule.security_severity));
    CHECK((score >= 0.0 && score <= 10.0));
    CHECK(std::find(rule.tags.begin(), rule.tags.end(), "security") != rule.tags.end());
    std::string text = HelpText(rule);
    CHECK(text.find('`') == std::string::npos);
    CHECK(text.find("## ") == std::string::npos);
  }
}

TEST_CASE("HelpText keeps code blocks, indented, and drops Markdown markers", "[reports]") {
  const CheckRule& rule = *FindCheckRule("lossy-on-unique");
  std::string text = HelpText(rule);
  CHECK(text.starts_with("Why this fails\n"));
  CHECK(text.find("\n    tables:\n") != std::string::npos);
}

TEST_CASE("RulesUsedBy lists each known rule once, in catalogue order", "[reports]") {
  CheckResult result;
  for (std::string id : {"stale-rule", "uncovered-column", "stale-rule", "from-the-future"}) {
    Violation v;
    v.rule = id;
    result.violations.push_back(v);
  }
  std::vector<const CheckRule*> rules = RulesUsedBy(result);
  REQUIRE(rules.size() == 2);
  CHECK(rules[0]->id == "uncovered-column");
  CHECK(rules[1]->id == "stale-rule");
}

}  // namespace
}  // namespace pgveil::reports
