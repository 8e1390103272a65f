// masking/formats.h
//
// Validity checks for the formats the transformers promise to preserve:
// email addresses, Luhn check digits, IBAN mod-97 check digits, JSON. The
// transformers use them to decide whether an input has the shape they need,
// and the tests use them to prove every output is still valid.
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

namespace pgveil::masking {

// RFC 5321 / 5322 addr-spec as mail systems accept it: a dot-atom local
// part (or a quoted string) of 1..64 octets, '@', and a domain of LDH labels
// (1..63 octets, no leading or trailing hyphen; UTF-8 letters allowed for
// internationalised names) or an address literal "[...]"; 254 octets at most.
bool IsValidEmailAddress(std::string_view address);

// The domain half of the above.
bool IsValidEmailDomain(std::string_view domain);

// True when the digits of `digits` (other characters are skipped) pass the
// Luhn check. At least two digits are needed.
bool LuhnValid(std::string_view digits);

// The Luhn check digit that completes `payload` (digits only).
char LuhnCheckDigit(std::string_view payload);

// True when `text` is one valid JSON document (RFC 8259, UTF-8).
bool IsValidJson(std::string_view text);

// True when `iban` (spaces allowed) has a two-letter country code, two check
// digits, 11..30 alphanumerics and passes ISO 7064 mod 97-10.
bool IbanValid(std::string_view iban);

}  // namespace pgveil::masking
