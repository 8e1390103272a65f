// tests/golden/check_fixtures.h
//
// Hand-made results of `pgveil check` that the golden files and the shape
// tests render: a clean run, a failing run that holds every rule of the
// catalogue (a new column from a migration whose file name has a space, a
// JSONB path, a column with two errors, warnings, a GDPR special category, a
// table-level rule, a location without a line, and a column named
// `we"ird <col> & co` in table "Bestellungen_ü" of schema "Kunden Daten"),
// and a run with warnings only.
//
// Thread-safety: each call builds a fresh value.
#pragma once

#include "core/violation.h"

namespace pgveil::testing {

CheckResult CleanRun();
CheckResult FailingRun();
CheckResult WarningsOnlyRun();

}  // namespace pgveil::testing
