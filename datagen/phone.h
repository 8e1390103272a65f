// datagen/phone.h
//
// Telephone numbers that are valid in their country's numbering plan (right
// national significant number length, real mobile prefixes and landline
// area codes; NANP numbers use the 555-01xx range reserved for fiction, UK
// landlines the drama ranges Ofcom reserves where an area has one), checked
// against libphonenumber's metadata by formats_test.cc, written the way people
// of that country write them: "+49 30 12345678", "(030) 123 45 67",
// "0151 23456789", "+1 (415) 555-0134", "06 12 34 56 78", "090-1234-5678",
// sometimes with full-width (JP) or Arabic-Indic (SA, EG) digits.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <string>

#include "datagen/locale.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

enum class PhoneKind { kMobile, kLandline };

enum class PhoneStyle {
  kAsTyped,  // any of the country's customary national or international spellings
  kE164,     // "+4915112345678", as APIs store it
};

// A number split at the point national formats separate it.
struct NationalNumber {
  std::string prefix;      // mobile prefix or area code, without trunk prefix
  std::string subscriber;  // the rest
  bool mobile = false;
};

// Draws a valid national significant number. `city` supplies the landline
// area code; nullptr picks one of the locale's cities.
NationalNumber RandomNationalNumber(Rng& rng, const Locale& locale, const City* city,
                                    PhoneKind kind);

// Appends `number` in `style` for `locale`'s country.
void AppendFormattedPhone(Rng& rng, const Locale& locale, const NationalNumber& number,
                          PhoneStyle style, std::string* out);

inline void AppendPhone(Rng& rng, const Locale& locale, const City* city, PhoneKind kind,
                        PhoneStyle style, std::string* out) {
  AppendFormattedPhone(rng, locale, RandomNationalNumber(rng, locale, city, kind), style, out);
}

// The ITU country calling code of `country` ("49").
std::string_view CallingCode(Country country);

}  // namespace pgveil::datagen
