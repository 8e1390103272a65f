// reports/check_gitlab.cc
//
// GitLab code quality report (artifacts:reports:codequality), the subset of
// the Code Climate issue format GitLab reads: description, check_name,
// fingerprint, severity, location.path and location.lines.begin. GitLab
// shows these in the merge request widget and on the diff.
//
// - fingerprint: the violation's own. GitLab compares fingerprints between
//   the source and target branch to decide what is new, and keeps only the
//   first issue of a fingerprint, so it must be stable and unique; ours
//   names rule, column, path and category and leaves lines out.
// - severity: "major" for an error, "minor" for a warning; data of a GDPR
//   Art. 9/10 special category is raised to "blocker" (error) or "critical"
//   (warning), since a leak of it is the costliest kind.
// - location.path: repository-relative, without a leading "./" (GitLab
//   matches it against the diff verbatim); lines.begin is at least 1.
// - type "issue" and categories ["Security"] make each entry a valid Code
//   Climate issue for other consumers; GitLab ignores them.

#include <nlohmann/json.hpp>

#include "reports/check_common.h"

namespace pgveil::reports {
namespace {

using nlohmann::ordered_json;

std::string_view SeverityOf(const Violation& v) {
  bool special = v.category && InfoOf(*v.category).gdpr_special;
  if (v.severity == Severity::kError) return special ? "blocker" : "major";
  return special ? "critical" : "minor";
}

std::string RepositoryPath(std::string path) {
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  while (path.starts_with("./")) path.erase(0, 2);
  return path;
}

}  // namespace

std::string CheckGitlab(const CheckResult& result) {
  ordered_json issues = ordered_json::array();
  for (const Violation& v : result.violations) {
    ordered_json issue;
    issue["description"] = AnnotationOf(v);
    issue["check_name"] = v.rule;
    issue["fingerprint"] = FingerprintOf(v);
    issue["severity"] = SeverityOf(v);
    issue["location"] = {{"path", RepositoryPath(AnchorFile(result, v))},
                         {"lines", {{"begin", AnchorLine(v)}}}};
    issue["type"] = "issue";
    issue["categories"] = ordered_json::array({"Security"});
    issues.push_back(std::move(issue));
  }
  return issues.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pgveil::reports
