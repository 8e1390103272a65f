// datagen/address.h
//
// Postal addresses in each country's own shape: "1234 Maple Ave, Apt 5B",
// "Hauptstraße 12", "12 bis rue de la Paix", "Calle Mayor, 12, 3º B",
// "ul. Długa 5/12", "ул. Ленина, д. 12, кв. 34", "港区六本木6-10-1",
// "شارع التحرير ١٥"; postal codes that fit the city (ZIP and ZIP+4, UK
// postcodes, "1012 AB", "K1A 0B1", "100-0001", "01310-100", ...).
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <string>

#include "datagen/locale.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

struct Address {
  const Locale* locale = nullptr;
  const City* city = nullptr;
  std::string street;  // street line: number, street, unit
  std::string postal_code;
};

Address RandomAddress(Rng& rng, const Locale& locale);

// Appends the street line only.
void AppendStreetLine(Rng& rng, const Locale& locale, std::string* out);

// Appends a postal code for `city` (ZIP+4 for some US codes, "〒" before
// some Japanese ones).
void AppendPostalCode(Rng& rng, const Locale& locale, const City& city, std::string* out);

// Appends the whole address on one line as the country writes it:
// "Hauptstraße 12, 10115 Berlin", "12 High Street, Leeds LS1 4AP",
// "〒100-0001 東京都千代田区丸の内1-9-2".
void AppendOneLineAddress(const Address& address, std::string* out);

// The US state of a US city in the locale table ("MA" for Boston).
std::string_view UsState(std::string_view city);

}  // namespace pgveil::datagen
