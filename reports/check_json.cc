// reports/check_json.cc
//
// pgveil's own check document, for scripts (`jq`) and dashboards. The
// schema, field by field, is in reports/DESIGN.md; fields are never left
// out, an unknown value is null, so consumers can index without guards.
// Key order is fixed (ordered_json), so the bytes depend on the CheckResult
// alone.

#include <nlohmann/json.hpp>

#include "core/version.h"
#include "reports/check_common.h"
#include "reports/check_rules.h"

namespace pgveil::reports {
namespace {

using nlohmann::ordered_json;

ordered_json StringOrNull(const std::string& text) {
  return text.empty() ? ordered_json(nullptr) : ordered_json(text);
}

ordered_json PositiveOrNull(int n) { return n > 0 ? ordered_json(n) : ordered_json(nullptr); }

ordered_json ViolationJson(const Violation& v) {
  ordered_json out;
  out["rule"] = v.rule;
  out["severity"] = SeverityName(v.severity);
  out["schema"] = StringOrNull(v.column.schema);
  out["table"] = StringOrNull(v.column.table);
  out["column"] = StringOrNull(v.column.column);
  out["path"] = v.path ? ordered_json(*v.path) : ordered_json(nullptr);
  out["category"] = v.category ? ordered_json(IdOf(*v.category)) : ordered_json(nullptr);
  out["confidence"] = v.confidence ? ordered_json(*v.confidence) : ordered_json(nullptr);
  out["message"] = v.message;
  out["location"] = {{"file", StringOrNull(v.location.file)},
                     {"line", PositiveOrNull(v.location.line)},
                     {"column", PositiveOrNull(v.location.column)}};
  out["new"] = v.is_new;
  out["fingerprint"] = FingerprintOf(v);
  return out;
}

// The catalogue entries of the rules that occurred, in catalogue order, so a
// consumer can show help without shipping its own copy.
ordered_json RulesJson(const CheckResult& result) {
  ordered_json rules = ordered_json::array();
  for (const CheckRule* rule : RulesUsedBy(result)) {
    ordered_json entry;
    entry["id"] = rule->id;
    entry["name"] = rule->name;
    entry["severity"] = SeverityName(rule->default_severity);
    entry["description"] = rule->short_description;
    entry["fix"] = rule->fix;
    entry["help"] = rule->help_markdown;
    rules.push_back(std::move(entry));
  }
  return rules;
}

}  // namespace

std::string CheckJson(const CheckResult& result) {
  ordered_json doc;
  doc["tool"] = {{"name", "pgveil"}, {"version", kVersion}};
  doc["policy"] = result.policy_file;
  doc["mode"] = result.mode;
  doc["summary"] = {{"passed", result.Errors() == 0},
                    {"tables", result.tables},
                    {"columns", result.columns},
                    {"errors", result.Errors()},
                    {"warnings", result.Warnings()}};
  ordered_json violations = ordered_json::array();
  for (const Violation& v : result.violations) violations.push_back(ViolationJson(v));
  doc["violations"] = std::move(violations);
  doc["rules"] = RulesJson(result);
  // Catalog identifiers are UTF-8; replace keeps dump() total if one is not.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pgveil::reports
