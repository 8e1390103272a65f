// masking/hash_transformer.cc
//
// hash: HMAC-SHA256 of the value under the domain key, written as lowercase
// hex (up to 64 characters) or base32 (a-z2-7, up to 51), cut to `length`.
// Any byte string is accepted, invalid UTF-8 and huge values included; the
// empty string stays empty. Uniqueness is preserving from 100 output bits
// up (25 hex or 20 base32 characters): then a billion distinct values
// collide with probability below 2^-40.

#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr int64_t kMaxHex = 64;
constexpr int64_t kMaxBase32 = 51;
constexpr int64_t kPreservingBits = 100;

bool IsBase32(const ParamValues& params) { return params.GetString("encoding") == "base32"; }

int64_t OutputLength(const ParamValues& params) {
  if (params.WasGiven("length")) {
    return params.GetInt("length");
  }
  return IsBase32(params) ? kMaxBase32 : kMaxHex;
}

class HashTransformer final : public Transformer {
 public:
  HashTransformer(TransformerContext& context, KeyedHash hasher)
      : Transformer(context.spec.name, std::move(context.invalid)),
        hasher_(std::move(hasher)),
        base32_(IsBase32(context.params)),
        length_(static_cast<size_t>(OutputLength(context.params))) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<HashTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    const KeyedHash::Digest digest = hasher_.Mac(in);
    if (base32_) {
      AppendBase32(digest, length_, &out->text);
    } else {
      AppendHex(digest, length_, &out->text);
    }
    return Status::Ok();
  }

 private:
  KeyedHash hasher_;
  bool base32_;
  size_t length_;
};

Result<std::unique_ptr<Transformer>> CreateHash(TransformerContext& context) {
  if (IsBase32(context.params) && OutputLength(context.params) > kMaxBase32) {
    return Status::InvalidArgument("base32 output holds at most 51 characters");
  }
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
  return MakeTransformer<HashTransformer>(context, std::move(hasher));
}

OutputTraits HashTraits(const ParamValues& params) {
  const int64_t length = OutputLength(params);
  const int64_t bits = length * (IsBase32(params) ? 5 : 4);
  return {bits >= kPreservingBits ? Uniqueness::kPreserving : Uniqueness::kNotGuaranteed,
          LengthRule::kAtMost, length};
}

constexpr ParamSpec kParams[] = {
    EnumParam("encoding", "hex", "hex|base32", "hex (0-9a-f) or base32 (a-z2-7)"),
    IntParam("length", "", 1, kMaxHex,
             "characters to keep (default all: 64 hex, 51 base32); below 25 hex / 20 base32 "
             "uniqueness is no longer guaranteed"),
};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "hash",
              .summary = "keyed HMAC-SHA256 of the value, as hex or base32",
              .params = kParams,
              .accepted_types = kTextTypes,
              .uniqueness = Uniqueness::kPreserving,
              .length_rule = LengthRule::kAtMost,
              .privacy = PrivacyClass::kLinkable},
     .create = CreateHash,
     .traits = HashTraits},
};

}  // namespace

std::span<const TransformerDefinition> HashDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
