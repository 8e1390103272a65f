// core/violation.h
//
// What `pgveil check` reports: each violation of the policy gate (and each
// warning), where it comes from, and a fingerprint that identifies it across
// runs. Produced by policy/ (the check), rendered by reports/ (text, JSON,
// SARIF, JUnit, GitHub, GitLab). Messages name columns, categories and
// rules, never a sampled value.
//
// Thread-safety: plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/schema.h"

namespace pgveil {

enum class Severity { kError, kWarning };

// Where a violation is anchored: the migration line that created the column
// (with --migrations), else the policy line of the rule, else the policy file.
struct SourceLocation {
  std::string file;   // path as given on the command line; "" when unknown
  int line = 0;       // 1-based; 0 when unknown
  int column = 0;     // 1-based; 0 when unknown
};

struct Violation {
  // Stable rule id, one of:
  //   uncovered-column      strict mode: a column without a rule
  //   unmasked-pii          detected PII with no rule or `keep`
  //   stale-rule            a rule for a table, column or path that no longer exists
  //   transformer-mismatch  a transformer that does not fit the column type or length
  //   lossy-on-unique       a lossy transformer on a primary-key or unique column
  //   expired-suppression   a suppression past its expiry date
  //   not-anonymous         require: anonymous, and a reversible or linkable rule or a k below
  //                         the bar leaves the copy pseudonymous or re-identifiable
  //   unused-suppression    (warning) a suppression that matched nothing
  //   low-confidence-pii    (warning) possible PII below the confidence bar
  std::string rule;
  Severity severity = Severity::kError;
  ColumnRef column;                     // table-level rules leave `column.column` empty
  std::optional<std::string> path;      // JSONB path, for path rules and findings
  std::optional<Category> category;     // for PII-related rules
  std::optional<double> confidence;     // of the finding behind it, if any
  std::string message;                  // one sentence, no values
  SourceLocation location;
  bool is_new = false;                  // new since the --baseline snapshot
  // sha256 hex of "rule|schema.table.column[#path]|category": never a line
  // number, so baselines and code-scanning alerts survive reformatting.
  std::string fingerprint;
};

struct CheckResult {
  std::string policy_file;
  std::string mode;                     // "strict" or "relaxed"
  int tables = 0;
  int columns = 0;
  std::vector<Violation> violations;    // errors and warnings, sorted by table, column, path, rule

  int Errors() const;
  int Warnings() const;
};

inline int CheckResult::Errors() const {
  int n = 0;
  for (const Violation& v : violations) n += v.severity == Severity::kError;
  return n;
}

inline int CheckResult::Warnings() const {
  return static_cast<int>(violations.size()) - Errors();
}

}  // namespace pgveil
