#include "masking/ff1.h"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

namespace pgveil::masking {
namespace {

std::vector<uint8_t> FromHex(std::string_view hex) {
  std::vector<uint8_t> bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return bytes;
}

constexpr std::string_view kAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

std::vector<uint8_t> ToNumerals(std::string_view text) {
  std::vector<uint8_t> numerals;
  for (char c : text) {
    numerals.push_back(static_cast<uint8_t>(kAlphabet.find(c)));
  }
  return numerals;
}

std::string FromNumerals(const std::vector<uint8_t>& numerals) {
  std::string text;
  for (uint8_t n : numerals) {
    text.push_back(kAlphabet[n]);
  }
  return text;
}

struct Sample {
  int number;
  std::string_view key;
  uint32_t radix;
  std::string_view tweak;
  std::string_view plaintext;
  std::string_view ciphertext;
};

// NIST SP 800-38G, FF1 sample values (FF1samples.pdf), AES-128/192/256.
constexpr std::string_view kKey128 = "2B7E151628AED2A6ABF7158809CF4F3C";
constexpr std::string_view kKey192 = "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F";
constexpr std::string_view kKey256 =
    "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94";
constexpr std::string_view kTweak10 = "39383736353433323130";
constexpr std::string_view kTweak11 = "3737373770717273373737";

const Sample kSamples[] = {
    {1, kKey128, 10, "", "0123456789", "2433477484"},
    {2, kKey128, 10, kTweak10, "0123456789", "6124200773"},
    {3, kKey128, 36, kTweak11, "0123456789abcdefghi", "a9tv40mll9kdu509eum"},
    {4, kKey192, 10, "", "0123456789", "2830668132"},
    {5, kKey192, 10, kTweak10, "0123456789", "2496655549"},
    {6, kKey192, 36, kTweak11, "0123456789abcdefghi", "xbj3kv35jrawxv32ysr"},
    {7, kKey256, 10, "", "0123456789", "6657667009"},
    {8, kKey256, 10, kTweak10, "0123456789", "1001623463"},
    {9, kKey256, 36, kTweak11, "0123456789abcdefghi", "xs8a0azh2avyalyzuwd"},
};

TEST_CASE("FF1 reproduces all nine NIST SP 800-38G sample vectors", "[masking][ff1]") {
  for (bool wide : {false, true}) {
    for (const Sample& sample : kSamples) {
      INFO("sample " << sample.number << (wide ? " (wide arithmetic)" : ""));
      Ff1::Options options;
      options.radix = sample.radix;
      options.force_wide_arithmetic = wide;
      Result<Ff1> ff1 = Ff1::Create(FromHex(sample.key), FromHex(sample.tweak), options);
      REQUIRE(ff1.ok());
      std::vector<uint8_t> numerals = ToNumerals(sample.plaintext);
      std::vector<uint8_t> cipher(numerals.size());
      REQUIRE(ff1->Encrypt(numerals, cipher).ok());
      CHECK(FromNumerals(cipher) == sample.ciphertext);
      std::vector<uint8_t> plain(numerals.size());
      REQUIRE(ff1->Decrypt(cipher, plain).ok());
      CHECK(FromNumerals(plain) == sample.plaintext);
    }
  }
}

TEST_CASE("FF1 narrow and wide arithmetic agree at every length and radix", "[masking][ff1]") {
  std::mt19937_64 rng(7);
  const std::vector<uint8_t> key = FromHex(kKey256);
  const std::vector<uint8_t> tweak = FromHex("7075626c69632e637573746f6d657273");
  for (uint32_t radix : {2u, 10u, 16u, 36u, 62u, 256u}) {
    Ff1::Options narrow_options;
    narrow_options.radix = radix;
    narrow_options.enforce_minimum_domain = false;
    Ff1::Options wide_options = narrow_options;
    wide_options.force_wide_arithmetic = true;
    Ff1 narrow = Ff1::Create(key, tweak, narrow_options).value();
    Ff1 wide = Ff1::Create(key, tweak, wide_options).value();
    for (size_t length = 2; length <= 80; ++length) {
      std::vector<uint8_t> in(length);
      for (uint8_t& numeral : in) {
        numeral = static_cast<uint8_t>(rng() % radix);
      }
      std::vector<uint8_t> a(length), b(length), back(length);
      REQUIRE(narrow.Encrypt(in, a).ok());
      REQUIRE(wide.Encrypt(in, b).ok());
      INFO("radix " << radix << " length " << length);
      CHECK(a == b);
      REQUIRE(narrow.Decrypt(a, back).ok());
      CHECK(back == in);
    }
  }
}

TEST_CASE("FF1 enforces the SP 800-38G minimum domain of one million", "[masking][ff1]") {
  const std::vector<uint8_t> key = FromHex(kKey128);
  struct Case {
    uint32_t radix;
    size_t min_length;
  };
  for (Case c : {Case{10, 6}, Case{36, 4}, Case{62, 4}, Case{16, 5}, Case{2, 20}}) {
    Ff1::Options options;
    options.radix = c.radix;
    Ff1 ff1 = Ff1::Create(key, {}, options).value();
    CHECK(ff1.min_length() == c.min_length);
    std::vector<uint8_t> too_short(c.min_length - 1, 1), out(c.min_length - 1);
    CHECK(ff1.Encrypt(too_short, out).code() == StatusCode::kInvalidArgument);
    std::vector<uint8_t> ok(c.min_length, 1), out_ok(c.min_length);
    CHECK(ff1.Encrypt(ok, out_ok).ok());
  }
}

TEST_CASE("FF1 rejects bad keys, radixes and numerals", "[masking][ff1]") {
  Ff1::Options options;
  CHECK(Ff1::Create(std::vector<uint8_t>(15, 1), {}, options).status().code() ==
        StatusCode::kInvalidArgument);
  options.radix = 1;
  CHECK(!Ff1::Create(FromHex(kKey128), {}, options).ok());
  options.radix = 10;
  Ff1 ff1 = Ff1::Create(FromHex(kKey128), {}, options).value();
  std::vector<uint8_t> bad = {1, 2, 3, 4, 5, 10}, out(6);
  CHECK(ff1.Encrypt(bad, out).code() == StatusCode::kInvalidArgument);
  std::vector<uint8_t> huge(ff1.max_length() + 1, 0), huge_out(ff1.max_length() + 1);
  CHECK(ff1.Encrypt(huge, huge_out).code() == StatusCode::kInvalidArgument);
}

TEST_CASE("FF1 copies are independent and agree; the tweak changes the permutation",
          "[masking][ff1]") {
  Ff1::Options options;
  Ff1 first = Ff1::Create(FromHex(kKey128), FromHex(kTweak10), options).value();
  Ff1 copy = first;
  Ff1 other_tweak = Ff1::Create(FromHex(kKey128), FromHex(kTweak11), options).value();
  std::vector<uint8_t> in = ToNumerals("4111111111111111");
  std::vector<uint8_t> a(16), b(16), c(16);
  REQUIRE(first.Encrypt(in, a).ok());
  REQUIRE(copy.Encrypt(in, b).ok());
  REQUIRE(other_tweak.Encrypt(in, c).ok());
  CHECK(a == b);
  CHECK(a != c);
}

}  // namespace
}  // namespace pgveil::masking
