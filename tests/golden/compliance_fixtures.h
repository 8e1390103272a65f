// tests/golden/compliance_fixtures.h
//
// Hand-made inputs of the compliance report that the golden files and the
// shape tests render, with a fixed time, date and policy hash:
//
//   full   a shop with every treatment (masked, kept, suppressed,
//          uncovered, a skipped table, JSON path rules), dates shifted and
//          generalised, ZIP codes generalised and encrypted, GDPR Art. 9 and
//          Art. 10 data, a finding below the confidence bar, suppressions
//          active, expired and unused, drift against a baseline, a table the
//          scan could not read, and the column `we"ird <col> & co|x` in
//          table "Bestellungen_ü" of schema "Kunden Daten";
//   clean  a database without personal data and without a baseline.
//
// The check's result is computed by policy::Check, as `pgveil report` does.
//
// Thread-safety: each call builds a fresh value.
#pragma once

#include "reports/compliance_model.h"

namespace pgveil::testing {

// The hostile column name of the full fixture, for tests that look for it.
inline constexpr const char* kHostileColumn = "we\"ird <col> & co|x";

reports::ComplianceInput FullComplianceInput();
reports::ComplianceInput CleanComplianceInput();

}  // namespace pgveil::testing
