// masking/simple_transformers.cc
//
// The three transformers that ignore the key: keep (the value as it is),
// null (SQL NULL) and constant (one fixed value for every non-NULL input).
// They accept every column type; constant checks its value against the
// column type where the type has a grammar we know.

#include <arpa/inet.h>

#include "masking/decimal.h"
#include "masking/formats.h"
#include "masking/pg_date.h"
#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

class KeepTransformer final : public Transformer {
 public:
  explicit KeepTransformer(TransformerContext& context)
      : Transformer(context.spec.name, std::move(context.invalid)) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<KeepTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    out->text.assign(in);
    return Status::Ok();
  }
};

class NullTransformer final : public Transformer {
 public:
  explicit NullTransformer(TransformerContext& context)
      : Transformer(context.spec.name, std::move(context.invalid)) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<NullTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view, MaskedValue* out) override {
    out->is_null = true;
    return Status::Ok();
  }
};

class ConstantTransformer final : public Transformer {
 public:
  explicit ConstantTransformer(TransformerContext& context)
      : Transformer(context.spec.name, std::move(context.invalid)),
        value_(context.params.GetString("value")) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<ConstantTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view, MaskedValue* out) override {
    out->text.assign(value_);
    return Status::Ok();
  }

 private:
  std::string value_;
};

// Whether `value` is a valid literal of `type`, for the types whose grammar
// we know; true for the rest (the database has the last word).
bool IsLiteralOf(const PgType& type, std::string_view value) {
  if (type.name.ends_with("[]")) {
    return value.starts_with("{") && value.ends_with("}");
  }
  if (std::optional<IntegerRange> range = IntegerTypeRange(type.name)) {
    std::optional<Decimal> number = ParseDecimal(value);
    if (!number.has_value() || number->scale != 0) {
      return false;
    }
    const Uint128 limit = number->negative ? static_cast<Uint128>(-(range->min + 1)) + 1
                                           : static_cast<Uint128>(range->max);
    return number->magnitude <= limit;
  }
  if (type.name == "numeric") {
    return ParseDecimal(value).has_value() || IsSpecialNumber(value);
  }
  if (type.name == "bool") {
    return value == "t" || value == "f" || value == "true" || value == "false";
  }
  if (type.name == "date" || type.name == "timestamp" || type.name == "timestamptz") {
    if (IsInfinityDate(value)) {
      return true;
    }
    std::optional<IsoDateTime> parsed = ParseIsoDateTime(value);
    return parsed.has_value() && (type.name != "date" || !parsed->has_time);
  }
  if (type.name == "uuid") {
    size_t hex = 0;
    for (char c : value) {
      if (IsAsciiDigit(c) || (ToLowerAscii(c) >= 'a' && ToLowerAscii(c) <= 'f')) {
        ++hex;
      } else if (c != '-' && c != '{' && c != '}') {
        return false;
      }
    }
    return hex == 32;
  }
  if (type.name == "inet" || type.name == "cidr") {
    std::string address(value.substr(0, value.find('/')));
    unsigned char buffer[16];
    return inet_pton(AF_INET, address.c_str(), buffer) == 1 ||
           inet_pton(AF_INET6, address.c_str(), buffer) == 1;
  }
  if (type.name == "json" || type.name == "jsonb") {
    return IsValidJson(value);
  }
  return true;
}

Status CheckConstantType(const ParamValues& params, const PgType& type) {
  if (!IsLiteralOf(type, params.GetString("value"))) {
    return Status::InvalidArgument("the constant is not a valid " + type.name + " value");
  }
  return Status::Ok();
}

OutputTraits ConstantTraits(const ParamValues& params) {
  return {Uniqueness::kLossy, LengthRule::kAtMost,
          static_cast<int64_t>(CountCodePoints(params.GetString("value")))};
}

constexpr ParamSpec kConstantParams[] = {
    StringParam("value", "", "the text written for every non-NULL value (NULL stays NULL)", true),
};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "keep",
              .summary = "the value unchanged (for columns that hold no personal data)",
              .params = {},
              .accepted_types = kAnyType,
              .keyed = false,
              .uniqueness = Uniqueness::kPreserving,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kKept},
     .create = [](TransformerContext& c) { return MakeTransformer<KeepTransformer>(c); }},
    {.spec = {.name = "null",
              .summary = "SQL NULL for every value (the column must be nullable)",
              .params = {},
              .accepted_types = kAnyType,
              .keyed = false,
              .uniqueness = Uniqueness::kLossy,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kIrreversible},
     .create = [](TransformerContext& c) { return MakeTransformer<NullTransformer>(c); }},
    {.spec = {.name = "constant",
              .summary = "one fixed value for every non-NULL value",
              .params = kConstantParams,
              .accepted_types = kAnyType,
              .keyed = false,
              .uniqueness = Uniqueness::kLossy,
              .length_rule = LengthRule::kAtMost,
              .privacy = PrivacyClass::kIrreversible},
     .create = [](TransformerContext& c) { return MakeTransformer<ConstantTransformer>(c); },
     .traits = ConstantTraits,
     .check_type = CheckConstantType},
};

}  // namespace

std::span<const TransformerDefinition> SimpleDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
