// datagen/format_util.h
//
// Locale-independent number formatting for generated values. Everything the
// generator prints goes through integers (cents, micro-degrees), never
// through floating-point formatting, so output is identical on every
// platform and every C library.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "datagen/rng.h"

namespace pgveil::datagen {

inline void AppendInt(int64_t value, std::string* out) {
  char buf[24];
  int n = 0;
  uint64_t v = value < 0 ? 0 - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  if (value < 0) out->push_back('-');
  while (n > 0) out->push_back(buf[--n]);
}

// Zero-padded to at least `width` digits; value >= 0.
inline void AppendPadded(int64_t value, int width, std::string* out) {
  char buf[24];
  int n = 0;
  uint64_t v = static_cast<uint64_t>(value);
  do {
    buf[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  for (int i = n; i < width; ++i) out->push_back('0');
  while (n > 0) out->push_back(buf[--n]);
}

// `scaled` / 10^decimals with exactly `decimals` digits after the point:
// AppendFixed(-1234567, 6) -> "-1.234567".
inline void AppendFixed(int64_t scaled, int decimals, std::string* out) {
  uint64_t magnitude =
      scaled < 0 ? 0 - static_cast<uint64_t>(scaled) : static_cast<uint64_t>(scaled);
  uint64_t divisor = 1;
  for (int i = 0; i < decimals; ++i) divisor *= 10;
  if (scaled < 0) out->push_back('-');
  AppendInt(static_cast<int64_t>(magnitude / divisor), out);
  if (decimals > 0) {
    out->push_back('.');
    AppendPadded(static_cast<int64_t>(magnitude % divisor), decimals, out);
  }
}

inline void AppendDigits(Rng& rng, int count, std::string* out) {
  for (int i = 0; i < count; ++i) out->push_back(rng.Digit());
}

inline void AppendHex(Rng& rng, int count, std::string* out) {
  for (int i = 0; i < count; ++i) out->push_back(rng.LowerHex());
}

// Random characters from `alphabet`.
inline void AppendFrom(Rng& rng, std::string_view alphabet, int count, std::string* out) {
  for (int i = 0; i < count; ++i) out->push_back(alphabet[rng.Below(alphabet.size())]);
}

inline constexpr std::string_view kBase62 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
inline constexpr std::string_view kUpperAlnum = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

// Expands a pattern: '#' digit, '!' digit 1-9, '@' capital letter, '%' a
// letter allowed in a UK inward code, '&' a letter allowed in a Canadian
// postal code, 'x' lower-case hex digit; anything else is copied.
inline void AppendPattern(Rng& rng, std::string_view pattern, std::string* out) {
  for (char c : pattern) {
    switch (c) {
      case '#':
        out->push_back(rng.Digit());
        break;
      case '!':
        out->push_back(static_cast<char>('1' + rng.Below(9)));
        break;
      case '@':
        out->push_back(rng.Upper());
        break;
      case '%':
        out->push_back("ABDEFGHJLNPQRSTUWXYZ"[rng.Below(20)]);
        break;
      case '&':
        out->push_back("ABCEGHJKLMNPRSTVXY"[rng.Below(18)]);
        break;
      case 'x':
        out->push_back(rng.LowerHex());
        break;
      default:
        out->push_back(c);
        break;
    }
  }
}

// Appends `items` as a PostgreSQL array literal with every element quoted:
// {"a","b \"c\""}. The result still needs COPY escaping.
inline void AppendArrayLiteral(const std::vector<std::string>& items, std::string* out) {
  out->push_back('{');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out->push_back(',');
    out->push_back('"');
    for (char c : items[i]) {
      if (c == '"' || c == '\\') out->push_back('\\');
      out->push_back(c);
    }
    out->push_back('"');
  }
  out->push_back('}');
}

}  // namespace pgveil::datagen
