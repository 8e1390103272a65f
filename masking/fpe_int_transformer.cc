// masking/fpe_int_transformer.cc
//
// fpe_int: a keyed permutation of the integer range [min, max]. Each value
// maps to another value of the same range, distinct inputs to distinct
// outputs, and the same value to the same output wherever the domain is
// shared, so a masked primary key and its masked foreign keys still join,
// and CheckFits proves the range fits the column type.
//
// Construction: FF1 (ff1.h) with radix 2 over the bits of value - min,
// cycle-walking until the result falls inside the range (fewer than two
// encryptions on average, since the range fills more than half of the bit
// space). FF1's one-million minimum domain is not enforced here: a
// permutation of a small range (int2) is still a permutation, and a range
// that small can be enumerated whatever the cipher.
//
// Bad input: not a plain integer (fractions, exponents, spaces), or outside
// [min, max] -> on_invalid. The empty string stays empty.

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <string>

#include "masking/ff1.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

class FpeIntTransformer final : public Transformer {
 public:
  FpeIntTransformer(TransformerContext& context, Ff1 cipher, int64_t min, int64_t max, int bits)
      : Transformer(context.spec.name, std::move(context.invalid)),
        cipher_(std::move(cipher)),
        min_(min),
        span_(static_cast<uint64_t>(max) - static_cast<uint64_t>(min)),
        bits_(bits) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<FpeIntTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    std::string_view digits = in;
    if (digits.starts_with('+')) {
      digits.remove_prefix(1);
    }
    int64_t value = 0;
    auto [ptr, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || ptr != digits.data() + digits.size() || digits.empty()) {
      return Invalid("not an integer in the permuted range");
    }
    const uint64_t offset = static_cast<uint64_t>(value) - static_cast<uint64_t>(min_);
    if (value < min_ || offset > span_) {
      return Invalid("not an integer in the permuted range");
    }

    uint64_t x = offset;
    do {
      for (int i = 0; i < bits_; ++i) {
        bits_buffer_[i] = (x >> (bits_ - 1 - i)) & 1;
      }
      const std::span<uint8_t> numerals(bits_buffer_.data(), static_cast<size_t>(bits_));
      PGVEIL_RETURN_IF_ERROR(cipher_.Encrypt(numerals, numerals));
      x = 0;
      for (int i = 0; i < bits_; ++i) {
        x = (x << 1) | bits_buffer_[i];
      }
    } while (x > span_);

    const int64_t result = static_cast<int64_t>(static_cast<uint64_t>(min_) + x);
    char buffer[24];
    auto [end, ignored] = std::to_chars(buffer, buffer + sizeof(buffer), result);
    out->text.assign(buffer, end);
    return Status::Ok();
  }

 private:
  Ff1 cipher_;
  int64_t min_;
  uint64_t span_;  // max - min: the range holds span_ + 1 values
  int bits_;
  std::array<uint8_t, 64> bits_buffer_{};
};

Result<std::unique_ptr<Transformer>> CreateFpeInt(TransformerContext& context) {
  const int64_t min = context.params.GetInt("min");
  const int64_t max = context.params.GetInt("max");
  if (min >= max) {
    return Status::InvalidArgument("min must be smaller than max");
  }
  const uint64_t span = static_cast<uint64_t>(max) - static_cast<uint64_t>(min);
  const int bits = std::max(2, 64 - __builtin_clzll(span));
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  Ff1::Options options;
  options.radix = 2;
  options.enforce_minimum_domain = false;
  options.max_length = 64;
  const auto* tweak = reinterpret_cast<const uint8_t*>(context.domain.data());
  PGVEIL_ASSIGN_OR_RETURN(Ff1 cipher,
                          Ff1::Create(key.span(), {tweak, context.domain.size()}, options));
  return MakeTransformer<FpeIntTransformer>(context, std::move(cipher), min, max, bits);
}

Status CheckIntType(const ParamValues& params, const PgType& type) {
  std::optional<IntegerRange> range = IntegerTypeRange(type.name);
  if (!range.has_value()) {
    return Status::Ok();
  }
  if (params.GetInt("min") < range->min || params.GetInt("max") > range->max) {
    return Status::InvalidArgument("the range min..max does not fit the column type (" +
                                   std::to_string(range->min) + ".." + std::to_string(range->max) +
                                   ")");
  }
  return Status::Ok();
}

OutputTraits FpeIntTraits(const ParamValues& params) {
  const int64_t digits_max = static_cast<int64_t>(std::to_string(params.GetInt("max")).size());
  const int64_t digits_min = static_cast<int64_t>(std::to_string(params.GetInt("min")).size());
  return {Uniqueness::kPreserving, LengthRule::kAtMost, std::max(digits_max, digits_min)};
}

constexpr ParamSpec kParams[] = {
    IntParam("min", "0", INT64_MIN, INT64_MAX, "smallest value of the permuted range"),
    IntParam("max", "2147483647", INT64_MIN, INT64_MAX,
             "largest value of the permuted range (default: int4's largest)"),
    kOnInvalidParam,
};

constexpr std::string_view kTypes[] = {"int2", "int4",    "int8",  "numeric",
                                       "text", "varchar", "bpchar"};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "fpe_int",
              .summary = "a keyed permutation of the integers min..max (unique, joins survive)",
              .params = kParams,
              .accepted_types = kTypes,
              .uniqueness = Uniqueness::kPreserving,
              .length_rule = LengthRule::kAtMost,
              .privacy = PrivacyClass::kReversible},
     .create = CreateFpeInt,
     .traits = FpeIntTraits,
     .check_type = CheckIntType},
};

}  // namespace

std::span<const TransformerDefinition> FpeIntDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
