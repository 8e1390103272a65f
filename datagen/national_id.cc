// datagen/national_id.cc
//
// One generator per identifier. Each builds the payload digits, computes the
// check digit(s) with the scheme the issuing authority publishes, then picks
// a spelling.

#include "datagen/national_id.h"

#include <initializer_list>
#include <utility>

#include "datagen/ascii_fold.h"
#include "datagen/check_digits.h"
#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

int DigitAt(const std::string& s, size_t i) { return s[i] - '0'; }

// Appends `digits` split into groups of the given sizes, joined by `sep`.
void AppendGrouped(std::string_view digits, std::initializer_list<int> groups, char sep,
                   std::string* out) {
  size_t pos = 0;
  bool first = true;
  for (int size : groups) {
    if (!first) out->push_back(sep);
    out->append(digits.substr(pos, size));
    pos += size;
    first = false;
  }
}

void AppendYymmdd(CivilDate d, int month_offset, std::string* out) {
  AppendPadded(d.year % 100, 2, out);
  AppendPadded(d.month + month_offset, 2, out);
  AppendPadded(d.day, 2, out);
}

void Ssn(Rng& rng, bool dashed, std::string* out) {
  int area = static_cast<int>(rng.Between(1, 899));
  if (area == 666) area = 667;
  std::string digits;
  AppendPadded(area, 3, &digits);
  AppendPadded(rng.Between(1, 99), 2, &digits);
  AppendPadded(rng.Between(1, 9999), 4, &digits);
  if (dashed) {
    AppendGrouped(digits, {3, 2, 4}, '-', out);
  } else {
    out->append(digits);
  }
}

void Sin(Rng& rng, std::string* out) {
  std::string d(1, "12345679"[rng.Below(8)]);
  AppendDigits(rng, 7, &d);
  d.push_back(static_cast<char>('0' + LuhnCheckDigit(d)));
  if (rng.Chance(0.5))
    AppendGrouped(d, {3, 3, 3}, rng.Chance(0.7) ? ' ' : '-', out);
  else
    out->append(d);
}

void Nino(Rng& rng, std::string* out) {
  constexpr std::string_view kFirst = "ABCEGHJKLMNOPRSTWXYZ";
  constexpr std::string_view kSecond = "ABCEGHJKLMNPRSTWXYZ";
  std::string prefix;
  do {
    prefix = {kFirst[rng.Below(kFirst.size())], kSecond[rng.Below(kSecond.size())]};
  } while (prefix == "BG" || prefix == "GB" || prefix == "KN" || prefix == "NK" || prefix == "NT" ||
           prefix == "TN" || prefix == "ZZ");
  std::string digits;
  AppendDigits(rng, 6, &digits);
  const char suffix = "ABCD"[rng.Below(4)];
  out->append(prefix);
  if (rng.Chance(0.5)) {
    out->push_back(' ');
    AppendGrouped(digits, {2, 2, 2}, ' ', out);
    out->push_back(' ');
  } else {
    out->append(digits);
  }
  out->push_back(suffix);
}

void SteuerId(Rng& rng, std::string* out) {
  const int missing = static_cast<int>(rng.Below(10));
  int twice = static_cast<int>(rng.Below(9));
  if (twice >= missing) ++twice;
  std::string d;
  for (int i = 0; i < 10; ++i) {
    if (i != missing) d.push_back(static_cast<char>('0' + i));
  }
  d.push_back(static_cast<char>('0' + twice));
  for (size_t i = d.size() - 1; i > 0; --i) std::swap(d[i], d[rng.Below(i + 1)]);
  if (d[0] == '0') std::swap(d[0], d[d.find_first_not_of('0')]);
  d.push_back(static_cast<char>('0' + Iso7064Mod11_10(d)));
  if (rng.Chance(0.3))
    AppendGrouped(d, {2, 3, 3, 3}, ' ', out);
  else
    out->append(d);
}

void Nir(Rng& rng, const IdHolder& h, std::string* out) {
  std::string d(1, h.female ? '2' : '1');
  AppendPadded(h.birth.year % 100, 2, &d);
  AppendPadded(h.birth.month, 2, &d);
  int dept = static_cast<int>(rng.Between(1, 95));
  if (dept == 20) dept = 75;
  AppendPadded(dept, 2, &d);
  AppendPadded(rng.Between(1, 990), 3, &d);
  AppendPadded(rng.Between(1, 999), 3, &d);
  AppendPadded(97 - Mod97(d), 2, &d);
  if (rng.Chance(0.5))
    AppendGrouped(d, {1, 2, 2, 2, 3, 3, 2}, ' ', out);
  else
    out->append(d);
}

void Dni(Rng& rng, std::string* out) {
  constexpr std::string_view kLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
  if (rng.Chance(0.15)) {  // NIE for foreign residents: X/Y/Z stand for 0/1/2.
    const int lead = static_cast<int>(rng.Below(3));
    const int64_t body = rng.Between(0, 9999999);
    const int64_t n = lead * 10000000LL + body;
    out->push_back("XYZ"[lead]);
    AppendPadded(body, 7, out);
    out->push_back(kLetters[n % 23]);
    return;
  }
  const int64_t n = rng.Between(1000000, 99999999);
  AppendPadded(n, 8, out);
  if (rng.Chance(0.25)) out->push_back('-');
  out->push_back(kLetters[n % 23]);
}

std::string CfLetters(std::string_view name, bool given) {
  std::string folded;
  for (char c : AsciiFold(name)) {
    if (c >= 'a' && c <= 'z') folded.push_back(static_cast<char>(c - 'a' + 'A'));
  }
  std::string consonants, vowels;
  for (char c : folded) {
    (std::string_view("AEIOU").find(c) == std::string_view::npos ? consonants : vowels)
        .push_back(c);
  }
  if (given && consonants.size() >= 4) return {consonants[0], consonants[2], consonants[3]};
  std::string code = consonants + vowels + "XXX";
  return code.substr(0, 3);
}

void CodiceFiscale(Rng& rng, const IdHolder& h, std::string* out) {
  constexpr std::string_view kPlaces[] = {"H501", "F205", "F839", "L219", "G273",
                                          "D969", "A944", "D612", "A662", "C351",
                                          "L736", "L781", "Z112", "Z110", "Z404"};
  constexpr int kOdd[36] = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21,  // 0-9
                            1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                            20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};  // A-Z
  std::string cf = CfLetters(h.family_latin, false) + CfLetters(h.given_latin, true);
  AppendPadded(h.birth.year % 100, 2, &cf);
  cf.push_back("ABCDEHLMPRST"[h.birth.month - 1]);
  AppendPadded(h.birth.day + (h.female ? 40 : 0), 2, &cf);
  cf.append(rng.Pick(kPlaces));
  int sum = 0;
  for (size_t i = 0; i < cf.size(); ++i) {
    const char c = cf[i];
    const int index = c <= '9' ? c - '0' : c - 'A' + 10;
    if (i % 2 == 0)
      sum += kOdd[index];
    else
      sum += c <= '9' ? c - '0' : c - 'A';
  }
  cf.push_back(static_cast<char>('A' + sum % 26));
  out->append(cf);
}

void Bsn(Rng& rng, std::string* out) {
  for (;;) {
    std::string d(1, static_cast<char>('1' + rng.Below(9)));
    AppendDigits(rng, 7, &d);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += DigitAt(d, i) * (9 - i);
    if (sum % 11 == 10) continue;
    d.push_back(static_cast<char>('0' + sum % 11));
    if (rng.Chance(0.2))
      AppendGrouped(d, {4, 2, 3}, '.', out);
    else
      out->append(d);
    return;
  }
}

void Pesel(Rng& rng, const IdHolder& h, std::string* out) {
  constexpr int kWeights[10] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  std::string d;
  AppendYymmdd(h.birth, h.birth.year >= 2000 ? 20 : 0, &d);
  AppendDigits(rng, 3, &d);
  d.push_back(static_cast<char>('0' + 2 * rng.Below(5) + (h.female ? 0 : 1)));
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += DigitAt(d, i) * kWeights[i];
  d.push_back(static_cast<char>('0' + (10 - sum % 10) % 10));
  out->append(d);
}

void Cpf(Rng& rng, std::string* out) {
  std::string d;
  do {
    d.clear();
    AppendDigits(rng, 9, &d);
  } while (d.find_first_not_of(d[0]) == std::string::npos);
  for (int len = 9; len <= 10; ++len) {
    int sum = 0;
    for (int i = 0; i < len; ++i) sum += DigitAt(d, i) * (len + 1 - i);
    const int r = sum % 11;
    d.push_back(static_cast<char>('0' + (r < 2 ? 0 : 11 - r)));
  }
  if (rng.Chance(0.8)) {
    AppendGrouped(d.substr(0, 9), {3, 3, 3}, '.', out);
    out->push_back('-');
    out->append(d.substr(9));
  } else {
    out->append(d);
  }
}

void Aadhaar(Rng& rng, std::string* out) {
  std::string d(1, static_cast<char>('2' + rng.Below(8)));
  AppendDigits(rng, 10, &d);
  d.push_back(static_cast<char>('0' + VerhoeffCheckDigit(d)));
  if (rng.Chance(0.7))
    AppendGrouped(d, {4, 4, 4}, ' ', out);
  else
    out->append(d);
}

void Personnummer(Rng& rng, const IdHolder& h, std::string* out) {
  std::string d;
  AppendYymmdd(h.birth, 0, &d);
  AppendDigits(rng, 2, &d);
  d.push_back(static_cast<char>('0' + 2 * rng.Below(5) + (h.female ? 0 : 1)));
  d.push_back(static_cast<char>('0' + LuhnCheckDigit(d)));
  if (rng.Chance(0.3)) AppendPadded(h.birth.year / 100, 2, out);
  out->append(d.substr(0, 6));
  out->push_back('-');
  out->append(d.substr(6));
}

}  // namespace

void AppendUsSsn(Rng& rng, bool dashed, std::string* out) { Ssn(rng, dashed, out); }

void AppendNationalId(Rng& rng, Country country, const IdHolder& holder, std::string* out) {
  switch (country) {
    case Country::kUS:
      Ssn(rng, !rng.Chance(0.15), out);
      return;
    case Country::kCA:
      Sin(rng, out);
      return;
    case Country::kGB:
      Nino(rng, out);
      return;
    case Country::kDE:
      SteuerId(rng, out);
      return;
    case Country::kFR:
      Nir(rng, holder, out);
      return;
    case Country::kES:
      Dni(rng, out);
      return;
    case Country::kIT:
      CodiceFiscale(rng, holder, out);
      return;
    case Country::kNL:
      Bsn(rng, out);
      return;
    case Country::kPL:
      Pesel(rng, holder, out);
      return;
    case Country::kBR:
      Cpf(rng, out);
      return;
    case Country::kIN:
      Aadhaar(rng, out);
      return;
    case Country::kSE:
      Personnummer(rng, holder, out);
      return;
    default:
      internal::AppendNationalIdMore(rng, country, holder, out);
      return;
  }
}

}  // namespace pgveil::datagen
