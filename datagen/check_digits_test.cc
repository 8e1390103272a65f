// datagen/check_digits_test.cc
//
// The check-digit schemes against examples published by their issuers or
// standard references, plus round trips: a payload completed with the
// computed digit validates, and a changed digit does not.

#include "datagen/check_digits.h"

#include <catch2/catch.hpp>

#include "datagen/rng.h"

namespace pgveil::datagen {
namespace {

TEST_CASE("Luhn matches the textbook example", "[datagen]") {
  CHECK(LuhnValid("79927398713"));
  CHECK_FALSE(LuhnValid("79927398710"));
  CHECK(LuhnCheckDigit("7992739871") == 3);
  CHECK(LuhnValid("4111111111111111"));  // the well-known Visa test card
  CHECK_FALSE(LuhnValid(""));
  CHECK_FALSE(LuhnValid("4111 1111"));
}

TEST_CASE("IBAN mod-97 accepts registry examples and computes their check digits", "[datagen]") {
  CHECK(IbanValid("GB82WEST12345698765432"));
  CHECK(IbanValid("DE89 3704 0044 0532 0130 00"));
  CHECK(IbanValid("FR1420041010050500013M02606"));
  CHECK_FALSE(IbanValid("GB82WEST12345698765433"));
  CHECK(IbanCheckDigits("GB", "WEST12345698765432") == "82");
  CHECK(IbanCheckDigits("DE", "370400440532013000") == "89");
}

TEST_CASE("Verhoeff matches the reference example", "[datagen]") {
  CHECK(VerhoeffCheckDigit("236") == 3);
  CHECK(VerhoeffValid("2363"));
  CHECK_FALSE(VerhoeffValid("2364"));
}

TEST_CASE("ISO 7064 schemes match published identifiers", "[datagen]") {
  // The example Steuer-ID the German tax authorities print on their forms.
  CHECK(Iso7064Mod11_10("8609574271") == 9);
  // The specimen resident ID number used in the Chinese standard's examples.
  CHECK(Iso7064Mod11_2("11010519491231002") == 'X');
}

TEST_CASE("GS1 check digits match real barcodes", "[datagen]") {
  CHECK(Gs1CheckDigit("400638133393") == 1);
  CHECK(Gs1CheckDigit("978020137962") == 4);  // ISBN-13 9780201379624
}

TEST_CASE("computed check digits round-trip and catch a single changed digit", "[datagen]") {
  Rng rng(99);
  for (int i = 0; i < 500; ++i) {
    std::string payload;
    for (int k = 0; k < 15; ++k) payload.push_back(rng.Digit());
    std::string luhn = payload + static_cast<char>('0' + LuhnCheckDigit(payload));
    std::string verhoeff = payload + static_cast<char>('0' + VerhoeffCheckDigit(payload));
    CHECK(LuhnValid(luhn));
    CHECK(VerhoeffValid(verhoeff));
    // Both schemes detect every single-digit substitution.
    for (std::string* s : {&luhn, &verhoeff}) {
      const size_t at = rng.Below(s->size());
      (*s)[at] = static_cast<char>('0' + ((*s)[at] - '0' + 1 + rng.Below(9)) % 10);
    }
    CHECK_FALSE(LuhnValid(luhn));
    CHECK_FALSE(VerhoeffValid(verhoeff));
  }
}

}  // namespace
}  // namespace pgveil::datagen
