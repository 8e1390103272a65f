#include "scanner/value_detector.h"

#include <catch2/catch.hpp>

#include <set>

namespace pgveil::scanner {
namespace {

// Category ids of the detectors that matched `value`, with "+whole" or
// "+inside" to tell a whole-value match from one inside text.
std::set<std::string> Detect(std::string_view value) {
  static auto detector = [] {
    auto specs = dictionaries::EmbeddedDetectorSpecs();
    REQUIRE(specs.ok());
    auto created = ValueDetector::Create(std::move(specs).value());
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  static auto context = detector->NewContext();
  std::vector<DetectorHit> hits;
  auto scanned = detector->Scan(value, *context, &hits);
  REQUIRE(scanned.ok());
  std::set<std::string> found;
  for (const DetectorHit& hit : hits) {
    found.insert(detector->specs()[hit.detector].id + (hit.whole ? "+whole" : "+inside"));
  }
  return found;
}

bool Has(const std::set<std::string>& found, const std::string& id) { return found.contains(id); }

}  // namespace

TEST_CASE("positives: each detector finds its own format", "[scanner][corpus]") {
  CHECK(Has(Detect("jane.doe+news@mail.example.co.uk"), "email+whole"));
  CHECK(Has(Detect("+49 30 901820"), "phone+whole"));
  CHECK(Has(Detect("+1 (415) 555-2671"), "phone+whole"));
  CHECK(Has(Detect("(030) 901820"), "phone+whole"));
  CHECK(Has(Detect("4111 1111 1111 1111"), "credit_card+whole"));
  CHECK(Has(Detect("5500-0000-0000-0004"), "credit_card+whole"));
  CHECK(Has(Detect("DE89 3704 0044 0532 0130 00"), "iban+whole"));
  CHECK(Has(Detect("GB82WEST12345698765432"), "iban+whole"));
  CHECK(Has(Detect("123-45-6789"), "us_ssn+whole"));
  CHECK(Has(Detect("192.168.10.254"), "ipv4+whole"));
  CHECK(Has(Detect("2001:db8::8a2e:370:7334"), "ipv6+whole"));
  CHECK(Has(Detect("00:1A:2b:3C:4d:5E"), "mac_address+whole"));
  CHECK(Has(Detect("https://example.org/users/jane"), "url+whole"));
  CHECK(Has(Detect("AKIAIOSFODNN7EXAMPLE"), "aws_access_key+whole"));
}

TEST_CASE("embedded PII inside free text is found as such", "[scanner][corpus]") {
  CHECK(Has(Detect("Bitte schreiben Sie an jane.doe@example.com, danke!"), "email+inside"));
  CHECK(Has(Detect("Rufen Sie mich an: +49 30 901820 (abends)"), "phone+inside"));
}

TEST_CASE("decoys: validators reject what only looks like PII", "[scanner][corpus]") {
  CHECK_FALSE(Has(Detect("4111 1111 1111 1112"), "credit_card+whole"));   // fails Luhn
  CHECK_FALSE(Has(Detect("1234567812345678"), "credit_card+whole"));      // 16 digits, no Luhn
  CHECK_FALSE(Has(Detect("DE89 3704 0044 0532 0130 01"), "iban+whole"));  // bad mod-97
  CHECK_FALSE(Has(Detect("000-12-3456"), "us_ssn+whole"));                // area 000
  CHECK_FALSE(Has(Detect("666-12-3456"), "us_ssn+whole"));
  CHECK_FALSE(Has(Detect("999.10.3.1"), "ipv4+whole"));
  CHECK(Detect("2.14.3").empty());  // version string
  CHECK(Detect("SKU-48213-BL").empty());
  CHECK_FALSE(Has(Detect("1234567890"), "phone+whole"));  // bare order number
  CHECK_FALSE(Has(Detect("2024-01-15"), "phone+whole"));  // a date
  CHECK_FALSE(Has(Detect("user@localhost"), "email+whole"));
  CHECK(Detect("").empty());
}

TEST_CASE("full-width digits are normalised before matching", "[scanner][corpus][unicode]") {
  CHECK(Has(Detect("４１１１ １１１１ １１１１ １１１１"), "credit_card+whole"));
}

TEST_CASE("huge values and odd bytes never crash the detector", "[scanner][corpus]") {
  std::string huge(2 << 20, '7');
  CHECK_NOTHROW(Detect(huge));
  CHECK_NOTHROW(Detect(std::string("\0\0\0", 3)));
  CHECK_NOTHROW(Detect("🙂🙂🙂 +49 30 901820 🙂"));
}

}  // namespace pgveil::scanner
