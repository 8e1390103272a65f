#include "core/redaction.h"

#include <algorithm>

namespace pgveil {
namespace {

constexpr size_t kMaxShape = 32;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for invalid).
size_t CodePointLength(unsigned char lead) {
  if (lead >= 0xF0 && lead < 0xF8) return 4;
  if (lead >= 0xE0) return lead < 0xF0 ? 3 : 1;
  if (lead >= 0xC0) return 2;
  return 1;
}

std::string FirstCodePoint(std::string_view text) {
  if (text.empty()) return "";
  size_t n = std::min(CodePointLength(static_cast<unsigned char>(text[0])), text.size());
  return std::string(text.substr(0, n));
}

std::string RedactEmail(std::string_view value, size_t at) {
  std::string_view local = value.substr(0, at);
  std::string_view domain = value.substr(at + 1);
  size_t dot = domain.rfind('.');
  std::string tld = dot == std::string_view::npos ? "" : std::string(domain.substr(dot));
  if (tld.size() > kMaxKeptBytes) tld = ".***";
  return FirstCodePoint(local) + "***@" + FirstCodePoint(domain) + "***" + tld;
}

// Digits become '#', letters 'x' (except a two-letter prefix such as an IBAN
// country code), separators stay: the format is evidence, the content is not.
std::string RedactShape(std::string_view value) {
  std::string out;
  for (size_t i = 0; i < value.size() && out.size() < kMaxShape; ++i) {
    char c = value[i];
    if (IsDigit(c)) {
      out += '#';
    } else if (IsAsciiAlpha(c)) {
      out += i < 2 ? c : 'x';
    } else if (c == ' ' || c == '-' || c == '.' || c == '/' || c == '+' || c == '(' || c == ')' ||
               c == ':') {
      out += c;
    } else {
      out += '*';
    }
  }
  if (out.size() < value.size()) out += "…";
  return out;
}

}  // namespace

std::string Redact(std::string_view value) {
  size_t at = value.find('@');
  if (at != std::string_view::npos && at > 0 && at + 1 < value.size())
    return RedactEmail(value, at);
  size_t digits = std::count_if(value.begin(), value.end(), IsDigit);
  if (digits * 2 >= value.size() && digits > 0) return RedactShape(value);
  if (value.empty()) return "";
  return FirstCodePoint(value) + "***";
}

}  // namespace pgveil
