#include "policy/calendar_date.h"

#include <fmt/format.h>

namespace pgveil::policy {
namespace {

bool IsLeapYear(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// The value of `text[begin, begin + count)` when it is all digits, else -1.
int Digits(std::string_view text, size_t begin, size_t count) {
  int value = 0;
  for (size_t i = begin; i < begin + count; ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return -1;
    }
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && IsLeapYear(year)) {
    return 29;
  }
  return kDays[month - 1];
}

std::string CalendarDate::ToString() const {
  return fmt::format("{:04d}-{:02d}-{:02d}", year, month, day);
}

Result<CalendarDate> ParseCalendarDate(std::string_view text) {
  const std::string quoted = "'" + std::string(text) + "'";
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
    return Status::InvalidArgument(quoted + " is not a date; write YYYY-MM-DD");
  }
  CalendarDate date{Digits(text, 0, 4), Digits(text, 5, 2), Digits(text, 8, 2)};
  if (date.year < 0 || date.month < 0 || date.day < 0) {
    return Status::InvalidArgument(quoted + " is not a date; write YYYY-MM-DD");
  }
  if (date.year < 1 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > DaysInMonth(date.year, date.month)) {
    return Status::InvalidArgument(quoted + " is not a real calendar date");
  }
  return date;
}

}  // namespace pgveil::policy
