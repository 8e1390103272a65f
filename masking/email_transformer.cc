// masking/email_transformer.cc
//
// email: a still-valid address whose local part is keyed base32 (a-z2-7)
// derived from the whole input address, and whose domain is either kept or
// mapped to a keyed label under a reserved suffix ("k3d9xq2m.example.com",
// never deliverable). The same address gives the same output in every table
// that shares the domain key, so joins on email survive.
//
// Uniqueness: the local part carries 5 bits per character of an HMAC over
// the full address; at the default 20 characters (100 bits) distinct inputs
// keep distinct outputs (collision probability < 2^-40 at a billion
// values). Shorter local parts or a max_length make it "not guaranteed".
//
// Bad input: no '@', an empty or over-long (64) local part, a local part
// with spaces or control characters, an invalid domain, more than 254
// characters, invalid UTF-8 -> on_invalid. The empty string stays empty.

#include <array>
#include <functional>

#include "masking/formats.h"
#include "masking/text_util.h"
#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

constexpr size_t kMaxAddress = 254;
constexpr size_t kMaxLocal = 64;
constexpr size_t kLabelLength = 8;
constexpr size_t kCacheSize = 64;

bool LocalPartLooksValid(std::string_view local) {
  const bool quoted = local.size() >= 2 && local.front() == '"' && local.back() == '"';
  for (char c : local) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F || (byte == ' ' && !quoted)) {
      return false;
    }
  }
  return IsValidUtf8(local);
}

class EmailTransformer final : public Transformer {
 public:
  EmailTransformer(TransformerContext& context, KeyedHash hasher)
      : Transformer(context.spec.name, std::move(context.invalid)),
        hasher_(std::move(hasher)),
        keep_domain_(context.params.GetBool("keep_domain")),
        suffix_(context.params.GetString("domain_suffix")),
        local_length_(static_cast<size_t>(context.params.GetInt("local_length"))),
        max_length_(context.params.WasGiven("max_length")
                        ? static_cast<size_t>(context.params.GetInt("max_length"))
                        : kMaxAddress) {}
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<EmailTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    if (in.size() > kMaxAddress) {
      return Invalid("not an email address: longer than 254 characters");
    }
    const size_t at = in.rfind('@');
    if (at == std::string_view::npos) {
      return Invalid("not an email address: no '@'");
    }
    const std::string_view local = in.substr(0, at);
    const std::string_view domain = in.substr(at + 1);
    if (local.empty()) {
      return Invalid("not an email address: empty local part");
    }
    if (local.size() > kMaxLocal) {
      return Invalid("not an email address: local part longer than 64 characters");
    }
    if (!LocalPartLooksValid(local)) {
      return Invalid(
          "not an email address: local part has spaces, control characters or "
          "invalid UTF-8");
    }
    if (!IsValidEmailDomain(domain)) {
      return Invalid("not an email address: invalid domain");
    }

    size_t domain_chars;
    if (keep_domain_) {
      domain_chars = CountCodePoints(domain);
    } else {
      domain_chars = kLabelLength + 1 + suffix_.size();
    }
    if (domain_chars + 2 > max_length_) {
      return Invalid("the domain alone does not fit in max_length");
    }
    const size_t local_chars = std::min(local_length_, max_length_ - 1 - domain_chars);

    hasher_.Begin();
    hasher_.Update("l");
    hasher_.Update(in);
    AppendBase32(hasher_.Finish(), local_chars, &out->text);
    out->text.push_back('@');
    if (keep_domain_) {
      out->text.append(domain);
    } else {
      AppendMappedLabel(domain, &out->text);
      out->text.push_back('.');
      out->text.append(suffix_);
    }
    return Status::Ok();
  }

 private:
  // Domains repeat a lot (gmail.com ...): a small direct-mapped cache saves
  // the second HMAC for most values.
  struct CacheEntry {
    std::string domain;
    std::array<char, kLabelLength> label{};
    bool used = false;
  };

  void AppendMappedLabel(std::string_view domain, std::string* out) {
    lowered_.assign(domain);
    for (char& c : lowered_) {
      c = ToLowerAscii(c);
    }
    CacheEntry& entry = cache_[std::hash<std::string_view>()(lowered_) % kCacheSize];
    if (!entry.used || entry.domain != lowered_) {
      hasher_.Begin();
      hasher_.Update("d");
      hasher_.Update(lowered_);
      std::string label;
      AppendBase32(hasher_.Finish(), kLabelLength, &label);
      std::copy(label.begin(), label.end(), entry.label.begin());
      entry.domain = lowered_;
      entry.used = true;
    }
    out->append(entry.label.data(), entry.label.size());
  }

  KeyedHash hasher_;
  bool keep_domain_;
  std::string suffix_;
  size_t local_length_;
  size_t max_length_;
  std::array<CacheEntry, kCacheSize> cache_;
  std::string lowered_;
};

Result<std::unique_ptr<Transformer>> CreateEmail(TransformerContext& context) {
  const std::string& suffix = context.params.GetString("domain_suffix");
  if (!IsValidEmailDomain(suffix) || suffix.size() > 100) {
    return Status::InvalidArgument("domain_suffix is not a valid domain name");
  }
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  PGVEIL_ASSIGN_OR_RETURN(KeyedHash hasher, KeyedHash::Create(key.span()));
  return MakeTransformer<EmailTransformer>(context, std::move(hasher));
}

OutputTraits EmailTraits(const ParamValues& params) {
  const int64_t local = params.GetInt("local_length");
  int64_t bound = static_cast<int64_t>(kMaxAddress);
  if (!params.GetBool("keep_domain")) {
    bound = local + 1 + static_cast<int64_t>(kLabelLength) + 1 +
            static_cast<int64_t>(params.GetString("domain_suffix").size());
  }
  if (params.WasGiven("max_length")) {
    bound = std::min(bound, params.GetInt("max_length"));
  }
  const bool preserving = local * 5 >= 100 && !params.WasGiven("max_length");
  return {preserving ? Uniqueness::kPreserving : Uniqueness::kNotGuaranteed, LengthRule::kAtMost,
          bound};
}

constexpr ParamSpec kParams[] = {
    BoolParam("keep_domain", "false",
              "keep the domain as it is instead of mapping it to <label>.<domain_suffix>"),
    StringParam("domain_suffix", "example.com",
                "where mapped domains live; keep it a reserved, undeliverable name"),
    IntParam("local_length", "20", 8, 51,
             "characters of the keyed local part; below 20 uniqueness is not guaranteed"),
    IntParam("max_length", "", 12, 254,
             "longest address to write (the column's varchar(n)); shortens the local part"),
    kOnInvalidParam,
};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "email",
              .summary = "a valid address with a keyed local part; domain kept or mapped",
              .params = kParams,
              .accepted_types = kTextTypes,
              .uniqueness = Uniqueness::kPreserving,
              .length_rule = LengthRule::kAtMost,
              .privacy = PrivacyClass::kLinkable},
     .create = CreateEmail,
     .traits = EmailTraits},
};

}  // namespace

std::span<const TransformerDefinition> EmailDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
