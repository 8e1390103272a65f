// datagen/national_id.h
//
// National identity and social-security numbers with correct structure and
// check digits, in the forms people write them: US SSN (SSA rules: area
// 001-899 without 666, group 01-99, serial 0001-9999), UK NINO, German
// Steuer-ID, French NIR, Spanish DNI/NIE, Italian codice fiscale, Dutch BSN,
// Polish PESEL, Brazilian CPF, Indian Aadhaar (Verhoeff), Canadian SIN,
// Swedish personnummer, Chinese resident ID, Turkish T.C. Kimlik No,
// Israeli Teudat Zehut, Russian SNILS, Greek AMKA, Japanese My Number,
// Korean RRN, Portuguese NIF, Icelandic kennitala, Egyptian national ID,
// Saudi national ID and Vietnamese CCCD. Numbers that embed a birth date or
// sex use the person's own.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <string>
#include <string_view>

#include "datagen/date_time.h"
#include "datagen/locale.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

// What some identifiers encode about their holder.
struct IdHolder {
  CivilDate birth;
  bool female = false;
  std::string_view given_latin;   // ASCII-foldable given name (codice fiscale)
  std::string_view family_latin;  // ASCII-foldable family name (codice fiscale)
};

// Appends the national identifier of `country` for `holder`, in one of that
// identifier's customary spellings (grouped, dashed or compact).
void AppendNationalId(Rng& rng, Country country, const IdHolder& holder, std::string* out);

// A US Social Security number; `dashed` gives "123-45-6789".
void AppendUsSsn(Rng& rng, bool dashed, std::string* out);

namespace internal {
// The identifiers of the countries AppendNationalId does not handle itself
// (national_id_more.cc).
void AppendNationalIdMore(Rng& rng, Country country, const IdHolder& holder, std::string* out);
}  // namespace internal

}  // namespace pgveil::datagen
