#include "scanner/value_shape.h"

#include <catch2/catch.hpp>

namespace pgveil::scanner {

TEST_CASE("the year of a value that starts with a date", "[scanner]") {
  CHECK(DateYear("1985-04-12") == 1985);
  CHECK(DateYear("12.04.1985") == 1985);
  CHECK(DateYear("04/12/1985 10:30") == 1985);
  CHECK(DateYear("19850412-1234") == 0);  // a Swedish personnummer
  CHECK(DateYear("1985-04-12x") == 0);
  CHECK(DateYear("") == 0);
}

TEST_CASE("whole dates and timestamps, and what only starts like one", "[scanner]") {
  for (const char* stamp : {"2024-01-15", "15.01.2024", "2024-01-15 10:30", "2024-01-15T10:30:00",
                            "2024-01-15 10:30:00.123456+00", "2024-01-15 10:30:00Z",
                            "2024-01-15T10:30:00-05:30", "2024-01-15 10:30:00+0100"}) {
    INFO(stamp);
    CHECK(IsWholeTimestamp(stamp));
  }
  for (const char* other : {"2024-01-15 call +49 30 901820", "2024-01-15 10:3", "2024-01-15 10:30:",
                            "2024-01-15 10:30:00.", "2024-01-15 10:30:00+1", "2024-01-15-0042",
                            "19850412-1234", "2024-01", "", "2024-01-15 10:30:00 jane@example.com"}) {
    INFO(other);
    CHECK_FALSE(IsWholeTimestamp(other));
  }
}

TEST_CASE("plain decimal numbers, as coordinates are written", "[scanner]") {
  for (const char* number : {"52.520008", "-0.1275", "+13.4", "13", "0"}) {
    INFO(number);
    CHECK(IsPlainNumber(number));
  }
  for (const char* other : {"", "-", "1.", ".5", "1.2.3", "52.5, 13.4", "Station 4B", "1e5"}) {
    INFO(other);
    CHECK_FALSE(IsPlainNumber(other));
  }
}

}  // namespace pgveil::scanner

namespace pgveil::scanner {

TEST_CASE("bare-digit phones, hex digests and versions have one shape each", "[scanner]") {
  CHECK(IsBareDigitsPhone("14033335568"));
  CHECK(IsBareDigitsPhone("4915112345678"));
  CHECK_FALSE(IsBareDigitsPhone("123456789"));       // too short for a number with its country
  CHECK_FALSE(IsBareDigitsPhone("+4915112345678"));  // has a plus: the validators' business
  CHECK_FALSE(IsBareDigitsPhone("1234567890123456"));
  CHECK(HexDigestLength(std::string(32, 'f')) == 0);
  CHECK(HexDigestLength("8cb2237d0679ca88db6464eac60da96345513964") == 1);
  CHECK(HexDigestLength(std::string(64, '0')) == 2);
  CHECK(HexDigestLength(std::string(40, 'g')) == -1);
  CHECK(HexDigestLength(std::string(41, 'a')) == -1);
  CHECK(IsDottedVersion("4.12.3"));
  CHECK(IsDottedVersion("v2.1"));
  CHECK(IsDottedVersion("10.2.0.15-rc1"));
  CHECK(IsDottedVersion("1.0.0+build.7"));
  CHECK_FALSE(IsDottedVersion("10.2.0.15"));  // a dotted quad may be either
  CHECK_FALSE(IsDottedVersion("3.14"));
  CHECK_FALSE(IsDottedVersion("4.12.x"));
}

}  // namespace pgveil::scanner
