#include "cli/compliance_input.h"

#include <ctime>
#include <utility>

#include <fmt/format.h>

#include "cli/policy_file.h"
#include "policy/check.h"
#include "policy/drift.h"
#include "policy/fingerprint.h"

namespace pgveil::cli {

reports::ComplianceReport MakeComplianceReport(ComplianceSources sources) {
  reports::ComplianceInput input;
  input.today = Today();
  input.generated_at = LocalTimestamp();
  input.policy_sha256 = policy::Sha256Hex(sources.policy_text);
  policy::CheckOptions check;
  check.baseline = sources.baseline;
  check.quasi_identifiers = &sources.scan.result.quasi_identifiers;
  check.anonymity = &sources.anonymity;
  input.low_confidence = check.low_confidence;
  input.check = policy::Check(sources.policy, sources.scan.catalog, sources.scan.result.findings,
                              input.today, check);
  if (sources.baseline != nullptr) {
    policy::SchemaSnapshot now =
        policy::MakeSnapshot(sources.scan.catalog, sources.scan.result.findings);
    input.drift = policy::DiffSnapshots(*sources.baseline, now);
    input.baseline = std::move(sources.baseline_label);
  }
  input.anonymity = std::move(sources.anonymity);
  input.anonymity_measured = sources.anonymity_measured;
  input.branch = std::move(sources.branch);
  input.scan = std::move(sources.scan.result);
  input.catalog = std::move(sources.scan.catalog);
  input.policy = std::move(sources.policy);
  return reports::BuildComplianceReport(input);
}

std::string LocalTimestamp() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &local);
  long offset_minutes = local.tm_gmtoff / 60;
  char sign = offset_minutes < 0 ? '-' : '+';
  if (offset_minutes < 0) offset_minutes = -offset_minutes;
  return fmt::format("{}{}{:02}:{:02}", text, sign, offset_minutes / 60, offset_minutes % 60);
}

}  // namespace pgveil::cli
