// scanner/value_shape.h
//
// Shapes of values that say what a value is without any detector: the year
// of a value that starts with a calendar date (for date-of-birth
// statistics), whether a value is a date or timestamp and nothing else
// (such a value holds no other personal data, so the scanner skips its
// detectors), and whether it is a plain decimal number (as a coordinate is).
//
// Thread-safety: pure functions.
#pragma once

#include <string_view>

namespace pgveil::scanner {

// The year of a date written YYYY-MM-DD, DD.MM.YYYY, DD/MM/YYYY or
// MM/DD/YYYY at the start of `v` (optionally followed by a time), or 0.
int DateYear(std::string_view v);

// Whether `v` is such a date, then optionally " HH:MM[:SS[.fraction]]" (or
// with 'T') and a zone ("Z", "+01", "-05:30"), and nothing else.
bool IsWholeTimestamp(std::string_view v);

// Whether `v` is 10 to 15 ASCII digits and nothing else: a phone number
// with its country code stored without "+" or separators ("4915112345678").
bool IsBareDigitsPhone(std::string_view v);

// The unsalted hex digests: 0, 1, 2 or 3 when `v` is 32, 40, 64 or 128 hex
// digits (MD5, SHA-1, SHA-256, SHA-512) and nothing else, otherwise -1.
int HexDigestLength(std::string_view v);

// Whether `v` reads as a version rather than an address: "4.12.3" (three
// numeric parts), "v2.1" or "10.2.0.15-rc1" (a "v" or a suffix). A plain
// dotted quad ("10.2.0.15") is not counted: it may be either.
bool IsDottedVersion(std::string_view v);

// Whether `v` is a plain decimal number: an optional sign, digits, and an
// optional fraction ("52.520008", "-0.1275", "13").
bool IsPlainNumber(std::string_view v);

}  // namespace pgveil::scanner
