#include "masking/keyed_hash.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include <algorithm>

namespace pgveil::masking {
namespace {

constexpr size_t kBlockSize = 64;

EVP_MD_CTX* NewContextOrDie() {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  PGVEIL_CHECK(ctx != nullptr);
  return ctx;
}

}  // namespace

// inner_ and outer_ hold SHA-256 after absorbing key^ipad and key^opad; they
// are never finalised, only copied into work_.
struct KeyedHash::Impl {
  Impl() : inner(NewContextOrDie()), outer(NewContextOrDie()), work(NewContextOrDie()) {}
  Impl(const Impl& other) : Impl() {
    PGVEIL_CHECK(EVP_MD_CTX_copy_ex(inner, other.inner) == 1);
    PGVEIL_CHECK(EVP_MD_CTX_copy_ex(outer, other.outer) == 1);
  }
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    EVP_MD_CTX_free(inner);
    EVP_MD_CTX_free(outer);
    EVP_MD_CTX_free(work);
  }

  EVP_MD_CTX* inner;
  EVP_MD_CTX* outer;
  EVP_MD_CTX* work;
};

Result<KeyedHash> KeyedHash::Create(std::span<const uint8_t> key) {
  auto impl = std::make_unique<Impl>();
  const EVP_MD* sha256 = EVP_sha256();
  std::array<uint8_t, kBlockSize> block{};
  if (key.size() > kBlockSize) {
    unsigned int length = 0;
    if (EVP_Digest(key.data(), key.size(), block.data(), &length, sha256, nullptr) != 1) {
      return Status::Internal("hashing the HMAC key failed");
    }
  } else {
    std::copy(key.begin(), key.end(), block.begin());
  }
  std::array<uint8_t, kBlockSize> pad;
  for (size_t i = 0; i < kBlockSize; ++i) {
    pad[i] = block[i] ^ 0x36;
  }
  bool ok = EVP_DigestInit_ex(impl->inner, sha256, nullptr) == 1 &&
            EVP_DigestUpdate(impl->inner, pad.data(), pad.size()) == 1;
  for (size_t i = 0; i < kBlockSize; ++i) {
    pad[i] = block[i] ^ 0x5c;
  }
  ok = ok && EVP_DigestInit_ex(impl->outer, sha256, nullptr) == 1 &&
       EVP_DigestUpdate(impl->outer, pad.data(), pad.size()) == 1;
  OPENSSL_cleanse(block.data(), block.size());
  OPENSSL_cleanse(pad.data(), pad.size());
  if (!ok) {
    return Status::Internal("preparing the HMAC-SHA256 key schedule failed");
  }
  return KeyedHash(std::move(impl));
}

KeyedHash::KeyedHash(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
KeyedHash::KeyedHash(const KeyedHash& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
KeyedHash& KeyedHash::operator=(const KeyedHash& other) {
  if (this != &other) {
    impl_ = std::make_unique<Impl>(*other.impl_);
  }
  return *this;
}
KeyedHash::KeyedHash(KeyedHash&& other) noexcept = default;
KeyedHash& KeyedHash::operator=(KeyedHash&& other) noexcept = default;
KeyedHash::~KeyedHash() = default;

KeyedHash::Digest KeyedHash::Mac(std::string_view message) {
  Begin();
  Update(message);
  return Finish();
}

void KeyedHash::Begin() { PGVEIL_CHECK(EVP_MD_CTX_copy_ex(impl_->work, impl_->inner) == 1); }

void KeyedHash::Update(std::string_view part) {
  PGVEIL_CHECK(EVP_DigestUpdate(impl_->work, part.data(), part.size()) == 1);
}

KeyedHash::Digest KeyedHash::Finish() {
  Digest inner_digest;
  Digest mac;
  unsigned int length = 0;
  PGVEIL_CHECK(EVP_DigestFinal_ex(impl_->work, inner_digest.data(), &length) == 1);
  PGVEIL_CHECK(EVP_MD_CTX_copy_ex(impl_->work, impl_->outer) == 1);
  PGVEIL_CHECK(EVP_DigestUpdate(impl_->work, inner_digest.data(), inner_digest.size()) == 1);
  PGVEIL_CHECK(EVP_DigestFinal_ex(impl_->work, mac.data(), &length) == 1);
  return mac;
}

uint64_t DigestPrefix64(const KeyedHash::Digest& digest, size_t offset) {
  PGVEIL_CHECK(offset + 8 <= digest.size());
  uint64_t value = 0;
  for (size_t i = 0; i < 8; ++i) {
    value = (value << 8) | digest[offset + i];
  }
  return value;
}

}  // namespace pgveil::masking
