// reports/compliance_model.h
//
// The compliance report (`pgveil report`) as a value: the evidence an
// auditor takes away, built from the database itself. BuildComplianceReport
// takes what the pipeline already produced (the scan, the catalog, the
// policy, the check's result and, with a baseline, the drift) and works out
//
//   - the inventory: every finding (category, table, column, JSONB path)
//     with its confidence, match ratio and redacted evidence, and how the
//     policy treats it: masked (by which transformer, keeping uniqueness or
//     not), kept, suppressed or uncovered;
//   - policy coverage of those locations per table and overall;
//   - the HIPAA Safe Harbor matrix, identifiers A to R (45 CFR
//     164.514(b)(2)(i)): where each is found, how it is masked, pass or fail;
//   - GDPR Art. 30(1)(c) categories of personal data and (g) technical
//     measures, with Art. 9 and Art. 10 special categories flagged;
//   - the suppression register and the drift since the baseline;
//   - the privacy verdict (policy/anonymity.h): anonymous, pseudonymous or
//     personal, per location, per table (with the k-anonymity measured on
//     the masked copy, when it was) and overall, each with its reason.
//
// The writers (compliance_report.h) only format this value; every judgement
// is made here, once, so HTML, Markdown and JSON cannot disagree.
//
// Findings below the check's confidence bar are listed in the inventory as
// possible PII for review and left out of coverage, HIPAA and GDPR, as the
// check only warns about them.
//
// Pure: the time of the report, today's date and the policy's hash come in
// with the input. Nothing here sees a sampled value; evidence arrives
// redacted.
//
// Thread-safety: plain values and pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/anonymity.h"
#include "core/category.h"
#include "core/quasi_identifier.h"
#include "core/scan_result.h"
#include "core/schema.h"
#include "core/violation.h"
#include "masking/transformer_spec.h"
#include "policy/anonymity.h"
#include "policy/calendar_date.h"
#include "policy/drift.h"
#include "policy/policy.h"

namespace pgveil::reports {

// How the policy treats one place personal data lives.
enum class Protection {
  kMasked,      // a transformer rewrites it, a path rule deletes or replaces it, or the table is
                // skipped
  kKept,        // the rule is `keep`: copied as it is
  kSuppressed,  // a suppression that has not expired declares it not personal data
  kUncovered,   // no rule applies
};

struct Treatment {
  Protection protection = Protection::kUncovered;
  // A transformer name; "skip" (the table is not copied), "delete" or "set"
  // (JSON path rules); "keep"; "" when no rule applies.
  std::string method;
  std::string rule_path;   // the JSON path rule that applies, "" for a column rule
  std::string uniqueness;  // "preserving", "not guaranteed", "lossy"; "" unless a transformer
  // The value is removed or generalised, not only pseudonymised: null,
  // constant, delete, set, skip, date_generalize to the year, age_cap,
  // postal_generalize. Safe Harbor asks this of dates, ZIP codes and
  // coordinates.
  bool generalises = false;
  // What a reader of the masked copy can learn back (masking/transformer_spec.h):
  // skip, delete and set are irreversible; keep is kept; kUndeclared when no
  // rule applies.
  masking::PrivacyClass privacy = masking::PrivacyClass::kUndeclared;
  int policy_line = 0;  // line of the rule in the policy file; 0 when none
};

struct InventoryRow {
  ColumnRef column;
  std::optional<std::string> path;  // JSONB leaf; nullopt for the whole column
  std::string data_type;
  Category category = Category::kEmail;
  double confidence = 0;
  double match_ratio = 0;
  int64_t values_sampled = 0;
  std::vector<std::string> evidence;  // redacted, as the scanner wrote it
  bool possible = false;              // below the confidence bar: for review, not counted
  Treatment treatment;
};

struct CoverageCounts {
  int masked = 0;
  int kept = 0;
  int suppressed = 0;
  int uncovered = 0;

  int Total() const { return masked + kept + suppressed + uncovered; }
  // masked / (masked + kept + uncovered) in percent: suppressed locations are
  // declared not personal data and leave the denominator. 100 when nothing
  // is left to mask.
  double Percent() const;
  void Add(Protection protection);
};

// Coverage of one table's PII locations (a location is a column or a JSONB
// path; one with several categories counts once, at its worst treatment).
struct TableCoverage {
  std::string schema;
  std::string table;
  int columns = 0;            // columns of the table
  int columns_with_rule = 0;  // of those, how many the policy names (all when skipped)
  bool skipped = false;       // `skip`: the table is not copied at all
  CoverageCounts pii;
};

enum class HipaaStatus {
  kPass,         // found, and every location is protected as Safe Harbor asks
  kFail,         // some location is kept, uncovered, or not generalised where it must be
  kNotFound,     // the scan found no such identifier
  kNotAssessed,  // pgveil cannot detect this identifier (fax numbers, photographs)
};

struct HipaaLocation {
  ColumnRef column;
  std::optional<std::string> path;
  Category category = Category::kEmail;
  Treatment treatment;
  bool passes = false;
  std::string reason;  // one sentence: why it passes or fails
};

struct HipaaRow {
  char letter = 'A';
  std::string identifier;            // "Names", "Geographic subdivisions smaller than a state", ...
  std::vector<Category> categories;  // the categories pgveil maps to this identifier
  HipaaStatus status = HipaaStatus::kNotFound;
  std::vector<HipaaLocation> locations;
  std::string note;  // what Safe Harbor demands here, or why pgveil cannot tell
};

// GDPR Art. 30(1)(c): one category of personal data the database holds.
struct GdprCategory {
  Category category = Category::kEmail;
  std::string label;    // "E-mail addresses"
  std::string article;  // "Art. 9", "Art. 10" for special categories; "" otherwise
  int locations = 0;
  int exposed = 0;                   // kept or uncovered
  std::vector<std::string> tables;   // "schema.table", sorted
  std::vector<std::string> methods;  // how it is masked, sorted, unique
};

// GDPR Art. 30(1)(g): one technical measure the policy applies.
struct TechnicalMeasure {
  std::string method;      // transformer name, "skip", "delete" or "set"
  std::string summary;     // what it does (the masking registry's summary)
  bool keyed = false;      // depends on the masking key
  std::string uniqueness;  // "" when not a transformer
  int locations = 0;
};

struct GdprSection {
  std::vector<GdprCategory> categories;    // in category order
  std::vector<TechnicalMeasure> measures;  // by method name
  std::string key_source;                  // "environment variable PGVEIL_KEY"
};

enum class SuppressionState {
  kActive,   // has not expired and silences at least one finding
  kExpired,  // past its expiry date: the check fails on it
  kUnused,   // matches no finding the policy leaves unmasked
};

struct SuppressionEntry {
  ColumnRef column;
  std::optional<std::string> path;
  std::optional<Category> category;
  std::string reason;
  std::optional<std::string> expires;  // "YYYY-MM-DD"
  SuppressionState state = SuppressionState::kActive;
  int matched = 0;  // findings it silences
  int policy_line = 0;
};

// The privacy verdict on one location (column or JSONB path) holding
// personal data.
struct LocationVerdict {
  ColumnRef column;
  std::optional<std::string> path;
  policy::Identifiability verdict = policy::Identifiability::kPersonal;
  std::string method;                   // as Treatment::method
  std::string reason;                   // "fpe_digits: FF1, reversible with the key"
  std::optional<QuasiKind> quasi_kind;  // also a quasi-identifier
  int policy_line = 0;
};

// The verdict on one table that holds personal data or quasi-identifiers.
struct TableVerdict {
  std::string schema;
  std::string table;
  policy::Identifiability verdict = policy::Identifiability::kPersonal;
  // One clause: "k = 1 over birth_date, zip, sex — re-identifiable",
  // "public.customers.email: email, keyed and deterministic, ...".
  std::string reason;
  std::vector<std::string> quasi_identifiers;  // column names, as scanned
  std::optional<TableAnonymity> anonymity;     // nullopt: not measured
};

struct PrivacyVerdict {
  policy::Identifiability verdict = policy::Identifiability::kAnonymous;
  std::string sentence;                    // the one-sentence verdict at the top of the report
  std::string gdpr_consequence;            // what the verdict means under the GDPR
  bool measured = false;                   // k-anonymity was measured on the masked copy (--target)
  bool unmeasured_quasi = false;           // a copied table has quasi-identifiers nobody measured
  int k_bar = 5;                           // the policy's k_anonymity
  std::vector<LocationVerdict> locations;  // by schema, table, column, path
  std::vector<TableVerdict> tables;        // by schema, table
};

struct ComplianceSummary {
  int tables_scanned = 0;
  int columns_scanned = 0;
  int pii_tables = 0;
  int pii_columns = 0;    // columns with at least one counted finding
  int pii_locations = 0;  // columns and JSONB paths
  int categories = 0;
  int special_locations = 0;  // GDPR Art. 9/10 locations
  int possible = 0;           // findings below the confidence bar
  CoverageCounts coverage;
  int errors = 0;
  int warnings = 0;
  int hipaa_pass = 0;
  int hipaa_fail = 0;
  int hipaa_not_found = 0;
  int hipaa_not_assessed = 0;
  int suppressions_expired = 0;
  std::optional<int> drift_changes;  // nullopt without a baseline
};

// Where the scanned database's rows come from when it is a branch cut from
// a masked replica (pgveil branch): what the report cites.
struct BranchOrigin {
  std::string replica;        // the replica's database name
  std::string lsn;            // the source position the replica had applied
  std::string policy_sha256;  // the policy its rows were masked under
  std::string policy_mode;
  std::string created_at;
  std::string creator;
};

struct ComplianceReport {
  std::string tool_version;
  std::string generated_at;  // as the caller passed it
  std::string policy_file;
  std::string policy_sha256;
  std::string mode;  // the check's mode: "strict" or "relaxed"
  ScanParameters scan_parameters;
  int64_t rows_sampled = 0;
  int64_t duration_ms = 0;
  double low_confidence = 0.5;
  ComplianceSummary summary;
  std::vector<InventoryRow> inventory;  // by category, schema, table, column, path
  std::vector<TableCoverage> coverage;  // tables with PII, by schema, table
  std::vector<HipaaRow> hipaa;          // A to R, all 18
  GdprSection gdpr;
  std::vector<SuppressionEntry> suppressions;             // in policy order
  std::optional<std::vector<policy::DriftChange>> drift;  // nullopt without a baseline
  std::string baseline;                                   // the baseline's label (file)
  std::vector<Violation> violations;                      // the check's, in its order
  std::vector<SkippedTable> skipped;                      // tables the scan could not read
  PrivacyVerdict privacy;
  std::optional<BranchOrigin> branch;  // when the database is a branch
};

struct ComplianceInput {
  ScanResult scan;
  Catalog catalog;
  policy::Policy policy;
  CheckResult check;
  std::optional<std::vector<policy::DriftChange>> drift;  // with --baseline
  std::string baseline;                                   // its label, e.g. the file name
  std::string policy_sha256;                              // of the policy file's bytes
  std::string generated_at;     // e.g. "2025-06-01T14:03:22+02:00"; shown as given
  policy::CalendarDate today;   // for suppression expiry
  double low_confidence = 0.5;  // the check's bar (policy::CheckOptions::low_confidence)
  // Measured on the masked copy (report --target); `anonymity_measured`
  // says whether it was, as a copy may have no table to measure.
  std::vector<TableAnonymity> anonymity;
  bool anonymity_measured = false;
  std::optional<BranchOrigin> branch;  // when the database is a branch
};

ComplianceReport BuildComplianceReport(const ComplianceInput& input);

// How the policy treats `finding`, as the check judges it: the column's
// rule, the JSON path rule under `transform: json`, a skipped table, then
// the suppressions that have not expired by `today`.
Treatment TreatmentOf(const policy::Policy& policy, const Finding& finding,
                      const policy::CalendarDate& today);

// The 18 Safe Harbor rows for the counted (not `possible`) inventory rows.
std::vector<HipaaRow> BuildHipaaMatrix(const std::vector<InventoryRow>& inventory);

// Art. 30(1)(c) categories and (g) measures for the counted inventory rows.
GdprSection BuildGdprSection(const std::vector<InventoryRow>& inventory,
                             const policy::Policy& policy);

// The privacy verdict from the counted inventory rows, the scan's
// quasi-identifiers and the measured k-anonymity (compliance_privacy.cc).
PrivacyVerdict BuildPrivacyVerdict(const std::vector<InventoryRow>& inventory,
                                   const ComplianceInput& input);

// "masked", "kept", "suppressed", "uncovered".
std::string_view ProtectionName(Protection protection);
// "pass", "fail", "not found", "not assessed".
std::string_view HipaaStatusName(HipaaStatus status);
// "active", "expired", "unused".
std::string_view SuppressionStateName(SuppressionState state);
// "E-mail addresses", "Racial or ethnic origin", ...
std::string_view CategoryLabel(Category category);
// "Art. 9", "Art. 10" or "".
std::string_view GdprArticle(Category category);

}  // namespace pgveil::reports
