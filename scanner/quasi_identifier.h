// scanner/quasi_identifier.h
//
// Recognises quasi-identifiers (core/quasi_identifier.h) among a table's
// columns from three kinds of evidence, as the detectors weigh PII:
//   - the column's own findings: a date of birth, a postal code, a city or
//     an ethnicity found by the detectors is a quasi-identifier too;
//   - its name: "sex", "gender", "Geschlecht", "age", "job_title",
//     "nationality", "marital_status", "birth_year", ... as the whole name
//     or after one qualifier ("patient_sex"), and only in a type that can
//     hold such a value (an age is a number, a birth date a date or a year);
//   - its values: a text column whose values are nearly all sex or gender
//     codes ("M", "F", "female", "divers") is one whatever its name; an
//     "age" whose values are not ages (seconds, sizes) is not.
// JSONB paths are not judged: k-anonymity is measured over columns.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <vector>

#include "core/quasi_identifier.h"
#include "core/sample.h"
#include "core/scan_result.h"
#include "core/schema.h"

namespace pgveil::scanner {

// Whether `column` of `table` is a quasi-identifier, given its sampled
// values (possibly none: a new, empty column is judged on name and type)
// and the findings the scanner made on it.
std::optional<QuasiIdentifier> JudgeQuasiIdentifier(const TableInfo& table,
                                                    const ColumnInfo& column,
                                                    const ColumnSample& sample,
                                                    const std::vector<Finding>& findings);

}  // namespace pgveil::scanner
