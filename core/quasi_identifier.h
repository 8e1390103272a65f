// core/quasi_identifier.h
//
// Quasi-identifiers: columns that name nobody on their own but single people
// out in combination. Birth date, five-digit ZIP code and sex together
// identify about 87 % of the US population (Sweeney, 2000), so a masked copy
// that keeps them is not anonymous even with every name and email replaced.
// The scanner recognises them (scanner/quasi_identifier.h); the report
// measures how many rows share each combination in the masked copy
// (k-anonymity).
//
// Thread-safety: constant data and plain values.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/schema.h"

namespace pgveil {

enum class QuasiKind {
  kBirthDate,
  kAge,
  kPostalCode,
  kGender,
  kCity,
  kJobTitle,
  kNationality,
  kEthnicity,
  kMaritalStatus,
};

// "birth_date", "age", "postal_code", "gender", "city", "job_title",
// "nationality", "ethnicity", "marital_status".
std::string_view QuasiKindId(QuasiKind kind);
std::optional<QuasiKind> QuasiKindFromId(std::string_view id);
std::span<const QuasiKind> AllQuasiKinds();

struct QuasiIdentifier {
  ColumnRef column;
  QuasiKind kind = QuasiKind::kBirthDate;
  // Why: "name:sex", "type:date", "value:gender", "finding:date_of_birth".
  // Never a value.
  std::vector<std::string> signals;
};

// The entry of `quasi_identifiers` for `column`, or nullptr.
const QuasiIdentifier* FindQuasiIdentifier(const std::vector<QuasiIdentifier>& quasi_identifiers,
                                           const ColumnRef& column);

}  // namespace pgveil
