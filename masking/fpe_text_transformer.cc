// masking/fpe_text_transformer.cc
//
// fpe_digits and fpe_alnum: FF1 format-preserving encryption (ff1.h) of the
// digits, or letters and digits, of a value, with every other character
// (spaces, dashes, dots, slashes ...) kept in place. The key is the domain
// key (AES-256) and the tweak is the domain, so the same value in two
// columns that share a domain gives the same output and foreign keys still
// join. FF1 is a permutation of the strings of each length, so distinct
// inputs stay distinct.
//
// fpe_alnum's alphabet: "mixed" (0-9A-Za-z, radix 62; output letters may
// change case), "upper" (0-9A-Z, radix 36) or "lower" (0-9a-z).
//
// Minimum domain (NIST SP 800-38G Rev. 1): at least 6 digits, or 4
// alphanumerics; shorter values cannot be encrypted safely.
//
// Bad input: a letter in fpe_digits, a letter outside the alphabet,
// non-ASCII or control characters, fewer symbols than the minimum, more
// than 256 symbols -> on_invalid. The empty string stays empty.

#include <array>
#include <string>

#include "masking/ff1.h"
#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr size_t kMaxSymbols = 256;

enum class Alphabet { kDigits, kMixed, kUpper, kLower };

class FpeTextTransformer final : public Transformer {
 public:
  FpeTextTransformer(TransformerContext& context, Ff1 cipher, Alphabet alphabet)
      : Transformer(context.spec.name, std::move(context.invalid)),
        cipher_(std::move(cipher)),
        alphabet_(alphabet) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<FpeTextTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    size_t n = 0;
    for (char c : in) {
      const int numeral = Numeral(c);
      if (numeral >= 0) {
        if (n == kMaxSymbols) {
          return Invalid("more than 256 symbols to encrypt");
        }
        numerals_[n++] = static_cast<uint8_t>(numeral);
        continue;
      }
      const auto byte = static_cast<unsigned char>(c);
      if (byte >= 0x80 || byte < 0x20 || byte == 0x7F) {
        return Invalid("only printable ASCII is accepted");
      }
      if (IsAsciiAlpha(c)) {
        return Invalid(alphabet_ == Alphabet::kDigits
                           ? "letters are not digits (fpe_alnum encrypts them)"
                           : "a letter outside the chosen alphabet");
      }
    }
    if (n < cipher_.min_length()) {
      return Invalid("has " + std::to_string(n) + " symbols; FF1 needs at least " +
                     std::to_string(cipher_.min_length()) + " (NIST SP 800-38G minimum domain)");
    }
    const std::span<uint8_t> symbols(numerals_.data(), n);
    PGVEIL_RETURN_IF_ERROR(cipher_.Encrypt(symbols, symbols));
    out->text.assign(in);
    size_t index = 0;
    for (char& c : out->text) {
      if (Numeral(c) >= 0) {
        c = Symbol(numerals_[index++]);
      }
    }
    return Status::Ok();
  }

 private:
  int Numeral(char c) const {
    if (IsAsciiDigit(c)) {
      return c - '0';
    }
    switch (alphabet_) {
      case Alphabet::kDigits:
        return -1;
      case Alphabet::kMixed:
        if (IsAsciiUpper(c)) {
          return 10 + (c - 'A');
        }
        if (IsAsciiLower(c)) {
          return 36 + (c - 'a');
        }
        return -1;
      case Alphabet::kUpper:
        return IsAsciiUpper(c) ? 10 + (c - 'A') : -1;
      case Alphabet::kLower:
        return IsAsciiLower(c) ? 10 + (c - 'a') : -1;
    }
    return -1;
  }

  char Symbol(uint8_t numeral) const {
    if (numeral < 10) {
      return static_cast<char>('0' + numeral);
    }
    if (alphabet_ == Alphabet::kLower) {
      return static_cast<char>('a' + numeral - 10);
    }
    if (numeral < 36) {
      return static_cast<char>('A' + numeral - 10);
    }
    return static_cast<char>('a' + numeral - 36);
  }

  Ff1 cipher_;
  Alphabet alphabet_;
  std::array<uint8_t, kMaxSymbols> numerals_{};
};

Result<std::unique_ptr<Transformer>> CreateFpe(TransformerContext& context, Alphabet alphabet) {
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  Ff1::Options options;
  options.radix = alphabet == Alphabet::kDigits ? 10 : alphabet == Alphabet::kMixed ? 62 : 36;
  options.max_length = kMaxSymbols;
  const auto* tweak = reinterpret_cast<const uint8_t*>(context.domain.data());
  PGVEIL_ASSIGN_OR_RETURN(Ff1 cipher,
                          Ff1::Create(key.span(), {tweak, context.domain.size()}, options));
  return MakeTransformer<FpeTextTransformer>(context, std::move(cipher), alphabet);
}

Result<std::unique_ptr<Transformer>> CreateFpeDigits(TransformerContext& context) {
  return CreateFpe(context, Alphabet::kDigits);
}

Result<std::unique_ptr<Transformer>> CreateFpeAlnum(TransformerContext& context) {
  const std::string& alphabet = context.params.GetString("alphabet");
  return CreateFpe(context, alphabet == "upper"   ? Alphabet::kUpper
                            : alphabet == "lower" ? Alphabet::kLower
                                                  : Alphabet::kMixed);
}

constexpr ParamSpec kDigitParams[] = {kOnInvalidParam};
constexpr ParamSpec kAlnumParams[] = {
    EnumParam("alphabet", "mixed", "mixed|upper|lower",
              "mixed (0-9A-Za-z), upper (0-9A-Z) or lower (0-9a-z)"),
    kOnInvalidParam,
};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "fpe_digits",
              .summary = "FF1 encryption of the digits, separators kept (at least 6 digits)",
              .params = kDigitParams,
              .accepted_types = kTextTypes,
              .uniqueness = Uniqueness::kPreserving,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kReversible},
     .create = CreateFpeDigits},
    {.spec = {.name = "fpe_alnum",
              .summary = "FF1 encryption of letters and digits, separators kept (at least 4)",
              .params = kAlnumParams,
              .accepted_types = kTextTypes,
              .uniqueness = Uniqueness::kPreserving,
              .length_rule = LengthRule::kSameAsInput,
              .privacy = PrivacyClass::kReversible},
     .create = CreateFpeAlnum},
};

}  // namespace

std::span<const TransformerDefinition> FpeTextDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
