// scanner/validators.cc
//
// The shared building blocks, the validators that are not tied to one country
// (Luhn, payment cards, IBAN, EAN-13) and the name registry. National
// identifiers live in validators_europe.cc and validators_americas_asia.cc.

#include "scanner/validators.h"

#include <array>
#include <cstdint>

#include "scanner/validators_internal.h"

namespace pgveil::scanner {
namespace internal {

bool Compact(std::string_view candidate, std::string_view separators, bool mixed_ok,
             Compacted* out) {
  out->size = 0;
  out->break_count = 0;
  if (candidate.empty() || candidate.size() > kMaxValidatorInput) return false;
  char first_separator = 0;
  bool previous_was_separator = false;
  for (char c : candidate) {
    if (separators.find(c) != std::string_view::npos) {
      if (out->size == 0 || previous_was_separator) return false;
      if (first_separator == 0) first_separator = c;
      if (!mixed_ok && c != first_separator) return false;
      out->breaks[out->break_count] = out->size;
      out->break_chars[out->break_count] = c;
      ++out->break_count;
      previous_was_separator = true;
      continue;
    }
    out->chars[out->size++] = c;
    previous_was_separator = false;
  }
  return !previous_was_separator;
}

bool BreaksAllowed(const Compacted& c, std::initializer_list<std::size_t> allowed) {
  for (std::size_t i = 0; i < c.break_count; ++i) {
    bool found = false;
    for (std::size_t offset : allowed) found = found || offset == c.breaks[i];
    if (!found) return false;
  }
  return true;
}

bool CompactFixed(std::string_view candidate, std::string_view separators, bool mixed_ok,
                  std::initializer_list<std::size_t> allowed_breaks, std::size_t size,
                  Compacted* out) {
  return Compact(candidate, separators, mixed_ok, out) && out->size == size &&
         BreaksAllowed(*out, allowed_breaks);
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (!IsDigit(c)) return false;
  }
  return true;
}

int ParseNumber(std::string_view s) {
  if (s.empty() || s.size() > 9 || !AllDigits(s)) return -1;
  int n = 0;
  for (char c : s) n = n * 10 + DigitValue(c);
  return n;
}

bool LuhnValid(std::string_view digits) {
  int sum = 0;
  bool doubled = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = DigitValue(*it);
    if (doubled) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    doubled = !doubled;
  }
  return sum % 10 == 0;
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace internal

namespace {

using internal::Compacted;

// Card numbers are printed in groups (4-4-4-4, 4-6-5 for Amex, 4-6-4 for
// Diners, 4-4-4-4-3 for 19 digits). Any group of 3 to 6 digits is accepted so
// that unusual issuers still pass, but not "41 11 11 11 ...", which is more
// likely a list of small numbers than a card.
bool CompactCardDigits(std::string_view candidate, Compacted* out) {
  if (!internal::Compact(candidate, " -", /*mixed_ok=*/false, out)) return false;
  if (out->size < 12 || out->size > 19 || !internal::AllDigits(out->view())) return false;
  std::size_t group_start = 0;
  for (std::size_t i = 0; i <= out->break_count; ++i) {
    std::size_t group_end = i < out->break_count ? out->breaks[i] : out->size;
    std::size_t length = group_end - group_start;
    if (out->break_count > 0 && (length < 3 || length > 6)) return false;
    group_start = group_end;
  }
  return true;
}

struct CardRange {
  int low;  // inclusive range of the first `prefix_digits` digits
  int high;
  int prefix_digits;
  std::uint32_t lengths;  // bit n set when n-digit numbers are issued
};

constexpr std::uint32_t Lengths(int from, int to) {
  std::uint32_t mask = 0;
  for (int n = from; n <= to; ++n) mask |= 1u << n;
  return mask;
}

// Issuer identification numbers as the networks publish them (see the list
// in validators.h). Overlaps are harmless: any matching row accepts.
constexpr CardRange kCardRanges[] = {
    {4, 4, 1, (1u << 13) | (1u << 16) | (1u << 19)},  // Visa
    {51, 55, 2, Lengths(16, 16)},                     // Mastercard
    {2221, 2720, 4, Lengths(16, 16)},                 // Mastercard 2-series
    {34, 34, 2, Lengths(15, 15)},                     // American Express
    {37, 37, 2, Lengths(15, 15)},
    {6011, 6011, 4, Lengths(16, 19)},  // Discover
    {644, 649, 3, Lengths(16, 19)},
    {65, 65, 2, Lengths(16, 19)},
    {3528, 3589, 4, Lengths(16, 19)},  // JCB
    {300, 305, 3, Lengths(14, 19)},    // Diners Club
    {3095, 3095, 4, Lengths(14, 19)},
    {36, 36, 2, Lengths(14, 19)},
    {38, 39, 2, Lengths(14, 19)},
    {62, 62, 2, Lengths(16, 19)},      // UnionPay
    {5018, 5018, 4, Lengths(12, 19)},  // Maestro
    {5020, 5020, 4, Lengths(12, 19)},
    {5038, 5038, 4, Lengths(12, 19)},
    {5893, 5893, 4, Lengths(12, 19)},
    {6304, 6304, 4, Lengths(12, 19)},
    {6759, 6759, 4, Lengths(12, 19)},
    {6761, 6763, 4, Lengths(12, 19)},
    {2200, 2204, 4, Lengths(16, 19)},  // Mir
};

struct IbanCountry {
  char code[3];
  int length;
};

// Countries of the SWIFT IBAN registry and their IBAN lengths. Territories
// that the registry folds into a country (GF, RE, ... into FR; JE, GG, IM into
// GB; AX into FI) use that country's code in their IBANs, so they need no row.
constexpr IbanCountry kIbanCountries[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
};

int IbanLengthFor(char a, char b) {
  for (const IbanCountry& country : kIbanCountries) {
    if (country.code[0] == a && country.code[1] == b) return country.length;
  }
  return 0;
}

struct NamedValidator {
  std::string_view name;
  ValidatorFn fn;
};

constexpr NamedValidator kValidators[] = {
    {"luhn", ValidLuhn},
    {"credit_card", ValidCreditCard},
    {"iban", ValidIban},
    {"us_ssn", ValidUsSsn},
    {"uk_nino", ValidUkNino},
    {"de_steuer_id", ValidDeSteuerId},
    {"fr_nir", ValidFrNir},
    {"es_dni_nie", ValidEsDniNie},
    {"it_codice_fiscale", ValidItCodiceFiscale},
    {"nl_bsn", ValidNlBsn},
    {"pl_pesel", ValidPlPesel},
    {"br_cpf", ValidBrCpf},
    {"in_aadhaar", ValidInAadhaar},
    {"ca_sin", ValidCaSin},
    {"se_personnummer", ValidSePersonnummer},
    {"ean13", ValidEan13},
};

}  // namespace

bool ValidLuhn(std::string_view candidate) {
  Compacted c;
  return CompactCardDigits(candidate, &c) && internal::LuhnValid(c.view());
}

bool ValidCreditCard(std::string_view candidate) {
  Compacted c;
  if (!CompactCardDigits(candidate, &c)) return false;
  if (c.break_count > 0 && c.breaks[0] != 4) return false;
  if (!internal::LuhnValid(c.view())) return false;
  for (const CardRange& range : kCardRanges) {
    int prefix = internal::ParseNumber(c.view().substr(0, range.prefix_digits));
    if (prefix >= range.low && prefix <= range.high && ((range.lengths >> c.size) & 1u) != 0) {
      return true;
    }
  }
  return false;
}

bool ValidIban(std::string_view candidate) {
  Compacted c;
  if (!internal::Compact(candidate, " ", /*mixed_ok=*/false, &c)) return false;
  // Paper format puts a space after every fourth character. Spaces dropped
  // here and there still leave an IBAN; a space anywhere else does not.
  for (std::size_t i = 0; i < c.break_count; ++i) {
    if (c.breaks[i] % 4 != 0) return false;
  }

  for (std::size_t i = 0; i < c.size; ++i) c.chars[i] = internal::ToUpperAscii(c.chars[i]);
  if (c.size < 4 || !internal::IsUpperAscii(c[0]) || !internal::IsUpperAscii(c[1])) return false;
  if (IbanLengthFor(c[0], c[1]) != static_cast<int>(c.size)) return false;
  int check = internal::ParseNumber(c.view().substr(2, 2));
  if (check < 2 || check > 98) return false;

  // ISO 7064 MOD 97-10 over BBAN + country + check digits, letters counting
  // as 10..35, computed piecewise so no big integer is needed.
  int remainder = 0;
  for (std::size_t k = 0; k < c.size; ++k) {
    char ch = c[(k + 4) % c.size];
    if (internal::IsDigit(ch)) {
      remainder = (remainder * 10 + internal::DigitValue(ch)) % 97;
    } else if (internal::IsUpperAscii(ch)) {
      remainder = (remainder * 100 + (ch - 'A' + 10)) % 97;
    } else {
      return false;
    }
  }
  return remainder == 1;
}

bool ValidEan13(std::string_view candidate) {
  Compacted c;
  if (!internal::CompactFixed(candidate, " -", /*mixed_ok=*/false, {1, 7}, 13, &c) ||
      !internal::AllDigits(c.view())) {
    return false;
  }
  int sum = 0;
  for (std::size_t i = 0; i < 12; ++i) sum += internal::DigitValue(c[i]) * (i % 2 == 0 ? 1 : 3);
  return (10 - sum % 10) % 10 == internal::DigitValue(c[12]);
}

ValidatorFn FindValidator(std::string_view name) {
  for (const NamedValidator& v : kValidators) {
    if (v.name == name) return v.fn;
  }
  return nullptr;
}

}  // namespace pgveil::scanner
