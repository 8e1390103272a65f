// scanner/validators_europe.cc
//
// Validators for European national identifiers: UK NINO, German Steuer-ID,
// French NIR, Spanish DNI/NIE, Italian codice fiscale, Dutch BSN, Polish
// PESEL, Swedish personnummer. Contracts are in validators.h.

#include <array>
#include <string_view>

#include "scanner/validators.h"
#include "scanner/validators_internal.h"

namespace pgveil::scanner {
namespace {

using internal::AllDigits;
using internal::Compacted;
using internal::DigitValue;
using internal::IsDigit;
using internal::ParseNumber;
using internal::ToUpperAscii;

void UppercaseInPlace(Compacted* c) {
  for (std::size_t i = 0; i < c->size; ++i) c->chars[i] = ToUpperAscii(c->chars[i]);
}

// Letters HMRC never uses in either position of a NINO prefix.
bool NinoPrefixLetterAllowed(char c) {
  return internal::IsUpperAscii(c) && std::string_view("DFIQUV").find(c) == std::string_view::npos;
}

// Codice fiscale: the letters that stand for 0-9 when omocodia replaces a
// digit, and the value each character contributes at an odd (1-based)
// position. Digits share the odd values of A-J.
constexpr std::string_view kOmocodiaLetters = "LMNPQRSTUV";
constexpr std::array<int, 26> kCodiceOddValues = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                                  20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};

// Positions (0-based) of the codice fiscale that hold digits unless omocodia
// replaced them, from the first the Agenzia replaces to the last.
constexpr std::array<std::size_t, 7> kCodiceOmocodiaOrder = {14, 13, 12, 10, 9, 7, 6};

// The digit `c` stands for, decoding an omocodia letter; -1 for anything else.
int CodiceDigit(char c) {
  if (IsDigit(c)) return DigitValue(c);
  std::size_t k = kOmocodiaLetters.find(c);
  return k == std::string_view::npos ? -1 : static_cast<int>(k);
}

}  // namespace

bool ValidUkNino(std::string_view candidate) {
  Compacted c;
  if (!internal::CompactFixed(candidate, " -", /*mixed_ok=*/false, {2, 4, 6, 8}, 9, &c)) {
    return false;
  }
  UppercaseInPlace(&c);
  std::string_view v = c.view();
  if (!NinoPrefixLetterAllowed(v[0]) || !NinoPrefixLetterAllowed(v[1]) || v[1] == 'O') {
    return false;
  }
  for (std::string_view banned : {"BG", "GB", "NK", "KN", "TN", "NT", "ZZ"}) {
    if (v.substr(0, 2) == banned) return false;
  }
  return AllDigits(v.substr(2, 6)) && v[8] >= 'A' && v[8] <= 'D';
}

bool ValidDeSteuerId(std::string_view candidate) {
  Compacted c;
  // Printed as 12 345 678 901 or 123 456 789 01.
  if (!internal::CompactFixed(candidate, " -./", /*mixed_ok=*/false, {2, 3, 5, 6, 8, 9}, 11, &c) ||
      !AllDigits(c.view()) || c[0] == '0') {
    return false;
  }
  std::array<int, 10> counts{};
  for (std::size_t i = 0; i < 10; ++i) {
    ++counts[DigitValue(c[i])];
    if (i >= 2 && c[i] == c[i - 1] && c[i] == c[i - 2]) return false;
  }
  int repeated = 0;
  for (int n : counts) {
    if (n > 3) return false;
    if (n > 1) ++repeated;
  }
  if (repeated != 1) return false;

  // ISO 7064 MOD 11,10.
  int product = 10;
  for (std::size_t i = 0; i < 10; ++i) {
    int sum = (DigitValue(c[i]) + product) % 10;
    if (sum == 0) sum = 10;
    product = (sum * 2) % 11;
  }
  int check = 11 - product;
  if (check == 10) check = 0;
  return check == DigitValue(c[10]);
}

bool ValidFrNir(std::string_view candidate) {
  Compacted c;
  // 1 85 05 78 006 084 36: sex, year, month, department, commune, order, key.
  if (!internal::CompactFixed(candidate, " .-", /*mixed_ok=*/false, {1, 3, 5, 7, 10, 13}, 15, &c)) {
    return false;
  }
  UppercaseInPlace(&c);
  std::string_view v = c.view();
  // Corsica's departments are 2A and 2B; for the key they count as 19 and 18.
  char department_tail = v[6];
  int corsica_offset = 0;
  if (v[5] == '2' && (department_tail == 'A' || department_tail == 'B')) {
    corsica_offset = department_tail == 'A' ? 19 : 18;
  } else if (!IsDigit(department_tail)) {
    return false;
  }
  if (!AllDigits(v.substr(0, 6)) || !AllDigits(v.substr(7))) return false;
  if (v[0] != '1' && v[0] != '2') return false;
  int month = ParseNumber(v.substr(3, 2));
  bool month_ok =
      (month >= 1 && month <= 12) || month == 20 || (month >= 30 && month <= 42) || month >= 50;
  if (!month_ok || v.substr(5, 2) == "00" || v.substr(10, 3) == "000") return false;

  long long number = 0;
  for (std::size_t i = 0; i < 13; ++i) {
    if (corsica_offset != 0 && (i == 5 || i == 6)) {
      number = number * 10 + (i == 5 ? corsica_offset / 10 : corsica_offset % 10);
    } else {
      number = number * 10 + DigitValue(v[i]);
    }
  }
  int key = ParseNumber(v.substr(13, 2));
  return key == 97 - static_cast<int>(number % 97);
}

bool ValidEsDniNie(std::string_view candidate) {
  static constexpr std::string_view kLetters = "TRWAGMYFPDXBNJZSQVHLCKE";
  Compacted c;
  // DNI 12.345.678-Z; NIE X-1234567-L.
  if (!internal::CompactFixed(candidate, " .-", /*mixed_ok=*/true, {1, 2, 5, 8}, 9, &c)) {
    return false;
  }
  UppercaseInPlace(&c);
  std::string_view v = c.view();
  int number = 0;
  std::size_t nie_prefix = std::string_view("XYZ").find(v[0]);
  if (nie_prefix != std::string_view::npos) {
    if (!internal::BreaksAllowed(c, {1, 8})) return false;
    if (!AllDigits(v.substr(1, 7))) return false;
    number = static_cast<int>(nie_prefix) * 10000000 + ParseNumber(v.substr(1, 7));
  } else {
    if (!internal::BreaksAllowed(c, {2, 5, 8})) return false;
    number = ParseNumber(v.substr(0, 8));
  }
  if (number <= 0) return false;
  return kLetters[number % 23] == v[8];
}

bool ValidItCodiceFiscale(std::string_view candidate) {
  Compacted c;
  // RSS MRA 85T10 A562 S: surname, name, birth date and sex, place, check.
  if (!internal::CompactFixed(candidate, " ", /*mixed_ok=*/false, {3, 6, 11, 15}, 16, &c)) {
    return false;
  }
  UppercaseInPlace(&c);
  std::string_view v = c.view();
  for (std::size_t i : {0, 1, 2, 3, 4, 5, 8, 11, 15}) {
    if (!internal::IsUpperAscii(v[i])) return false;
  }
  // Omocodia replaces digits starting from the right, so once a position in
  // that order still holds a digit, every later one must too.
  bool digit_seen = false;
  for (std::size_t i : kCodiceOmocodiaOrder) {
    if (CodiceDigit(v[i]) < 0) return false;
    if (IsDigit(v[i])) {
      digit_seen = true;
    } else if (digit_seen) {
      return false;
    }
  }
  if (std::string_view("ABCDEHLMPRST").find(v[8]) == std::string_view::npos) return false;
  int day = CodiceDigit(v[9]) * 10 + CodiceDigit(v[10]);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;

  int sum = 0;
  for (std::size_t i = 0; i < 15; ++i) {
    int index = IsDigit(v[i]) ? DigitValue(v[i]) : v[i] - 'A';
    sum += i % 2 == 0 ? kCodiceOddValues[index] : index;
  }
  return v[15] == 'A' + sum % 26;
}

bool ValidNlBsn(std::string_view candidate) {
  Compacted c;
  // 123456782, 123.456.782 or 1234.56.782.
  if (!internal::CompactFixed(candidate, " .-", /*mixed_ok=*/false, {3, 4, 6}, 9, &c) ||
      !AllDigits(c.view()) || c.view() == "000000000") {
    return false;
  }
  int sum = -DigitValue(c[8]);
  for (std::size_t i = 0; i < 8; ++i) sum += DigitValue(c[i]) * static_cast<int>(9 - i);
  return sum % 11 == 0;
}

bool ValidPlPesel(std::string_view candidate) {
  static constexpr std::array<int, 10> kWeights = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
  Compacted c;
  if (!internal::CompactFixed(candidate, "", /*mixed_ok=*/false, {}, 11, &c) ||
      !AllDigits(c.view())) {
    return false;
  }
  std::string_view v = c.view();
  int sum = 0;
  for (std::size_t i = 0; i < 10; ++i) sum += DigitValue(v[i]) * kWeights[i];
  if ((10 - sum % 10) % 10 != DigitValue(v[10])) return false;

  // The month carries the century: 81-92 for the 1800s, 01-12 for the 1900s,
  // then +20 per century up to the 2200s.
  int year = ParseNumber(v.substr(0, 2));
  int month = ParseNumber(v.substr(2, 2));
  int day = ParseNumber(v.substr(4, 2));
  int century = 0;
  if (month > 80) {
    century = 1800;
    month -= 80;
  } else {
    century = 1900 + 100 * (month / 20);
    month %= 20;
    if (century > 2200) return false;
  }
  return day >= 1 && day <= internal::DaysInMonth(century + year, month);
}

bool ValidSePersonnummer(std::string_view candidate) {
  Compacted c;
  if (!internal::Compact(candidate, "-+", /*mixed_ok=*/false, &c) || !AllDigits(c.view()) ||
      c.break_count > 1) {
    return false;
  }
  std::string_view v = c.view();
  int year = 0;
  if (c.size == 12) {
    // YYYYMMDDNNNC or YYYYMMDD-NNNC; the full year makes '+' meaningless.
    if (c.break_count == 1 && (c.breaks[0] != 8 || c.break_chars[0] != '-')) return false;
    year = ParseNumber(v.substr(0, 4));
    if (year < 1800 || year > 2099) return false;
    v.remove_prefix(2);
  } else if (c.size == 10) {
    // YYMMDD-NNNC, YYMMDD+NNNC for someone 100 or older, or YYMMDDNNNC as
    // databases often store it. Without the century any year divisible by
    // four may be a leap year (2000 was).
    if (c.break_count == 1 && c.breaks[0] != 6) return false;
    year = 2000 + ParseNumber(v.substr(0, 2));
  } else {
    return false;
  }
  int month = ParseNumber(v.substr(2, 2));
  int day = ParseNumber(v.substr(4, 2));
  if (day > 60) day -= 60;  // samordningsnummer
  return day >= 1 && day <= internal::DaysInMonth(year, month) && internal::LuhnValid(v);
}

}  // namespace pgveil::scanner
