// scanner/validators_internal.h
//
// Building blocks shared by the validators_*.cc files; not part of the
// scanner's interface. Everything here works on fixed stack buffers so that
// the validators never touch the heap (see validators.h).
//
// Thread-safety: pure functions; Compacted is a plain value.
#pragma once

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string_view>

#include "scanner/validators.h"

namespace pgveil::scanner::internal {

// A candidate with its separators taken out, kept on the stack, plus where
// the separators stood.
struct Compacted {
  std::array<char, kMaxValidatorInput> chars{};
  std::size_t size = 0;
  // breaks[i] is the offset in `chars` that a separator preceded; ascending.
  std::array<std::size_t, kMaxValidatorInput> breaks{};
  std::size_t break_count = 0;
  // The separator characters, in the order they appeared.
  std::array<char, kMaxValidatorInput> break_chars{};

  std::string_view view() const { return {chars.data(), size}; }
  char operator[](std::size_t i) const { return chars[i]; }
};

// Copies `candidate` into `*out` without the characters listed in
// `separators`. Returns false when the candidate is empty or longer than
// kMaxValidatorInput, starts or ends with a separator, has two separators in a
// row, or, unless `mixed_ok`, uses more than one kind of separator. Other
// characters are copied unchecked: the caller decides what may be a digit or
// a letter.
bool Compact(std::string_view candidate, std::string_view separators, bool mixed_ok,
             Compacted* out);

// True when every separator in `c` stood at one of the `allowed` offsets.
bool BreaksAllowed(const Compacted& c, std::initializer_list<std::size_t> allowed);

// Compact(), then BreaksAllowed(), then the compacted text must be `size`
// characters long. The common prologue of fixed-layout validators.
bool CompactFixed(std::string_view candidate, std::string_view separators, bool mixed_ok,
                  std::initializer_list<std::size_t> allowed_breaks, std::size_t size,
                  Compacted* out);

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline int DigitValue(char c) { return c - '0'; }

// 'a'-'z' become 'A'-'Z'; every other byte is returned unchanged.
inline char ToUpperAscii(char c) {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}
inline bool IsUpperAscii(char c) { return c >= 'A' && c <= 'Z'; }

bool AllDigits(std::string_view s);

// Parses an all-digit `s` (at most 9 digits); -1 when it is not.
int ParseNumber(std::string_view s);

// True when the Luhn (mod 10) sum over the all-digit `digits` is 0.
bool LuhnValid(std::string_view digits);

// Days in `month` (1-12) of the proleptic Gregorian `year`; 0 for a month out
// of range.
int DaysInMonth(int year, int month);

}  // namespace pgveil::scanner::internal
