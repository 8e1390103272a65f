// datagen/person.h
//
// A generated person: where they are from, their name in their own script
// and in Latin letters, sex and date of birth. Everything else about a
// person (address, phone, e-mail, identifiers) is derived from a Person by
// the functions in address.h, phone.h, online_identity.h and national_id.h,
// each from its own random stream, so one table can re-derive another
// table's person from the row id alone.
//
// Thread-safety: plain values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "datagen/date_time.h"
#include "datagen/locale.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

struct Person {
  const Locale* locale = nullptr;
  std::string_view given;        // as written in the person's script
  std::string_view given_latin;  // Latin-script form (may carry diacritics)
  std::string family;            // "García López" for two-surname locales
  std::string family_latin;
  bool female = false;
  CivilDate birth;

  // "Given Family", or "FamilyGiven" for CN/JP/KR (no space for Han/Hangul,
  // a space for Japanese and Vietnamese).
  std::string FullName() const;
};

// Draws a person from `locale`.
Person RandomPerson(Rng& rng, const Locale& locale);

// Draws a person from a weighted random locale.
inline Person RandomPerson(Rng& rng) { return RandomPerson(rng, PickLocale(rng)); }

}  // namespace pgveil::datagen
