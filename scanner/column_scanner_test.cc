#include "scanner/column_scanner.h"

#include <catch2/catch.hpp>

namespace pgveil::scanner {
namespace {

struct Scanned {
  ColumnScan scan;
  std::vector<std::string> categories;
};

const ColumnScanner& Scanner(bool stop_when_settled) {
  static auto create = [](bool stop) {
    auto created = ColumnScanner::Create({.stop_when_settled = stop});
    REQUIRE(created.ok());
    return std::move(created).value();
  };
  static auto settling = create(true);
  static auto exhaustive = create(false);
  return stop_when_settled ? *settling : *exhaustive;
}

Scanned ScanColumn(const std::string& name, std::vector<std::string> values,
                   const std::string& type = "text", bool stop_when_settled = true) {
  const ColumnScanner* scanner = &Scanner(stop_when_settled);
  auto context = scanner->NewContext();
  TableInfo table;
  table.schema = "public";
  table.name = "t";
  ColumnInfo column;
  column.name = name;
  column.data_type = type;
  column.type_name = type;
  column.type_category = type == "jsonb" ? 'U' : 'S';
  ColumnSample sample;
  sample.values = std::move(values);
  Scanned out{scanner->Scan(table, column, sample, static_cast<int64_t>(sample.values.size()), *context), {}};
  for (const Finding& f : out.scan.findings) {
    out.categories.push_back(std::string(IdOf(f.category)) + (f.path ? " " + *f.path : ""));
  }
  return out;
}

std::vector<std::string> Repeat(std::vector<std::string> values, size_t times) {
  std::vector<std::string> out;
  for (size_t i = 0; i < times; ++i) out.insert(out.end(), values.begin(), values.end());
  return out;
}

}  // namespace

TEST_CASE("names in right-to-left scripts are names", "[scanner][unicode]") {
  auto arabic = ScanColumn("c2", Repeat({"محمد", "فاطمة", "أحمد", "علي"}, 10));
  CHECK(arabic.categories == std::vector<std::string>{"person_name"});
  auto hebrew = ScanColumn("c3", Repeat({"דוד", "שרה", "משה", "יוסף"}, 10));
  CHECK(hebrew.categories == std::vector<std::string>{"person_name"});
}

TEST_CASE("full-width digits and emoji do not hide PII", "[scanner][unicode]") {
  auto cards = ScanColumn("x", Repeat({"４１１１ １１１１ １１１１ １１１１", "5500 0000 0000 0004"}, 10));
  CHECK(cards.categories == std::vector<std::string>{"credit_card"});
  auto emails = ScanColumn("x", Repeat({"📧 jane.doe@example.com 🙂", "ok 👍 contact: li.wei@example.cn"}, 10));
  CHECK(emails.categories == std::vector<std::string>{"email"});
}

TEST_CASE("Turkish and accented column names are evidence", "[scanner][unicode]") {
  CHECK(ScanColumn("E-POSTA", {}).categories == std::vector<std::string>{"email"});
  CHECK(ScanColumn("Téléphone", {}).categories == std::vector<std::string>{"phone"});
  CHECK(ScanColumn("Doğum Tarihi", {}, "date").categories == std::vector<std::string>{"date_of_birth"});
}

TEST_CASE("invalid UTF-8 is counted, never matched, never a crash", "[scanner][unicode]") {
  auto scanned = ScanColumn("notes", {"\xff\xfe\xfd", "ok", "abc\xc3", "jane@example.com\xff"});
  CHECK(scanned.scan.summary.invalid_utf8 == 3);
  CHECK(scanned.scan.summary.non_null == 4);
}

TEST_CASE("combining marks and decomposed text fold like their composed forms", "[scanner][unicode]") {
  auto decomposed = ScanColumn("x", Repeat({"Se\u0301gole\u0300ne Martin", "Jose\u0301 Garci\u0301a"}, 10));
  CHECK(decomposed.categories == std::vector<std::string>{"person_name"});
}

TEST_CASE("JSONB leaves get verdicts by path, with key names as evidence", "[scanner]") {
  auto scanned = ScanColumn("profile", Repeat({R"({"contact":{"email":"a.b@example.org","phones":["+49 30 901820"]},"tier":"gold"})",
                                               R"({"contact":{"email":"c.d@example.org","phones":[]},"tier":"silver"})"},
                                              10),
                            "jsonb");
  CHECK(scanned.categories == std::vector<std::string>{"email $.contact.email", "phone $.contact.phones[*]"});
  auto malformed = ScanColumn("doc", {"{not json", std::string(3000, '[') + std::string(3000, ']')}, "jsonb");
  CHECK(malformed.scan.malformed_json == 2);
}

TEST_CASE("a column stops being examined once its verdict settles", "[scanner]") {
  std::vector<std::string> emails;
  for (int i = 0; i < 5000; ++i) emails.push_back("user" + std::to_string(i) + "@example.org");
  auto settled = ScanColumn("c", emails);
  REQUIRE(settled.categories == std::vector<std::string>{"email"});
  CHECK(settled.scan.findings[0].values_sampled >= 500);
  CHECK(settled.scan.findings[0].values_sampled < 5000);
  CHECK(settled.scan.summary.non_null == 5000);
  auto exhaustive = ScanColumn("c", emails, "text", false);
  CHECK(exhaustive.scan.findings[0].values_sampled == 5000);
}

TEST_CASE("a sample in physical order is examined in a scattered one", "[scanner]") {
  // The table's first pages hold no PII, its last ones only emails: the
  // first 500 values alone would say "no PII" and settle.
  std::vector<std::string> values(3000, "pending");
  for (int i = 0; i < 2000; ++i) values.push_back("user" + std::to_string(i) + "@example.org");
  auto scanned = ScanColumn("c", values);
  REQUIRE(scanned.categories == std::vector<std::string>{"email"});
  CHECK(scanned.scan.findings[0].match_ratio == Approx(0.4).margin(0.06));
}

TEST_CASE("invalid UTF-8 is counted in settled columns too", "[scanner][unicode]") {
  std::vector<std::string> values;
  for (int i = 0; i < 5000; ++i) values.push_back("user" + std::to_string(i) + "@example.org");
  for (size_t i = 0; i < values.size(); i += 1000) values[i] = "bad \xff byte";
  CHECK(ScanColumn("c", values).scan.summary.invalid_utf8 == 5);
}

TEST_CASE("a place written as text is not a geolocation", "[scanner]") {
  auto rooms = ScanColumn("standort", Repeat({"Station 4B / Raum 412-2", "OP-Saal 3", "Labor Ost"}, 10));
  CHECK(rooms.categories.empty());
  auto latitudes = ScanColumn("standort", Repeat({"52.520008", "48.137154", "-33.8688"}, 10));
  CHECK(latitudes.categories == std::vector<std::string>{"geolocation"});
  CHECK(ScanColumn("latitude", {}).categories == std::vector<std::string>{"geolocation"});
}

}  // namespace pgveil::scanner
