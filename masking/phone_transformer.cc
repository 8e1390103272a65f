// masking/phone_transformer.cc
//
// phone: the same shape with other digits. Everything that is not a digit
// (spaces, dashes, parentheses, dots, a leading '+', an extension marker
// "x" / "ext") stays where it is; the country code after '+' or "00" stays;
// leading zeros of the national part (trunk prefixes such as the 0 in
// "030 1234567") stay; every other digit is replaced by a keyed digit, the
// first of them by 1-9 so no number starts with a new zero. The digits are
// derived from the number's digits alone, so "+1 415-555-0123" and
// "+1 (415) 555 0123" mask to the same digits in their own formatting.
//
// Uniqueness: not guaranteed (digits are drawn from an HMAC, not encrypted).
//
// Bad input: letters other than an extension marker, characters outside
// "+-.()/ " and digits, fewer than 3 or more than 20 digits, more than 64
// characters, a '+' not at the start -> on_invalid. The empty string stays
// empty.

#include <array>

#include "masking/keyed_stream.h"
#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr size_t kMaxLength = 64;
constexpr size_t kMinDigits = 3;
constexpr size_t kMaxDigits = 20;

// ITU-T E.164 country codes: 1 and 7 have one digit, these two-digit
// prefixes are complete codes, and every other code has three digits.
constexpr std::array<int, 44> kTwoDigitCodes = {
    20, 27, 30, 31, 32, 33, 34, 36, 39, 40, 41, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54,
    55, 56, 57, 58, 60, 61, 62, 63, 64, 65, 66, 81, 82, 84, 86, 90, 91, 92, 93, 94, 95, 98};

size_t CountryCodeLength(std::string_view digits) {
  if (digits.empty()) {
    return 0;
  }
  if (digits[0] == '1' || digits[0] == '7') {
    return 1;
  }
  if (digits.size() < 2) {
    return digits.size();
  }
  const int two = (digits[0] - '0') * 10 + (digits[1] - '0');
  for (int code : kTwoDigitCodes) {
    if (code == two) {
      return 2;
    }
  }
  return std::min<size_t>(3, digits.size());
}

bool IsSeparator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\t';
}

class PhoneTransformer final : public Transformer {
 public:
  PhoneTransformer(TransformerContext& context, KeyedHash hasher)
      : Transformer(context.spec.name, std::move(context.invalid)), hasher_(std::move(hasher)) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<PhoneTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    if (in.size() > kMaxLength) {
      return Invalid("not a phone number: longer than 64 characters");
    }

    // One pass to validate and collect the digits.
    std::array<char, kMaxDigits + 1> digits;
    size_t digit_count = 0;
    bool plus = false;
    bool seen_content = false;
    for (size_t i = 0; i < in.size(); ++i) {
      const char c = in[i];
      if (IsAsciiDigit(c)) {
        if (digit_count == kMaxDigits) {
          return Invalid("not a phone number: more than 20 digits");
        }
        digits[digit_count++] = c;
        seen_content = true;
      } else if (c == '+') {
        if (seen_content || plus) {
          return Invalid("not a phone number: '+' not at the start");
        }
        plus = true;
        seen_content = true;
      } else if (IsAsciiAlpha(c)) {
        // Only an extension marker: "x", "ext" or "ext." before more digits.
        size_t length = 0;
        if (in.substr(i, 3) == "ext" || in.substr(i, 3) == "EXT" || in.substr(i, 3) == "Ext") {
          length = 3;
        } else if (c == 'x' || c == 'X') {
          length = 1;
        }
        if (length == 0 || digit_count == 0 ||
            (i + length < in.size() && IsAsciiAlpha(in[i + length]))) {
          return Invalid("not a phone number: contains letters");
        }
        i += length - 1;
      } else if (!IsSeparator(c)) {
        return Invalid("not a phone number: unexpected character");
      }
    }
    if (digit_count < kMinDigits) {
      return Invalid("not a phone number: fewer than 3 digits");
    }

    const std::string_view all_digits(digits.data(), digit_count);
    size_t keep = 0;  // digits kept from the left: international prefix and country code
    const bool double_zero = !plus && all_digits.starts_with("00");
    if (plus || double_zero) {
      const size_t prefix = double_zero ? 2 : 0;
      keep = prefix + CountryCodeLength(all_digits.substr(prefix));
    }
    while (keep < digit_count && digits[keep] == '0') {
      ++keep;  // trunk prefix
    }

    KeyedStream stream(&hasher_, plus ? "+" : "n", all_digits);
    out->text.assign(in);
    size_t index = 0;
    bool first = true;
    for (char& c : out->text) {
      if (!IsAsciiDigit(c)) {
        continue;
      }
      if (index++ < keep) {
        continue;
      }
      if (first) {
        c = static_cast<char>('1' + stream.Uniform(9));
        first = false;
      } else {
        c = static_cast<char>('0' + stream.Uniform(10));
      }
    }
    return Status::Ok();
  }

 private:
  KeyedHash hasher_;
};

Result<std::unique_ptr<Transformer>> CreatePhone(TransformerContext& context) {
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
  return MakeTransformer<PhoneTransformer>(context, std::move(hasher));
}

constexpr ParamSpec kParams[] = {kOnInvalidParam};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "phone",
              .summary = "same shape and country code, other digits replaced by keyed digits",
              .params = kParams,
              .accepted_types = kTextTypes,
              .uniqueness = Uniqueness::kNotGuaranteed,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kLinkable},
     .create = CreatePhone},
};

}  // namespace

std::span<const TransformerDefinition> PhoneDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
