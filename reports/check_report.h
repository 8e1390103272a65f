// reports/check_report.h
//
// Writers for the result of `pgveil check`, one per CI system's format:
//   text    grouped by table, colour on a terminal (the caller decides)
//   json    pgveil's own document (schema in reports/DESIGN.md)
//   sarif   SARIF 2.1.0 for GitHub code scanning: rules with help text,
//           partialFingerprints, locations at the migration or policy line
//   junit   one testcase per table column, failures for its violations
//   github  workflow commands (::error file=...,line=...::), capped
//   gitlab  code-quality JSON (description, check_name, fingerprint,
//           severity, location.path, location.lines.begin)
// All are deterministic for a given CheckResult (no wall clock) and carry no
// sampled value.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/violation.h"

namespace pgveil::reports {

enum class CheckFormat { kText, kJson, kSarif, kJunit, kGithub, kGitlab };

// "text", "json", "sarif", "junit", "github", "gitlab"; nullopt otherwise.
std::optional<CheckFormat> CheckFormatFromName(std::string_view name);

struct CheckRenderOptions {
  bool color = false;                  // text only
  size_t github_annotation_cap = 50;   // github only: further violations are summarised in one line
};

std::string RenderCheck(const CheckResult& result, CheckFormat format, const CheckRenderOptions& options = {});

// Markdown for $GITHUB_STEP_SUMMARY: counts and a table of the violations.
std::string GithubStepSummary(const CheckResult& result);

}  // namespace pgveil::reports
