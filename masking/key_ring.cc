#include "masking/key_ring.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

#include <string>

namespace pgveil::masking {
namespace {

constexpr std::string_view kSalt = "pgveil/v1";
constexpr std::string_view kInfoPrefix = "pgveil/v1/";
constexpr size_t kMaxHkdfOutput = size_t{255} * 32;

std::span<const uint8_t> AsBytes(std::string_view text) {
  return {reinterpret_cast<const uint8_t*>(text.data()), text.size()};
}

// Runs OpenSSL's HKDF in `mode`. `salt` and `info` may be empty.
Status RunHkdf(int mode, std::span<const uint8_t> key, std::span<const uint8_t> salt,
               std::span<const uint8_t> info, uint8_t* out, size_t length) {
  EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "HKDF", nullptr);
  if (kdf == nullptr) {
    return Status::Internal("HKDF is not available in this OpenSSL");
  }
  EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(kdf);
  EVP_KDF_free(kdf);
  if (ctx == nullptr) {
    return Status::Internal("allocating an HKDF context failed");
  }

  OSSL_PARAM params[6];
  size_t n = 0;
  char digest[] = "SHA256";
  params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
  params[n++] = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
  params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
                                                  const_cast<uint8_t*>(key.data()), key.size());
  if (!salt.empty()) {
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT,
                                                    const_cast<uint8_t*>(salt.data()), salt.size());
  }
  if (!info.empty()) {
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO,
                                                    const_cast<uint8_t*>(info.data()), info.size());
  }
  params[n] = OSSL_PARAM_construct_end();
  int ok = EVP_KDF_derive(ctx, out, length, params);
  EVP_KDF_CTX_free(ctx);
  if (ok != 1) {
    return Status::Internal("HKDF-SHA256 derivation failed");
  }
  return Status::Ok();
}

}  // namespace

SecretBytes::SecretBytes(SecretBytes&& other) noexcept : bytes_(std::move(other.bytes_)) {
  other.bytes_.clear();
}

SecretBytes& SecretBytes::operator=(const SecretBytes& other) {
  if (this != &other) {
    Wipe();
    bytes_ = other.bytes_;
  }
  return *this;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept {
  if (this != &other) {
    Wipe();
    bytes_ = std::move(other.bytes_);
    other.bytes_.clear();
  }
  return *this;
}

SecretBytes::~SecretBytes() { Wipe(); }

void SecretBytes::Wipe() {
  if (!bytes_.empty()) {
    OPENSSL_cleanse(bytes_.data(), bytes_.size());
  }
}

Result<KeyRing> KeyRing::FromSecret(std::string_view secret) {
  if (secret.size() < kMinMasterSecretBytes) {
    return Status::InvalidArgument("the masking key is too short: it has " +
                                   std::to_string(secret.size()) + " bytes, at least " +
                                   std::to_string(kMinMasterSecretBytes) +
                                   " are needed (generate one with: openssl rand -hex 32)");
  }
  if (secret.find_first_not_of(secret.front()) == std::string_view::npos) {
    return Status::InvalidArgument(
        "the masking key is one character repeated; use a random key (openssl rand -hex 32)");
  }
  KeyRing ring;
  PGVEIL_RETURN_IF_ERROR(RunHkdf(EVP_KDF_HKDF_MODE_EXTRACT_ONLY, AsBytes(secret), AsBytes(kSalt),
                                 {}, ring.prk_.data(), ring.prk_.size()));
  return ring;
}

KeyRing::~KeyRing() { OPENSSL_cleanse(prk_.data(), prk_.size()); }

Result<SecretBytes> KeyRing::DeriveKey(std::string_view transformer, std::string_view domain,
                                       size_t length) const {
  if (length == 0 || length > kMaxHkdfOutput) {
    return Status::Internal("derived key length out of range");
  }
  std::string info;
  info.reserve(kInfoPrefix.size() + transformer.size() + 1 + domain.size());
  info.append(kInfoPrefix).append(transformer).append(1, '/').append(domain);
  SecretBytes key(length);
  PGVEIL_RETURN_IF_ERROR(
      RunHkdf(EVP_KDF_HKDF_MODE_EXPAND_ONLY, prk_, {}, AsBytes(info), key.data(), length));
  return key;
}

Result<SecretBytes> HkdfSha256(std::span<const uint8_t> ikm, std::span<const uint8_t> salt,
                               std::span<const uint8_t> info, size_t length) {
  if (length == 0 || length > kMaxHkdfOutput) {
    return Status::InvalidArgument("HKDF output length out of range");
  }
  SecretBytes out(length);
  PGVEIL_RETURN_IF_ERROR(
      RunHkdf(EVP_KDF_HKDF_MODE_EXTRACT_AND_EXPAND, ikm, salt, info, out.data(), length));
  return out;
}

}  // namespace pgveil::masking
