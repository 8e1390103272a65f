#include "scanner/format_validators.h"

#include <arpa/inet.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
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

// Dates (2024-01-15, 15.01.2024) and dotted quads (192.168.0.1) are valid
// numbers in some numbering plan; they are never phones.
bool LooksLikeDateOrAddress(std::string_view text) {
  bool one_separator = false;
  std::vector<size_t> groups = DigitGroups(text, &one_separator);
  if (!one_separator) return false;
  if (groups == std::vector<size_t>{4, 2, 2} || groups == std::vector<size_t>{2, 2, 4}) return true;
  return groups.size() == 4 && text.find('.') != std::string_view::npos &&
         std::all_of(groups.begin(), groups.end(), [](size_t n) { return n <= 3; });
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
  if (digits < 7 || digits > 15 || LooksLikeDateOrAddress(candidate)) return false;
  std::string text(candidate);
  if (text.starts_with("+") || text.starts_with("00")) {
    if (text.starts_with("00")) text = "+" + text.substr(2);
    return ValidInRegion(text, "ZZ");
  }
  if (!formatted) return false;
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
  return nullptr;
}

}  // namespace pgveil::scanner
