// cli/compliance_input.h
//
// What `pgveil report` and `pgveil demo` share to produce the compliance
// report from a scan and a policy: run the check (with the baseline, when
// there is one), diff the schema against the baseline, hash the policy
// file's bytes, read the clock, and build the report model
// (reports/compliance_model.h). The clock is read here and only here, so
// the model and its writers stay pure.
//
// Thread-safety: reads the clock and the time zone; otherwise pure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/scan_pipeline.h"
#include "core/anonymity.h"
#include "policy/policy.h"
#include "policy/schema_snapshot.h"
#include "reports/compliance_model.h"

namespace pgveil::cli {

struct ComplianceSources {
  ScanOutcome scan;
  policy::Policy policy;
  std::string policy_text;  // the policy file's bytes, for its sha256
  // With --baseline: the snapshot and its file name; drift and "new" marks
  // are computed against it. Must outlive the call; may be null.
  const policy::SchemaSnapshot* baseline = nullptr;
  std::string baseline_label;
  // With --target: the masked copy's k-anonymity (cli/masked_copy_probe.h).
  std::vector<TableAnonymity> anonymity;
  bool anonymity_measured = false;
  std::optional<reports::BranchOrigin> branch;  // the database is a branch of a replica
};

// Consumes `sources` (the scan and the policy are moved into the model).
reports::ComplianceReport MakeComplianceReport(ComplianceSources sources);

// The local time as ISO 8601 with its UTC offset: "2025-06-01T14:03:22+02:00".
std::string LocalTimestamp();

}  // namespace pgveil::cli
