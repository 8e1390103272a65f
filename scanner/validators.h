// scanner/validators.h
//
// Checksum and structure validators: the last step of detection. A regex has
// already extracted a candidate ("4111 1111 1111 1111", "DE89 3704 ...");
// a validator says whether it really is a number of that kind, by its length,
// its fixed fields (dates, prefixes, country codes) and its check digits.
//
// What every validator guarantees:
//   - It receives the candidate exactly as extracted: separators included,
//     full-width digits already turned into ASCII by the caller. It accepts a
//     separator only where the number is customarily split (a card in groups
//     of 3 to 6 digits, an IBAN in blocks of four, an SSN as AAA-GG-SSSS), and
//     only one kind of separator per candidate unless the format mixes them
//     (CPF 123.456.789-09, DNI 12.345.678-Z).
//   - Letters are accepted in either case, because detection case-folds values
//     before the regex sees them.
//   - Any input at all (empty, 200 bytes, invalid UTF-8, letters where digits
//     belong) yields false; nothing throws, nothing reads past the input.
//   - No heap allocation: candidates longer than kMaxValidatorInput bytes are
//     rejected up front and the rest are copied into fixed stack buffers.
//
// Thread-safety: pure functions over constant tables; call from any thread.
#pragma once

#include <cstddef>
#include <string_view>

namespace pgveil::scanner {

// No number any validator accepts is longer than this, separators included
// (the longest is a 34-character IBAN printed with 8 spaces).
inline constexpr std::size_t kMaxValidatorInput = 64;

// Returns true only when the structural rules and check digits hold.
using ValidatorFn = bool (*)(std::string_view candidate);

// 12 to 19 digits whose Luhn (mod 10) sum is 0. Spaces or dashes may split the
// digits into groups of 3 to 6.
bool ValidLuhn(std::string_view candidate);

// A payment card number: Luhn, an issuer prefix (IIN) from a known brand and a
// length that brand issues. Accepted brands and ranges:
//   Visa 4 (13, 16, 19 digits) · Mastercard 51-55 and 2221-2720 (16) ·
//   American Express 34, 37 (15) · Discover 6011, 644-649, 65 (16-19) ·
//   JCB 3528-3589 (16-19) · Diners Club 300-305, 3095, 36, 38-39 (14-19) ·
//   UnionPay 62 (16-19) · Maestro 5018, 5020, 5038, 5893, 6304,
//   6759, 6761-6763 (12-19) · Mir 2200-2204 (16-19).
// Separators as for ValidLuhn, and the first group must be 4 digits.
bool ValidCreditCard(std::string_view candidate);

// An IBAN (ISO 13616): a country from the SWIFT IBAN registry with that
// country's exact length, check digits 02-98, an alphanumeric BBAN and
// mod-97 == 1. Electronic form, or paper form with single spaces after every
// fourth character (some of them may be missing; none may be elsewhere).
bool ValidIban(std::string_view candidate);

// A US Social Security number, AAA-GG-SSSS (dashes or spaces) or 9 digits.
// Area not 000, 666 or 900-999; group not 00; serial not 0000; and not one of
// the numbers printed in advertisements (078-05-1120, 219-09-9999).
bool ValidUsSsn(std::string_view candidate);

// A UK National Insurance number, AB123456C or AB 12 34 56 C. Neither prefix
// letter is D, F, I, Q, U or V; the second is not O; the prefix is not BG,
// GB, NK, KN, TN, NT or ZZ; the suffix is A-D.
bool ValidUkNino(std::string_view candidate);

// A German Steuerliche Identifikationsnummer: 11 digits, the first not 0;
// among the first ten exactly one digit occurs twice or three times and never
// three times in a row; ISO 7064 MOD 11,10 check digit.
bool ValidDeSteuerId(std::string_view candidate);

// A French NIR (numéro de sécurité sociale): sex 1 or 2, year, month (01-12,
// or 20, 30-42, 50-99 for incomplete civil records), department (01-99, 2A,
// 2B), commune, order (not 000) and the key 97 - (n mod 97), where Corsica's
// 2A and 2B count as 19 and 18. Separators at the field boundaries.
bool ValidFrNir(std::string_view candidate);

// A Spanish DNI (12345678Z, 12.345.678-Z) or NIE (X1234567L, X-1234567-L):
// the control letter is TRWAGMYFPDXBNJZSQVHLCKE[n mod 23], with the NIE prefix
// X, Y, Z counting as 0, 1, 2. An all-zero number is rejected.
bool ValidEsDniNie(std::string_view candidate);

// An Italian codice fiscale for a person: 6 letters, year, month letter, day
// (01-31, or 41-71 for women), place code, check letter from the odd/even
// tables. Omocodia letters (LMNPQRSTUV) may replace digits, right to left as
// the Agenzia delle Entrate assigns them.
bool ValidItCodiceFiscale(std::string_view candidate);

// A Dutch BSN: 9 digits passing the 11-proof (weights 9..2 and -1 on the last
// digit); not all zeros.
bool ValidNlBsn(std::string_view candidate);

// A Polish PESEL: 11 digits, weights 1,3,7,9,... check digit, and a real
// birth date whose century is encoded in the month (+80 for 1800s, +0, +20,
// +40, +60 for 1900s to 2200s).
bool ValidPlPesel(std::string_view candidate);

// A Brazilian CPF, 12345678909 or 123.456.789-09: two mod-11 check digits;
// numbers made of one repeated digit are rejected.
bool ValidBrCpf(std::string_view candidate);

// An Indian Aadhaar number: 12 digits (groups of four may be split by spaces
// or dashes), first digit 2-9, Verhoeff check digit.
bool ValidInAadhaar(std::string_view candidate);

// A Canadian Social Insurance Number: 9 digits (groups of three), Luhn, first
// digit not 0 or 8.
bool ValidCaSin(std::string_view candidate);

// A Swedish personnummer or samordningsnummer (day + 60): YYMMDD-NNNC,
// YYMMDD+NNNC, YYMMDDNNNC, YYYYMMDDNNNC or YYYYMMDD-NNNC, with a real date
// and Luhn over the ten digits YYMMDDNNNC. A random bare ten-digit number
// passes the date and Luhn checks fewer than one time in a hundred; keeping
// phone numbers out is left to the detector's column ratio.
bool ValidSePersonnummer(std::string_view candidate);

// An EAN-13 / GTIN-13 barcode with a valid GS1 check digit. Barcodes are not
// PII: detection uses this to recognise decoys that look like card numbers.
bool ValidEan13(std::string_view candidate);

// The validator registered under `name` ("luhn", "credit_card", "iban",
// "us_ssn", "uk_nino", "de_steuer_id", "fr_nir", "es_dni_nie",
// "it_codice_fiscale", "nl_bsn", "pl_pesel", "br_cpf", "in_aadhaar",
// "ca_sin", "se_personnummer", "ean13"), or nullptr. Names are exact and
// case-sensitive; detector definitions in data files refer to validators this
// way.
ValidatorFn FindValidator(std::string_view name);

}  // namespace pgveil::scanner
