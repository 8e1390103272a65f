#include "masking/pg_date.h"

#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

// Reads exactly `count` digits at `*pos`.
bool ReadDigits(std::string_view text, size_t* pos, size_t count, int* value) {
  if (*pos + count > text.size()) {
    return false;
  }
  int result = 0;
  for (size_t i = 0; i < count; ++i) {
    char c = text[*pos + i];
    if (!IsAsciiDigit(c)) {
      return false;
    }
    result = result * 10 + (c - '0');
  }
  *value = result;
  *pos += count;
  return true;
}

bool IsLeapYear(int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Zone: [+-]HH, [+-]HH:MM, [+-]HH:MM:SS.
bool ParseZone(std::string_view zone) {
  if (zone.size() < 3 || (zone[0] != '+' && zone[0] != '-')) {
    return false;
  }
  size_t pos = 1;
  int part = 0;
  if (!ReadDigits(zone, &pos, 2, &part) || part > 15) {
    return false;
  }
  for (int i = 0; i < 2 && pos < zone.size(); ++i) {
    if (zone[pos] != ':') {
      return false;
    }
    ++pos;
    if (!ReadDigits(zone, &pos, 2, &part) || part > 59) {
      return false;
    }
  }
  return pos == zone.size();
}

}  // namespace

std::optional<IsoDateTime> ParseIsoDateTime(std::string_view text) {
  IsoDateTime value;
  size_t pos = 0;
  // Year: four to six digits.
  int64_t year = 0;
  while (pos < text.size() && IsAsciiDigit(text[pos]) && pos < 7) {
    year = year * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos < 4 || pos > 6 || year < 1 || year > kMaxTimestampYear) {
    return std::nullopt;
  }
  value.year = year;
  if (pos >= text.size() || text[pos] != '-') {
    return std::nullopt;
  }
  ++pos;
  if (!ReadDigits(text, &pos, 2, &value.month) || value.month < 1 || value.month > 12) {
    return std::nullopt;
  }
  if (pos >= text.size() || text[pos] != '-') {
    return std::nullopt;
  }
  ++pos;
  if (!ReadDigits(text, &pos, 2, &value.day) || value.day < 1 ||
      value.day > DaysInMonth(value.year, value.month)) {
    return std::nullopt;
  }
  if (pos == text.size()) {
    return value;
  }

  if (text[pos] != ' ' && text[pos] != 'T') {
    return std::nullopt;
  }
  value.separator = text[pos++];
  value.has_time = true;
  if (!ReadDigits(text, &pos, 2, &value.hour) || value.hour > 24) {
    return std::nullopt;
  }
  if (pos >= text.size() || text[pos++] != ':') {
    return std::nullopt;
  }
  if (!ReadDigits(text, &pos, 2, &value.minute) || value.minute > 59) {
    return std::nullopt;
  }
  if (pos < text.size() && text[pos] == ':') {
    ++pos;
    if (!ReadDigits(text, &pos, 2, &value.second) || value.second > 60) {
      return std::nullopt;
    }
    value.has_seconds = true;
  }
  if (pos < text.size() && text[pos] == '.' && value.has_seconds) {
    size_t start = ++pos;
    while (pos < text.size() && IsAsciiDigit(text[pos])) {
      ++pos;
    }
    if (pos == start || pos - start > 9) {
      return std::nullopt;
    }
    value.fraction = text.substr(start, pos - start);
  }
  if (pos < text.size()) {
    value.zone = text.substr(pos);
    if (!ParseZone(value.zone)) {
      return std::nullopt;
    }
  }
  return value;
}

bool IsInfinityDate(std::string_view text) { return text == "infinity" || text == "-infinity"; }

// Counting in 400-year eras of 146097 days, with years starting in March so
// that the leap day falls at the end of the year.
int64_t DaysFromCivil(int64_t year, int month, int day) {
  const int64_t y = month <= 2 ? year - 1 : year;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t year_of_era = y - era * 400;
  const int64_t shifted_month = month > 2 ? month - 3 : month + 9;
  const int64_t day_of_year = (153 * shifted_month + 2) / 5 + day - 1;
  const int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return era * 146097 + day_of_era - 719468;
}

void CivilFromDays(int64_t days, int64_t* year, int* month, int* day) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t day_of_era = days - era * 146097;
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t shifted_month = (5 * day_of_year + 2) / 153;
  *day = static_cast<int>(day_of_year - (153 * shifted_month + 2) / 5 + 1);
  *month = static_cast<int>(shifted_month < 10 ? shifted_month + 3 : shifted_month - 9);
  *year = year_of_era + era * 400 + (*month <= 2 ? 1 : 0);
}

void AppendIsoDate(int64_t year, int month, int day, std::string* out) {
  char buffer[24];
  int length = 0;
  char digits[20];
  int count = 0;
  int64_t y = year;
  do {
    digits[count++] = static_cast<char>('0' + y % 10);
    y /= 10;
  } while (y > 0);
  while (count < 4) {
    digits[count++] = '0';
  }
  while (count > 0) {
    buffer[length++] = digits[--count];
  }
  buffer[length++] = '-';
  buffer[length++] = static_cast<char>('0' + month / 10);
  buffer[length++] = static_cast<char>('0' + month % 10);
  buffer[length++] = '-';
  buffer[length++] = static_cast<char>('0' + day / 10);
  buffer[length++] = static_cast<char>('0' + day % 10);
  out->append(buffer, static_cast<size_t>(length));
}

void AppendIsoTime(const IsoDateTime& value, std::string* out) {
  const int parts[] = {value.hour, value.minute, value.second};
  for (int i = 0; i < (value.has_seconds ? 3 : 2); ++i) {
    if (i > 0) {
      out->push_back(':');
    }
    out->push_back(static_cast<char>('0' + parts[i] / 10));
    out->push_back(static_cast<char>('0' + parts[i] % 10));
  }
  if (!value.fraction.empty()) {
    out->push_back('.');
    out->append(value.fraction);
  }
  out->append(value.zone);
}

}  // namespace pgveil::masking
