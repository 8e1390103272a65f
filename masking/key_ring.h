// masking/key_ring.h
//
// A KeyRing turns the masking master secret into the keys every keyed
// transformer uses. Keys are derived with HKDF-SHA256 (RFC 5869):
//
//   PRK = HKDF-Extract(salt = "pgveil/v1", IKM = master secret)
//   key = HKDF-Expand(PRK, info = "pgveil/v1/" + transformer + "/" + domain, L)
//
// The domain defaults to schema.table.column; a policy may name one
// explicitly so a primary key and the foreign keys that point at it derive
// the same key and still join after masking. The transformer's name is part
// of `info`, so `hash` and `fpe_digits` on one domain never share a key.
//
// The master secret is never kept: only the PRK is, and it is wiped when the
// KeyRing is destroyed. Neither the secret nor any derived key ever appears
// in a Status message. Where the secret comes from (environment variable or
// file) is key_source.h's business; this file is pure.
//
// Thread-safety: immutable after construction; DeriveKey() is safe to call
// from any number of threads.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace pgveil::masking {

// Key material that is wiped (OPENSSL_cleanse) when destroyed. It has no
// printing or formatting support on purpose.
class SecretBytes {
 public:
  SecretBytes() = default;
  explicit SecretBytes(size_t size) : bytes_(size) {}
  SecretBytes(const SecretBytes& other) = default;
  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(const SecretBytes& other);
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  ~SecretBytes();

  uint8_t* data() { return bytes_.data(); }
  const uint8_t* data() const { return bytes_.data(); }
  size_t size() const { return bytes_.size(); }
  std::span<const uint8_t> span() const { return bytes_; }

 private:
  void Wipe();
  std::vector<uint8_t> bytes_;
};

// The shortest master secret accepted, in bytes.
inline constexpr size_t kMinMasterSecretBytes = 16;

class KeyRing {
 public:
  // Builds a KeyRing from the master secret, taken as raw bytes exactly as
  // given (a hex string such as `openssl rand -hex 32` prints is used as its
  // 64 ASCII bytes, not decoded). Returns InvalidArgument when `secret` is
  // shorter than kMinMasterSecretBytes or is one byte repeated.
  static Result<KeyRing> FromSecret(std::string_view secret);

  KeyRing(const KeyRing&) = default;
  KeyRing& operator=(const KeyRing&) = default;
  ~KeyRing();

  // Derives `length` bytes (1..8160) for `transformer` in `domain`. Equal
  // arguments give equal keys, in every process, for the same secret.
  Result<SecretBytes> DeriveKey(std::string_view transformer, std::string_view domain,
                                size_t length) const;

 private:
  KeyRing() = default;
  std::array<uint8_t, 32> prk_{};
};

// RFC 5869 HKDF-SHA256, extract then expand. An empty `salt` means the
// RFC's default (32 zero bytes). Exposed so the RFC's test vectors can pin it.
Result<SecretBytes> HkdfSha256(std::span<const uint8_t> ikm, std::span<const uint8_t> salt,
                               std::span<const uint8_t> info, size_t length);

}  // namespace pgveil::masking
