// masking/ff1.h
//
// Ff1 is the FF1 format-preserving cipher of NIST SP 800-38G Rev. 1 over AES
// (128, 192 or 256-bit keys, from OpenSSL): a keyed, tweakable permutation of
// the numeral strings of each length, for radix 2..256. fpe_digits,
// fpe_alnum, fpe_int and uuid are built on it. The nine sample vectors NIST
// publishes for FF1 are its unit test.
//
// The key and the tweak are fixed per instance (transformers use the
// domain as tweak). For speed the CBC-MAC state after the constant part of
// each round's input (P, the tweak, its padding) is computed once per input
// length and reused, and strings whose halves fit in 64 bits use machine
// integers instead of big-number arithmetic; both paths are tested to agree.
//
// Minimum domain: SP 800-38G Rev. 1 requires radix^minlen >= 1,000,000, so by
// default a string shorter than min_length() is rejected (6 digits, 4
// alphanumerics, 20 bits). Options::enforce_minimum_domain = false lifts
// that floor down to 2 numerals, for callers (fpe_int) that document why.
//
// Thread-safety: not safe for concurrent use (it owns an EVP_CIPHER_CTX and
// per-length caches). Copies are independent and give identical results;
// give each thread its own copy.
#pragma once

#include <cstdint>
#include <memory>
#include <span>

#include "core/status.h"

namespace pgveil::masking {

class Ff1 {
 public:
  struct Options {
    uint32_t radix = 10;                 // 2..256; numerals are 0..radix-1
    bool enforce_minimum_domain = true;  // radix^length >= 1,000,000
    size_t max_length = 4096;            // longest numeral string accepted
    bool force_wide_arithmetic = false;  // tests only: never take the 64-bit path
  };

  // `key` must be 16, 24 or 32 bytes. The tweak may be empty. InvalidArgument
  // for a bad key size, radix or max_length.
  static Result<Ff1> Create(std::span<const uint8_t> key, std::span<const uint8_t> tweak,
                            const Options& options);

  Ff1(const Ff1& other);
  Ff1& operator=(const Ff1& other);
  Ff1(Ff1&& other) noexcept;
  Ff1& operator=(Ff1&& other) noexcept;
  ~Ff1();

  // FF1.Encrypt / FF1.Decrypt of the numeral string `in` into `out`, which
  // must have the same size (it may be `in` itself). InvalidArgument when the
  // length is outside [min_length(), max_length()] or a numeral is >= radix.
  Status Encrypt(std::span<const uint8_t> in, std::span<uint8_t> out);
  Status Decrypt(std::span<const uint8_t> in, std::span<uint8_t> out);

  uint32_t radix() const;
  size_t min_length() const;
  size_t max_length() const;

 private:
  struct Impl;
  explicit Ff1(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::masking
