#include "masking/decimal.h"

#include "masking/text_util.h"

namespace pgveil::masking {

Uint128 PowerOfTen(int exponent) {
  Uint128 value = 1;
  for (int i = 0; i < exponent; ++i) {
    value *= 10;
  }
  return value;
}

std::optional<Decimal> ParseDecimal(std::string_view text) {
  Decimal value;
  size_t pos = 0;
  if (pos < text.size() && (text[pos] == '-' || text[pos] == '+')) {
    value.negative = text[pos] == '-';
    ++pos;
  }
  int significant = 0;
  bool any_digit = false;
  bool point = false;
  for (; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c == '.') {
      if (point) {
        return std::nullopt;
      }
      point = true;
      continue;
    }
    if (!IsAsciiDigit(c)) {
      return std::nullopt;
    }
    any_digit = true;
    if (point) {
      ++value.scale;
    } else {
      ++value.integer_digits;
    }
    if (value.magnitude != 0 || c != '0') {
      ++significant;
    }
    if (significant > 38) {
      return std::nullopt;
    }
    value.magnitude = value.magnitude * 10 + static_cast<unsigned>(c - '0');
  }
  if (!any_digit || value.scale > 38) {
    return std::nullopt;
  }
  return value;
}

bool IsSpecialNumber(std::string_view text) {
  return text == "NaN" || text == "Infinity" || text == "-Infinity";
}

void AppendDecimal(const Decimal& value, std::string* out) {
  char digits[48];
  int count = 0;
  Uint128 magnitude = value.magnitude;
  do {
    digits[count++] = static_cast<char>('0' + static_cast<int>(magnitude % 10));
    magnitude /= 10;
  } while (magnitude != 0);
  while (count < value.scale + 1) {
    digits[count++] = '0';
  }
  if (value.negative && value.magnitude != 0) {
    out->push_back('-');
  }
  while (count > value.scale) {
    out->push_back(digits[--count]);
  }
  if (value.scale > 0) {
    out->push_back('.');
    while (count > 0) {
      out->push_back(digits[--count]);
    }
  }
}

}  // namespace pgveil::masking
