// scanner/validators_test.cc
//
// Every validator against published specimens (card-network test numbers,
// the ECBS/SWIFT IBAN registry examples, numbers printed on specimen
// documents), their corruptions, and numbers this test derives itself: it
// mutates a valid number and recomputes the check digit with its own
// reference implementation, so a wrong algorithm in the validator fails here.
// No number belongs to a real person.

#include "scanner/validators.h"

#include <array>
#include <catch2/catch.hpp>
#include <cstdlib>
#include <new>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// Counts heap allocations so the test can hold validators to their promise
// of never allocating. Every unaligned form of new and delete is replaced, all
// on malloc/free, so they pair with each other whichever form a library picks
// (AddressSanitizer checks that pairing). Aligned forms keep their defaults.
namespace {
thread_local long g_heap_allocations = 0;

void* CountedAlloc(std::size_t size) noexcept {
  ++g_heap_allocations;
  return std::malloc(size == 0 ? 1 : size);
}
}  // namespace

void* operator new(std::size_t size) {
  if (void* p = CountedAlloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  if (void* p = CountedAlloc(size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept { return CountedAlloc(size); }
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  return CountedAlloc(size);
}
// GCC 12 cannot see that these pair with the allocations above.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }
#pragma GCC diagnostic pop

namespace pgveil::scanner {
namespace {

// --- Reference check-digit computations, written independently of the
// --- validators (different formulations where one exists).

// Luhn: the check digit that makes the doubled-alternate sum a multiple of 10,
// found by trying all ten.
char RefLuhnCheck(const std::string& body) {
  static constexpr int kDoubled[] = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};
  for (char check = '0'; check <= '9'; ++check) {
    std::string full = body + check;
    int sum = 0;
    for (std::size_t i = 0; i < full.size(); ++i) {
      int d = full[full.size() - 1 - i] - '0';
      sum += i % 2 == 1 ? kDoubled[d] : d;
    }
    if (sum % 10 == 0) return check;
  }
  return '?';
}

// IBAN check digits: 98 - (BBAN + country + "00" mod 97), by long division
// over the decimal string.
std::string RefIbanCheck(const std::string& country, const std::string& bban) {
  std::string numeric;
  for (char c : bban + country + "00") {
    numeric += (c >= 'A' && c <= 'Z') ? std::to_string(c - 'A' + 10) : std::string(1, c);
  }
  int remainder = 0;
  for (char c : numeric) remainder = (remainder * 10 + (c - '0')) % 97;
  int check = 98 - remainder;
  return std::string(1, static_cast<char>('0' + check / 10)) + static_cast<char>('0' + check % 10);
}

// ISO 7064 MOD 11,10 in its "pure" reading: a complete number is valid when
// the last running sum is 1.
char RefSteuerIdCheck(const std::string& body) {
  for (char check = '0'; check <= '9'; ++check) {
    std::string full = body + check;
    int product = 10;
    int sum = 0;
    for (char c : full) {
      sum = (product + (c - '0')) % 10;
      if (sum == 0) sum = 10;
      product = (2 * sum) % 11;
    }
    if (sum % 10 == 1) return check;
  }
  return '?';
}

std::string RefNirKey(const std::string& first13) {
  std::string numeric = first13;
  if (numeric.substr(5, 2) == "2A") numeric.replace(5, 2, "19");
  if (numeric.substr(5, 2) == "2B") numeric.replace(5, 2, "18");
  long long n = std::stoll(numeric);
  int key = static_cast<int>(97 - n % 97);
  return std::string(1, static_cast<char>('0' + key / 10)) + static_cast<char>('0' + key % 10);
}

char RefDniLetter(long number) { return "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23]; }

char RefCodiceCheck(const std::string& first15) {
  // Odd-position values, listed as the Agenzia's table prints them.
  static const std::vector<std::pair<char, int>> kOdd = {
      {'0', 1},  {'1', 0},  {'2', 5},  {'3', 7},  {'4', 9},  {'5', 13}, {'6', 15}, {'7', 17},
      {'8', 19}, {'9', 21}, {'A', 1},  {'B', 0},  {'C', 5},  {'D', 7},  {'E', 9},  {'F', 13},
      {'G', 15}, {'H', 17}, {'I', 19}, {'J', 21}, {'K', 2},  {'L', 4},  {'M', 18}, {'N', 20},
      {'O', 11}, {'P', 3},  {'Q', 6},  {'R', 8},  {'S', 12}, {'T', 14}, {'U', 16}, {'V', 10},
      {'W', 22}, {'X', 25}, {'Y', 24}, {'Z', 23}};
  int sum = 0;
  for (std::size_t i = 0; i < first15.size(); ++i) {
    char c = first15[i];
    if (i % 2 == 0) {
      for (const auto& [k, v] : kOdd) {
        if (k == c) sum += v;
      }
    } else {
      sum += (c >= '0' && c <= '9') ? c - '0' : c - 'A';
    }
  }
  return static_cast<char>('A' + sum % 26);
}

char RefPeselCheck(const std::string& body) {
  static constexpr int kWeights[] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  for (char check = '0'; check <= '9'; ++check) {
    int sum = check - '0';
    for (int i = 0; i < 10; ++i) sum += (body[i] - '0') * kWeights[i];
    if (sum % 10 == 0) return check;
  }
  return '?';
}

std::string RefCpfChecks(const std::string& nine) {
  std::string digits = nine;
  for (int round = 0; round < 2; ++round) {
    int sum = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
      sum += (digits[i] - '0') * static_cast<int>(digits.size() + 1 - i);
    }
    int check = (sum * 10) % 11 % 10;  // equivalent to "11 - r, or 0 when r < 2"
    digits += static_cast<char>('0' + check);
  }
  return digits.substr(9);
}

// Verhoeff from first principles: D5 multiplication written as rotations and
// reflections, the permutation powers built by composing the base one.
char RefVerhoeffCheck(const std::string& body) {
  auto multiply = [](int i, int j) {
    if (i < 5 && j < 5) return (i + j) % 5;
    if (i < 5) return 5 + (i + j) % 5;
    if (j < 5) return 5 + ((i - j) % 5 + 5) % 5;
    return ((i - j) % 5 + 5) % 5;
  };
  static constexpr std::array<int, 10> kBase = {1, 5, 7, 6, 2, 8, 3, 0, 9, 4};
  std::array<std::array<int, 10>, 8> permute{};
  for (int j = 0; j < 10; ++j) permute[0][j] = j;
  for (int i = 1; i < 8; ++i) {
    for (int j = 0; j < 10; ++j) permute[i][j] = kBase[permute[i - 1][j]];
  }
  for (char check = '0'; check <= '9'; ++check) {
    std::string full = body + check;
    int c = 0;
    for (std::size_t i = 0; i < full.size(); ++i) {
      c = multiply(c, permute[i % 8][full[full.size() - 1 - i] - '0']);
    }
    if (c == 0) return check;
  }
  return '?';
}

char RefBsnCheck(const std::string& body) {
  for (char check = '0'; check <= '9'; ++check) {
    int sum = -(check - '0');
    for (int i = 0; i < 8; ++i) sum += (body[i] - '0') * (9 - i);
    if (sum % 11 == 0) return check;
  }
  return '?';
}

char RefEanCheck(const std::string& body) {
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += (body[i] - '0') * (i % 2 == 0 ? 1 : 3);
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

// Asserts that `fn` accepts body + `good` and rejects body + every other
// character of `alphabet`: the validator's check agrees with the reference.
void ExpectOnlyCheck(ValidatorFn fn, const std::string& body, char good,
                     std::string_view alphabet = "0123456789", const std::string& tail = "") {
  for (char c : alphabet) {
    std::string candidate = body + c + tail;
    INFO("candidate " << candidate << ", reference check " << good);
    CHECK(fn(candidate) == (c == good));
  }
}

struct Example {
  std::string_view validator;
  std::string_view valid;  // as printed, separators included
};

// One valid number per validator, in a printed form.
constexpr Example kExamples[] = {
    {"luhn", "4111 1111 1111 1111"},
    {"credit_card", "3782 822463 10005"},
    {"iban", "GB82 WEST 1234 5698 7654 32"},
    {"us_ssn", "123-45-6789"},
    {"uk_nino", "AB 12 34 56 C"},
    {"de_steuer_id", "12 345 678 995"},
    {"fr_nir", "1 85 05 78 006 084 91"},
    {"es_dni_nie", "12345678-Z"},
    {"it_codice_fiscale", "RSSMRA85T10A562S"},
    {"nl_bsn", "1234.56.782"},
    {"pl_pesel", "44051401359"},
    {"br_cpf", "111.444.777-35"},
    {"in_aadhaar", "2345 6789 0124"},
    {"ca_sin", "130 692 544"},
    {"se_personnummer", "121212-1212"},
    {"ean13", "4006381333931"},
};

bool IsSeparator(char c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '+'; }

TEST_CASE("FindValidator knows every registered name and nothing else", "[validators]") {
  CHECK(FindValidator("luhn") == &ValidLuhn);
  CHECK(FindValidator("credit_card") == &ValidCreditCard);
  CHECK(FindValidator("iban") == &ValidIban);
  CHECK(FindValidator("us_ssn") == &ValidUsSsn);
  CHECK(FindValidator("uk_nino") == &ValidUkNino);
  CHECK(FindValidator("de_steuer_id") == &ValidDeSteuerId);
  CHECK(FindValidator("fr_nir") == &ValidFrNir);
  CHECK(FindValidator("es_dni_nie") == &ValidEsDniNie);
  CHECK(FindValidator("it_codice_fiscale") == &ValidItCodiceFiscale);
  CHECK(FindValidator("nl_bsn") == &ValidNlBsn);
  CHECK(FindValidator("pl_pesel") == &ValidPlPesel);
  CHECK(FindValidator("br_cpf") == &ValidBrCpf);
  CHECK(FindValidator("in_aadhaar") == &ValidInAadhaar);
  CHECK(FindValidator("ca_sin") == &ValidCaSin);
  CHECK(FindValidator("se_personnummer") == &ValidSePersonnummer);
  CHECK(FindValidator("ean13") == &ValidEan13);

  CHECK(FindValidator("") == nullptr);
  CHECK(FindValidator("Luhn") == nullptr);
  CHECK(FindValidator("iban ") == nullptr);
  CHECK(FindValidator("ssn") == nullptr);
}

TEST_CASE("every validator accepts its example and rejects garbage", "[validators]") {
  const std::string long_digits(200, '4');
  const std::string long_mixed = [] {
    std::string s;
    while (s.size() < 200) s += "4111 1111 1111 1111 ";
    return s;
  }();
  const std::string_view garbage[] = {
      "",
      " ",
      "-",
      "0",
      "abcdefghijklmnop",
      "\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\xf6\xf5",
      "4111\xc3\x28"
      "1111 1111 1111",
      std::string_view("4111111111111111\0", 17),
      "\xef\xbc\x94\xef\xbc\x91\xef\xbc\x91\xef\xbc\x91",  // full-width "4111", not normalised
      long_digits,
      long_mixed,
  };
  for (const Example& example : kExamples) {
    ValidatorFn fn = FindValidator(example.validator);
    REQUIRE(fn != nullptr);
    INFO(example.validator << ": " << example.valid);
    CHECK(fn(example.valid));
    for (std::string_view g : garbage) {
      INFO("garbage of " << g.size() << " bytes");
      CHECK_FALSE(fn(g));
    }
  }
}

TEST_CASE("separators only where the number is customarily split", "[validators]") {
  for (const Example& example : kExamples) {
    ValidatorFn fn = FindValidator(example.validator);
    const std::string valid(example.valid);
    INFO(example.validator << ": " << valid);
    CHECK_FALSE(fn(" " + valid));
    CHECK_FALSE(fn(valid + " "));
    CHECK_FALSE(fn("-" + valid));
    CHECK_FALSE(fn(valid + "-"));
    CHECK_FALSE(fn(valid + "0"));
    // A leading zero leaves a Luhn sum unchanged, so only "luhn" may accept it.
    if (example.validator != "luhn") CHECK_FALSE(fn("0" + valid));
    for (std::size_t i = 0; i < valid.size(); ++i) {
      if (IsSeparator(valid[i])) {
        std::string doubled = valid;
        doubled.insert(i, 1, valid[i]);
        INFO("doubled separator " << doubled);
        CHECK_FALSE(fn(doubled));
      } else {
        std::string dropped = valid;
        dropped.erase(i, 1);
        INFO("dropped character " << dropped);
        CHECK_FALSE(fn(dropped));
      }
    }
  }
  CHECK_FALSE(ValidCreditCard("41 11 11 11 11 11 11 11"));
  CHECK_FALSE(ValidLuhn("41 11 11 11 11 11 11 11"));
  CHECK_FALSE(ValidLuhn("4111 1111111 11111"));
  CHECK_FALSE(ValidIban("BE68 5390 0754 7034 "));  // trailing space at a block boundary
  CHECK_FALSE(ValidCreditCard("4111-1111 1111-1111"));
  CHECK_FALSE(ValidCreditCard("411 1111 1111 11111"));
  CHECK_FALSE(ValidCreditCard("4111/1111/1111/1111"));
  CHECK_FALSE(ValidIban("GB8 2WEST 1234 5698 7654 32"));
  CHECK_FALSE(ValidIban("GB 82 WEST 1234 5698 7654 32"));
  CHECK_FALSE(ValidIban("GB82-WEST-1234-5698-7654-32"));
  CHECK_FALSE(ValidUsSsn("12-345-6789"));
  CHECK_FALSE(ValidUsSsn("123-456789"));
  CHECK_FALSE(ValidUsSsn("123-45 6789"));
  CHECK_FALSE(ValidUkNino("A B123456C"));
  CHECK_FALSE(ValidBrCpf("1114.44777-35"));
  CHECK_FALSE(ValidInAadhaar("234 5678 90124"));
  CHECK_FALSE(ValidCaSin("13 0692 544"));
  CHECK_FALSE(ValidSePersonnummer("1212-121212"));
  CHECK_FALSE(ValidEsDniNie("1234-5678Z"));
  CHECK_FALSE(ValidFrNir("18 505 78 006 084 91"));
}

TEST_CASE("every single-digit substitution breaks a check digit", "[validators]") {
  // Validators without a check digit cannot notice; CPF's mod 11 folds 10 and
  // 11 into 0 and may miss some, so its example is checked separately below.
  for (const Example& example : kExamples) {
    std::string_view name = example.validator;
    if (name == "us_ssn" || name == "uk_nino" || name == "br_cpf") continue;
    ValidatorFn fn = FindValidator(name);
    const std::string valid(example.valid);
    for (std::size_t i = 0; i < valid.size(); ++i) {
      if (valid[i] < '0' || valid[i] > '9') continue;
      for (char d = '0'; d <= '9'; ++d) {
        if (d == valid[i]) continue;
        std::string changed = valid;
        changed[i] = d;
        INFO(name << ": " << changed);
        CHECK_FALSE(fn(changed));
      }
    }
  }
  for (std::string_view changed :
       {"111.444.777-36", "111.444.777-45", "111.444.778-35", "211.444.777-35", "111.454.777-35"}) {
    CHECK_FALSE(ValidBrCpf(changed));
  }
}

TEST_CASE("adjacent transpositions are caught", "[validators]") {
  CHECK_FALSE(ValidIban("GB28 WEST 1234 5698 7654 32"));
  CHECK_FALSE(ValidIban("DE89 3704 0044 0532 0103 00"));
  CHECK_FALSE(ValidCreditCard("5555 5555 5555 4544"));
  CHECK_FALSE(ValidLuhn("3782 822463 01005"));
  CHECK_FALSE(ValidDeSteuerId("12345678959"));
  CHECK_FALSE(ValidDeSteuerId("21345678995"));
  CHECK_FALSE(ValidFrNir("1 85 05 78 060 084 91"));
  CHECK_FALSE(ValidEsDniNie("21345678Z"));
  CHECK_FALSE(ValidItCodiceFiscale("RSSMRA58T10A562S"));
  CHECK_FALSE(ValidNlBsn("213456782"));
  CHECK_FALSE(ValidPlPesel("44054101359"));
  CHECK_FALSE(ValidBrCpf("114.144.777-35"));
  CHECK_FALSE(ValidInAadhaar("3245 6789 0124"));
  CHECK_FALSE(ValidInAadhaar("2345 6789 0142"));
  CHECK_FALSE(ValidCaSin("130 629 544"));
  CHECK_FALSE(ValidSePersonnummer("121212-2112"));
  CHECK_FALSE(ValidEan13("4006383133931"));
}

TEST_CASE("luhn: 12 to 19 digits", "[validators]") {
  CHECK(ValidLuhn("4111111111111111"));
  CHECK(ValidLuhn("4111-1111-1111-1111"));
  CHECK(ValidLuhn("0000 0000 0000"));
  CHECK(ValidLuhn(std::string("123456789012345678") + RefLuhnCheck("123456789012345678")));
  CHECK_FALSE(ValidLuhn("4111111111111112"));
  CHECK_FALSE(ValidLuhn("42424242424"));                    // 11 digits
  CHECK_FALSE(ValidLuhn("41111111111111111111111111111"));  // 29 digits
  CHECK_FALSE(ValidLuhn("4111 1111 1111 111a"));

  for (std::string body :
       {"411111111111111", "54545454545454", "123456789012", "99999999999", "10000000000000000"}) {
    ExpectOnlyCheck(ValidLuhn, body, RefLuhnCheck(body));
  }
}

TEST_CASE("credit_card: network test numbers and IIN ranges", "[validators]") {
  // Test numbers from the networks' and acquirers' integration guides.
  for (std::string_view card : {
           "4111 1111 1111 1111",  // Visa
           "4012 8888 8888 1881",  // Visa
           "4222222222222",        // Visa, 13 digits
           "5555 5555 5555 4444",  // Mastercard
           "2223 0031 2200 3222",  // Mastercard 2-series
           "2222 4000 7000 0005",  // Mastercard 2-series
           "3782 822463 10005",    // American Express
           "3714 496353 98431",    // American Express
           "6011 1111 1111 1117",  // Discover
           "6011 0009 9013 9424",  // Discover
           "3530 1113 3330 0000",  // JCB
           "3566 0020 2036 0505",  // JCB
           "3056 930902 5904",     // Diners Club, 14 digits
           "3622 720627 1667",     // Diners Club International
           "3852 000002 3237",     // Diners Club
           "6200 0000 0000 0005",  // UnionPay
           "6759 6498 2643 8453",  // Maestro UK
           "5018 0000 0000 0009",  // Maestro
       }) {
    INFO(card);
    CHECK(ValidCreditCard(card));
  }

  auto card = [](std::string body) { return body + RefLuhnCheck(body); };
  // Mastercard's 2-series is 2221-2720 exactly.
  CHECK(ValidCreditCard(card("222100000000000")));
  CHECK(ValidCreditCard(card("272099999999999")));
  CHECK_FALSE(ValidCreditCard(card("222099999999999")));
  CHECK_FALSE(ValidCreditCard(card("272100000000000")));
  // Brands issue only some lengths.
  CHECK(ValidCreditCard(card("411111111111111111")));       // Visa 19
  CHECK_FALSE(ValidCreditCard(card("41111111111111111")));  // Visa 18
  CHECK_FALSE(ValidCreditCard(card("5555555555555")));      // Mastercard 14
  CHECK_FALSE(ValidCreditCard(card("378282246310005")));    // Amex 16
  CHECK_FALSE(ValidCreditCard(card("341111111111111")));    // Amex 16
  CHECK(ValidCreditCard(card("34111111111111")));           // Amex 15
  CHECK(ValidCreditCard(card("35281234567890123")));        // JCB 18
  CHECK(ValidCreditCard(card("62123456789012345")));        // UnionPay 18
  CHECK(ValidCreditCard(card("67591234567")));              // Maestro 12
  CHECK(ValidCreditCard(card("220012345678901")));          // Mir
  // Luhn-valid, but no network issues these prefixes.
  for (std::string body : {"123456789012345", "999999999999999", "700000000000000",
                           "131111111111111", "560000000000000"}) {
    std::string number = card(body);
    INFO(number);
    CHECK(ValidLuhn(number));
    CHECK_FALSE(ValidCreditCard(number));
  }
  CHECK_FALSE(ValidCreditCard("4111 1111 1111 1112"));
  // Card grouping: the first group has four digits.
  CHECK_FALSE(ValidCreditCard("41111 111 1111 1111"));
  CHECK(ValidLuhn("41111 111 1111 1111"));

  // Mutate a test card and recompute its check digit.
  for (std::string body :
       {"411111111234567", "555555555555123", "601100099013942", "353011133330000"}) {
    ExpectOnlyCheck(ValidCreditCard, body, RefLuhnCheck(body));
  }
}

TEST_CASE("iban: registry examples, lengths and mod 97", "[validators]") {
  for (std::string_view iban : {
           "GB82 WEST 1234 5698 7654 32",  // ECBS example
           "GB82WEST12345698765432", "DE89 3704 0044 0532 0130 00", "GB29 NWBK 6016 1331 9268 19",
           "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00", "BE68 5390 0754 7034",
           "CH93 0076 2011 6238 5295 7",
           "NO93 8601 1117 947",  // shortest, 15
           "MT84 MALT 0110 0001 2345 MTLC AST0 01S", "ES91 2100 0418 4502 0005 1332",
           "IT60 X054 2811 1010 0000 0123 456", "SE45 5000 0000 0583 9825 7466",
           "PL61 1090 1014 0000 0712 1981 2874", "AT61 1904 3002 3457 3201",
           "LC55 HEMM 0001 0001 0012 0012 0002 3015",
           "RU02 0445 2560 0407 0281 0412 3456 7890 1",  // longest, 33
       }) {
    INFO(iban);
    CHECK(ValidIban(iban));
  }
  // Case-folded values still validate; so do values with some spaces missing.
  CHECK(ValidIban("gb82 west 1234 5698 7654 32"));
  CHECK(ValidIban("GB82WEST 1234 5698 765432"));

  CHECK_FALSE(ValidIban("GB82 WEST 1234 5698 7654 33"));
  CHECK_FALSE(ValidIban("GB82 WEST 1234 5698 7654 3"));    // too short for GB
  CHECK_FALSE(ValidIban("GB82 WEST 1234 5698 7654 321"));  // too long for GB
  CHECK_FALSE(ValidIban("XX82 WEST 1234 5698 7654 32"));   // no such country
  CHECK_FALSE(ValidIban("US64 SVBK US6S 3300 9673 86"));   // no IBAN in the US
  CHECK_FALSE(ValidIban("GB82 WEST 1234 5698 7654 3!"));
  CHECK_FALSE(ValidIban("GB82"));

  // Check digits run 02-98. Where 98 is right, 01 leaves the same remainder;
  // where 97 or 02 is, so do 00 and 99. Neither twin may pass.
  REQUIRE(RefIbanCheck("GB", "WEST12345698765432") == "82");
  int twins_found = 0;
  for (int account = 0; account < 10000; ++account) {
    std::string body = "37040044" + std::to_string(10000000000 + account).substr(1);
    std::string check = RefIbanCheck("DE", body);
    std::string twin = check == "98" ? "01" : check == "97" ? "00" : check == "02" ? "99" : "";
    if (twin.empty()) continue;
    ++twins_found;
    INFO("DE" << check << body << " vs DE" << twin << body);
    CHECK(ValidIban("DE" + check + body));
    CHECK_FALSE(ValidIban("DE" + twin + body));
  }
  CHECK(twins_found >= 3);

  // Mutate account numbers and recompute the check digits.
  for (const auto& [country, body] :
       std::vector<std::pair<std::string, std::string>>{{"DE", "370400440532013001"},
                                                        {"DE", "100100100123456789"},
                                                        {"GB", "NWBK60161331926820"},
                                                        {"FR", "20041010050500013M02607"},
                                                        {"NO", "86011117948"},
                                                        {"MT", "MALT011000012345MTLCAST001T"}}) {
    std::string good = RefIbanCheck(country, body);
    INFO(country << good << body);
    CHECK(ValidIban(country + good + body));
    for (int c = 2; c <= 98; ++c) {
      std::string digits = std::to_string(100 + c).substr(1);
      if (digits != good) CHECK_FALSE(ValidIban(country + digits + body));
    }
    CHECK_FALSE(ValidIban(country + good + body + "0"));
    CHECK_FALSE(ValidIban(country + good + body.substr(1)));
  }
}

TEST_CASE("us_ssn: area, group and serial rules", "[validators]") {
  CHECK(ValidUsSsn("123-45-6789"));
  CHECK(ValidUsSsn("123 45 6789"));
  CHECK(ValidUsSsn("123456789"));
  CHECK(ValidUsSsn("001-01-0001"));
  CHECK(ValidUsSsn("665-99-9999"));
  CHECK(ValidUsSsn("667-01-0001"));
  CHECK(ValidUsSsn("899-99-9999"));

  CHECK_FALSE(ValidUsSsn("000-12-3456"));
  CHECK_FALSE(ValidUsSsn("666-12-3456"));
  CHECK_FALSE(ValidUsSsn("900-12-3456"));
  CHECK_FALSE(ValidUsSsn("987-65-4320"));  // the SSA's range for advertisements
  CHECK_FALSE(ValidUsSsn("999-99-9999"));
  CHECK_FALSE(ValidUsSsn("123-00-4567"));
  CHECK_FALSE(ValidUsSsn("123-45-0000"));
  CHECK_FALSE(ValidUsSsn("078-05-1120"));  // Woolworth wallet insert
  CHECK_FALSE(ValidUsSsn("078051120"));
  CHECK_FALSE(ValidUsSsn("219-09-9999"));  // SSA leaflet
  CHECK_FALSE(ValidUsSsn("12-345-6789"));
  CHECK_FALSE(ValidUsSsn("1234-5-6789"));
  CHECK_FALSE(ValidUsSsn("123-45-678"));
  CHECK_FALSE(ValidUsSsn("123-45-67890"));
  CHECK_FALSE(ValidUsSsn("123.45.6789"));
  CHECK_FALSE(ValidUsSsn("12a-45-6789"));
}

TEST_CASE("uk_nino: prefix letters and suffix", "[validators]") {
  CHECK(ValidUkNino("AB 12 34 56 C"));
  CHECK(ValidUkNino("AB123456C"));
  CHECK(ValidUkNino("ab123456c"));
  CHECK(ValidUkNino("ZY 99 99 99 D"));
  CHECK(ValidUkNino("AB 123456 A"));
  CHECK(ValidUkNino("OA 12 34 56 B"));  // O is allowed first

  // HMRC's own example number is deliberately unallocatable.
  CHECK_FALSE(ValidUkNino("QQ 12 34 56 C"));
  for (char bad : std::string_view("DFIQUV")) {
    INFO(bad);
    CHECK_FALSE(ValidUkNino(std::string(1, bad) + "A123456C"));
    CHECK_FALSE(ValidUkNino(std::string("A") + bad + "123456C"));
  }
  CHECK_FALSE(ValidUkNino("AO 12 34 56 C"));
  for (std::string_view prefix : {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}) {
    INFO(prefix);
    CHECK_FALSE(ValidUkNino(std::string(prefix) + "123456A"));
  }
  CHECK_FALSE(ValidUkNino("AB 12 34 56 E"));
  CHECK_FALSE(ValidUkNino("AB 12 34 56"));
  CHECK_FALSE(ValidUkNino("AB 12 34 5 C"));
  CHECK_FALSE(ValidUkNino("A1 12 34 56 C"));
  CHECK_FALSE(ValidUkNino("AB 12 3X 56 C"));
  CHECK_FALSE(ValidUkNino("AB 12-34 56 C"));
}

TEST_CASE("de_steuer_id: repetition rule and MOD 11,10", "[validators]") {
  CHECK(ValidDeSteuerId("12345678995"));  // textbook example
  CHECK(ValidDeSteuerId("12 345 678 995"));
  CHECK(ValidDeSteuerId("123 456 789 95"));
  CHECK_FALSE(ValidDeSteuerId("12345678990"));
  CHECK_FALSE(ValidDeSteuerId("02345678995"));  // first digit 0 (ELSTER test ids)
  CHECK_FALSE(ValidDeSteuerId("1234567899"));
  CHECK_FALSE(ValidDeSteuerId("123456789951"));
  CHECK_FALSE(ValidDeSteuerId("1234 5678 995"));

  // Bodies that obey the repetition rule: the reference decides the check.
  for (std::string body :
       {"1234567899", "9876543211", "5183927463", "1121345678", "1123456789", "7071234568"}) {
    ExpectOnlyCheck(ValidDeSteuerId, body, RefSteuerIdCheck(body));
  }
  // Bodies that break it are rejected whatever the check digit.
  for (std::string body : {
           "1234567890",  // no digit repeated
           "1122345678",  // two digits repeated
           "1112345678",  // three in a row
           "1211131456",  // five times
           "1213141567",  // four times, never adjacent
           "1212345677",  // two repeated (1 twice, 2 twice, 7 twice)
       }) {
    ExpectOnlyCheck(ValidDeSteuerId, body, '?');
  }
}

TEST_CASE("fr_nir: fields, Corsica and the key", "[validators]") {
  CHECK(ValidFrNir("1 85 05 78 006 084 91"));
  CHECK(ValidFrNir("185057800608491"));
  CHECK(ValidFrNir("1850578006084 91"));
  CHECK_FALSE(ValidFrNir("1 85 05 78 006 084 36"));
  CHECK_FALSE(ValidFrNir("3 85 05 78 006 084 91"));

  // Corsica: 2A counts as 19, 2B as 18 for the key.
  std::string corsica_a =
      "18505"
      "2A"
      "004123";
  std::string corsica_b =
      "28505"
      "2B"
      "004123";
  CHECK(RefNirKey(corsica_a) == "56");
  CHECK(ValidFrNir(corsica_a + RefNirKey(corsica_a)));
  CHECK(ValidFrNir("1 85 05 2a 004 123 56"));
  CHECK(ValidFrNir(corsica_b + RefNirKey(corsica_b)));
  CHECK_FALSE(ValidFrNir(corsica_a + RefNirKey(corsica_b)));
  CHECK_FALSE(ValidFrNir("1 85 05 2C 004 123 56"));
  CHECK_FALSE(ValidFrNir("1 85 05 3A 004 123 56"));

  auto with_key = [](std::string first13) { return first13 + RefNirKey(first13); };
  CHECK(ValidFrNir(with_key("2991299352001")));        // born abroad (99)
  CHECK(ValidFrNir(with_key("1612097123045")));        // month 20: unknown
  CHECK(ValidFrNir(with_key("1614297411123")));        // month 42
  CHECK(ValidFrNir(with_key("1615097411123")));        // month 50+
  CHECK_FALSE(ValidFrNir(with_key("1611397411123")));  // month 13
  CHECK_FALSE(ValidFrNir(with_key("1610097411123")));  // month 00
  CHECK_FALSE(ValidFrNir(with_key("1614597411123")));  // month 45
  CHECK_FALSE(ValidFrNir(with_key("1610500411123")));  // department 00
  CHECK_FALSE(ValidFrNir(with_key("1610597411000")));  // order 000
  CHECK_FALSE(ValidFrNir(with_key("7610597411123")));  // sex digit 7

  for (std::string first13 : {"1850578006085", "2060575111005", "1990133001999"}) {
    std::string key = RefNirKey(first13);
    INFO(first13 << key);
    CHECK(ValidFrNir(first13 + key));
    ExpectOnlyCheck(ValidFrNir, first13 + key[0], key[1]);
  }
}

TEST_CASE("es_dni_nie: mod 23 letter", "[validators]") {
  CHECK(ValidEsDniNie("99999999R"));  // the specimen DNI card
  CHECK(ValidEsDniNie("12345678Z"));
  CHECK(ValidEsDniNie("12.345.678-Z"));
  CHECK(ValidEsDniNie("12345678 z"));
  CHECK(ValidEsDniNie("X1234567L"));
  CHECK(ValidEsDniNie("X-1234567-L"));
  CHECK(ValidEsDniNie("Y1234567X"));
  CHECK(ValidEsDniNie("Z1234567R"));
  CHECK_FALSE(ValidEsDniNie("12345678A"));
  CHECK_FALSE(ValidEsDniNie("1234567Z"));
  CHECK_FALSE(ValidEsDniNie("123456789Z"));
  CHECK_FALSE(ValidEsDniNie("00000000T"));
  CHECK_FALSE(ValidEsDniNie("W1234567L"));
  CHECK_FALSE(ValidEsDniNie("X12345678L"));
  CHECK_FALSE(ValidEsDniNie("X.123.4567L"));
  CHECK_FALSE(ValidEsDniNie("123456789"));

  const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  for (long n : {1L, 23L, 4567890L, 87654321L, 10000000L}) {
    std::string digits = std::to_string(100000000 + n).substr(1);
    ExpectOnlyCheck(ValidEsDniNie, digits, RefDniLetter(n), letters);
  }
  for (long n : {7654321L, 1L}) {
    std::string seven = std::to_string(10000000 + n).substr(1);
    ExpectOnlyCheck(ValidEsDniNie, "Y" + seven, RefDniLetter(10000000 + n), letters);
    ExpectOnlyCheck(ValidEsDniNie, "Z" + seven, RefDniLetter(20000000 + n), letters);
  }
}

TEST_CASE("it_codice_fiscale: tables, dates and omocodia", "[validators]") {
  CHECK(ValidItCodiceFiscale("RSSMRA85T10A562S"));  // the textbook Mario Rossi example
  CHECK(ValidItCodiceFiscale("rssmra85t10a562s"));
  CHECK(ValidItCodiceFiscale("RSS MRA 85T10 A562 S"));
  CHECK_FALSE(ValidItCodiceFiscale("RSSMRA85T10A562T"));
  CHECK_FALSE(ValidItCodiceFiscale("RSSMRA85T10A562"));
  CHECK_FALSE(ValidItCodiceFiscale("RSSMRA85T10A562SS"));
  CHECK_FALSE(ValidItCodiceFiscale("R5SMRA85T10A562S"));

  const std::string letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  auto expect_valid = [&](const std::string& first15) {
    char check = RefCodiceCheck(first15);
    INFO(first15 << check);
    CHECK(ValidItCodiceFiscale(first15 + check));
    ExpectOnlyCheck(ValidItCodiceFiscale, first15, check, letters);
  };
  auto expect_invalid = [&](const std::string& first15) {
    INFO(first15);
    CHECK_FALSE(ValidItCodiceFiscale(first15 + RefCodiceCheck(first15)));
  };
  CHECK(RefCodiceCheck("RSSMRA85T10A562") == 'S');
  expect_valid("BNCLRA90A41F205");  // a woman: day + 40
  expect_valid("VRDGPP01E31Z404");  // born abroad (Z), 31 May
  expect_valid("RSSMRA85T10A56N");  // omocodia: last digit 2 -> N
  expect_valid("RSSMRA85T10A5RN");
  expect_valid("RSSMRAUVTLMAQRN");    // every digit replaced
  expect_invalid("RSSMRA85T10A5R2");  // replaced out of order
  expect_invalid("RSSMRA85T10A5A2");  // A is not an omocodia letter
  expect_invalid("RSSMRA85F10A562");  // F is not a month letter
  expect_invalid("RSSMRA85T32A562");  // day 32
  expect_invalid("RSSMRA85T00A562");  // day 0
  expect_invalid("RSSMRA85T72A562");  // day 72
  expect_invalid("RSSMRA85T101562");  // place must start with a letter
  expect_invalid("RSSMR485T10A562");  // name letters only
}

TEST_CASE("nl_bsn: elfproef", "[validators]") {
  CHECK(ValidNlBsn("111222333"));
  CHECK(ValidNlBsn("123456782"));
  CHECK(ValidNlBsn("123.456.782"));
  CHECK(ValidNlBsn("1234 56 782"));
  CHECK_FALSE(ValidNlBsn("123456783"));
  CHECK_FALSE(ValidNlBsn("000000000"));
  CHECK_FALSE(ValidNlBsn("12345678"));
  CHECK_FALSE(ValidNlBsn("12.3456.782"));
  for (std::string body : {"12345678", "99999999", "00000001", "31415926", "27182818"}) {
    char check = RefBsnCheck(body);
    if (check == '?') {
      ExpectOnlyCheck(ValidNlBsn, body, '?');  // remainder 10: no digit fits
    } else {
      ExpectOnlyCheck(ValidNlBsn, body, check);
    }
  }
}

TEST_CASE("pl_pesel: weights and the encoded date", "[validators]") {
  CHECK(ValidPlPesel("44051401359"));  // the example commonly used to explain PESEL
  CHECK(ValidPlPesel("02070803628"));
  CHECK_FALSE(ValidPlPesel("44051401358"));
  CHECK_FALSE(ValidPlPesel("4405140135"));
  CHECK_FALSE(ValidPlPesel("440514 01359"));

  auto fixed = [](std::string body) { return body + RefPeselCheck(body); };
  CHECK(ValidPlPesel(fixed("0422290123")));        // 29 Feb 2004
  CHECK_FALSE(ValidPlPesel(fixed("0322290123")));  // 29 Feb 2003
  CHECK_FALSE(ValidPlPesel(fixed("0002290123")));  // 29 Feb 1900: not a leap year
  CHECK(ValidPlPesel(fixed("0022290123")));        // 29 Feb 2000: a leap year
  CHECK_FALSE(ValidPlPesel(fixed("0002300123")));  // 30 Feb
  CHECK(ValidPlPesel(fixed("9992310123")));        // 31 Dec 1899
  CHECK(ValidPlPesel(fixed("0041010123")));        // 1 Jan 2100
  CHECK(ValidPlPesel(fixed("0061010123")));        // 1 Jan 2200
  CHECK_FALSE(ValidPlPesel(fixed("0081000123")));  // month 0 of the 1800s
  CHECK_FALSE(ValidPlPesel(fixed("0013010123")));  // month 13
  CHECK_FALSE(ValidPlPesel(fixed("0033010123")));  // month 13 of the 2000s
  CHECK_FALSE(ValidPlPesel(fixed("0093010123")));  // month 13 of the 1800s
  CHECK_FALSE(ValidPlPesel(fixed("0004310123")));  // 31 April
  CHECK_FALSE(ValidPlPesel(fixed("0001000123")));  // day 0
  for (std::string body : {"8512310001", "9001019999", "2125123456", "0522281234"}) {
    ExpectOnlyCheck(ValidPlPesel, body, RefPeselCheck(body));
  }
}

TEST_CASE("br_cpf: two mod-11 check digits", "[validators]") {
  CHECK(ValidBrCpf("111.444.777-35"));
  CHECK(ValidBrCpf("11144477735"));
  CHECK(ValidBrCpf("111444777-35"));
  CHECK(ValidBrCpf("529.982.247-25"));
  CHECK_FALSE(ValidBrCpf("111.444.777-53"));
  for (char d = '0'; d <= '9'; ++d) {
    INFO(d);
    CHECK_FALSE(ValidBrCpf(std::string(11, d)));  // 000.000.000-00 passes the sums
  }
  for (std::string nine : {"123456789", "987654321", "000000001", "390533447", "100000000"}) {
    std::string checks = RefCpfChecks(nine);
    INFO(nine << checks);
    CHECK(ValidBrCpf(nine + checks));
    ExpectOnlyCheck(ValidBrCpf, nine, checks[0], "0123456789", std::string(1, checks[1]));
    ExpectOnlyCheck(ValidBrCpf, nine + checks[0], checks[1]);
  }
}

TEST_CASE("in_aadhaar: Verhoeff", "[validators]") {
  CHECK(RefVerhoeffCheck("236") == '3');  // Verhoeff's worked example
  CHECK(ValidInAadhaar("2345 6789 0124"));
  CHECK(ValidInAadhaar("234567890124"));
  CHECK(ValidInAadhaar("2345-6789-0124"));
  CHECK_FALSE(ValidInAadhaar("2345 6789 0125"));
  CHECK_FALSE(ValidInAadhaar("1234 5678 9012"));
  for (std::string body :
       {"23456789012", "49918231512", "99999999999", "20000000000", "87654321098"}) {
    ExpectOnlyCheck(ValidInAadhaar, body, RefVerhoeffCheck(body));
  }
  // First digit 0 or 1 is never issued, whatever the check digit.
  for (std::string body : {"01234567890", "12345678901"}) {
    ExpectOnlyCheck(ValidInAadhaar, body, '?');
  }
}

TEST_CASE("ca_sin: Luhn and first digit", "[validators]") {
  CHECK(ValidCaSin("130 692 544"));
  CHECK(ValidCaSin("130-692-544"));
  CHECK(ValidCaSin("130692544"));
  // Service Canada's sample SIN passes Luhn but starts with 0, never issued.
  CHECK_FALSE(ValidCaSin("046 454 286"));
  for (std::string body : {"13069254", "96543210", "70000000", "50505050"}) {
    ExpectOnlyCheck(ValidCaSin, body, RefLuhnCheck(body));
  }
  for (std::string body : {"04645428", "81234567"}) {
    ExpectOnlyCheck(ValidCaSin, body, '?');
  }
}

TEST_CASE("se_personnummer: forms, dates, samordningsnummer", "[validators]") {
  CHECK(ValidSePersonnummer("121212-1212"));  // the well-known Swedish test number
  CHECK(ValidSePersonnummer("121212+1212"));
  CHECK(ValidSePersonnummer("19121212-1212"));
  CHECK(ValidSePersonnummer("191212121212"));
  CHECK(ValidSePersonnummer("811218-9876"));
  CHECK(ValidSePersonnummer("1212121212"));
  CHECK_FALSE(ValidSePersonnummer("121212-1213"));
  CHECK_FALSE(ValidSePersonnummer("19121212+1212"));
  CHECK_FALSE(ValidSePersonnummer("1912121-21212"));
  CHECK_FALSE(ValidSePersonnummer("121212 1212"));

  auto fixed = [](std::string yymmddnnn) { return yymmddnnn + RefLuhnCheck(yymmddnnn); };
  auto ten = [&](std::string yymmddnnn) {
    std::string s = fixed(yymmddnnn);
    return s.substr(0, 6) + "-" + s.substr(6);
  };
  CHECK(ValidSePersonnummer(ten("121272121")));        // samordningsnummer, day 12 + 60
  CHECK(ValidSePersonnummer(ten("000229123")));        // 29 Feb 2000
  CHECK_FALSE(ValidSePersonnummer(ten("010229123")));  // 29 Feb 2001
  CHECK_FALSE(ValidSePersonnummer(ten("121232121")));  // day 32
  CHECK_FALSE(ValidSePersonnummer(ten("121292121")));  // day 92
  CHECK_FALSE(ValidSePersonnummer(ten("121300121")));  // month 13
  CHECK_FALSE(ValidSePersonnummer(ten("120431121")));  // 31 April
  // The twelve-digit form knows its century: 1900 was no leap year.
  CHECK(ValidSePersonnummer("20" + fixed("000229123")));
  CHECK_FALSE(ValidSePersonnummer("19" + fixed("000229123")));
  CHECK_FALSE(ValidSePersonnummer("17" + fixed("121212121")));

  for (std::string body : {"811218987", "640823323", "121212121", "990161234"}) {
    ExpectOnlyCheck(ValidSePersonnummer, body.substr(0, 6) + "-" + body.substr(6),
                    RefLuhnCheck(body));
    ExpectOnlyCheck(ValidSePersonnummer, "19" + body, RefLuhnCheck(body));
  }
}

TEST_CASE("ean13: GS1 check digit", "[validators]") {
  CHECK(ValidEan13("4006381333931"));
  CHECK(ValidEan13("5901234123457"));  // GS1's example
  CHECK(ValidEan13("5 901234 123457"));
  CHECK_FALSE(ValidEan13("5901234123458"));
  CHECK_FALSE(ValidEan13("590123412345"));
  CHECK_FALSE(ValidEan13("59012 34123457"));
  for (std::string body : {"400638133393", "590123412345", "000000000000", "978316148410"}) {
    ExpectOnlyCheck(ValidEan13, body, RefEanCheck(body));
  }
}

TEST_CASE("validators never allocate on the heap", "[validators]") {
  // Long enough to defeat any small-string buffer, were one used.
  const std::string long_input = std::string(63, '5');
  std::vector<std::string_view> inputs;
  for (const Example& example : kExamples) inputs.push_back(example.valid);
  inputs.push_back(long_input);
  inputs.push_back("MT84 MALT 0110 0001 2345 MTLC AST0 01S");

  for (const Example& example : kExamples) {
    ValidatorFn fn = FindValidator(example.validator);
    long before = g_heap_allocations;
    for (std::string_view input : inputs) (void)fn(input);
    long allocations = g_heap_allocations - before;
    INFO(example.validator);
    CHECK(allocations == 0);
  }
}

}  // namespace
}  // namespace pgveil::scanner
