// policy/transformer_choice.h
//
// Which transformer a draft policy gives a column or JSONB path that holds
// personal data: the one that suits the category (email -> email, phone ->
// phone, date_of_birth -> date_generalize, national IDs -> format-preserving
// encryption, ...), verified against the column through the masking
// registry's CheckFits, with the fallbacks a reviewer would pick when it
// does not fit (a length parameter for varchar(n), hash, null on a nullable
// column, a constant of the column's type). On a primary-key or unique
// column nothing lossy is chosen, and null never goes on a NOT NULL column,
// so `pgveil check --mode strict` accepts every choice. A transformer with an
// input grammar gets `on_invalid: hash` on text columns (null where a hash
// does not fit; null first for an irreversible one, which a hash would make
// linkable) and `on_invalid: null` at JSONB paths, so a malformed value
// the sample missed is masked rather than stopping a replication.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/category.h"
#include "core/scan_result.h"
#include "core/schema.h"
#include "masking/param_values.h"

namespace pgveil::policy {

struct TransformerChoice {
  std::string transformer;
  masking::ParamMap params;
};

// The first of `candidates` that fits `column` (see above); a missing
// length parameter is filled in from the column's varchar(n).
std::optional<TransformerChoice> FirstFitting(const ColumnInfo& column,
                                              const std::vector<TransformerChoice>& candidates);

// Whether `choice` fits `column` as the check will judge it: type and
// length, null on NOT NULL, lossy on unique.
bool Fits(const ColumnInfo& column, const TransformerChoice& choice);

// The transformer for `column` whose findings (confidence above the bar)
// are `findings`, one or more. Free text with several categories or
// embedded PII is blanked rather than reformatted. nullopt when nothing in
// the registry fits the column (the draft then says so in a comment).
std::optional<TransformerChoice> ChooseForColumn(const ColumnInfo& column,
                                                 const std::vector<const Finding*>& findings);

// For a column known to need masking without a category to go on (a
// PostgreSQL Anonymizer label we cannot translate): hash, null, fpe_int,
// uuid or a constant, whichever fits first.
std::optional<TransformerChoice> ChooseWithoutCategory(const ColumnInfo& column);

// The transformer for the values at a JSONB path (JSON scalars reach the
// nested transformer as text).
TransformerChoice ChooseForPath(const std::vector<const Finding*>& findings);

}  // namespace pgveil::policy
