// masking/keyed_hash.h
//
// KeyedHash computes HMAC-SHA256 under one key, fast enough for the
// replicator's hot path: the inner and outer SHA-256 states (key XOR ipad,
// key XOR opad) are computed once at construction, so each MAC costs two
// state copies and the compression of the message, with no allocation of
// ours. Output is the standard HMAC-SHA256 (RFC 2104), pinned by the RFC 4231
// test vectors.
//
// Thread-safety: not safe for concurrent use; it owns a working digest
// context. Copying a KeyedHash makes an independent one with the same key;
// give each thread its own copy.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "core/status.h"

namespace pgveil::masking {

class KeyedHash {
 public:
  static constexpr size_t kDigestSize = 32;
  using Digest = std::array<uint8_t, kDigestSize>;

  // Prepares the key schedule for `key` (any length; RFC 2104 hashes keys
  // longer than 64 bytes first). Internal error only if OpenSSL fails.
  static Result<KeyedHash> Create(std::span<const uint8_t> key);

  KeyedHash(const KeyedHash& other);
  KeyedHash& operator=(const KeyedHash& other);
  KeyedHash(KeyedHash&& other) noexcept;
  KeyedHash& operator=(KeyedHash&& other) noexcept;
  ~KeyedHash();

  // HMAC-SHA256(key, message).
  Digest Mac(std::string_view message);

  // The same, over several parts fed in order: Begin(), Update() any number
  // of times, Finish(). Mac(m) == Begin(); Update(m); Finish().
  void Begin();
  void Update(std::string_view part);
  Digest Finish();

 private:
  struct Impl;
  explicit KeyedHash(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Reads the first 8 bytes of `digest` as a big-endian integer: the usual way
// transformers turn a MAC into a keyed choice.
uint64_t DigestPrefix64(const KeyedHash::Digest& digest, size_t offset = 0);

}  // namespace pgveil::masking
