// masking/registry.h
//
// The one registry of transformers. Everything that names a transformer goes
// through it: the policy check (does this rule fit this column? is it lossy
// on a unique column?), the replicator (build the transformer for a column),
// `pgveil mask` (preview one) and the json transformer (build the rule of
// each path).
//
//   keep null constant hash email phone credit_card iban fpe_digits fpe_alnum
//   fpe_int fake_first_name fake_last_name fake_name fake_street fake_city
//   postal_generalize date_shift date_generalize age_cap numeric_noise ip
//   uuid json
//
// Domains: keyed transformers derive their key from the domain, by default
// "schema.table.column". Give a primary key and its foreign keys one explicit
// domain and the same transformer, and joins survive masking.
//
// Thread-safety: the registry is immutable; every function is safe to call
// from any thread. The transformers it creates are not (see transformer.h).
#pragma once

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "masking/key_ring.h"
#include "masking/param_values.h"
#include "masking/transformer.h"
#include "masking/transformer_spec.h"

namespace pgveil::masking {

// Every transformer's spec, in a stable order.
const std::vector<const TransformerSpec*>& AllTransformerSpecs();

// The spec named `name`, or nullptr.
const TransformerSpec* FindTransformerSpec(std::string_view name);

// Builds transformer `name` with `params` for `domain`, deriving its key from
// `keys`. InvalidArgument for an unknown transformer ("did you mean ...?"),
// an unknown or malformed parameter, or an empty domain.
Result<std::unique_ptr<Transformer>> CreateTransformer(std::string_view name,
                                                       const ParamMap& params,
                                                       std::string_view domain,
                                                       const KeyRing& keys);

// Uniqueness and output length of `name` with `params`, without a key.
Result<OutputTraits> DescribeTransformer(std::string_view name, const ParamMap& params);

// The privacy class of `name` with `params`, without a key: the spec's,
// lowered to linkable when `on_invalid: hash` writes a keyed hash of
// malformed values, and for json the least private of its path rules
// (delete and set are irreversible). InvalidArgument as CreateTransformer.
Result<PrivacyClass> DescribePrivacy(std::string_view name, const ParamMap& params);

// Whether `name` with `params` fits a column of `column_type` (any spelling:
// "character varying(20)", "int4", "timestamptz"). `max_length` is the n of
// varchar(n)/char(n); when absent it is read from `column_type` if that
// carries one. InvalidArgument says why not: a type the transformer does not
// accept, an output that may be longer than the column allows, a range
// outside the integer type. Does not need a key.
Status CheckFits(std::string_view name, const ParamMap& params, std::string_view column_type,
                 std::optional<int64_t> max_length = std::nullopt);

}  // namespace pgveil::masking
