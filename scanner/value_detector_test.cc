#include "scanner/value_detector.h"

#include <catch2/catch.hpp>

#include <set>

namespace pgveil::scanner {
namespace {

// Category ids of the detectors that matched `value`, with "+whole" or
// "+inside" to tell a whole-value match from one inside text.
const ValueDetector& Detector() {
  static auto detector = [] {
    auto specs = dictionaries::EmbeddedDetectorSpecs();
    REQUIRE(specs.ok());
    auto created = ValueDetector::Create(std::move(specs).value());
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *detector;
}

std::set<std::string> Ids(const std::vector<DetectorHit>& hits) {
  std::set<std::string> found;
  for (const DetectorHit& hit : hits) {
    found.insert(Detector().specs()[hit.detector].id + (hit.whole ? "+whole" : "+inside"));
  }
  return found;
}

std::set<std::string> Detect(std::string_view value) {
  const ValueDetector* detector = &Detector();
  static auto context = detector->NewContext();
  std::vector<DetectorHit> hits;
  auto scanned = detector->Scan(value, *context, &hits);
  REQUIRE(scanned.ok());
  return Ids(hits);
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
  CHECK(Has(Detect("東京都丸の内1-9-2"), "jp_address+whole"));
  CHECK(Has(Detect("SW1A 1AA"), "uk_postcode+whole"));
  CHECK(Has(Detect("EC1A1BB"), "uk_postcode+whole"));
  CHECK(Has(Detect("H2G 1A7"), "ca_postal_code+whole"));
  CHECK(Has(Detect("1011 AB"), "nl_postcode+whole"));
  CHECK(Has(Detect("12227-000"), "br_cep+whole"));
  CHECK(Has(Detect("94105-1804"), "us_zip_plus_four+whole"));
  CHECK(Has(Detect("100-0005 東京都千代田区丸の内1-9-2"), "jp_address+inside"));
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

TEST_CASE("Hyperscan prefilters never hide a match RE2 and the validator confirm", "[scanner][corpus]") {
  const ValueDetector& detector = Detector();
  auto context = detector.NewContext();
  // Every positive and decoy above, plus formats at the edge of each prefilter.
  const std::vector<std::string> corpus = {
      "jane.doe+news@mail.example.co.uk", "a@b.io", "+49 30 901820", "+1 (415) 555-2671",
      "(030) 901820", "0049 30 901820", "+44 (0)20 7946 0958 ext. 12", "4111 1111 1111 1111",
      "3782 822463 10005", "5500-0000-0000-0004", "DE89 3704 0044 0532 0130 00",
      "GB82WEST12345698765432", "123-45-6789", "192.168.10.254", "10.0.0.1/8", "::1",
      "fe80::1ff:fe23:4567:890a", "2001:db8::8a2e:370:7334", "00:1A:2b:3C:4d:5E", "0011.2233.4455",
      "https://example.org/users/jane", "ftp://files.example.net/x", "52.520008, 13.404954",
      "AKIAIOSFODNN7EXAMPLE", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N",
      "Bitte schreiben Sie an jane.doe@example.com, danke!", "Rufen Sie mich an: +49 30 901820 (abends)",
      "AB 12 34 56 C", "12 345 678 903", "2 88 11 75 012 192 74", "12345678Z", "X1234567L",
      "RSSMRA85T10A562S", "1234.56.782", "44051401359", "123.456.789-09", "2345 6789 0124",
      "046 454 286", "811228-9874", "4111 1111 1111 1112", "2.14.3", "SKU-48213-BL", "2024-01-15",
      "INV-2023-000001", "user@localhost", "", "lorem ipsum dolor",
      "2001:0db8:85a3:0000:0000:8a2e:0370:7334", "1:2:3:4:5:6:7:8", "10:30:00", "2024-01-15 10:30:00",
      "東京都丸の内1-9-2", "100-0005 東京都千代田区丸の内1-9-2", "大阪市北区梅田3-1 グランフロント 1203",
      "第3-2版", "ＡＢＣ１-２", "x@a.b.co", "jane@mail.1und1.de", "j.doe@cs.u-tokyo.ac.jp"};
  for (const std::string& value : corpus) {
    std::vector<DetectorHit> with, without;
    REQUIRE(detector.Scan(value, *context, &with).ok());
    detector.ScanWithoutPrefilter(value, *context, &without);
    INFO("value #" << (&value - corpus.data()));
    CHECK(Ids(with) == Ids(without));
  }
}

// Found by the value_detector fuzz target (tests/fuzz/corpus/value_detector/
// crash-email-prefilter-subdomain): the email prefilter wanted two letters
// right after the first dot of the domain, so Hyperscan never flagged an
// address at a subdomain such as mail.1und1.de and the column went unseen.
TEST_CASE("an email whose domain's second label is not two letters is still found",
          "[scanner][regression]") {
  for (const char* email : {"jane@mail.1und1.de", "x@a.b.co", "j.doe@cs.u-tokyo.ac.jp",
                            "ngmp.doe@xam2.168.pl", "ops@eu-west-1.mail.example.com"}) {
    INFO(email);
    CHECK(Has(Detect(email), "email+whole"));
    CHECK(Has(Detect(std::string("write to ") + email + " today"), "email+inside"));
  }
}

}  // namespace pgveil::scanner
