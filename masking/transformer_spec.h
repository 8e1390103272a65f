// masking/transformer_spec.h
//
// What the registry says about each transformer, without building one (and
// so without a key): its parameters, the PostgreSQL column types it accepts,
// whether it is keyed and deterministic, whether distinct inputs stay
// distinct, and how long its output can be. The policy check reads these to
// decide whether a rule fits a column; `pgveil mask --list` prints them.
//
// Thread-safety: plain constant data; the registry's specs live for the
// whole program.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace pgveil::masking {

// Whether distinct inputs give distinct outputs.
enum class Uniqueness {
  // Injective (an encryption), or collision-resistant: at least 100 output
  // bits, so a billion distinct inputs collide with probability < 2^-40.
  // Safe on unique and primary-key columns.
  kPreserving,
  // Outputs look random but are too short to rule collisions out (phone
  // numbers, fake names, shifted dates).
  kNotGuaranteed,
  // Many inputs map to one output by design (null, constant, generalisers).
  kLossy,
};

// "preserving", "not guaranteed", "lossy".
std::string_view UniquenessName(Uniqueness uniqueness);

// What can be learnt back from an output, which decides whether a masked
// copy is anonymous or still personal data (GDPR Art. 4(5), Recital 26).
// From least to most private:
enum class PrivacyClass {
  // Not declared. No registered transformer may have it (registry_test).
  kUndeclared,
  // The value itself (keep).
  kKept,
  // Whoever holds the key computes the input back: FF1, prefix-preserving
  // address encryption, and a keyed shift small enough to undo by trying
  // every candidate (date_shift).
  kReversible,
  // Keyed and deterministic without an inverse: the same input gives the
  // same output in every table, run and replica, so records link across
  // them, and a key holder can still test guesses.
  kLinkable,
  // Unkeyed and many-to-one: nulling, constants, generalising.
  kIrreversible,
};

// "kept", "reversible", "linkable", "irreversible" ("undeclared").
std::string_view PrivacyClassName(PrivacyClass privacy);

// The less private of `a` and `b` (kKept is the least private).
PrivacyClass LeastPrivate(PrivacyClass a, PrivacyClass b);

// How long an output can be, in characters (what varchar(n) counts).
enum class LengthRule {
  kSameAsInput,  // never longer than the input
  kAtMost,       // never longer than OutputTraits::max_length
  kUnbounded,    // no bound the registry can promise
};

enum class ParamType { kBool, kInt, kString, kEnum, kJson };

struct ParamSpec {
  std::string_view name;
  ParamType type = ParamType::kString;
  // Used when the parameter is not given; ignored when `required`.
  std::string_view default_value;
  std::string_view doc;
  bool required = false;
  int64_t min = 0;           // kInt only
  int64_t max = 0;           // kInt only
  std::string_view choices;  // kEnum only: "error|null|hash"
};

// Constructors for ParamSpec, so specs read as one line per parameter.
// `default_value` "" means "no default" (the parameter is optional and
// WasGiven() tells whether it is set).
constexpr ParamSpec BoolParam(std::string_view name, std::string_view default_value,
                              std::string_view doc) {
  return {name, ParamType::kBool, default_value, doc, false, 0, 0, {}};
}
constexpr ParamSpec IntParam(std::string_view name, std::string_view default_value, int64_t min,
                             int64_t max, std::string_view doc) {
  return {name, ParamType::kInt, default_value, doc, false, min, max, {}};
}
constexpr ParamSpec EnumParam(std::string_view name, std::string_view default_value,
                              std::string_view choices, std::string_view doc) {
  return {name, ParamType::kEnum, default_value, doc, false, 0, 0, choices};
}
constexpr ParamSpec StringParam(std::string_view name, std::string_view default_value,
                                std::string_view doc, bool required = false) {
  return {name, ParamType::kString, default_value, doc, required, 0, 0, {}};
}
constexpr ParamSpec JsonParam(std::string_view name, std::string_view doc, bool required) {
  return {name, ParamType::kJson, {}, doc, required, 0, 0, {}};
}

struct TransformerSpec {
  std::string_view name;
  std::string_view summary;
  std::span<const ParamSpec> params;
  // Canonical PostgreSQL type names (pg_type.typname: text, varchar, bpchar,
  // int4, timestamptz, ...); "*" accepts every type.
  std::span<const std::string_view> accepted_types;
  bool keyed = true;                                   // depends on the masking key
  bool deterministic = true;                           // same key, domain and input: same output
  Uniqueness uniqueness = Uniqueness::kNotGuaranteed;  // with default parameters
  LengthRule length_rule = LengthRule::kSameAsInput;   // with default parameters
  PrivacyClass privacy = PrivacyClass::kUndeclared;    // with default parameters
};

// Uniqueness and length for one set of parameters (hash with length: 8 is
// no longer preserving; email with a mapped domain has a fixed bound).
struct OutputTraits {
  Uniqueness uniqueness = Uniqueness::kNotGuaranteed;
  LengthRule length_rule = LengthRule::kSameAsInput;
  int64_t max_length = 0;  // characters, when length_rule == kAtMost
};

}  // namespace pgveil::masking
