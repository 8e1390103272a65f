// No sampled value reaches any report. The generator knows which columns
// and JSONB paths hold personal data; this test reads every such value back
// from the database itself and looks for it, byte for byte, in the
// compliance report (HTML, Markdown, JSON) and the scan's reports (JSON,
// text). Values shorter than four bytes are left out: they are too short to
// identify anyone and would match by chance, and so are the literals true,
// false and null: the key-value column customer_attributes.val holds
// settings like "true" beside its e-mails and IBANs, and every JSON report
// writes those words as syntax. A failure names the column and the format,
// never the value.
#include <catch2/catch.hpp>

#include <cstring>
#include <map>
#include <unordered_map>

#include "core/identifier.h"
#include "datagen/generator.h"
#include "pg/connection.h"
#include "tests/integration/report_fixture.h"

namespace pgveil {
namespace {

struct Value {
  std::string where;  // "schema.table.column [path]"
  std::string text;
};

// Every position of every 4-byte window of `text`, so a value is looked up
// by its first four bytes instead of scanning the whole report per value.
class SubstringIndex {
 public:
  explicit SubstringIndex(std::string text) : text_(std::move(text)) {
    for (size_t i = 0; i + 4 <= text_.size(); ++i)
      positions_[Window(text_.data() + i)].push_back(i);
  }

  bool Contains(const std::string& value) const {
    if (value.size() < 4) return text_.find(value) != std::string::npos;
    auto it = positions_.find(Window(value.data()));
    if (it == positions_.end()) return false;
    for (size_t at : it->second) {
      if (text_.compare(at, value.size(), value) == 0) return true;
    }
    return false;
  }

 private:
  static uint32_t Window(const char* p) {
    uint32_t w;
    std::memcpy(&w, p, 4);
    return w;
  }
  std::string text_;
  std::unordered_map<uint32_t, std::vector<size_t>> positions_;
};

bool Countable(const std::string& value) {
  return value.size() >= 4 && value != "true" && value != "false" && value != "null";
}

std::vector<std::optional<std::string>> Column(pg::Connection& db, const std::string& sql) {
  auto rows = db.Query(sql);
  INFO(rows.status().message());  // names the relation, never a value
  REQUIRE(rows.ok());
  std::vector<std::optional<std::string>> values;
  for (auto& row : *rows) values.push_back(std::move(row[0]));
  return values;
}

// The SQL that reads the values of one truth entry as text: array elements
// one by one, network addresses without their mask, JSONB leaves at the
// entry's path.
std::string ValuesQuery(pg::Connection& db, const datagen::TruthEntry& entry) {
  const ColumnRef& c = entry.column;
  const std::string table = QuoteQualified(c.schema, c.table);
  const std::string column = QuoteIdent(c.column);
  if (entry.path) {
    return "SELECT jsonb_path_query(" + column + "::jsonb, " + QuoteLiteral(*entry.path) +
           ") #>> '{}' FROM " + table;
  }
  auto type =
      Column(db,
             "SELECT t.typcategory::text FROM pg_attribute a JOIN pg_type t ON "
             "t.oid = a.atttypid WHERE a.attrelid = " +
                 QuoteLiteral(table) + "::regclass AND a.attname = " + QuoteLiteral(c.column));
  REQUIRE(type.size() == 1);
  if (type[0] == "A") return "SELECT unnest(" + column + ")::text FROM " + table;
  if (type[0] == "I") return "SELECT host(" + column + ") FROM " + table;
  return "SELECT " + column + "::text FROM " + table;
}

std::vector<Value> PiiValues(const testing::ShopReports& run) {
  auto db = pg::Connection::Open(run.dsn);
  REQUIRE(db.ok());
  std::map<ColumnRef, bool> has_paths;
  std::vector<datagen::TruthEntry> truth = datagen::ShopTruth(run.generator);
  for (const datagen::TruthEntry& e : truth) has_paths[e.column] |= e.path.has_value();
  std::vector<Value> values;
  for (const datagen::TruthEntry& e : truth) {
    // A JSONB column's path-less entry is the union of its paths: read those.
    if (e.categories.empty() || (!e.path && has_paths[e.column])) continue;
    std::string where = e.column.ToString() + (e.path ? " " + *e.path : "");
    for (auto& v : Column(**db, ValuesQuery(**db, e))) {
      if (v && Countable(*v)) values.push_back({where, std::move(*v)});
    }
  }
  return values;
}

TEST_CASE("the index finds what a plain search finds", "[report]") {
  SubstringIndex index("alpha beta gamma@example.org");
  CHECK(index.Contains("gamma@example.org"));
  CHECK(index.Contains("beta"));
  CHECK_FALSE(index.Contains("betamax"));
  CHECK_FALSE(index.Contains("delta"));
}

TEST_CASE("no sampled value appears in any report format", "[report][integration]") {
  const testing::ShopReports& run = testing::ShopReportRun();
  const std::vector<Value> values = PiiValues(run);
  // The test must have something to find: thousands of names, e-mails,
  // phones, IBANs, card numbers, addresses, dates and free texts.
  REQUIRE(values.size() > 5000);

  const std::pair<std::string, std::string> reports[] = {
      {"compliance html", run.html}, {"compliance markdown", run.markdown},
      {"compliance json", run.json}, {"scan json", run.scan_json},
      {"scan text", run.scan_text},  {"draft policy", run.policy},
  };
  for (const auto& [format, path] : reports) {
    const std::string text = testing::ReadWholeFile(path);
    REQUIRE(text.size() > 1000);
    SubstringIndex index(text);
    std::map<std::string, int> leaks;  // column -> values found
    for (const Value& v : values) {
      if (index.Contains(v.text)) ++leaks[v.where];
    }
    for (const auto& [where, count] : leaks) {
      UNSCOPED_INFO(format << ": " << count << " value(s) of " << where);
    }
    CHECK(leaks.empty());
  }
}

}  // namespace
}  // namespace pgveil
