// datagen/check_digits.h
//
// The check-digit schemes generated identifiers must satisfy (and decoys
// must deliberately fail): Luhn (cards, Canadian SIN, Swedish personnummer),
// ISO 13616 mod-97 (IBAN), Verhoeff (Aadhaar), ISO 7064 MOD 11,10 (German
// Steuer-ID), ISO 7064 MOD 11-2 (Chinese resident ID) and GS1 mod-10
// (EAN-13). Inputs are ASCII digits (and capital letters for mod-97);
// separators are the caller's business.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace pgveil::datagen {

// The digit that makes `payload` + digit pass the Luhn test.
int LuhnCheckDigit(std::string_view payload);
// True when every character is a digit and the Luhn sum is 0 mod 10.
bool LuhnValid(std::string_view digits);

// The remainder mod 97 of the number formed by `text`, letters counting
// A=10 .. Z=35 (ISO 13616).
int Mod97(std::string_view text);
// The two IBAN check digits for `country` (two capitals) and `bban`.
std::string IbanCheckDigits(std::string_view country, std::string_view bban);
// Validates an IBAN, ignoring spaces.
bool IbanValid(std::string_view iban);

int VerhoeffCheckDigit(std::string_view payload);
bool VerhoeffValid(std::string_view digits);

// ISO 7064 MOD 11,10 (pure system, one check digit 0-9).
int Iso7064Mod11_10(std::string_view payload);
// ISO 7064 MOD 11-2 with the Chinese ID weights; returns '0'-'9' or 'X'.
char Iso7064Mod11_2(std::string_view payload);

// GS1 check digit for EAN-8/EAN-13/UPC payloads (weights 3,1 from the right).
int Gs1CheckDigit(std::string_view payload);

}  // namespace pgveil::datagen
