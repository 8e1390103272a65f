#include "scanner/format_validators.h"

#include <arpa/inet.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <list>
#include <string>
#include <vector>

namespace pgveil::scanner {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Regions tried for numbers written without a country code, most common first.
constexpr std::array<const char*, 21> kNationalRegions = {
    "US", "CA", "GB", "DE", "FR", "ES", "IT", "NL", "PL", "SE", "BR",
    "IN", "TR", "RU", "GR", "CN", "JP", "KR", "SA", "IL", "PT"};

constexpr size_t kMaxPhoneBytes = 40;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool ValidLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  return true;
}

const PhoneNumberUtil& Util() {
  static const PhoneNumberUtil* util = PhoneNumberUtil::GetInstance();
  return *util;
}

// A country calling code as libphonenumber knows it: its main region, and
// whether other regions share the code (+1: US, CA, the Caribbean; +44: GB,
// GG, IM, JE).
struct CallingCode {
  bool known = false;
  std::string region;
  bool shared = false;
};

const CallingCode& LookupCallingCode(int code) {
  static const std::vector<CallingCode> table = [] {
    std::vector<CallingCode> all(1000);
    for (int c = 1; c < 1000; ++c) {
      std::list<std::string> regions;
      Util().GetRegionCodesForCountryCallingCode(c, &regions);
      CallingCode& entry = all[static_cast<size_t>(c)];
      entry.known = !regions.empty();
      if (entry.known) Util().GetRegionCodeForCountryCode(c, &entry.region);
      entry.shared = regions.size() > 1;
    }
    return all;
  }();
  static const CallingCode unknown;
  return code > 0 && code < 1000 ? table[static_cast<size_t>(code)] : unknown;
}

// A number given as country code and national significant number, checked
// against libphonenumber's metadata. Building the PhoneNumber from digits
// pgveil has already extracted skips Parse, whose normalisation costs twice
// the validation itself; the possible-length check is cheap and rejects most
// non-phones before any pattern is matched; and naming the region spares
// IsValidNumber its search through every region of a shared code, which
// runs only when the main region rejects the number.
bool ValidDigits(int country_code, std::string_view national, const std::string& region,
                 bool shared = false) {
  if (national.empty() || national.size() > 17) return false;
  PhoneNumber number;
  number.set_country_code(country_code);
  uint64_t value = 0;
  for (char c : national) value = value * 10 + static_cast<uint64_t>(c - '0');
  number.set_national_number(value);
  size_t zeros = 0;
  while (zeros < national.size() && national[zeros] == '0') ++zeros;
  if (zeros > 0) {  // Italian-style numbers keep their leading zeros
    number.set_italian_leading_zero(true);
    number.set_number_of_leading_zeros(static_cast<int>(zeros));
  }
  if (!Util().IsPossibleNumber(number)) return false;
  if (Util().IsValidNumberForRegion(number, region)) return true;
  return shared && Util().IsValidNumber(number);
}

struct NationalPlan {
  std::string region;
  int country_code;
  std::string trunk_prefix;  // "0" in most of Europe, "8" in Russia, "1" in the US
};

const std::vector<NationalPlan>& NationalPlans() {
  static const std::vector<NationalPlan> plans = [] {
    std::vector<NationalPlan> all;
    for (const char* region : kNationalRegions) {
      NationalPlan plan{region, Util().GetCountryCodeForRegion(region), ""};
      Util().GetNddPrefixForRegion(region, true, &plan.trunk_prefix);
      all.push_back(plan);
    }
    return all;
  }();
  return plans;
}

bool ValidInternational(std::string_view digits) {
  for (size_t length = 1; length <= 3 && length < digits.size(); ++length) {
    int code = 0;
    for (size_t i = 0; i < length; ++i) code = code * 10 + (digits[i] - '0');
    const CallingCode& calling = LookupCallingCode(code);
    if (!calling.known) continue;
    std::string_view national = digits.substr(length);
    if (ValidDigits(code, national, calling.region, calling.shared)) return true;
    // "+44 (0)20 ...": a trunk zero written after the country code.
    if (national.starts_with('0') &&
        ValidDigits(code, national.substr(1), calling.region, calling.shared)) {
      return true;
    }
  }
  return false;
}

bool ValidNational(std::string_view digits) {
  for (const NationalPlan& plan : NationalPlans()) {
    if (!plan.trunk_prefix.empty() && digits.starts_with(plan.trunk_prefix)) {
      if (ValidDigits(plan.country_code, digits.substr(plan.trunk_prefix.size()), plan.region))
        return true;
    }
    // Where the trunk prefix is 0, numbers are written with it at home.
    if (plan.trunk_prefix == "0") continue;
    if (ValidDigits(plan.country_code, digits, plan.region)) return true;
  }
  return false;
}

// Lengths of the digit groups of a phone candidate, e.g. {4, 2, 2} for
// "2024-01-15", without allocating: candidates are at most kMaxPhoneBytes.
struct DigitGroups {
  std::array<uint8_t, kMaxPhoneBytes / 2 + 1> lengths{};
  size_t count = 0;

  explicit DigitGroups(std::string_view text) {
    uint8_t run = 0;
    for (char c : text.substr(0, kMaxPhoneBytes)) {
      if (IsDigit(c)) {
        ++run;
      } else if (run > 0) {
        lengths[count++] = run;
        run = 0;
      }
    }
    if (run > 0) lengths[count++] = run;
  }
  uint8_t operator[](size_t i) const { return lengths[i]; }
  bool All(auto predicate) const {
    return std::all_of(lengths.begin(), lengths.begin() + count, predicate);
  }
  bool Any(auto predicate) const {
    return std::any_of(lengths.begin(), lengths.begin() + count, predicate);
  }
};

// Numbers that some numbering plan accepts but that are never written as
// phones: dates and timestamps (2024-01-15 10:30, 15.01.2024), decimals
// (52.520008, 54321.00), dotted quads and version strings (192.168.0.1,
// 120.0.6099.109).
bool LooksLikeOtherNumber(std::string_view text) {
  DigitGroups groups(text);
  if (groups.count >= 3 && ((groups[0] == 4 && groups[1] == 2 && groups[2] == 2) ||
                            (groups[0] == 2 && groups[1] == 2 && groups[2] == 4))) {
    return true;
  }
  // YYYYMMDD-NNNN: a Swedish personnummer or a date-stamped reference.
  if (groups.count >= 2 && groups[0] == 8 && (text.starts_with("19") || text.starts_with("20"))) {
    return true;
  }
  // Blocks of four (cards, Aadhaar, IBAN fragments) are not how phones are grouped.
  if (groups.count >= 3 && groups.All([](uint8_t n) { return n == 4; })) return true;
  bool only_dots = text.find_first_of(" -/()+") == std::string_view::npos;
  if (!only_dots) return false;
  if (groups.count == 2) return true;  // a decimal number
  if (groups.count == 4 && groups.All([](uint8_t n) { return n <= 3; })) {
    return true;  // a dotted quad
  }
  return groups.Any([](uint8_t n) { return n < 2; });
}

}  // namespace

bool ValidEmail(std::string_view candidate) {
  size_t at = candidate.find('@');
  if (at == std::string_view::npos || at == 0 || at > 64) return false;
  std::string_view local = candidate.substr(0, at);
  std::string_view domain = candidate.substr(at + 1);
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
    return false;
  if (domain.size() > 253 || domain.find('.') == std::string_view::npos) return false;
  size_t start = 0;
  while (start <= domain.size()) {
    size_t dot = domain.find('.', start);
    if (!ValidLabel(domain.substr(
            start, dot == std::string_view::npos ? std::string_view::npos : dot - start))) {
      return false;
    }
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return true;
}

bool ValidIpv4(std::string_view candidate) {
  std::string text(candidate.substr(0, candidate.find('/')));
  in_addr address;
  return text.size() <= 15 && inet_pton(AF_INET, text.c_str(), &address) == 1;
}

bool ValidIpv6(std::string_view candidate) {
  std::string text(candidate.substr(0, candidate.find('/')));
  if (text.size() < 3 || text.size() > 45) return false;
  in6_addr address;
  return inet_pton(AF_INET6, text.c_str(), &address) == 1;
}

bool ValidLatLon(std::string_view candidate) {
  size_t comma = candidate.find(',');
  if (comma == std::string_view::npos) return false;
  auto parse = [](std::string_view text, double limit) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value >= -limit && value <= limit;
  };
  return parse(candidate.substr(0, comma), 90) && parse(candidate.substr(comma + 1), 180);
}

bool ValidPhone(std::string_view candidate) {
  if (candidate.size() > kMaxPhoneBytes) return false;
  // An extension ("x12", "ext. 7", "#3") is not part of the number.
  size_t extension = candidate.find_first_of("xe#");
  std::string_view number = candidate.substr(0, extension);
  char digits[kMaxPhoneBytes];
  size_t count = 0;
  bool formatted = false;
  for (char c : number) {
    if (IsDigit(c)) {
      digits[count++] = c;
    } else {
      formatted = true;
    }
  }
  if (count < 7 || count > 15 || LooksLikeOtherNumber(number)) return false;
  std::string_view all(digits, count);
  size_t start = number.find_first_not_of(" ");
  if (start != std::string_view::npos && number[start] == '+') return ValidInternational(all);
  if (number.substr(start == std::string_view::npos ? 0 : start).starts_with("00")) {
    return ValidInternational(all.substr(2));
  }
  // A national number needs the area code to be told from an order or
  // session number: nine to twelve digits, and some formatting.
  if (!formatted || count < 9 || count > 12) return false;
  return ValidNational(all);
}

FormatValidatorFn FindFormatValidator(std::string_view name) {
  if (name == "email") return ValidEmail;
  if (name == "ipv4") return ValidIpv4;
  if (name == "ipv6") return ValidIpv6;
  if (name == "phone") return ValidPhone;
  if (name == "latlon") return ValidLatLon;
  return nullptr;
}

}  // namespace pgveil::scanner
