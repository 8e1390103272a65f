#include "scanner/column_scanner.h"

#include <catch2/catch.hpp>

namespace pgveil::scanner {
namespace {

struct Scanned {
  ColumnScan scan;
  std::vector<std::string> categories;
};

Scanned ScanColumn(const std::string& name, std::vector<std::string> values, const std::string& type = "text") {
  static auto scanner = [] {
    auto created = ColumnScanner::Create();
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  static auto context = scanner->NewContext();
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

}  // namespace pgveil::scanner
