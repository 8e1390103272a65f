// masking/iban_transformer.cc
//
// iban: same country code, same length and layout (spaces where they were,
// letters where letters were, the same case), keyed replacement of every
// BBAN character, and check digits recomputed so ISO 7064 mod 97-10 holds.
// Country-internal check digits inside the BBAN (some countries have them)
// are not recomputed.
//
// Uniqueness: not guaranteed.
//
// Bad input: not two letters + two digits + 11..30 letters or digits (spaces
// between groups allowed), more than 50 characters -> on_invalid. An input
// whose own check digits are wrong is masked all the same. The empty string
// stays empty.

#include <array>

#include "masking/keyed_stream.h"
#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr size_t kMinCompact = 15;
constexpr size_t kMaxCompact = 34;
constexpr size_t kMaxLength = 50;

class IbanTransformer final : public Transformer {
 public:
  IbanTransformer(TransformerContext& context, KeyedHash hasher)
      : Transformer(context.spec.name, std::move(context.invalid)), hasher_(std::move(hasher)) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<IbanTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    if (in.size() > kMaxLength) {
      return Invalid("not an IBAN: longer than 50 characters");
    }
    std::array<char, kMaxCompact> compact;  // uppercased, without spaces
    size_t n = 0;
    for (char c : in) {
      if (c == ' ') {
        continue;
      }
      if (!IsAsciiAlnum(c)) {
        return Invalid("not an IBAN: only letters, digits and spaces");
      }
      if (n == kMaxCompact) {
        return Invalid("not an IBAN: longer than 34 characters");
      }
      compact[n++] = ToUpperAscii(c);
    }
    if (n < kMinCompact) {
      return Invalid("not an IBAN: shorter than 15 characters");
    }
    if (!IsAsciiUpper(compact[0]) || !IsAsciiUpper(compact[1]) || !IsAsciiDigit(compact[2]) ||
        !IsAsciiDigit(compact[3])) {
      return Invalid("not an IBAN: must start with a country code and two check digits");
    }

    KeyedStream stream(&hasher_, "i", std::string_view(compact.data(), n));
    out->text.assign(in);
    // Replace the BBAN (everything after the first four significant
    // characters), keeping each character's class and case.
    size_t significant = 0;
    for (char& c : out->text) {
      if (c == ' ') {
        continue;
      }
      if (significant++ < 4) {
        continue;
      }
      if (IsAsciiDigit(c)) {
        c = static_cast<char>('0' + stream.Uniform(10));
      } else if (IsAsciiUpper(c)) {
        c = static_cast<char>('A' + stream.Uniform(26));
      } else {
        c = static_cast<char>('a' + stream.Uniform(26));
      }
    }
    // Check digits: 98 - (BBAN + country + "00") mod 97.
    int remainder = 0;
    auto absorb = [&remainder](char c) {
      c = ToUpperAscii(c);
      if (IsAsciiDigit(c)) {
        remainder = (remainder * 10 + (c - '0')) % 97;
      } else {
        remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
      }
    };
    significant = 0;
    char* check_digits[2] = {nullptr, nullptr};
    for (char& c : out->text) {
      if (c == ' ') {
        continue;
      }
      if (significant == 2 || significant == 3) {
        check_digits[significant - 2] = &c;
      }
      if (significant++ >= 4) {
        absorb(c);
      }
    }
    absorb(compact[0]);
    absorb(compact[1]);
    absorb('0');
    absorb('0');
    const int check = 98 - remainder;
    *check_digits[0] = static_cast<char>('0' + check / 10);
    *check_digits[1] = static_cast<char>('0' + check % 10);
    return Status::Ok();
  }

 private:
  KeyedHash hasher_;
};

Result<std::unique_ptr<Transformer>> CreateIban(TransformerContext& context) {
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
  return MakeTransformer<IbanTransformer>(context, std::move(hasher));
}

constexpr ParamSpec kParams[] = {kOnInvalidParam};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "iban",
              .summary = "same country and layout, keyed BBAN, valid mod-97 check digits",
              .params = kParams,
              .accepted_types = kTextTypes,
              .uniqueness = Uniqueness::kNotGuaranteed,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kLinkable},
     .create = CreateIban},
};

}  // namespace

std::span<const TransformerDefinition> IbanDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
