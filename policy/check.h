// policy/check.h
//
// The gate: holds a policy against a database's catalog and the scanner's
// findings and lists every violation (core/violation.h has the rule ids):
//
//   errors    uncovered-column (strict), unmasked-pii (both modes, unless
//             suppressed), stale-rule, transformer-mismatch, lossy-on-unique,
//             expired-suppression, not-anonymous (only with require:
//             anonymous)
//   warnings  unused-suppression, low-confidence-pii
//
// What is gated: tables, partitioned tables and materialized views. Views
// are not (they hold no data of their own), partitions are covered by the
// rules of their parent, foreign tables live elsewhere, and a `skip`ped
// table is not copied at all.
//
// Each violation is anchored at the migration line that created its column
// when `anchors` know it, else at the policy line of the rule (or of the
// table, or of `tables:`). With a baseline snapshot, columns and JSONB paths
// the baseline does not have are marked new. Violations are sorted by
// schema, table, column, path, rule, and carry a fingerprint
// (fingerprint.h). Messages name columns, categories and rules, never data.
//
// Pure: `today` comes from the caller. Runs in time linear in the number of
// columns, rules and findings.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <vector>

#include "core/anonymity.h"
#include "core/quasi_identifier.h"
#include "core/scan_result.h"
#include "core/schema.h"
#include "core/violation.h"
#include "policy/calendar_date.h"
#include "policy/migration_anchors.h"
#include "policy/policy.h"
#include "policy/schema_snapshot.h"

namespace pgveil::policy {

struct CheckOptions {
  std::optional<Mode> mode;                   // overrides the policy's mode
  const SchemaSnapshot* baseline = nullptr;   // must outlive the call; may be null
  const MigrationAnchors* anchors = nullptr;  // must outlive the call; may be null
  // Findings below this confidence are warnings (low-confidence-pii): a name
  // alone on an empty column scores 0.6, a single weak hit less.
  double low_confidence = 0.5;
  // For `require: anonymous` (policy/anonymity.h): the scan's
  // quasi-identifiers and, when the masked copy was measured, its
  // k-anonymity per table. Both must outlive the call; may be null.
  const std::vector<QuasiIdentifier>* quasi_identifiers = nullptr;
  const std::vector<TableAnonymity>* anonymity = nullptr;
};

// True for the relation kinds the gate demands rules for.
bool IsGated(RelationKind kind);

CheckResult Check(const Policy& policy, const Catalog& catalog,
                  const std::vector<Finding>& findings, const CalendarDate& today,
                  const CheckOptions& options = {});

}  // namespace pgveil::policy
