// masking/transformer_definition.h
//
// How the registry knows a transformer: its spec, a factory, and optional
// functions that refine the spec for one set of parameters (output traits,
// extra column-type checks, privacy class). Each transformer's .cc file defines its
// own definitions next to its code; registry.cc lists them. Internal to
// masking/: callers use registry.h.
//
// Thread-safety: definitions are constant data with static storage.
#pragma once

#include <array>
#include <memory>
#include <span>
#include <string_view>

#include "core/status.h"
#include "masking/key_ring.h"
#include "masking/param_values.h"
#include "masking/pg_type.h"
#include "masking/transformer.h"
#include "masking/transformer_spec.h"

namespace pgveil::masking {

// Everything a factory needs. `invalid` is moved into the transformer.
struct TransformerContext {
  const TransformerSpec& spec;
  const ParamValues& params;
  std::string_view domain;
  const KeyRing& keys;
  InvalidValuePolicy invalid;

  // The transformer's own key: HKDF info "pgveil/v1/<name>/<domain>".
  Result<SecretBytes> DeriveKey(size_t length) const {
    return keys.DeriveKey(spec.name, domain, length);
  }
};

struct TransformerDefinition {
  TransformerSpec spec;
  Result<std::unique_ptr<Transformer>> (*create)(TransformerContext& context) = nullptr;
  // Uniqueness and length for `params`; when null, the spec's defaults hold
  // for every parameter set.
  OutputTraits (*traits)(const ParamValues& params) = nullptr;
  // Checks beyond accepted_types (value ranges, constants); may be null.
  Status (*check_type)(const ParamValues& params, const PgType& type) = nullptr;
  // The privacy class for `params` when it depends on them (json: its path
  // rules'); when null, the spec's holds for every parameter set.
  Result<PrivacyClass> (*privacy)(const ParamValues& params) = nullptr;
};

// Type lists shared by the specs.
inline constexpr std::array<std::string_view, 5> kTextTypes = {"text", "varchar", "bpchar",
                                                               "citext", "name"};
inline constexpr std::array<std::string_view, 1> kAnyType = {"*"};

// The on_invalid parameter, identical wherever a transformer has a grammar.
inline constexpr ParamSpec kOnInvalidParam =
    EnumParam("on_invalid", "error", "error|null|hash",
              "a value of the wrong shape: error (stop), null (write NULL), hash (keyed hex "
              "of the same length)");

// Helper for factories: wraps a concrete transformer.
template <typename T, typename... Args>
Result<std::unique_ptr<Transformer>> MakeTransformer(Args&&... args) {
  return std::unique_ptr<Transformer>(std::make_unique<T>(std::forward<Args>(args)...));
}

// Per-file definition lists, in the order `pgveil mask --list` shows them.
std::span<const TransformerDefinition> SimpleDefinitions();      // keep, null, constant
std::span<const TransformerDefinition> HashDefinitions();        // hash
std::span<const TransformerDefinition> EmailDefinitions();       // email
std::span<const TransformerDefinition> PhoneDefinitions();       // phone
std::span<const TransformerDefinition> CreditCardDefinitions();  // credit_card
std::span<const TransformerDefinition> IbanDefinitions();        // iban
std::span<const TransformerDefinition> FpeTextDefinitions();     // fpe_digits, fpe_alnum
std::span<const TransformerDefinition> FpeIntDefinitions();      // fpe_int
std::span<const TransformerDefinition> FakeNameDefinitions();    // fake_*
std::span<const TransformerDefinition> PostalDefinitions();      // postal_generalize
std::span<const TransformerDefinition> DateDefinitions();        // date_shift, date_generalize
std::span<const TransformerDefinition> NumericDefinitions();     // age_cap, numeric_noise
std::span<const TransformerDefinition> IpDefinitions();          // ip
std::span<const TransformerDefinition> UuidDefinitions();        // uuid
std::span<const TransformerDefinition> JsonDefinitions();        // json

}  // namespace pgveil::masking
