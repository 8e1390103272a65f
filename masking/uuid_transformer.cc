// masking/uuid_transformer.cc
//
// uuid: a keyed permutation of UUIDs. The version nibble (the 13th hex
// digit) and the variant nibble (the 17th) are kept, so a version-4 UUID
// stays a valid version-4 UUID; the other 30 hex digits are encrypted with
// FF1 (radix 16) under the domain key with the domain as tweak. Distinct
// inputs give distinct outputs, and a UUID primary key and its foreign keys
// still join when they share the domain.
//
// The layout is kept: hyphens where they were, braces if present, and
// upper-case hex if the input used it (PostgreSQL prints lower case).
//
// Bad input: anything but 32 hex digits with optional hyphens between
// groups and optional surrounding braces -> on_invalid. The empty string
// stays empty.

#include <array>

#include "masking/ff1.h"
#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr size_t kHexDigits = 32;
constexpr size_t kVersionNibble = 12;
constexpr size_t kVariantNibble = 16;
constexpr size_t kMaxLength = 40;

int HexValue(char c) {
  if (IsAsciiDigit(c)) {
    return c - '0';
  }
  const char lower = ToLowerAscii(c);
  if (lower >= 'a' && lower <= 'f') {
    return 10 + (lower - 'a');
  }
  return -1;
}

class UuidTransformer final : public Transformer {
 public:
  UuidTransformer(TransformerContext& context, Ff1 cipher)
      : Transformer(context.spec.name, std::move(context.invalid)), cipher_(std::move(cipher)) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<UuidTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    if (in.size() > kMaxLength) {
      return Invalid("not a UUID: too long");
    }
    std::string_view body = in;
    if (body.starts_with('{')) {
      if (!body.ends_with('}')) {
        return Invalid("not a UUID: unbalanced braces");
      }
      body = body.substr(1, body.size() - 2);
    }
    std::array<uint8_t, kHexDigits> nibbles;
    size_t n = 0;
    bool upper = false;
    for (size_t i = 0; i < body.size(); ++i) {
      const char c = body[i];
      if (c == '-') {
        // PostgreSQL allows a hyphen after any group of four digits.
        if (n == 0 || n % 4 != 0 || i + 1 == body.size() || body[i + 1] == '-') {
          return Invalid("not a UUID: misplaced hyphen");
        }
        continue;
      }
      const int value = HexValue(c);
      if (value < 0) {
        return Invalid("not a UUID: not a hex digit");
      }
      if (n == kHexDigits) {
        return Invalid("not a UUID: more than 32 hex digits");
      }
      upper = upper || IsAsciiUpper(c);
      nibbles[n++] = static_cast<uint8_t>(value);
    }
    if (n != kHexDigits) {
      return Invalid("not a UUID: fewer than 32 hex digits");
    }

    std::array<uint8_t, kHexDigits - 2> secret;
    size_t k = 0;
    for (size_t i = 0; i < kHexDigits; ++i) {
      if (i != kVersionNibble && i != kVariantNibble) {
        secret[k++] = nibbles[i];
      }
    }
    PGVEIL_RETURN_IF_ERROR(cipher_.Encrypt(secret, secret));
    k = 0;
    for (size_t i = 0; i < kHexDigits; ++i) {
      if (i != kVersionNibble && i != kVariantNibble) {
        nibbles[i] = secret[k++];
      }
    }
    static constexpr char kLower[] = "0123456789abcdef";
    static constexpr char kUpper[] = "0123456789ABCDEF";
    const char* digits = upper ? kUpper : kLower;
    out->text.assign(in);
    size_t index = 0;
    for (char& c : out->text) {
      if (HexValue(c) >= 0) {
        c = digits[nibbles[index++]];
      }
    }
    return Status::Ok();
  }

 private:
  Ff1 cipher_;
};

Result<std::unique_ptr<Transformer>> CreateUuid(TransformerContext& context) {
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  Ff1::Options options;
  options.radix = 16;
  options.max_length = kHexDigits;
  const auto* tweak = reinterpret_cast<const uint8_t*>(context.domain.data());
  PGVEIL_ASSIGN_OR_RETURN(Ff1 cipher,
                          Ff1::Create(key.span(), {tweak, context.domain.size()}, options));
  return MakeTransformer<UuidTransformer>(context, std::move(cipher));
}

constexpr ParamSpec kParams[] = {kOnInvalidParam};
constexpr std::string_view kTypes[] = {"uuid", "text", "varchar", "bpchar"};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "uuid",
              .summary = "keyed permutation of UUIDs keeping version and variant",
              .params = kParams,
              .accepted_types = kTypes,
              .uniqueness = Uniqueness::kPreserving,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kReversible},
     .create = CreateUuid},
};

}  // namespace

std::span<const TransformerDefinition> UuidDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
