// datagen/clinic_values.h
//
// Values particular to a hospital. Most are decoys a careless scanner
// mistakes for PII: lab tube barcodes (ten digits with a check digit, often
// with a leading zero like a phone number), accession numbers, German
// Pharmazentralnummern (eight digits, mod-11 check digit), ward and room
// codes, ICD-10-GM codes and their German titles, device serial numbers.
// Passport numbers, in the shapes of a few issuing countries, are the one
// personal value here.
//
// Thread-safety: pure functions of their arguments; constant data.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "datagen/locale.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

struct IcdCode {
  std::string_view code;     // "I10.90"
  std::string_view title;    // German ICD-10-GM title
  std::string_view chapter;  // Roman numeral of the chapter
};

// A fixed list of common ICD-10-GM codes.
std::span<const IcdCode> IcdCodes();

// Ward codes ("4B", "ITS-2") and clinical departments ("Kardiologie").
std::span<const std::string_view> Wards();
std::span<const std::string_view> Departments();

// Ten digits; the last is a GS1-style mod-10 check digit over the first nine.
void AppendTubeBarcode(Rng& rng, std::string* out);

// "L24-0012345" or "24LA012345" for a sample received in `year`.
void AppendAccessionNumber(Rng& rng, int year, std::string* out);

// A PZN-8: seven digits and a check digit (sum of digit i times i+1, for i
// from 1, mod 11; payloads whose check would be 10 are never issued).
void AppendPzn(Rng& rng, std::string* out);

// "412-2", "2.114/B": a room and bed.
void AppendRoom(Rng& rng, std::string* out);

// A manufacturer's serial number: "SN 8J4-22-004512", "C8K004512".
void AppendDeviceSerial(Rng& rng, std::string* out);

// A passport number in the shape `country` issues (DE, FR, GB, US, ES, IT,
// others a generic letter plus seven digits).
void AppendPassportNumber(Rng& rng, Country country, std::string* out);

}  // namespace pgveil::datagen
