// policy/anon_label.h
//
// PostgreSQL Anonymizer declares masking rules as security labels:
//
//   SECURITY LABEL FOR anon ON COLUMN customers.email
//     IS 'MASKED WITH FUNCTION anon.fake_email()';
//   SECURITY LABEL FOR anon ON COLUMN customers.note IS 'MASKED WITH VALUE NULL';
//
// `pgveil bootstrap` carries them over into the draft policy: each label is
// translated into the pgveil transformer that does the same job (fake_email
// -> email, partial/random_phone -> phone, dnoise/random_date -> date_shift,
// generalize_* -> date_generalize, hash/digest -> hash, noise ->
// numeric_noise, MASKED WITH VALUE -> constant, VALUE NULL -> null, ...).
// A function without a counterpart is reported as unknown, and the draft
// keeps the label in a comment.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/schema.h"
#include "masking/param_values.h"

namespace pgveil::policy {

// One `anon` label on a column, as pg_seclabel holds it.
struct AnonLabel {
  ColumnRef column;
  std::string label;
};

struct AnonTranslation {
  enum class Outcome {
    kTranslated,       // `transformer` and `params` do what the label did
    kUnknownFunction,  // MASKED WITH FUNCTION of a function we have no match for
    kNotMasking,       // not a MASKED WITH label (e.g. NOT MASKED, TABLESAMPLE)
  };
  Outcome outcome = Outcome::kNotMasking;
  std::string transformer;
  masking::ParamMap params;
  std::string function;  // kUnknownFunction and kTranslated from a function: "anon.foo"
};

// Translates one label (keywords are case-insensitive; the function may be
// schema-qualified or not).
AnonTranslation TranslateAnonLabel(std::string_view label);

}  // namespace pgveil::policy
