// policy/anonymity.h
//
// Which privacy regime a masked copy falls under, and the gate's
// `require: anonymous` rule.
//
//   anonymous     no one can be re-identified: every personal value is
//                 removed or generalised (an irreversible transformer, skip,
//                 a deleted JSON path) and every table's rows hide among at
//                 least k others over their quasi-identifiers. Outside the
//                 GDPR (Recital 26).
//   pseudonymous  the link to a person survives for someone: a key holder
//                 can reverse the masking (FF1) or link equal values across
//                 tables and runs (keyed deterministic hashing). Still
//                 personal data (Art. 4(5), Recital 26).
//   personal      a value is copied as it is, or the quasi-identifiers
//                 single people out (k below the bar).
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/anonymity.h"
#include "core/quasi_identifier.h"
#include "core/scan_result.h"
#include "core/schema.h"
#include "core/violation.h"
#include "masking/transformer_spec.h"
#include "policy/policy.h"

namespace pgveil::policy {

// Ordered from best to worst, so the worse of two is the larger.
enum class Identifiability { kAnonymous, kPseudonymous, kPersonal };

// "anonymous", "pseudonymous", "personal".
std::string_view IdentifiabilityName(Identifiability identifiability);

// What a rule of `privacy` class leaves of a personal value: irreversible
// -> anonymous, reversible or linkable -> pseudonymous, kept -> personal.
Identifiability IdentifiabilityOf(masking::PrivacyClass privacy);

// Why, in a few words, for `method` (a transformer, "skip", "delete",
// "set", "keep"): "FF1, reversible with the key", "keyed and deterministic,
// linkable across tables and runs", "irreversible", "kept as it is".
std::string PrivacyReason(std::string_view method, masking::PrivacyClass privacy);

// The privacy class of `rule` as a whole (json: its weakest path rule).
masking::PrivacyClass PrivacyOfRule(const ColumnRule& rule);

// "k = 1 over birth_date, zip, sex" (with "in a 10% sample" when sampled).
std::string KAnonymityText(const TableAnonymity& anonymity);

// Violations of `require: anonymous` (rule id `not-anonymous`, an error):
// in every table the policy requires to be anonymous, a column holding
// personal data (a finding at or above `low_confidence`) or a
// quasi-identifier whose rule is reversible or linkable, anchored at the
// rule's line; and, for each measured table in `anonymity`, k below the
// bar, anchored at the `require` line. Kept personal data is already
// `unmasked-pii`. Unsorted, without fingerprints (the check adds them).
std::vector<Violation> CheckAnonymity(const Policy& policy, const std::vector<Finding>& findings,
                                      const std::vector<QuasiIdentifier>& quasi_identifiers,
                                      const std::vector<TableAnonymity>& anonymity,
                                      double low_confidence);

}  // namespace pgveil::policy
