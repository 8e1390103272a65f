// datagen/locale.h
//
// The locales customers, employees and contacts are drawn from: for each
// country its given and family names (in the country's own script, with a
// Latin transliteration where that script is not Latin), cities with their
// postal-code shape and telephone area code, street names and the e-mail
// domains its people use. Every list is small, hand-written for this
// generator and independent of the scanner's dictionaries, so that scanning
// generated data tests the scanner rather than its own word lists.
//
// Name entries are either "Name" (Latin script; the e-mail form is the ASCII
// folding of the name) or "Native|latin" (the second half is the
// transliteration used for e-mail addresses and usernames).
//
// Postal patterns: '#' is a random digit, '!' a digit 1-9, '@' a capital
// letter, '%' a letter allowed in the inward half of a UK postcode, '&' a
// letter allowed in a Canadian postal code; anything else is literal.
//
// Thread-safety: constant data.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "datagen/rng.h"

namespace pgveil::datagen {

enum class Country : uint8_t {
  kUS,
  kCA,
  kGB,
  kDE,
  kFR,
  kES,
  kIT,
  kPT,
  kBR,
  kNL,
  kPL,
  kSE,
  kIS,
  kTR,
  kRU,
  kGR,
  kCN,
  kJP,
  kKR,
  kVN,
  kIN,
  kSA,
  kEG,
  kIL,
};

struct City {
  std::string_view name;
  std::string_view postal_pattern;
  std::string_view area_code;  // national significant digits of a landline prefix
};

struct Locale {
  Country country;
  std::string_view code;      // ISO 3166-1 alpha-2, as stored in address data
  std::string_view language;  // ISO 639-1, picks the language of free text
  uint32_t weight;            // relative share of customers
  bool family_name_first;     // display order "Family Given" (CN, JP, KR, VN)
  std::span<const std::string_view> given_names;
  std::span<const std::string_view> family_names;
  std::span<const City> cities;
  std::span<const std::string_view> streets;
  std::span<const std::string_view> mail_providers;  // subdomain labels, see person.cc
};

// Every locale, in Country order.
std::span<const Locale> AllLocales();

const Locale& LocaleOf(Country country);

// Draws a locale by weight: mostly Western European and North American
// customers, with every other locale present in every sizeable sample.
const Locale& PickLocale(Rng& rng);

// Splits a name entry into its display form and its Latin form.
struct NameForms {
  std::string_view native;
  std::string_view latin;  // equals `native` for Latin-script entries
};
NameForms SplitName(std::string_view entry);

// Per-region locale tables, defined in locale_data_*.cc.
extern const Locale kLocaleUS, kLocaleCA, kLocaleGB, kLocaleFR, kLocaleES, kLocaleIT, kLocalePT,
    kLocaleBR;
extern const Locale kLocaleDE, kLocaleNL, kLocalePL, kLocaleSE, kLocaleIS, kLocaleTR, kLocaleRU,
    kLocaleGR;
extern const Locale kLocaleCN, kLocaleJP, kLocaleKR, kLocaleVN, kLocaleIN, kLocaleSA, kLocaleEG,
    kLocaleIL;

}  // namespace pgveil::datagen
