// datagen/date_time.cc
//
// Days-from-civil and its inverse follow the well-known era-based algorithm
// for the proleptic Gregorian calendar (400-year eras of 146097 days).

#include "datagen/date_time.h"

#include <string_view>

#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

constexpr std::string_view kMonthShort[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::string_view kMonthLong[] = {"January",   "February", "March",    "April",
                                           "May",       "June",     "July",     "August",
                                           "September", "October",  "November", "December"};

void AppendClock(int64_t unix_seconds, char date_time_separator, std::string* out) {
  int64_t days = unix_seconds / 86400;
  int64_t secs = unix_seconds % 86400;
  if (secs < 0) {
    secs += 86400;
    --days;
  }
  AppendDate(CivilFromDays(days), DateStyle::kIso, out);
  out->push_back(date_time_separator);
  AppendPadded(secs / 3600, 2, out);
  out->push_back(':');
  AppendPadded(secs / 60 % 60, 2, out);
  out->push_back(':');
  AppendPadded(secs % 60, 2, out);
}

}  // namespace

int64_t DaysFromCivil(CivilDate date) {
  const int64_t y = date.year - (date.month <= 2 ? 1 : 0);
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t m = date.month;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + date.day - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDays(int64_t days) {
  const int64_t z = days + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return {static_cast<int>(y), static_cast<int>(m), static_cast<int>(d)};
}

CivilDate RandomDate(Rng& rng, CivilDate from, CivilDate to) {
  return CivilFromDays(rng.Between(DaysFromCivil(from), DaysFromCivil(to)));
}

CivilDate RandomBirthDate(Rng& rng) {
  if (rng.Chance(0.8)) return RandomDate(rng, {1960, 1, 1}, {1999, 12, 31});
  return RandomDate(rng, {1935, 1, 1}, {2007, 12, 31});
}

void AppendDate(CivilDate date, DateStyle style, std::string* out) {
  const auto dd = [&] { AppendPadded(date.day, 2, out); };
  const auto mm = [&] { AppendPadded(date.month, 2, out); };
  const auto yyyy = [&] { AppendPadded(date.year, 4, out); };
  switch (style) {
    case DateStyle::kIso:
      yyyy();
      out->push_back('-');
      mm();
      out->push_back('-');
      dd();
      break;
    case DateStyle::kDotted:
      dd();
      out->push_back('.');
      mm();
      out->push_back('.');
      yyyy();
      break;
    case DateStyle::kDaySlash:
      dd();
      out->push_back('/');
      mm();
      out->push_back('/');
      yyyy();
      break;
    case DateStyle::kMonthSlash:
      mm();
      out->push_back('/');
      dd();
      out->push_back('/');
      yyyy();
      break;
    case DateStyle::kDayMonthName:
      AppendInt(date.day, out);
      out->push_back(' ');
      out->append(kMonthShort[date.month - 1]);
      out->push_back(' ');
      yyyy();
      break;
    case DateStyle::kMonthNameDay:
      out->append(kMonthLong[date.month - 1]);
      out->push_back(' ');
      AppendInt(date.day, out);
      out->append(", ");
      yyyy();
      break;
    case DateStyle::kCompact:
      yyyy();
      mm();
      dd();
      break;
    case DateStyle::kYearSlash:
      yyyy();
      out->push_back('/');
      mm();
      out->push_back('/');
      dd();
      break;
    case DateStyle::kDayDash:
      dd();
      out->push_back('-');
      mm();
      out->push_back('-');
      yyyy();
      break;
  }
}

void AppendTimestamp(int64_t unix_seconds, std::string* out) {
  AppendClock(unix_seconds, ' ', out);
  out->append("+00");
}

void AppendIsoTimestamp(int64_t unix_seconds, std::string* out) {
  AppendClock(unix_seconds, 'T', out);
  out->push_back('Z');
}

int64_t RandomInstant(Rng& rng, CivilDate from, CivilDate to) {
  return UnixSeconds(from) + static_cast<int64_t>(rng.Below(static_cast<uint64_t>(
                                 (DaysFromCivil(to) - DaysFromCivil(from) + 1) * 86400)));
}

}  // namespace pgveil::datagen
