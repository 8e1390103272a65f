// reports/check_rules.h
//
// The catalogue of `pgveil check` rules: for every rule id a Violation can
// carry (core/violation.h), its PascalCase name, a one-line and a longer
// description, help in Markdown that explains why the check fails and how to
// fix it, a one-line fix for terminals, the default severity, and the
// metadata GitHub code scanning reads (tags, precision, security-severity).
// SARIF lists every rule from here; the text and JSON reports quote the rules
// that occurred.
//
// The order of AllCheckRules() is part of the SARIF output (ruleIndex), so a
// new rule goes at the end.
//
// Thread-safety: constant data.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/violation.h"

namespace pgveil::reports {

struct CheckRule {
  std::string_view id;                 // "unmasked-pii", as in Violation::rule
  std::string_view name;               // "UnmaskedPii"
  std::string_view short_description;  // one sentence, no final period
  std::string_view full_description;   // two or three plain sentences
  std::string_view help_markdown;      // "## Why this fails" / "## How to fix"
  std::string_view fix;                // one line for the text report
  Severity default_severity = Severity::kError;
  // GitHub's 0.0–10.0 score as a string: 9.0+ critical, 7.0+ high, 4.0+
  // medium, below that low. High and critical fail a pull request's code
  // scanning check by default, so only rules that mean "real personal data
  // leaves production" score that high.
  std::string_view security_severity;
  std::string_view precision;  // "very-high", "high", "medium" or "low"
  std::span<const std::string_view> tags;
};

// Every rule, in a fixed order (see above).
std::span<const CheckRule> AllCheckRules();

// The rule with this id, or nullptr for an id the catalogue does not know
// (a newer policy module than this report writer); writers must still
// render such violations.
const CheckRule* FindCheckRule(std::string_view id);

// Position of the rule in AllCheckRules(); nullopt for an unknown id.
std::optional<size_t> CheckRuleIndex(std::string_view id);

// The catalogue entries of the rules that occur in `result`, in catalogue
// order; unknown ids are left out. Pointers into AllCheckRules().
std::vector<const CheckRule*> RulesUsedBy(const CheckResult& result);

// help_markdown as plain text: code fences, backticks and emphasis markers
// dropped, headings kept as lines of their own.
std::string HelpText(const CheckRule& rule);

}  // namespace pgveil::reports
