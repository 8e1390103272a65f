// masking/ip_transformer.cc
//
// ip: prefix-preserving keyed pseudonymisation of IPv4 and IPv6 addresses,
// in the style of Crypto-PAn: output bit i is input bit i XOR a keyed
// function of input bits 0..i-1, the first bit of AES over the prefix padded
// as prefix || 1 || 0... (one AES key per family). Two addresses that share
// a k-bit prefix map to addresses that share exactly a k-bit prefix, so
// subnets stay subnets; the mapping is a bijection per family, so distinct
// addresses stay distinct.
//
// Unlike Crypto-PAn, which pads the prefix with bits of a secret pad, the
// 1-then-zeros padding is injective: prefixes of different lengths never
// share an AES input, so the flips of successive bits stay independent.
//
// A /n suffix (inet and cidr) is kept. When the input's host bits are all
// zero (every cidr value, and network-style inet values) the output's are
// zeroed too, so a cidr stays a valid cidr.
//
// Bad input: anything inet_pton rejects for both families, a bad /n suffix,
// more than 64 characters -> on_invalid. The empty string stays empty.

#include <arpa/inet.h>
#include <openssl/evp.h>

#include <array>
#include <charconv>
#include <cstring>

#include "masking/transformer_definition.h"

namespace pgveil::masking {
namespace {

using Block = std::array<uint8_t, 16>;
constexpr size_t kMaxLength = 64;

class IpTransformer final : public Transformer {
 public:
  IpTransformer(TransformerContext& context, const SecretBytes& key)
      : Transformer(context.spec.name, std::move(context.invalid)), key_(key) {
    Init();
  }
  IpTransformer(const IpTransformer& other) : Transformer(other), key_(other.key_) { Init(); }
  ~IpTransformer() override {
    EVP_CIPHER_CTX_free(ciphers_[0]);
    EVP_CIPHER_CTX_free(ciphers_[1]);
  }
  std::unique_ptr<Transformer> Clone() const override {
    return std::make_unique<IpTransformer>(*this);
  }

 protected:
  Status MaskValue(std::string_view in, MaskedValue* out) override {
    if (in.empty()) {
      return Status::Ok();
    }
    if (in.size() > kMaxLength) {
      return Invalid("not an IP address: too long");
    }
    const size_t slash = in.find('/');
    char address[kMaxLength + 1];
    const std::string_view host = in.substr(0, slash);
    std::memcpy(address, host.data(), host.size());
    address[host.size()] = '\0';

    Block bytes{};
    int family = AF_INET;
    size_t width = 4;
    if (host.find(':') != std::string_view::npos) {
      family = AF_INET6;
      width = 16;
    }
    if (inet_pton(family, address, bytes.data()) != 1) {
      return Invalid("not an IP address");
    }
    const int total_bits = static_cast<int>(width * 8);
    int prefix = total_bits;
    if (slash != std::string_view::npos) {
      const std::string_view suffix = in.substr(slash + 1);
      auto [ptr, error] = std::from_chars(suffix.data(), suffix.data() + suffix.size(), prefix);
      if (error != std::errc() || ptr != suffix.data() + suffix.size() || suffix.empty() ||
          prefix < 0 || prefix > total_bits) {
        return Invalid("not an IP address: bad /n suffix");
      }
    }
    const bool host_bits_zero =
        slash != std::string_view::npos && HostBitsZero(bytes, width, prefix);

    Block masked = Pseudonymise(bytes, total_bits);
    if (host_bits_zero) {
      ZeroHostBits(&masked, width, prefix);
    }

    char text[INET6_ADDRSTRLEN];
    if (inet_ntop(family, masked.data(), text, sizeof(text)) == nullptr) {
      return Status::Internal("formatting an IP address failed");
    }
    out->text.assign(text);
    if (slash != std::string_view::npos) {
      out->text.append(in.substr(slash));
    }
    return Status::Ok();
  }

 private:
  void Init() {
    for (size_t family = 0; family < 2; ++family) {
      ciphers_[family] = EVP_CIPHER_CTX_new();
      PGVEIL_CHECK(ciphers_[family] != nullptr);
      PGVEIL_CHECK(EVP_EncryptInit_ex(ciphers_[family], EVP_aes_128_ecb(), nullptr,
                                      key_.data() + 16 * family, nullptr) == 1);
      PGVEIL_CHECK(EVP_CIPHER_CTX_set_padding(ciphers_[family], 0) == 1);
    }
  }

  // The AES inputs of all bits depend on the input address alone, so they
  // are encrypted in one ECB call: a call per bit cost ten times more.
  Block Pseudonymise(const Block& in, int bits) {
    EVP_CIPHER_CTX* cipher = ciphers_[bits == 32 ? 0 : 1];
    std::array<Block, 128> inputs;  // input i: the first i address bits, then 1, then zeros
    Block prefix{};
    for (int i = 0; i < bits; ++i) {
      const int byte = i / 8;
      const uint8_t mask = static_cast<uint8_t>(1 << (7 - i % 8));
      inputs[static_cast<size_t>(i)] = prefix;
      inputs[static_cast<size_t>(i)][static_cast<size_t>(byte)] |= mask;
      prefix[static_cast<size_t>(byte)] |= static_cast<uint8_t>(in[static_cast<size_t>(byte)] & mask);
    }
    std::array<Block, 128> encrypted;
    int length = 0;
    PGVEIL_CHECK(EVP_EncryptUpdate(cipher, encrypted[0].data(), &length, inputs[0].data(),
                                   bits * 16) == 1);
    Block result{};
    for (int i = 0; i < bits; ++i) {
      const size_t byte = static_cast<size_t>(i / 8);
      const uint8_t mask = static_cast<uint8_t>(1 << (7 - i % 8));
      const bool flip = (encrypted[static_cast<size_t>(i)][0] & 0x80) != 0;
      const bool bit = (in[byte] & mask) != 0;
      if (bit != flip) result[byte] |= mask;
    }
    return result;
  }

  static bool HostBitsZero(const Block& bytes, size_t width, int prefix) {
    for (size_t bit = static_cast<size_t>(prefix); bit < width * 8; ++bit) {
      if ((bytes[bit / 8] >> (7 - bit % 8)) & 1) {
        return false;
      }
    }
    return true;
  }

  static void ZeroHostBits(Block* bytes, size_t width, int prefix) {
    for (size_t bit = static_cast<size_t>(prefix); bit < width * 8; ++bit) {
      (*bytes)[bit / 8] &= static_cast<uint8_t>(~(1 << (7 - bit % 8)));
    }
  }

  SecretBytes key_;  // AES-128 keys: bytes 0..15 for IPv4, 16..31 for IPv6
  std::array<EVP_CIPHER_CTX*, 2> ciphers_{};
};

Result<std::unique_ptr<Transformer>> CreateIp(TransformerContext& context) {
  PGVEIL_ASSIGN_OR_RETURN(SecretBytes key, context.DeriveKey(32));
  return MakeTransformer<IpTransformer>(context, key);
}

constexpr ParamSpec kParams[] = {kOnInvalidParam};
constexpr std::string_view kTypes[] = {"inet", "cidr", "text", "varchar", "bpchar"};

constexpr TransformerDefinition kDefinitions[] = {
    {.spec = {.name = "ip",
              .summary = "prefix-preserving keyed pseudonym of an IPv4/IPv6 address, /n kept",
              .params = kParams,
              .accepted_types = kTypes,
              .uniqueness = Uniqueness::kPreserving,
              .length_rule = LengthRule::kAtMost,
              .privacy = PrivacyClass::kReversible},
     .create = CreateIp,
     .traits =
         [](const ParamValues&) {
           return OutputTraits{Uniqueness::kPreserving, LengthRule::kAtMost, 43};
         }},
};

}  // namespace

std::span<const TransformerDefinition> IpDefinitions() { return kDefinitions; }

}  // namespace pgveil::masking
