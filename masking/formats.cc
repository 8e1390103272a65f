#include "masking/formats.h"

#include <string>

#include <nlohmann/json.hpp>

#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

bool IsAtext(char c) {
  if (IsAsciiAlnum(c)) {
    return true;
  }
  constexpr std::string_view kSpecials = "!#$%&'*+/=?^_`{|}~-";
  return kSpecials.find(c) != std::string_view::npos;
}

bool IsValidLocalPart(std::string_view local) {
  if (local.empty() || local.size() > 64) {
    return false;
  }
  if (local.size() >= 2 && local.front() == '"' && local.back() == '"') {
    for (size_t i = 1; i + 1 < local.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(local[i]);
      if (c < 0x20 || c == 0x7F) {
        return false;
      }
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        return false;
      }
    }
    return IsValidUtf8(local);
  }
  if (local.front() == '.' || local.back() == '.') {
    return false;
  }
  for (size_t i = 0; i < local.size(); ++i) {
    const char c = local[i];
    if (c == '.') {
      if (local[i - 1] == '.') {
        return false;
      }
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80) {
      continue;  // SMTPUTF8; checked below
    }
    if (!IsAtext(c)) {
      return false;
    }
  }
  return IsValidUtf8(local);
}

bool IsValidLabel(std::string_view label) {
  if (label.empty() || label.size() > 63) {
    return false;
  }
  if (label.front() == '-' || label.back() == '-') {
    return false;
  }
  for (char c : label) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      continue;
    }
    if (!IsAsciiAlnum(c) && c != '-') {
      return false;
    }
  }
  return true;
}

}  // namespace

bool IsValidEmailDomain(std::string_view domain) {
  if (domain.empty() || domain.size() > 253) {
    return false;
  }
  if (domain.front() == '[') {
    if (domain.back() != ']' || domain.size() < 3) {
      return false;
    }
    for (char c : domain.substr(1, domain.size() - 2)) {
      if (!IsAsciiAlnum(c) && c != '.' && c != ':') {
        return false;
      }
    }
    return true;
  }
  if (!IsValidUtf8(domain)) {
    return false;
  }
  size_t start = 0;
  while (true) {
    size_t dot = domain.find('.', start);
    std::string_view label =
        domain.substr(start, dot == std::string_view::npos ? dot : dot - start);
    if (!IsValidLabel(label)) {
      return false;
    }
    if (dot == std::string_view::npos) {
      return true;
    }
    start = dot + 1;
  }
}

bool IsValidEmailAddress(std::string_view address) {
  if (address.size() > 254) {
    return false;
  }
  const size_t at = address.rfind('@');
  if (at == std::string_view::npos) {
    return false;
  }
  return IsValidLocalPart(address.substr(0, at)) && IsValidEmailDomain(address.substr(at + 1));
}

bool LuhnValid(std::string_view digits) {
  int sum = 0;
  int count = 0;
  for (size_t i = digits.size(); i-- > 0;) {
    const char c = digits[i];
    if (!IsAsciiDigit(c)) {
      continue;
    }
    int d = c - '0';
    if (count % 2 == 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
    ++count;
  }
  return count >= 2 && sum % 10 == 0;
}

char LuhnCheckDigit(std::string_view payload) {
  int sum = 0;
  int position = 1;  // the check digit itself is position 0 from the right
  for (size_t i = payload.size(); i-- > 0; ++position) {
    int d = payload[i] - '0';
    if (position % 2 == 1) {
      d *= 2;
      if (d > 9) {
        d -= 9;
      }
    }
    sum += d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

bool IsValidJson(std::string_view text) {
  try {
    return nlohmann::json::accept(text);
  } catch (const std::exception&) {
    return false;
  }
}

bool IbanValid(std::string_view iban) {
  std::string compact;
  for (char c : iban) {
    if (c == ' ') {
      continue;
    }
    if (!IsAsciiAlnum(c)) {
      return false;
    }
    compact.push_back(ToUpperAscii(c));
  }
  if (compact.size() < 15 || compact.size() > 34) {
    return false;
  }
  if (!IsAsciiUpper(compact[0]) || !IsAsciiUpper(compact[1]) || !IsAsciiDigit(compact[2]) ||
      !IsAsciiDigit(compact[3])) {
    return false;
  }
  const std::string rearranged = compact.substr(4) + compact.substr(0, 4);
  int remainder = 0;
  for (char c : rearranged) {
    if (IsAsciiDigit(c)) {
      remainder = (remainder * 10 + (c - '0')) % 97;
    } else {
      remainder = (remainder * 100 + (c - 'A' + 10)) % 97;
    }
  }
  return remainder == 1;
}

}  // namespace pgveil::masking
