// policy/calendar_date.h
//
// A calendar date without a time zone, as the policy writes it
// (`expires: 2027-06-30`). The policy module never reads the clock: the
// caller hands `today` in (cli/ reads it), so a check is reproducible.
//
// Thread-safety: plain values.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "core/status.h"

namespace pgveil::policy {

struct CalendarDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..DaysInMonth

  auto operator<=>(const CalendarDate&) const = default;

  // "YYYY-MM-DD".
  std::string ToString() const;
};

// Parses exactly "YYYY-MM-DD" (four-digit year 1..9999, two-digit month and
// day) naming a real date: 2027-02-29 and 2027-13-01 are errors.
// InvalidArgument says what is wrong without repeating more than the text.
Result<CalendarDate> ParseCalendarDate(std::string_view text);

int DaysInMonth(int year, int month);

}  // namespace pgveil::policy
