// datagen/person.cc

#include "datagen/person.h"

namespace pgveil::datagen {

Person RandomPerson(Rng& rng, const Locale& locale) {
  Person p;
  p.locale = &locale;
  const NameForms given = SplitName(rng.Pick(locale.given_names));
  p.given = given.native;
  p.given_latin = given.latin;
  const NameForms family = SplitName(rng.Pick(locale.family_names));
  p.family = family.native;
  p.family_latin = family.latin;
  // Iberian and Brazilian people usually carry two family names.
  const bool two_surnames = locale.country == Country::kES ||
                            (locale.country == Country::kBR && rng.Chance(0.5)) ||
                            (locale.country == Country::kPT && rng.Chance(0.6));
  if (two_surnames && rng.Chance(0.75)) {
    const NameForms second = SplitName(rng.Pick(locale.family_names));
    if (second.native != family.native) {
      p.family += ' ';
      p.family += second.native;
      p.family_latin += ' ';
      p.family_latin += second.latin;
    }
  }
  p.female = rng.Chance(0.5);
  p.birth = RandomBirthDate(rng);
  return p;
}

std::string Person::FullName() const {
  std::string name;
  if (locale != nullptr && locale->family_name_first) {
    name = family;
    if (locale->country == Country::kJP || locale->country == Country::kVN) name += ' ';
    name += given;
  } else {
    name = given;
    name += ' ';
    name += family;
  }
  return name;
}

}  // namespace pgveil::datagen
