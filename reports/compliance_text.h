// reports/compliance_text.h
//
// The sentences and figures the compliance writers share, so the HTML page
// and the Markdown file say the same thing in the same words. Everything
// returned is plain, unescaped text: each writer escapes it for its format.
// Internal to reports/.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "reports/compliance_model.h"

namespace pgveil::reports {

// "schema.table.column" with " $.json.path" appended for a JSONB leaf.
std::string LocationName(const ColumnRef& column, const std::optional<std::string>& path);

// "schema.table".
std::string TableName(const std::string& schema, const std::string& table);

// One decimal, rounded down so that 99.96 is not shown as 100: "99.9%".
std::string PercentText(double percent);

// A 0..1 ratio as a whole percent: "98%".
std::string RatioText(double ratio);

// Two decimals: "0.97".
std::string ConfidenceText(double confidence);

// How the policy treats a location, in a few words: "email (preserving)",
// "phone via $.contact.phones[*]", "not copied (skip)", "keep", "no rule".
std::string MethodText(const Treatment& treatment);

// The verdict at the top of the report, a few sentences: "Personal data of
// 9 categories in 14 columns of 5 tables. Coverage 73.3%: the policy masks
// 11 of 16 locations, 1 is suppressed ..., 4 are exposed .... HIPAA Safe
// Harbor: 3 of 18 identifiers pass, 3 fail. ..."
std::string HeadlineText(const ComplianceReport& report);

// For a branch: "This database is a branch of the masked replica "shop":
// its rows were masked under policy sha256 3f2a… (strict mode) as of source
// LSN 0/1A2B3C8, cut 2026-12-06T22:31:43Z by alice." and, when that is not
// the policy this report checks, a sentence saying so. "" otherwise.
std::string BranchOriginText(const ComplianceReport& report);

// The measured figures of one table: "k = 3 over birth_date, zip, sex: 12
// groups; 9 of 60 rows (15.0%) in groups smaller than 5; l = 2 for
// diagnosis", or "not measured: not in the masked copy".
std::string AnonymityFiguresText(const TableAnonymity& anonymity);

// "Anonymous", "Pseudonymous", "Personal data".
std::string VerdictTitle(policy::Identifiability verdict);

// The verdict after "The masked copy": "is anonymous", "is pseudonymous",
// "holds personal data".
std::string_view VerdictPhrase(policy::Identifiability verdict);

// "column added", "type changed", ... for a drift change.
std::string_view DriftKindText(policy::DriftChange::Kind kind);

// What changed, after the kind: "text", "int4 → int8", "renamed from old",
// "$.contact.fax (phone)"; "" when the kind says it all.
std::string DriftDetailText(const policy::DriftChange& change);

// The subject of a drift change: "schema.table" or "schema.table.column".
std::string DriftSubjectText(const policy::DriftChange& change);

// The register's wording for what a suppression covers: the column, the
// path and the category when given.
std::string SuppressionSubjectText(const SuppressionEntry& entry);

// What a database cannot evidence and the controller must fill in: the
// other Art. 30(1) entries, and the measures of Art. 32 beyond masking.
struct Placeholder {
  std::string_view item;
  std::string_view text;
};
std::span<const Placeholder> Art30Placeholders();
std::span<const Placeholder> OrganisationalPlaceholders();

}  // namespace pgveil::reports
