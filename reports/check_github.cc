// reports/check_github.cc
//
// GitHub Actions output: one workflow command per violation, which the
// runner turns into an annotation on the migration or policy line (and on
// the pull request's diff), plus the Markdown a step appends to
// $GITHUB_STEP_SUMMARY.
//
//   ::error file=db/migrations/0042.sql,line=3,col=5,title=pgveil unmasked-pii::MESSAGE
//
// Escaping follows the runner's parser: in the message "%", CR and LF
// become %25, %0D, %0A; in a property ":" and "," become %3A and %2C as
// well, since they separate properties. Identifiers are made printable
// first, so no column name can end the command and start another.
//
// GitHub shows only a limited number of annotations per step, so errors come
// first and at most `annotation_cap` are written; the rest are counted in one
// ::warning line that points to the step summary, which lists everything
// (up to kMaxSummaryRows rows, which keeps it under GitHub's size limit).

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "reports/check_common.h"
#include "reports/check_report.h"

namespace pgveil::reports {
namespace {

// GitHub refuses a step summary over 1 MiB; a row is at most a few hundred
// bytes unless identifiers are absurdly long.
constexpr size_t kMaxSummaryRows = 1000;

std::string EscapeData(std::string_view raw) {
  std::string out;
  for (char c : Printable(raw)) {
    switch (c) {
      case '%':
        out += "%25";
        break;
      case '\r':
        out += "%0D";
        break;
      case '\n':
        out += "%0A";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string EscapeProperty(std::string_view raw) {
  std::string out;
  for (char c : EscapeData(raw)) {
    switch (c) {
      case ':':
        out += "%3A";
        break;
      case ',':
        out += "%2C";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string Annotation(const CheckResult& result, const Violation& v) {
  std::vector<std::string> properties;
  std::string file = AnchorFile(result, v);
  if (!file.empty()) properties.push_back("file=" + EscapeProperty(file));
  if (v.location.line > 0) {
    properties.push_back(fmt::format("line={}", v.location.line));
    if (v.location.column > 0) properties.push_back(fmt::format("col={}", v.location.column));
  }
  properties.push_back("title=" + EscapeProperty("pgveil " + v.rule));
  std::string joined;
  for (const std::string& p : properties) joined += (joined.empty() ? "" : ",") + p;
  return fmt::format("::{} {}::{}\n", SeverityName(v.severity), joined,
                     EscapeData(AnnotationOf(v)));
}


std::string LocationCell(const CheckResult& result, const Violation& v) {
  std::string file = AnchorFile(result, v);
  if (file.empty()) return "";
  return MarkdownCode(v.location.line > 0 ? fmt::format("{}:{}", file, v.location.line) : file);
}

}  // namespace

std::string CheckGithub(const CheckResult& result, size_t annotation_cap) {
  std::string out;
  std::vector<const Violation*> ordered = ErrorsThenWarnings(result);
  size_t shown = std::min(ordered.size(), annotation_cap);
  for (size_t i = 0; i < shown; ++i) out += Annotation(result, *ordered[i]);
  if (ordered.size() > shown) {
    int more = static_cast<int>(ordered.size() - shown);
    out += fmt::format("::warning title=pgveil::and {} more {}; see the step summary\n", more,
                       more == 1 ? "violation" : "violations");
  }
  out += fmt::format("pgveil check {}: {}, {} ({} and {} checked against {}, {} mode)\n",
                     result.Errors() > 0 ? "failed" : "passed", CountOf(result.Errors(), "error"),
                     CountOf(result.Warnings(), "warning"), CountOf(result.tables, "table"),
                     CountOf(result.columns, "column"), Printable(result.policy_file),
                     Printable(result.mode));
  return out;
}

std::string GithubStepSummary(const CheckResult& result) {
  std::string out =
      fmt::format("## pgveil check: {}\n\n", result.Errors() > 0 ? "failed" : "passed");
  std::string scope = fmt::format(
      "{} and {} checked against {} ({} mode)", CountOf(result.tables, "table"),
      CountOf(result.columns, "column"), MarkdownCode(result.policy_file), MarkdownText(result.mode));
  if (result.violations.empty()) return out + "No violations: " + scope + ".\n";
  std::string errors = CountOf(result.Errors(), "error");
  out += fmt::format("{}, {}: {}.\n\n", result.Errors() > 0 ? "**" + errors + "**" : errors,
                     CountOf(result.Warnings(), "warning"), scope);
  out += "| Severity | Rule | Column | Category | Message | Location |\n";
  out += "| --- | --- | --- | --- | --- | --- |\n";
  std::vector<const Violation*> ordered = ErrorsThenWarnings(result);
  size_t rows = std::min(ordered.size(), kMaxSummaryRows);
  for (size_t i = 0; i < rows; ++i) {
    const Violation* v = ordered[i];
    out += fmt::format("| {}{} | {} | {} | {} | {} | {} |\n", SeverityName(v->severity),
                       v->is_new ? " (**new**)" : "", MarkdownCode(v->rule), MarkdownCode(SubjectOf(*v)),
                       v->category ? IdOf(*v->category) : "", MarkdownText(v->message),
                       LocationCell(result, *v));
  }
  if (ordered.size() > rows) {
    out += fmt::format(
        "\nThe table shows the first {} of {} violations; `pgveil check --format "
        "json` lists them all.\n",
        rows, ordered.size());
  }
  return out;
}

}  // namespace pgveil::reports
