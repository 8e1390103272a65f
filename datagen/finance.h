// datagen/finance.h
//
// Payment data: IBANs with valid ISO 13616 check digits (and valid national
// check digits where the country's BBAN has a simple published scheme: ES,
// BE, FR), BICs, and payment card numbers that pass Luhn with real issuer
// prefixes (Visa 4, Mastercard 51-55 and 2221-2720, Amex 34/37, Discover
// 6011/65, JCB 3528-3589, Diners 36, UnionPay 62, Maestro 6759), written
// compact, in groups of four, or dashed.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <string>
#include <string_view>

#include "datagen/locale.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

// The IBAN country for a person of `country`: their own where it uses
// IBANs, otherwise a SEPA country (an expatriate's euro account).
std::string_view IbanCountryFor(Rng& rng, Country country);

// Appends an IBAN of `iban_country` (two capitals, one of the countries
// IbanCountryFor returns); `grouped` prints it in blocks of four.
void AppendIban(Rng& rng, std::string_view iban_country, bool grouped, std::string* out);

// Appends a BIC (8 or 11 characters) of a bank in `iban_country`.
void AppendBic(Rng& rng, std::string_view iban_country, std::string* out);

// Appends a Luhn-valid card number of a random brand, in a random spelling.
void AppendCardNumber(Rng& rng, std::string* out);

}  // namespace pgveil::datagen
