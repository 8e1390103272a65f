// reports/compliance_text.cc
//
// Shared wording of the compliance writers (compliance_text.h).

#include "reports/compliance_text.h"

#include <fmt/format.h>

#include <array>
#include <cmath>

#include "reports/check_common.h"

namespace pgveil::reports {
namespace {

using Kind = policy::DriftChange::Kind;

constexpr std::array<Placeholder, 6> kArt30 = {{
    {"(a)",
     "Name and contact details of the controller, its representative and the data "
     "protection officer."},
    {"(b)", "Purposes of the processing."},
    {"(c)",
     "Categories of data subjects (customers, employees, ...); the categories of personal "
     "data are listed above."},
    {"(d)", "Categories of recipients, including recipients in third countries."},
    {"(e)",
     "Transfers to a third country or an international organisation, and their "
     "safeguards."},
    {"(f)", "Time limits for erasure of each category."},
}};

constexpr std::array<Placeholder, 4> kOrganisational = {{
    {"Encryption", "At rest and in transit, for production and for every masked copy."},
    {"Access control",
     "Who may read production and the masked copies, and how access is "
     "logged and reviewed."},
    {"Key custody", "Who holds the masking key, where it is stored and how it is rotated."},
    {"Organisation", "Training, confidentiality undertakings, incident response."},
}};

}  // namespace

std::string LocationName(const ColumnRef& column, const std::optional<std::string>& path) {
  std::string name = column.ToString();
  if (path) name += " " + *path;
  return name;
}

std::string TableName(const std::string& schema, const std::string& table) {
  return schema + "." + table;
}

std::string PercentText(double percent) {
  return fmt::format("{:.1f}%", std::floor(percent * 10.0) / 10.0);
}

std::string RatioText(double ratio) { return fmt::format("{:.0f}%", ratio * 100.0); }

std::string ConfidenceText(double confidence) { return fmt::format("{:.2f}", confidence); }

std::string MethodText(const Treatment& t) {
  std::string text;
  if (t.method.empty()) {
    text = t.rule_path.empty() ? "no rule" : "no path rule";
  } else if (t.method == "skip") {
    text = "not copied (skip)";
  } else {
    text = t.method;
    if (!t.uniqueness.empty()) text += " (" + t.uniqueness + ")";
  }
  if (!t.rule_path.empty()) text += " via " + t.rule_path;
  return text;
}

std::string HeadlineText(const ComplianceReport& report) {
  const ComplianceSummary& s = report.summary;
  if (s.pii_locations == 0) {
    return fmt::format("No personal data found: {} scanned.", CountOf(s.tables_scanned, "table"));
  }
  const CoverageCounts& c = s.coverage;
  const int exposed = c.kept + c.uncovered;
  auto is_are = [](int n) { return n == 1 ? "is" : "are"; };
  std::string text =
      fmt::format("Personal data of {} in {} of {}. Coverage {}: the policy masks {} of {}",
                  s.categories == 1 ? "1 category" : fmt::format("{} categories", s.categories),
                  CountOf(s.pii_columns, "column"), CountOf(s.pii_tables, "table"),
                  PercentText(c.Percent()), c.masked, CountOf(c.Total(), "location"));
  if (c.suppressed > 0) {
    text +=
        fmt::format(", {} {} suppressed as not personal data", c.suppressed, is_are(c.suppressed));
  }
  if (exposed > 0) {
    text += fmt::format(", {} {} exposed (kept or without a rule)", exposed, is_are(exposed));
  }
  text += fmt::format(". HIPAA Safe Harbor: {} of 18 identifiers pass, {} {}.", s.hipaa_pass,
                      s.hipaa_fail, s.hipaa_fail == 1 ? "fails" : "fail");
  if (s.special_locations > 0) {
    text += fmt::format(" {} GDPR special-category data.",
                        s.special_locations == 1
                            ? "1 location holds"
                            : fmt::format("{} locations hold", s.special_locations));
  }
  return text;
}

std::string AnonymityFiguresText(const TableAnonymity& a) {
  if (!a.Measured()) return "not measured: " + a.not_measured;
  auto count = [](int64_t n, std::string_view singular) {
    return fmt::format("{} {}{}", n, singular, n == 1 ? "" : "s");
  };
  std::string text =
      fmt::format("{}: {}; {} of {} ({}) in groups smaller than {}", policy::KAnonymityText(a),
                  count(a.classes, "group"), a.rows_below_bar, count(a.rows, "row"),
                  PercentText(a.PercentBelowBar()), a.bar);
  for (const SensitiveDiversity& s : a.sensitive) {
    text += fmt::format("; l = {} for {}", s.l, s.column);
  }
  return text;
}

std::string VerdictTitle(policy::Identifiability verdict) {
  if (verdict == policy::Identifiability::kPersonal) return "Personal data";
  std::string title(policy::IdentifiabilityName(verdict));
  title[0] = static_cast<char>(title[0] - 'a' + 'A');
  return title;
}

std::string_view VerdictPhrase(policy::Identifiability verdict) {
  switch (verdict) {
    case policy::Identifiability::kAnonymous:
      return "is anonymous";
    case policy::Identifiability::kPseudonymous:
      return "is pseudonymous";
    case policy::Identifiability::kPersonal:
      return "holds personal data";
  }
  return "holds personal data";
}

std::string_view DriftKindText(Kind kind) {
  switch (kind) {
    case Kind::kTableAdded:
      return "table added";
    case Kind::kTableRemoved:
      return "table removed";
    case Kind::kTableRenamed:
      return "table renamed";
    case Kind::kColumnAdded:
      return "column added";
    case Kind::kColumnRemoved:
      return "column removed";
    case Kind::kColumnRenamed:
      return "column renamed";
    case Kind::kColumnRetyped:
      return "type changed";
    case Kind::kNullabilityChanged:
      return "nullability changed";
    case Kind::kDefaultChanged:
      return "default changed";
    case Kind::kPiiPathAdded:
      return "PII path added";
  }
  return "changed";
}

std::string DriftDetailText(const policy::DriftChange& c) {
  auto or_none = [](const std::string& text) { return text.empty() ? "(none)" : text; };
  switch (c.kind) {
    case Kind::kTableAdded:
    case Kind::kTableRemoved:
      return "";
    case Kind::kTableRenamed:
    case Kind::kColumnRenamed:
      return "renamed from " + c.old_value;
    case Kind::kColumnAdded:
      return c.new_value;
    case Kind::kColumnRemoved:
      return c.old_value;
    case Kind::kColumnRetyped:
    case Kind::kNullabilityChanged:
    case Kind::kDefaultChanged:
      return or_none(c.old_value) + " \u2192 " + or_none(c.new_value);
    case Kind::kPiiPathAdded:
      return c.path.value_or("") +
             (c.category ? " (" + std::string(IdOf(*c.category)) + ")" : std::string());
  }
  return "";
}

std::string DriftSubjectText(const policy::DriftChange& c) {
  std::string subject = TableName(c.schema, c.table);
  if (!c.column.empty()) subject += "." + c.column;
  return subject;
}

std::string SuppressionSubjectText(const SuppressionEntry& e) {
  std::string text = LocationName(e.column, e.path);
  if (e.category) text += " (" + std::string(IdOf(*e.category)) + ")";
  return text;
}

std::span<const Placeholder> Art30Placeholders() { return kArt30; }

std::span<const Placeholder> OrganisationalPlaceholders() { return kOrganisational; }

std::string BranchOriginText(const ComplianceReport& report) {
  if (!report.branch) return "";
  const BranchOrigin& b = *report.branch;
  std::string text = fmt::format(
      "This database is a branch of the masked replica \"{}\": its rows were masked under "
      "policy sha256 {} ({} mode) as of source LSN {}, cut {} by {}.",
      b.replica, b.policy_sha256.empty() ? "unknown" : b.policy_sha256.substr(0, 12) + "\u2026",
      b.policy_mode.empty() ? "unknown" : b.policy_mode, b.lsn, b.created_at, b.creator);
  if (!b.policy_sha256.empty() && b.policy_sha256 != report.policy_sha256) {
    text += " That is not the policy this report checks.";
  }
  return text;
}

}  // namespace pgveil::reports
