// datagen/date_time.h
//
// Civil dates and timestamps for generated rows, computed with integer
// arithmetic (proleptic Gregorian calendar, UTC) so output never depends on
// the host time zone or C library. Dates of birth are printed in the shapes
// people actually type them; the same date can appear as "1984-03-12",
// "12.03.1984", "03/12/1984" or "12 Mar 1984".
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <string>

#include "datagen/rng.h"

namespace pgveil::datagen {

struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31
};

int64_t DaysFromCivil(CivilDate date);
CivilDate CivilFromDays(int64_t days);

// Uniform over [from, to], both inclusive.
CivilDate RandomDate(Rng& rng, CivilDate from, CivilDate to);

// A plausible adult's date of birth (born 1935..2007, skewed to 1960..1999).
CivilDate RandomBirthDate(Rng& rng);

enum class DateStyle {
  kIso,           // 1984-03-12
  kDotted,        // 12.03.1984 (DE, PL, RU, TR)
  kDaySlash,      // 12/03/1984 (GB, FR, ES, IT, BR, IN)
  kMonthSlash,    // 03/12/1984 (US)
  kDayMonthName,  // 12 Mar 1984
  kMonthNameDay,  // March 12, 1984
  kCompact,       // 19840312
  kYearSlash,     // 1984/03/12 (JP, CN)
  kDayDash,       // 12-03-1984 (NL, IN)
};

// Appends `date` as `style`.
void AppendDate(CivilDate date, DateStyle style, std::string* out);

// Appends "YYYY-MM-DD HH:MM:SS+00" for seconds since the Unix epoch; the
// text PostgreSQL accepts for timestamptz regardless of DateStyle.
void AppendTimestamp(int64_t unix_seconds, std::string* out);

// Appends "YYYY-MM-DDTHH:MM:SSZ" (JSON and API payloads).
void AppendIsoTimestamp(int64_t unix_seconds, std::string* out);

inline int64_t UnixSeconds(CivilDate date) { return DaysFromCivil(date) * 86400; }

// Seconds since the epoch, uniform between the two dates (inclusive days).
int64_t RandomInstant(Rng& rng, CivilDate from, CivilDate to);

}  // namespace pgveil::datagen
