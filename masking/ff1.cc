#include "masking/ff1.h"

#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
#include <vector>

#include "masking/key_ring.h"

// The algorithm is SP 800-38G Rev. 1, section 6.2 (Algorithms 7 and 8); the
// names below (u, v, b, d, P, Q, R, S, y, m) are the document's.

namespace pgveil::masking {
namespace {

using Block = std::array<uint8_t, 16>;
__extension__ typedef unsigned __int128 uint128;

constexpr uint64_t kMinimumDomain = 1'000'000;
constexpr size_t kCachedLengths = 256;

// Big unsigned integers as little-endian 32-bit limbs; only what FF1 needs.
void MulAddSmall(std::vector<uint32_t>* limbs, uint32_t multiplier, uint32_t addend) {
  uint64_t carry = addend;
  for (uint32_t& limb : *limbs) {
    uint64_t product = static_cast<uint64_t>(limb) * multiplier + carry;
    limb = static_cast<uint32_t>(product);
    carry = product >> 32;
  }
  if (carry != 0) {
    limbs->push_back(static_cast<uint32_t>(carry));
  }
}

// Divides in place by `divisor` and returns the remainder.
uint32_t DivModSmall(std::vector<uint32_t>* limbs, uint32_t divisor) {
  uint64_t remainder = 0;
  for (size_t i = limbs->size(); i-- > 0;) {
    uint64_t current = (remainder << 32) | (*limbs)[i];
    (*limbs)[i] = static_cast<uint32_t>(current / divisor);
    remainder = current % divisor;
  }
  while (!limbs->empty() && limbs->back() == 0) {
    limbs->pop_back();
  }
  return static_cast<uint32_t>(remainder);
}

size_t BitLength(const std::vector<uint32_t>& limbs) {
  for (size_t i = limbs.size(); i-- > 0;) {
    if (limbs[i] != 0) {
      return i * 32 + (32 - static_cast<size_t>(__builtin_clz(limbs[i])));
    }
  }
  return 0;
}

void PutBigEndian(uint64_t value, size_t width, uint8_t* out) {
  for (size_t i = width; i-- > 0;) {
    out[i] = static_cast<uint8_t>(value);
    value >>= 8;
  }
}

// What FF1 needs to know about one input length n; computed on first use.
struct LengthPlan {
  bool ready = false;
  bool narrow = false;  // radix^v < 2^64: 64/128-bit arithmetic suffices
  size_t u = 0, v = 0, b = 0, d = 0;
  Block state{};  // CBC-MAC state after P || T || zero padding, whole blocks
  Block tail{};   // the constant bytes that start the last, varying stretch
  size_t tail_length = 0;
  uint64_t modulus_u = 0;  // radix^u and radix^v, when narrow
  uint64_t modulus_v = 0;
};

}  // namespace

struct Ff1::Impl {
  Impl(const SecretBytes& key_bytes, std::vector<uint8_t> tweak_bytes, const Options& opts)
      : key(key_bytes), tweak(std::move(tweak_bytes)), options(opts) {
    InitCipher();
  }
  Impl(const Impl& other)
      : key(other.key),
        tweak(other.tweak),
        options(other.options),
        min_length(other.min_length),
        plans(other.plans) {
    InitCipher();
  }
  Impl& operator=(const Impl&) = delete;
  ~Impl() { EVP_CIPHER_CTX_free(cipher); }

  void InitCipher() {
    const EVP_CIPHER* aes = key.size() == 16   ? EVP_aes_128_ecb()
                            : key.size() == 24 ? EVP_aes_192_ecb()
                                               : EVP_aes_256_ecb();
    cipher = EVP_CIPHER_CTX_new();
    PGVEIL_CHECK(cipher != nullptr);
    PGVEIL_CHECK(EVP_EncryptInit_ex(cipher, aes, nullptr, key.data(), nullptr) == 1);
    PGVEIL_CHECK(EVP_CIPHER_CTX_set_padding(cipher, 0) == 1);
  }

  void Aes(const Block& in, Block* out) {
    int length = 0;
    PGVEIL_CHECK(EVP_EncryptUpdate(cipher, out->data(), &length, in.data(), 16) == 1);
  }

  // CBC-MAC of `data` (a multiple of 16 bytes) continuing from `*state`.
  void CbcMac(const uint8_t* data, size_t size, Block* state) {
    for (size_t offset = 0; offset < size; offset += 16) {
      for (size_t i = 0; i < 16; ++i) {
        (*state)[i] ^= data[offset + i];
      }
      Aes(*state, state);
    }
  }

  const LengthPlan& PlanFor(size_t n);
  void BuildPlan(size_t n, LengthPlan* plan);
  // R = PRF(P || Q) for round i, given NUM_radix of the half in `num_bytes`
  // (b bytes), then S (d bytes) into `s`.
  void RoundBytes(const LengthPlan& plan, uint8_t i, const uint8_t* num_bytes, uint8_t* s);
  Status Crypt(bool encrypt, std::span<const uint8_t> in, std::span<uint8_t> out);
  void CryptNarrow(bool encrypt, const LengthPlan& plan, std::span<const uint8_t> in,
                   std::span<uint8_t> out);
  void CryptWide(bool encrypt, const LengthPlan& plan, std::span<const uint8_t> in,
                 std::span<uint8_t> out);
  void NumeralsToBytes(const std::vector<uint8_t>& numerals, size_t width, uint8_t* out);
  void LowDigits(const uint8_t* bytes, size_t size, size_t count, std::vector<uint8_t>* digits);

  SecretBytes key;
  std::vector<uint8_t> tweak;
  Options options;
  size_t min_length = 2;
  EVP_CIPHER_CTX* cipher = nullptr;
  std::vector<LengthPlan> plans = std::vector<LengthPlan>(kCachedLengths);
  LengthPlan uncached;
  // Scratch for the wide path and for the varying part of Q.
  std::vector<uint8_t> a, b, c, y_digits, q_tail, s_bytes, num_bytes;
  std::vector<uint32_t> limbs;
};

const LengthPlan& Ff1::Impl::PlanFor(size_t n) {
  LengthPlan& plan = n < plans.size() ? plans[n] : uncached;
  if (!plan.ready || (&plan == &uncached && plan.u + plan.v != n)) {
    BuildPlan(n, &plan);
  }
  return plan;
}

void Ff1::Impl::BuildPlan(size_t n, LengthPlan* plan) {
  const uint32_t radix = options.radix;
  plan->u = n / 2;
  plan->v = n - plan->u;

  // b = ceil(ceil(v * log2(radix)) / 8), computed exactly as the bit length
  // of radix^v - 1.
  std::vector<uint32_t> power = {1};
  for (size_t i = 0; i < plan->v; ++i) {
    MulAddSmall(&power, radix, 0);
  }
  uint64_t borrow = 1;
  for (uint32_t& limb : power) {
    uint64_t value = static_cast<uint64_t>(limb) + (uint64_t{1} << 32) - borrow;
    limb = static_cast<uint32_t>(value);
    borrow = (value >> 32) == 0 ? 1 : 0;
    if (borrow == 0) {
      break;
    }
  }
  plan->b = (BitLength(power) + 7) / 8;
  plan->d = 4 * ((plan->b + 3) / 4) + 4;

  plan->narrow = false;
  if (!options.force_wide_arithmetic) {
    uint64_t modulus = 1;
    bool fits = true;
    for (size_t i = 0; i < plan->v && fits; ++i) {
      if (i == plan->u) {
        plan->modulus_u = modulus;
      }
      fits = !__builtin_mul_overflow(modulus, uint64_t{radix}, &modulus);
    }
    if (fits) {
      if (plan->u == plan->v) {
        plan->modulus_u = modulus;
      }
      plan->modulus_v = modulus;
      plan->narrow = true;
    }
  }

  // P || T || 0^pad, of which whole blocks are absorbed now.
  const size_t t = tweak.size();
  const size_t pad = (16 - (t + plan->b + 1) % 16) % 16;
  std::vector<uint8_t> fixed(16 + t + pad, 0);
  fixed[0] = 1;
  fixed[1] = 2;
  fixed[2] = 1;
  PutBigEndian(radix, 3, &fixed[3]);
  fixed[6] = 10;
  fixed[7] = static_cast<uint8_t>(plan->u % 256);
  PutBigEndian(n, 4, &fixed[8]);
  PutBigEndian(t, 4, &fixed[12]);
  std::copy(tweak.begin(), tweak.end(), fixed.begin() + 16);
  const size_t whole = fixed.size() / 16 * 16;
  plan->state.fill(0);
  CbcMac(fixed.data(), whole, &plan->state);
  plan->tail_length = fixed.size() - whole;
  std::copy(fixed.begin() + static_cast<ptrdiff_t>(whole), fixed.end(), plan->tail.begin());
  plan->ready = true;
}

void Ff1::Impl::RoundBytes(const LengthPlan& plan, uint8_t i, const uint8_t* num, uint8_t* s) {
  const size_t stretch = plan.tail_length + 1 + plan.b;  // a multiple of 16
  Block r = plan.state;
  if (stretch == 16) {
    Block last;
    std::memcpy(last.data(), plan.tail.data(), plan.tail_length);
    last[plan.tail_length] = i;
    std::memcpy(last.data() + plan.tail_length + 1, num, plan.b);
    CbcMac(last.data(), 16, &r);
  } else {
    q_tail.resize(stretch);
    std::memcpy(q_tail.data(), plan.tail.data(), plan.tail_length);
    q_tail[plan.tail_length] = i;
    std::memcpy(q_tail.data() + plan.tail_length + 1, num, plan.b);
    CbcMac(q_tail.data(), stretch, &r);
  }
  // S = R || CIPH(R xor [1]) || CIPH(R xor [2]) ..., first d bytes.
  std::memcpy(s, r.data(), std::min<size_t>(16, plan.d));
  for (size_t j = 1; j * 16 < plan.d; ++j) {
    Block x = r;
    for (size_t k = 0; k < 8; ++k) {
      x[15 - k] ^= static_cast<uint8_t>(j >> (8 * k));
    }
    Block e;
    Aes(x, &e);
    std::memcpy(s + j * 16, e.data(), std::min<size_t>(16, plan.d - j * 16));
  }
}

void Ff1::Impl::CryptNarrow(bool encrypt, const LengthPlan& plan, std::span<const uint8_t> in,
                            std::span<uint8_t> out) {
  const uint32_t radix = options.radix;
  auto number = [radix](std::span<const uint8_t> numerals) {
    uint64_t value = 0;
    for (uint8_t numeral : numerals) {
      value = value * radix + numeral;
    }
    return value;
  };
  uint64_t a = number(in.first(plan.u));
  uint64_t b = number(in.subspan(plan.u));
  uint8_t num[8];
  uint8_t s[16];
  for (int round = 0; round < 10; ++round) {
    const uint8_t i = static_cast<uint8_t>(encrypt ? round : 9 - round);
    const uint64_t modulus = i % 2 == 0 ? plan.modulus_u : plan.modulus_v;
    PutBigEndian(encrypt ? b : a, plan.b, num);
    RoundBytes(plan, i, num, s);
    uint128 y = 0;
    for (size_t k = 0; k < plan.d; ++k) {
      y = (y << 8) | s[k];
    }
    const uint64_t y_mod = static_cast<uint64_t>(y % modulus);
    if (encrypt) {
      uint64_t c = static_cast<uint64_t>((static_cast<uint128>(a) + y_mod) % modulus);
      a = b;
      b = c;
    } else {
      uint64_t c = static_cast<uint64_t>((static_cast<uint128>(b) + modulus - y_mod) % modulus);
      b = a;
      a = c;
    }
  }
  for (size_t k = plan.u; k-- > 0;) {
    out[k] = static_cast<uint8_t>(a % radix);
    a /= radix;
  }
  for (size_t k = plan.v; k-- > 0;) {
    out[plan.u + k] = static_cast<uint8_t>(b % radix);
    b /= radix;
  }
}

void Ff1::Impl::NumeralsToBytes(const std::vector<uint8_t>& numerals, size_t width, uint8_t* out) {
  limbs.clear();
  for (uint8_t numeral : numerals) {
    MulAddSmall(&limbs, options.radix, numeral);
  }
  std::memset(out, 0, width);
  for (size_t k = 0; k < width; ++k) {
    size_t limb = k / 4;
    if (limb >= limbs.size()) {
      break;
    }
    out[width - 1 - k] = static_cast<uint8_t>(limbs[limb] >> (8 * (k % 4)));
  }
}

// The `count` least significant base-radix digits of the big-endian number
// in `bytes`, least significant first.
void Ff1::Impl::LowDigits(const uint8_t* bytes, size_t size, size_t count,
                          std::vector<uint8_t>* digits) {
  limbs.assign((size + 3) / 4, 0);
  for (size_t k = 0; k < size; ++k) {
    limbs[k / 4] |= static_cast<uint32_t>(bytes[size - 1 - k]) << (8 * (k % 4));
  }
  while (!limbs.empty() && limbs.back() == 0) {
    limbs.pop_back();
  }
  digits->assign(count, 0);
  for (size_t k = 0; k < count && !limbs.empty(); ++k) {
    (*digits)[k] = static_cast<uint8_t>(DivModSmall(&limbs, options.radix));
  }
}

void Ff1::Impl::CryptWide(bool encrypt, const LengthPlan& plan, std::span<const uint8_t> in,
                          std::span<uint8_t> out) {
  const uint32_t radix = options.radix;
  a.assign(in.begin(), in.begin() + static_cast<ptrdiff_t>(plan.u));
  b.assign(in.begin() + static_cast<ptrdiff_t>(plan.u), in.end());
  num_bytes.resize(plan.b);
  s_bytes.resize(plan.d);
  for (int round = 0; round < 10; ++round) {
    const uint8_t i = static_cast<uint8_t>(encrypt ? round : 9 - round);
    const size_t m = i % 2 == 0 ? plan.u : plan.v;
    NumeralsToBytes(encrypt ? b : a, plan.b, num_bytes.data());
    RoundBytes(plan, i, num_bytes.data(), s_bytes.data());
    LowDigits(s_bytes.data(), plan.d, m, &y_digits);
    // c = (A + y) mod radix^m, or (B - y) mod radix^m, digit by digit from
    // the least significant end; the operand has exactly m numerals.
    const std::vector<uint8_t>& operand = encrypt ? a : b;
    c.resize(m);
    int carry = 0;
    for (size_t k = 0; k < m; ++k) {
      int digit = operand[m - 1 - k] + (encrypt ? y_digits[k] : -y_digits[k]) + carry;
      carry = 0;
      if (digit >= static_cast<int>(radix)) {
        digit -= static_cast<int>(radix);
        carry = 1;
      } else if (digit < 0) {
        digit += static_cast<int>(radix);
        carry = -1;
      }
      c[m - 1 - k] = static_cast<uint8_t>(digit);
    }
    if (encrypt) {
      std::swap(a, b);
      std::swap(b, c);
    } else {
      std::swap(a, b);
      std::swap(a, c);
    }
  }
  std::copy(a.begin(), a.end(), out.begin());
  std::copy(b.begin(), b.end(), out.begin() + static_cast<ptrdiff_t>(plan.u));
}

Status Ff1::Impl::Crypt(bool encrypt, std::span<const uint8_t> in, std::span<uint8_t> out) {
  if (out.size() != in.size()) {
    return Status::Internal("FF1 output size differs from input");
  }
  if (in.size() < min_length || in.size() > options.max_length) {
    return Status::InvalidArgument("FF1 input has " + std::to_string(in.size()) +
                                   " symbols; this domain needs " + std::to_string(min_length) +
                                   " to " + std::to_string(options.max_length));
  }
  for (uint8_t numeral : in) {
    if (numeral >= options.radix) {
      return Status::InvalidArgument("FF1 numeral out of range");
    }
  }
  const LengthPlan& plan = PlanFor(in.size());
  if (plan.narrow) {
    CryptNarrow(encrypt, plan, in, out);
  } else {
    CryptWide(encrypt, plan, in, out);
  }
  return Status::Ok();
}

Result<Ff1> Ff1::Create(std::span<const uint8_t> key, std::span<const uint8_t> tweak,
                        const Options& options) {
  if (key.size() != 16 && key.size() != 24 && key.size() != 32) {
    return Status::InvalidArgument("FF1 needs a 16, 24 or 32 byte AES key");
  }
  if (options.radix < 2 || options.radix > 256) {
    return Status::InvalidArgument("FF1 radix must be between 2 and 256");
  }
  if (tweak.size() > 0xFFFFFFFFu) {
    return Status::InvalidArgument("FF1 tweak is too long");
  }
  size_t min_length = 2;
  if (options.enforce_minimum_domain) {
    uint64_t domain = uint64_t{options.radix} * options.radix;
    while (domain < kMinimumDomain) {
      domain *= options.radix;
      ++min_length;
    }
  }
  if (options.max_length < min_length || options.max_length > (size_t{1} << 20)) {
    return Status::InvalidArgument("FF1 max_length must be between the minimum length and 2^20");
  }
  SecretBytes key_copy(key.size());
  std::copy(key.begin(), key.end(), key_copy.data());
  auto impl =
      std::make_unique<Impl>(key_copy, std::vector<uint8_t>(tweak.begin(), tweak.end()), options);
  impl->min_length = min_length;
  return Ff1(std::move(impl));
}

Ff1::Ff1(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Ff1::Ff1(const Ff1& other) : impl_(std::make_unique<Impl>(*other.impl_)) {}
Ff1& Ff1::operator=(const Ff1& other) {
  if (this != &other) {
    impl_ = std::make_unique<Impl>(*other.impl_);
  }
  return *this;
}
Ff1::Ff1(Ff1&& other) noexcept = default;
Ff1& Ff1::operator=(Ff1&& other) noexcept = default;
Ff1::~Ff1() = default;

Status Ff1::Encrypt(std::span<const uint8_t> in, std::span<uint8_t> out) {
  return impl_->Crypt(true, in, out);
}
Status Ff1::Decrypt(std::span<const uint8_t> in, std::span<uint8_t> out) {
  return impl_->Crypt(false, in, out);
}
uint32_t Ff1::radix() const { return impl_->options.radix; }
size_t Ff1::min_length() const { return impl_->min_length; }
size_t Ff1::max_length() const { return impl_->options.max_length; }

}  // namespace pgveil::masking
