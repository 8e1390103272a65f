#include "scanner/format_validators.h"

#include <arpa/inet.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <string>
#include <vector>

namespace pgveil::scanner {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

// Regions tried for numbers written without a country code, most common first.
constexpr std::array<const char*, 20> kNationalRegions = {"US", "GB", "DE", "FR", "ES", "IT", "NL",
                                                          "PL", "SE", "BR", "IN", "TR", "RU", "GR",
                                                          "CN", "JP", "KR", "SA", "IL", "PT"};

constexpr size_t kMaxPhoneBytes = 40;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

bool ValidLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
    return false;
  return true;
}

const PhoneNumberUtil& Util() {
  static const PhoneNumberUtil* util = [] {
    PhoneNumberUtil* instance = PhoneNumberUtil::GetInstance();
    return instance;
  }();
  return *util;
}

bool ValidInRegion(const std::string& text, const char* region) {
  PhoneNumber number;
  if (Util().Parse(text, region, &number) != PhoneNumberUtil::NO_PARSING_ERROR) return false;
  return Util().IsValidNumber(number);
}

// Lengths of the digit groups of `text`, e.g. {4, 2, 2} for "2024-01-15", and
// whether all separators between them are the same single character.
std::vector<size_t> DigitGroups(std::string_view text, bool* one_separator) {
  std::vector<size_t> groups;
  char separator = 0;
  *one_separator = true;
  size_t run = 0;
  for (char c : text) {
    if (IsDigit(c)) {
      ++run;
      continue;
    }
    if (run > 0) groups.push_back(run);
    run = 0;
    if (separator != 0 && separator != c) *one_separator = false;
    separator = c;
  }
  if (run > 0) groups.push_back(run);
  return groups;
}

// Numbers that some numbering plan accepts but that are never written as
// phones: dates and timestamps (2024-01-15 10:30, 15.01.2024), decimals
// (52.520008, 54321.00), dotted quads and version strings (192.168.0.1,
// 120.0.6099.109).
bool LooksLikeOtherNumber(std::string_view text) {
  bool one_separator = false;
  std::vector<size_t> groups = DigitGroups(text, &one_separator);
  if (groups.size() >= 3 && ((groups[0] == 4 && groups[1] == 2 && groups[2] == 2) ||
                             (groups[0] == 2 && groups[1] == 2 && groups[2] == 4))) {
    return true;
  }
  bool only_dots = text.find_first_of(" -/()+") == std::string_view::npos;
  if (only_dots && groups.size() == 2) return true;
  return only_dots && std::any_of(groups.begin(), groups.end(), [](size_t n) { return n < 2; });
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
  size_t digits = 0;
  bool formatted = false;
  for (char c : candidate) {
    if (IsDigit(c)) {
      ++digits;
    } else {
      formatted = true;
    }
  }
  if (digits < 7 || digits > 15 || LooksLikeOtherNumber(candidate)) return false;
  std::string text(candidate);
  if (text.starts_with("+") || text.starts_with("00")) {
    if (text.starts_with("00")) text = "+" + text.substr(2);
    return ValidInRegion(text, "ZZ");
  }
  // A national number needs the area code to be told from an order or
  // session number: at least nine digits, and some formatting.
  if (!formatted || digits < 9) return false;
  for (const char* region : kNationalRegions) {
    if (ValidInRegion(text, region)) return true;
  }
  return false;
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
