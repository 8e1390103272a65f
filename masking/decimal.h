// masking/decimal.h
//
// Decimal numbers as PostgreSQL prints integer and numeric values: an
// optional sign, digits, an optional fraction ("-1234.50"). Kept exact as a
// 128-bit magnitude and a scale, so masking 12345678901234567.89 does not
// lose cents to floating point. Up to 38 significant digits.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pgveil::masking {

__extension__ typedef unsigned __int128 Uint128;

struct Decimal {
  bool negative = false;
  Uint128 magnitude = 0;   // the digits without the point
  int scale = 0;           // digits after the point
  int integer_digits = 0;  // digits before the point, as written
};

// nullopt for anything else: exponents, NaN, Infinity, spaces, more than 38
// digits.
std::optional<Decimal> ParseDecimal(std::string_view text);

// "NaN", "Infinity", "-Infinity": numeric and float values with nothing to mask.
bool IsSpecialNumber(std::string_view text);

// Appends the decimal with exactly `value.scale` fraction digits; a zero is
// never written with a minus sign.
void AppendDecimal(const Decimal& value, std::string* out);

// 10^exponent for exponent in [0, 38].
Uint128 PowerOfTen(int exponent);

}  // namespace pgveil::masking
