// reports/check_sarif.cc
//
// SARIF 2.1.0 for GitHub code scanning (github/codeql-action/upload-sarif)
// and any other SARIF viewer. What code scanning requires, and how it is met:
//
// - one run whose tool.driver has a name, and rules[] with an id each; we
//   list the whole catalogue (reports/check_rules.h) in its fixed order, so
//   a result's ruleIndex is its rule's position there. A rule id the
//   catalogue does not know gets a minimal descriptor after the catalogue.
// - every result has ruleId, ruleIndex, level, message.text and exactly one
//   location with artifactLocation.uri and region.startLine >= 1. The uri
//   is the migration or policy file relative to the working directory, which
//   in CI is the repository root; an absolute path becomes a file:// URI.
// - partialFingerprints: code scanning matches alerts across runs with
//   them. Ours ("pgveil/v1") is the violation's fingerprint, which leaves
//   line numbers out, so an alert survives edits above its line.
// - properties."security-severity" and the "security" tag on each rule make
//   code scanning show a critical/high/medium/low severity.
//
// No timestamps, no invocation details: the same CheckResult gives the same
// bytes, so an unchanged database gives an unchanged upload.

#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <string_view>
#include <vector>

#include "core/version.h"
#include "reports/check_common.h"
#include "reports/check_rules.h"

namespace pgveil::reports {
namespace {

using nlohmann::ordered_json;

constexpr std::string_view kSchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/pgveil/pgveil";
constexpr std::string_view kFingerprintKey = "pgveil/v1";

// Percent-encodes what may not appear literally in a URI path (RFC 3986
// pchar plus "/"): spaces, "%", "#", "?", non-ASCII bytes. ":" is encoded
// too, so "a:b.sql" cannot be read as a URI with scheme "a".
std::string EncodePath(std::string_view path, size_t keep_prefix = 0) {
  static constexpr std::string_view kSafe = "-._~!$&'()*+,;=@/";
  std::string out(path.substr(0, keep_prefix));
  for (unsigned char c : path.substr(keep_prefix)) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum || kSafe.find(static_cast<char>(c)) != std::string_view::npos) {
      out += static_cast<char>(c);
    } else {
      out += fmt::format("%{:02X}", c);
    }
  }
  return out;
}

// A file name as given on the command line, as a SARIF artifact URI.
std::string ArtifactUri(std::string path) {
  for (char& c : path) {
    if (c == '\\') c = '/';
  }
  while (path.starts_with("./")) path.erase(0, 2);
  bool drive = path.size() >= 3 && std::isalpha(static_cast<unsigned char>(path[0])) &&
               path[1] == ':' && path[2] == '/';
  if (drive) return "file:///" + EncodePath(path, 2);
  if (path.starts_with("/")) return "file://" + EncodePath(path);
  return EncodePath(path);
}

ordered_json RuleJson(const CheckRule& rule) {
  ordered_json out;
  out["id"] = rule.id;
  out["name"] = rule.name;
  out["shortDescription"] = {{"text", rule.short_description}};
  out["fullDescription"] = {{"text", rule.full_description}};
  out["help"] = {{"text", HelpText(rule)}, {"markdown", rule.help_markdown}};
  out["defaultConfiguration"] = {{"level", SeverityName(rule.default_severity)}};
  ordered_json tags = ordered_json::array();
  for (std::string_view tag : rule.tags) tags.push_back(tag);
  out["properties"] = {{"tags", std::move(tags)},
                       {"precision", rule.precision},
                       {"security-severity", rule.security_severity}};
  return out;
}

// For a rule id the catalogue does not know: enough for code scanning to
// accept and display the result.
ordered_json UnknownRuleJson(const std::string& id) {
  ordered_json out;
  out["id"] = id;
  out["shortDescription"] = {{"text", "pgveil policy check " + id}};
  out["defaultConfiguration"] = {{"level", "error"}};
  out["properties"] = {{"tags", {"privacy", "pii", "security"}}};
  return out;
}

ordered_json StringOrNull(const std::string& text) {
  return text.empty() ? ordered_json(nullptr) : ordered_json(text);
}

ordered_json ResultJson(const CheckResult& result, const Violation& v, size_t rule_index) {
  ordered_json region;
  region["startLine"] = AnchorLine(v);
  if (v.location.line >= 1 && v.location.column >= 1) region["startColumn"] = v.location.column;
  ordered_json location;
  location["physicalLocation"] = {
      {"artifactLocation", {{"uri", ArtifactUri(AnchorFile(result, v))}}},
      {"region", std::move(region)}};
  if (!SubjectOf(v).empty()) {
    ordered_json logical;
    logical["name"] = v.column.column.empty() ? v.column.table : v.column.column;
    logical["fullyQualifiedName"] = SubjectOf(v);
    location["logicalLocations"] = ordered_json::array({std::move(logical)});
  }

  ordered_json out;
  out["ruleId"] = v.rule;
  out["ruleIndex"] = rule_index;
  out["level"] = SeverityName(v.severity);
  out["message"] = {{"text", AnnotationOf(v)}};
  out["locations"] = ordered_json::array({std::move(location)});
  out["partialFingerprints"] = {{kFingerprintKey, FingerprintOf(v)}};
  out["properties"] = {
      {"schema", StringOrNull(v.column.schema)},
      {"table", StringOrNull(v.column.table)},
      {"column", StringOrNull(v.column.column)},
      {"path", v.path ? ordered_json(*v.path) : ordered_json(nullptr)},
      {"category", v.category ? ordered_json(IdOf(*v.category)) : ordered_json(nullptr)},
      {"confidence", v.confidence ? ordered_json(*v.confidence) : ordered_json(nullptr)},
      {"new", v.is_new}};
  return out;
}

}  // namespace

std::string CheckSarif(const CheckResult& result) {
  ordered_json rules = ordered_json::array();
  for (const CheckRule& rule : AllCheckRules()) rules.push_back(RuleJson(rule));
  std::vector<std::string> unknown;  // rule ids after the catalogue, first seen first

  ordered_json results = ordered_json::array();
  for (const Violation& v : result.violations) {
    size_t index = 0;
    if (std::optional<size_t> known = CheckRuleIndex(v.rule)) {
      index = *known;
    } else {
      auto it = std::find(unknown.begin(), unknown.end(), v.rule);
      if (it == unknown.end()) {
        unknown.push_back(v.rule);
        rules.push_back(UnknownRuleJson(v.rule));
        it = unknown.end() - 1;
      }
      index = AllCheckRules().size() + static_cast<size_t>(it - unknown.begin());
    }
    results.push_back(ResultJson(result, v, index));
  }

  ordered_json driver;
  driver["name"] = "pgveil";
  driver["version"] = kVersion;
  driver["semanticVersion"] = kVersion;
  driver["informationUri"] = kInformationUri;
  driver["rules"] = std::move(rules);

  ordered_json run;
  run["tool"] = {{"driver", std::move(driver)}};
  run["results"] = std::move(results);
  run["properties"] = {{"policy", result.policy_file},
                       {"mode", result.mode},
                       {"tables", result.tables},
                       {"columns", result.columns}};

  ordered_json doc;
  doc["$schema"] = kSchemaUri;
  doc["version"] = "2.1.0";
  doc["runs"] = ordered_json::array({std::move(run)});
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pgveil::reports
