// scanner/validators_americas_asia.cc
//
// Validators for national identifiers outside Europe: US SSN, Canadian SIN,
// Brazilian CPF, Indian Aadhaar. Contracts are in validators.h.

#include <array>
#include <cstdint>
#include <string_view>

#include "scanner/validators.h"
#include "scanner/validators_internal.h"

namespace pgveil::scanner {
namespace {

using internal::AllDigits;
using internal::Compacted;
using internal::DigitValue;
using internal::ParseNumber;

// Verhoeff's scheme works in the dihedral group D5: kVerhoeffMultiply is its
// Cayley table and kVerhoeffPermute[i] the permutation applied to the digit
// i places from the right (it repeats with period 8).
constexpr std::array<std::array<std::uint8_t, 10>, 10> kVerhoeffMultiply = {{
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
    {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
    {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
    {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
    {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
    {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0},
}};
constexpr std::array<std::array<std::uint8_t, 10>, 8> kVerhoeffPermute = {{
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
    {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
    {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
    {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
    {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
    {7, 0, 4, 6, 9, 1, 3, 2, 5, 8},
}};

bool VerhoeffValid(std::string_view digits) {
  int check = 0;
  std::size_t position = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, ++position) {
    check = kVerhoeffMultiply[check][kVerhoeffPermute[position % 8][DigitValue(*it)]];
  }
  return check == 0;
}

// CPF check digit over `digits`, weighted from digits.size() + 1 down to 2.
int CpfCheckDigit(std::string_view digits) {
  int sum = 0;
  int weight = static_cast<int>(digits.size()) + 1;
  for (char c : digits) sum += DigitValue(c) * weight--;
  int remainder = sum % 11;
  return remainder < 2 ? 0 : 11 - remainder;
}

}  // namespace

bool ValidUsSsn(std::string_view candidate) {
  Compacted c;
  if (!internal::CompactFixed(candidate, " -", /*mixed_ok=*/false, {3, 5}, 9, &c) ||
      !AllDigits(c.view())) {
    return false;
  }
  // Split either not at all or as AAA-GG-SSSS; "123-456789" is not an SSN.
  if (c.break_count != 0 && c.break_count != 2) return false;
  std::string_view v = c.view();
  int area = ParseNumber(v.substr(0, 3));
  if (area == 0 || area == 666 || area >= 900) return false;
  if (v.substr(3, 2) == "00" || v.substr(5, 4) == "0000") return false;
  // Sample numbers printed on a Woolworth wallet insert (1938) and in an SSA
  // leaflet; thousands of people have written them down as their own.
  return v != "078051120" && v != "219099999";
}

bool ValidCaSin(std::string_view candidate) {
  Compacted c;
  if (!internal::CompactFixed(candidate, " -", /*mixed_ok=*/false, {3, 6}, 9, &c) ||
      !AllDigits(c.view())) {
    return false;
  }
  // 0 is never issued and 8 is reserved for business numbers.
  return c[0] != '0' && c[0] != '8' && internal::LuhnValid(c.view());
}

bool ValidBrCpf(std::string_view candidate) {
  Compacted c;
  // 123.456.789-09: the format mixes dots and a dash.
  if (!internal::CompactFixed(candidate, " .-", /*mixed_ok=*/true, {3, 6, 9}, 11, &c) ||
      !AllDigits(c.view())) {
    return false;
  }
  std::string_view v = c.view();
  if (v.find_first_not_of(v[0]) == std::string_view::npos) return false;
  return CpfCheckDigit(v.substr(0, 9)) == DigitValue(v[9]) &&
         CpfCheckDigit(v.substr(0, 10)) == DigitValue(v[10]);
}

bool ValidInAadhaar(std::string_view candidate) {
  Compacted c;
  if (!internal::CompactFixed(candidate, " -", /*mixed_ok=*/false, {4, 8}, 12, &c) ||
      !AllDigits(c.view())) {
    return false;
  }
  // UIDAI does not issue numbers starting with 0 or 1.
  return c[0] >= '2' && VerhoeffValid(c.view());
}

}  // namespace pgveil::scanner
