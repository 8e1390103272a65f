// masking/pg_date.h
//
// Dates and timestamps as PostgreSQL prints them in DateStyle ISO (the
// replicator sets it): "2024-03-15", "2024-03-15 13:45:00.123456",
// "2024-03-15 13:45:00+01", "2024-03-15 13:45:00-05:30". Also accepts the
// ISO 8601 "T" separator. BC dates and the special values are left to the
// callers (IsInfinityDate); years run from 1 to 294276, PostgreSQL's
// timestamp range.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pgveil::masking {

struct IsoDateTime {
  int64_t year = 0;
  int month = 0;
  int day = 0;
  bool has_time = false;
  char separator = ' ';  // ' ' or 'T'
  int hour = 0;
  int minute = 0;
  int second = 0;
  bool has_seconds = false;
  std::string_view fraction;  // digits after '.', possibly empty
  std::string_view zone;      // "+01", "-05:30", "+05:30:15" or ""
};

inline constexpr int64_t kMaxTimestampYear = 294276;

// Parses `text`; nullopt when it is not an ISO date or timestamp, or the
// calendar date does not exist (2023-02-29). The views point into `text`.
std::optional<IsoDateTime> ParseIsoDateTime(std::string_view text);

// "infinity" and "-infinity": valid dates that carry nothing to mask.
bool IsInfinityDate(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date, and back.
int64_t DaysFromCivil(int64_t year, int month, int day);
void CivilFromDays(int64_t days, int64_t* year, int* month, int* day);

// Appends "YYYY-MM-DD" (at least four year digits).
void AppendIsoDate(int64_t year, int month, int day, std::string* out);

// Appends the time and zone of `value` as parsed ("13:45:00.123+01"),
// without the leading separator.
void AppendIsoTime(const IsoDateTime& value, std::string* out);

}  // namespace pgveil::masking
