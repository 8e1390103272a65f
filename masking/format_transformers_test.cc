// Tests of the format-preserving transformers: email, phone, credit_card,
// iban, fpe_digits, fpe_alnum, uuid, ip. Every output is checked with the
// validators a consumer of the data would use.

#include <arpa/inet.h>

#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>

#include "masking/formats.h"
#include "masking/test_support.h"
#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

using testing::Make;
using testing::MaskStatus;
using testing::MaskText;

// Replaces every digit by 'd', every letter by 'a', for shape comparisons.
std::string Shape(std::string_view text) {
  std::string shape;
  for (char c : text) {
    shape.push_back(IsAsciiDigit(c) ? 'd' : IsAsciiAlpha(c) ? 'a' : c);
  }
  return shape;
}

TEST_CASE("email keeps a valid address and maps or keeps the domain", "[masking][email]") {
  const std::string masked = MaskText("email", "jane.doe+news@Example.COM");
  INFO(masked);
  CHECK(IsValidEmailAddress(masked));
  CHECK(masked.ends_with(".example.com"));
  CHECK(masked.find("jane") == std::string::npos);
  CHECK(masked.find('@') == 20);

  const std::string kept = MaskText("email", "jane.doe@example.org", {{"keep_domain", "true"}});
  CHECK(kept.ends_with("@example.org"));
  CHECK(IsValidEmailAddress(kept));

  // The mapped domain depends on the domain only (case-insensitively).
  const std::string a = MaskText("email", "a@Gmail.com");
  const std::string b = MaskText("email", "b@gmail.COM");
  CHECK(a.substr(a.find('@')) == b.substr(b.find('@')));
  CHECK(a.substr(0, a.find('@')) != b.substr(0, b.find('@')));

  CHECK(MaskText("email", "x@y.z", {{"domain_suffix", "invalid"}}).ends_with(".invalid"));
}

TEST_CASE("email honours max_length by shortening the local part", "[masking][email]") {
  auto transformer = Make("email", {{"keep_domain", "true"}, {"max_length", "30"}});
  const std::string masked = MaskText(*transformer, "someone@a-fairly-long-domain.example");
  CHECK(masked.size() == 30);
  CHECK(IsValidEmailAddress(masked));
  MaskedValue out;
  CHECK(transformer->Apply("someone@an-even-longer-domain-name-here.example", &out).code() ==
        StatusCode::kInvalidArgument);
}

TEST_CASE("every email output is a valid address", "[masking][email][property]") {
  auto transformer = Make("email");
  auto keeping = Make("email", {{"keep_domain", "true"}});
  std::mt19937 rng(1);
  const std::string_view locals[] = {"a",     "john.smith", "o'brien", "x_y-z",
                                     "UPPER", "δοκιμή",     "12345"};
  const std::string_view domains[] = {"example.com", "mail.co.uk", "xn--bcher-kva.de",
                                      "bücher.de",   "localhost",  "[192.168.0.1]"};
  for (int i = 0; i < 2000; ++i) {
    const std::string input = std::string(locals[rng() % std::size(locals)]) + std::to_string(i) +
                              "@" + std::string(domains[rng() % std::size(domains)]);
    INFO(input);
    CHECK(IsValidEmailAddress(MaskText(*transformer, input)));
    CHECK(IsValidEmailAddress(MaskText(*keeping, input)));
  }
  CHECK(IsValidEmailAddress(MaskText(*keeping, "\"quoted name\"@example.com")));
}

TEST_CASE("phone keeps the shape, the country code and trunk zeros", "[masking][phone]") {
  struct Case {
    std::string_view input;
    size_t kept_prefix;  // characters that must be unchanged
  };
  for (Case c :
       {Case{"+1 (415) 555-0123", 2}, Case{"+49 30 1234567", 3}, Case{"+351 912 345 678", 4},
        Case{"0049 30 1234567", 4}, Case{"030 1234567", 1}, Case{"(555) 123-4567 x89", 0},
        Case{"+7 912 345-67-89", 2}, Case{"555.123.4567", 0}}) {
    const std::string masked = MaskText("phone", c.input);
    INFO(c.input << " -> " << masked);
    CHECK(Shape(masked) == Shape(c.input));
    CHECK(masked.substr(0, c.kept_prefix) == c.input.substr(0, c.kept_prefix));
    CHECK(masked != c.input);
    // The first replaced digit is never a new leading zero.
    const size_t first = masked.find_first_of("0123456789", c.kept_prefix);
    if (c.kept_prefix == 0) {
      CHECK(masked[first] != '0');
    }
  }
  // Formatting does not change the digits.
  const std::string a = MaskText("phone", "+1 415-555-0123");
  const std::string b = MaskText("phone", "+1 (415) 555 0123");
  std::string digits_a, digits_b;
  for (char c : a) {
    if (IsAsciiDigit(c)) {
      digits_a.push_back(c);
    }
  }
  for (char c : b) {
    if (IsAsciiDigit(c)) {
      digits_b.push_back(c);
    }
  }
  CHECK(digits_a == digits_b);
}

TEST_CASE("credit_card keeps length and layout and passes Luhn", "[masking][credit_card]") {
  std::mt19937_64 rng(2);
  auto plain = Make("credit_card");
  auto keep_both = Make("credit_card", {{"keep_bin", "true"}, {"keep_last4", "true"}});
  for (int i = 0; i < 5000; ++i) {
    const size_t length = 12 + rng() % 8;
    std::string card;
    for (size_t k = 0; k < length; ++k) {
      if (k > 0 && k % 4 == 0 && i % 3 == 0) {
        card.push_back(i % 2 == 0 ? ' ' : '-');
      }
      card.push_back(static_cast<char>('0' + rng() % 10));
    }
    INFO(card);
    const std::string masked = MaskText(*plain, card);
    CHECK(Shape(masked) == Shape(card));
    CHECK(LuhnValid(masked));
    CHECK(masked[0] == card[0]);
    const std::string kept = MaskText(*keep_both, card);
    CHECK(LuhnValid(kept));
    CHECK(Shape(kept) == Shape(card));
    std::string card_digits, kept_digits;
    for (char c : card) {
      if (IsAsciiDigit(c)) {
        card_digits.push_back(c);
      }
    }
    for (char c : kept) {
      if (IsAsciiDigit(c)) {
        kept_digits.push_back(c);
      }
    }
    CHECK(kept_digits.substr(0, 6) == card_digits.substr(0, 6));
    CHECK(kept_digits.substr(kept_digits.size() - 4) == card_digits.substr(card_digits.size() - 4));
  }
}

TEST_CASE("iban keeps the country and layout and passes mod 97", "[masking][iban]") {
  for (std::string_view iban :
       {"DE89 3704 0044 0532 0130 00", "GB82WEST12345698765432", "FR1420041010050500013M02606",
        "NO9386011117947", "MT84MALT011000012345MTLCAST001S", "gb82 west 1234 5698 7654 32"}) {
    const std::string masked = MaskText("iban", iban);
    INFO(iban << " -> " << masked);
    CHECK(IbanValid(masked));
    CHECK(masked.substr(0, 2) == iban.substr(0, 2));
    CHECK(Shape(masked) == Shape(iban));
    CHECK(masked != iban);
  }
}

TEST_CASE("fpe_digits encrypts digits and keeps separators", "[masking][fpe]") {
  auto transformer = Make("fpe_digits");
  const std::string masked = MaskText(*transformer, "4111-1111-1111-1111");
  CHECK(Shape(masked) == "dddd-dddd-dddd-dddd");
  CHECK(masked != "4111-1111-1111-1111");
  CHECK(MaskText(*transformer, "123456").size() == 6);
  Status too_short = MaskStatus("fpe_digits", "12345");
  CHECK(too_short.code() == StatusCode::kInvalidArgument);
  CHECK(too_short.message().find("at least 6") != std::string::npos);
  CHECK(MaskStatus("fpe_digits", "12345a").message().find("letters") != std::string::npos);
}

TEST_CASE("fpe_alnum respects its alphabet", "[masking][fpe]") {
  const std::string upper = MaskText("fpe_alnum", "AB12-CD34", {{"alphabet", "upper"}});
  // Letters and digits are one alphabet: either may become the other.
  CHECK(upper.size() == 9);
  CHECK(upper[4] == '-');
  for (char c : upper) {
    CHECK(!IsAsciiLower(c));
  }
  const std::string lower = MaskText("fpe_alnum", "ab12cd", {{"alphabet", "lower"}});
  for (char c : lower) {
    CHECK(!IsAsciiUpper(c));
  }
  CHECK(MaskStatus("fpe_alnum", "ab12cd", {{"alphabet", "upper"}}).code() ==
        StatusCode::kInvalidArgument);
  CHECK(MaskText("fpe_alnum", "Zz9-Yy8").size() == 7);
  CHECK(MaskStatus("fpe_alnum", "abc").code() == StatusCode::kInvalidArgument);
}

TEST_CASE("uuid keeps version, variant and layout", "[masking][uuid]") {
  const std::string input = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
  const std::string masked = MaskText("uuid", input);
  INFO(masked);
  REQUIRE(masked.size() == 36);
  CHECK(Shape(masked).find_first_not_of("da-") == std::string::npos);
  CHECK(masked[14] == '4');
  CHECK(masked[19] == 'b');
  CHECK(masked != input);
  const std::string upper = MaskText("uuid", "{A0EEBC999C0B4EF8BB6D6BB9BD380A11}");
  CHECK(upper.front() == '{');
  CHECK(upper.size() == 34);
  CHECK(upper[13] == '4');
  for (char c : upper) {
    CHECK(!IsAsciiLower(c));
  }
}

bool SamePrefix(const std::string& a, const std::string& b, int bits) {
  unsigned char x[16], y[16];
  const int family = a.find(':') == std::string::npos ? AF_INET : AF_INET6;
  REQUIRE(inet_pton(family, a.c_str(), x) == 1);
  REQUIRE(inet_pton(family, b.c_str(), y) == 1);
  for (int i = 0; i < bits; ++i) {
    if (((x[i / 8] >> (7 - i % 8)) & 1) != ((y[i / 8] >> (7 - i % 8)) & 1)) {
      return false;
    }
  }
  return true;
}

TEST_CASE("ip preserves shared prefixes and keeps the suffix", "[masking][ip]") {
  auto transformer = Make("ip");
  const std::string a = MaskText(*transformer, "192.168.10.20");
  const std::string b = MaskText(*transformer, "192.168.10.99");
  const std::string c = MaskText(*transformer, "192.168.200.1");
  CHECK(SamePrefix(a, b, 24));
  CHECK(!SamePrefix(a, b, 26));  // 20 and 99 differ from bit 25 on
  CHECK(SamePrefix(a, c, 16));
  CHECK(!SamePrefix(a, c, 17));
  const std::string v6a = MaskText(*transformer, "2001:db8::1");
  const std::string v6b = MaskText(*transformer, "2001:db8::2");
  CHECK(SamePrefix(v6a, v6b, 126));
  const std::string cidr = MaskText(*transformer, "10.1.0.0/16");
  CHECK(cidr.ends_with(".0.0/16"));
  const std::string inet = MaskText(*transformer, "10.1.2.3/16");
  CHECK(inet.ends_with("/16"));
  CHECK(SamePrefix(cidr.substr(0, cidr.find('/')), inet.substr(0, inet.find('/')), 16));
}

// Regression: padding each prefix with a secret pad (as Crypto-PAn does)
// makes the AES input of bit i+1 equal that of bit i whenever the address
// bit equals the pad bit, so successive flips repeat and about 20 of 256
// hosts in a /24 kept their last octet. Independent flips leave about one.
TEST_CASE("ip flips of successive bits are independent", "[masking][ip]") {
  int fixed = 0;
  constexpr int kSubnets = 64;
  for (int subnet = 0; subnet < kSubnets; ++subnet) {
    auto transformer = Make("ip", {}, "domain" + std::to_string(subnet));
    for (int host = 0; host < 256; ++host) {
      const std::string out =
          MaskText(*transformer, "10.0." + std::to_string(subnet) + "." + std::to_string(host));
      fixed += out.substr(out.rfind('.') + 1) == std::to_string(host);
    }
  }
  CHECK(fixed < 3 * kSubnets);
}

}  // namespace
}  // namespace pgveil::masking
