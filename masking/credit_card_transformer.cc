// masking/credit_card_transformer.cc
//
// credit_card: a card number of the same length and layout that passes the
// Luhn check. The first digit (the card network) is kept, or the whole
// six-digit BIN with keep_bin; keep_last4 keeps the last four digits as
// receipts show them. The remaining digits are keyed digits derived from
// the card number's digits; one of them (the last, or the one before the
// kept four) is chosen so that the Luhn check holds.
//
// Uniqueness: not guaranteed.
//
// Bad input: fewer than 12 or more than 19 digits, any character other
// than digits, spaces and dashes, more than 40 characters -> on_invalid.
// An input that fails Luhn is masked all the same (the output passes). The
// empty string stays empty.

#include <array>

#include "masking/keyed_stream.h"
#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr size_t kMinDigits = 12;
constexpr size_t kMaxDigits = 19;
constexpr size_t kMaxLength = 40;

// The Luhn contribution of digit `d` at `position_from_right` (0 = last).
int LuhnTerm(int d, size_t position_from_right) {
  if (position_from_right % 2 == 0) {
    return d;
  }
  return d * 2 > 9 ? d * 2 - 9 : d * 2;
}

class CreditCardTransformer final : public Transformer {
 public:
  CreditCardTransformer(TransformerContext& context, KeyedHash hasher)
      : Transformer(context.spec.name, std::move(context.invalid)),
        hasher_(std::move(hasher)),
        keep_bin_(context.params.GetBool("keep_bin")),
        keep_last4_(context.params.GetBool("keep_last4")) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<CreditCardTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    if (in.size() > kMaxLength) {
      return Invalid("not a card number: longer than 40 characters");
    }
    std::array<char, kMaxDigits> digits;
    size_t n = 0;
    for (char c : in) {
      if (IsAsciiDigit(c)) {
        if (n == kMaxDigits) {
          return Invalid("not a card number: more than 19 digits");
        }
        digits[n++] = c;
      } else if (c != ' ' && c != '-') {
        return Invalid("not a card number: only digits, spaces and dashes are allowed");
      }
    }
    if (n < kMinDigits) {
      return Invalid("not a card number: fewer than 12 digits");
    }

    const size_t head = keep_bin_ ? 6 : 1;
    const size_t tail = keep_last4_ ? 4 : 0;
    const size_t check_position = n - 1 - tail;
    KeyedStream stream(&hasher_, "c", std::string_view(digits.data(), n));
    std::array<char, kMaxDigits> masked = digits;
    for (size_t i = head; i < n - tail; ++i) {
      if (i != check_position) {
        masked[i] = static_cast<char>('0' + stream.Uniform(10));
      }
    }
    int sum = 0;
    for (size_t i = 0; i < n; ++i) {
      if (i != check_position) {
        sum += LuhnTerm(masked[i] - '0', n - 1 - i);
      }
    }
    for (int d = 0; d <= 9; ++d) {
      if ((sum + LuhnTerm(d, n - 1 - check_position)) % 10 == 0) {
        masked[check_position] = static_cast<char>('0' + d);
        break;
      }
    }
    out->text.assign(in);
    size_t index = 0;
    for (char& c : out->text) {
      if (IsAsciiDigit(c)) {
        c = masked[index++];
      }
    }
    return Status::Ok();
  }

 private:
  KeyedHash hasher_;
  bool keep_bin_;
  bool keep_last4_;
};

Result<std::unique_ptr<Transformer>> CreateCreditCard(TransformerContext& context) {
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
  return MakeTransformer<CreditCardTransformer>(context, std::move(hasher));
}

constexpr ParamSpec kParams[] = {
    BoolParam("keep_bin", "false",
              "keep the first six digits (issuer); otherwise only the first (network)"),
    BoolParam("keep_last4", "false", "keep the last four digits"),
    kOnInvalidParam,
};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "credit_card",
              .summary = "same length and layout, keyed digits, valid Luhn check digit",
              .params = kParams,
              .accepted_types = kTextTypes,
              .uniqueness = Uniqueness::kNotGuaranteed,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kLinkable},
     .create = CreateCreditCard},
};

}  // namespace

std::span<const TransformerDefinition> CreditCardDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
