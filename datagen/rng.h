// datagen/rng.h
//
// Rng is the only source of randomness in the generator: xoshiro256** seeded
// through SplitMix64, with bounded draws written here (rejection sampling)
// rather than taken from std::uniform_int_distribution, whose output differs
// between standard libraries. The same seed therefore yields the same bytes
// with any compiler on any platform.
//
// Every generated row owns its own Rng, derived from (run seed, stream, row
// index) by Rng::ForRow. Row i's values are a function of those three numbers
// alone, so a table can be generated in any order, another table can
// re-derive a customer's address from the customer id, and memory stays
// bounded at any scale.
//
// Thread-safety: an Rng is a small mutable value; give each thread its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace pgveil::datagen {

class Rng {
 public:
  explicit Rng(uint64_t seed) {
    uint64_t x = seed;
    for (uint64_t& word : state_) word = SplitMix(x);
  }

  // An independent stream for row `index` of stream `stream` under `seed`.
  // Distinct (stream, index) pairs give statistically unrelated sequences.
  static Rng ForRow(uint64_t seed, uint64_t stream, uint64_t index) {
    uint64_t x = seed ^ 0x6a09e667f3bcc909ULL;
    uint64_t a = SplitMix(x);
    x = a ^ (stream * 0x9e3779b97f4a7c15ULL);
    uint64_t b = SplitMix(x);
    x = b ^ (index * 0xbf58476d1ce4e5b9ULL) ^ (index >> 29);
    return Rng(SplitMix(x));
  }

  uint64_t Next() {
    const uint64_t result = Rotl(state_[1] * 5, 7) * 9;
    const uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = Rotl(state_[3], 45);
    return result;
  }

  // Uniform in [0, n); n must be > 0. Rejection sampling keeps it unbiased.
  uint64_t Below(uint64_t n) {
    const uint64_t threshold = (0 - n) % n;
    for (;;) {
      const uint64_t r = Next();
      if (r >= threshold) return r % n;
    }
  }

  // Uniform in [lo, hi], both inclusive; lo <= hi.
  int64_t Between(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Below(static_cast<uint64_t>(hi - lo) + 1));
  }

  // Uniform in [0, 1) with 53 bits; exact IEEE arithmetic, so portable.
  double Unit() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }

  // True with probability p.
  bool Chance(double p) { return Unit() < p; }

  char Digit() { return static_cast<char>('0' + Below(10)); }
  char Upper() { return static_cast<char>('A' + Below(26)); }
  char LowerHex() { return "0123456789abcdef"[Below(16)]; }

  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[Below(items.size())];
  }
  template <typename T, size_t N>
  const T& Pick(const T (&items)[N]) {
    return items[Below(N)];
  }

  // Picks index i with probability weights[i] / sum(weights).
  size_t Weighted(std::span<const uint32_t> weights) {
    uint64_t total = 0;
    for (uint32_t w : weights) total += w;
    uint64_t r = Below(total);
    for (size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  static uint64_t SplitMix(uint64_t& x) {
    uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  static uint64_t Rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  uint64_t state_[4];
};

}  // namespace pgveil::datagen
