// masking/numeric_transformers.cc
//
// age_cap: HIPAA Safe Harbor ages (45 CFR 164.514(b)(2)(i)(C)): every age
// at or above `cap` (default 90) becomes `cap`, "90 or older" as one
// category; younger ages are kept. Not keyed; lossy.
//
// numeric_noise: multiplies by a keyed factor in [1 - percent%, 1 +
// percent%], derived from the value itself, so equal values get equal
// noise. Exact decimal arithmetic; the input's number of decimals is kept,
// and the result never has more integer digits than the input (so it still
// fits the numeric(p,s) the input fitted); min and max clamp it further
// and are required on integer columns, whose range digits alone do not
// bound.
//
// Both read integers and numerics as PostgreSQL prints them. NaN and
// [-]Infinity pass through. Bad input: anything else (exponents, spaces,
// more than 30 significant digits for numeric_noise; negative ages for
// age_cap) -> on_invalid. The empty string stays empty.

#include <algorithm>
#include <string>

#include "masking/decimal.h"
#include "masking/keyed_hash.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

__extension__ typedef __int128 Int128;

constexpr std::string_view kNumberTypes[] = {"int2", "int4",    "int8",  "numeric",
                                             "text", "varchar", "bpchar"};
constexpr int kMaxNoiseDigits = 30;
constexpr int64_t kPartsPerMillion = 1'000'000;

class AgeCapTransformer final : public Transformer {
 public:
  explicit AgeCapTransformer(TransformerContext& context)
      : Transformer(context.spec.name, std::move(context.invalid)),
        cap_(context.params.GetInt("cap")) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<AgeCapTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty() || IsSpecialNumber(in)) {
      out->text.assign(in);
      return Status::Ok();
    }
    std::optional<Decimal> age = ParseDecimal(in);
    if (!age.has_value()) {
      return Invalid("not a number");
    }
    if (age->negative && age->magnitude != 0) {
      return Invalid("a negative age");
    }
    if (age->magnitude >= static_cast<Uint128>(cap_) * PowerOfTen(age->scale)) {
      out->text.assign(std::to_string(cap_));
    } else {
      out->text.assign(in);
    }
    return Status::Ok();
  }

 private:
  int64_t cap_;
};

class NumericNoiseTransformer final : public Transformer {
 public:
  NumericNoiseTransformer(TransformerContext& context, KeyedHash hasher)
      : Transformer(context.spec.name, std::move(context.invalid)),
        hasher_(std::move(hasher)),
        spread_ppm_(context.params.GetInt("percent") * (kPartsPerMillion / 100)),
        min_(context.params.WasGiven("min") ? std::optional(context.params.GetInt("min"))
                                            : std::nullopt),
        max_(context.params.WasGiven("max") ? std::optional(context.params.GetInt("max"))
                                            : std::nullopt) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<NumericNoiseTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty() || IsSpecialNumber(in)) {
      out->text.assign(in);
      return Status::Ok();
    }
    std::optional<Decimal> value = ParseDecimal(in);
    if (!value.has_value()) {
      return Invalid("not a number");
    }
    if (value->magnitude >= PowerOfTen(kMaxNoiseDigits)) {
      return Invalid("more than 30 significant digits");
    }
    const uint64_t choice = DigestPrefix64(hasher_.Mac(in));
    const int64_t noise =
        static_cast<int64_t>(choice % static_cast<uint64_t>(2 * spread_ppm_ + 1)) - spread_ppm_;
    const int64_t factor_ppm = kPartsPerMillion + noise;  // >= 0: noise >= -100%
    const Uint128 factor = static_cast<Uint128>(factor_ppm);
    Uint128 magnitude = (value->magnitude * factor + kPartsPerMillion / 2) / kPartsPerMillion;
    const int integer_digits = std::max(1, value->integer_digits);
    const Uint128 digit_limit = PowerOfTen(std::min(38, integer_digits + value->scale)) - 1;
    magnitude = std::min(magnitude, digit_limit);

    Int128 signed_value =
        value->negative ? -static_cast<Int128>(magnitude) : static_cast<Int128>(magnitude);
    if (value->scale <= 18) {
      const Int128 unit = static_cast<Int128>(PowerOfTen(value->scale));
      if (min_.has_value()) {
        signed_value = std::max(signed_value, *min_ * unit);
      }
      if (max_.has_value()) {
        signed_value = std::min(signed_value, *max_ * unit);
      }
    }
    Decimal result = *value;
    result.negative = signed_value < 0;
    result.magnitude = static_cast<Uint128>(signed_value < 0 ? -signed_value : signed_value);
    AppendDecimal(result, &out->text);
    return Status::Ok();
  }

 private:
  KeyedHash hasher_;
  int64_t spread_ppm_;
  std::optional<int64_t> min_;
  std::optional<int64_t> max_;
};

Result<std::unique_ptr<Transformer>> CreateNumericNoise(TransformerContext& context) {
  if (context.params.WasGiven("min") && context.params.WasGiven("max") &&
      context.params.GetInt("min") > context.params.GetInt("max")) {
    return Status::InvalidArgument("min must not be larger than max");
  }
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
  return MakeTransformer<NumericNoiseTransformer>(context, std::move(hasher));
}

Status CheckNoiseType(const ParamValues& params, const PgType& type) {
  std::optional<IntegerRange> range = IntegerTypeRange(type.name);
  if (!range.has_value()) {
    return Status::Ok();
  }
  if (!params.WasGiven("min") || !params.WasGiven("max") || params.GetInt("min") < range->min ||
      params.GetInt("max") > range->max) {
    return Status::InvalidArgument("noise may leave the integer range; set min and max within " +
                                   std::to_string(range->min) + ".." + std::to_string(range->max));
  }
  return Status::Ok();
}

constexpr ParamSpec kAgeParams[] = {
    IntParam("cap", "90", 1, 200, "ages at or above this become this value (HIPAA: 90)"),
    kOnInvalidParam,
};

constexpr ParamSpec kNoiseParams[] = {
    IntParam("percent", "10", 1, 100, "largest relative change, either way"),
    IntParam("min", "", INT64_MIN, INT64_MAX,
             "clamp results below this (required on integer columns)"),
    IntParam("max", "", INT64_MIN, INT64_MAX,
             "clamp results above this (required on integer columns)"),
    kOnInvalidParam,
};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "age_cap",
              .summary = "HIPAA: ages of 90 and over become 90",
              .params = kAgeParams,
              .accepted_types = kNumberTypes,
              .keyed = false,
              .uniqueness = Uniqueness::kLossy,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kIrreversible},
     .create = [](TransformerContext& c) { return MakeTransformer<AgeCapTransformer>(c); }},
    {.spec = {.name = "numeric_noise",
              .summary = "keyed relative noise of up to +/- percent, decimals kept",
              .params = kNoiseParams,
              .accepted_types = kNumberTypes,
              .uniqueness = Uniqueness::kNotGuaranteed,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kLinkable},
     .create = CreateNumericNoise,
     .check_type = CheckNoiseType},
};

}  // namespace

std::span<const TransformerDefinition> NumericDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
