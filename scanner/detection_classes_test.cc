// scanner/detection_classes_test.cc
//
// One test per class of detection mistake met on databases nobody here
// wrote (issue 14). Each pins the general rule, never a particular table:
// the names and values below are invented.

#include <catch2/catch.hpp>

#include <algorithm>

#include "dictionaries/column_lexicon.h"
#include "scanner/column_name_evidence.h"
#include "scanner/column_scanner.h"

namespace pgveil::scanner {
namespace {

const ColumnScanner& Scanner() {
  static auto scanner = [] {
    auto created = ColumnScanner::Create();
    REQUIRE(created.ok());
    return std::move(created).value();
  }();
  return *scanner;
}

const ColumnNameEvidence& Names() {
  static auto names = [] {
    auto lexicon = dictionaries::EmbeddedColumnLexicon();
    REQUIRE(lexicon.ok());
    return ColumnNameEvidence::Create(*lexicon);
  }();
  return *names;
}

// "category" or "category $.path" of every finding for `column` of `table`.
std::vector<std::string> Found(const std::string& table, const std::string& column,
                               std::vector<std::string> values, const std::string& type = "text") {
  auto context = Scanner().NewContext();
  TableInfo t;
  t.schema = "public";
  t.name = table;
  ColumnInfo c;
  c.name = column;
  c.data_type = type;
  c.type_name = type;
  c.type_category = type == "jsonb" ? 'U' : 'S';
  ColumnSample sample;
  sample.values = std::move(values);
  ColumnScan scan =
      Scanner().Scan(t, c, sample, static_cast<int64_t>(sample.values.size()), *context);
  std::vector<std::string> found;
  for (const Finding& f : scan.findings) {
    found.push_back(std::string(IdOf(f.category)) + (f.path ? " " + *f.path : ""));
  }
  return found;
}

std::vector<std::string> Repeat(const std::vector<std::string>& values, size_t times) {
  std::vector<std::string> out;
  for (size_t i = 0; i < times; ++i) out.insert(out.end(), values.begin(), values.end());
  return out;
}

bool Has(const std::vector<std::string>& found, std::string_view what) {
  return std::find(found.begin(), found.end(), what) != found.end();
}

const std::vector<std::string> kPeople = {"Maria Keller",   "Jonas Berg",  "Aiko Tanaka",
                                          "Lucas Moreau",   "Sofia Rossi", "Daniel Novak",
                                          "Emma Lindqvist", "Pedro Alves"};

}  // namespace

TEST_CASE("class: a name outweighs values that contradict it", "[scanner][class]") {
  SECTION("a bare name in a table of things is judged by its values") {
    std::vector<std::string> genres = {
        "Thriller", "Western", "Anime",   "Opera",  "Jazz",    "Sci-Fi",  "Musical", "Horror",
        "Cooking",  "Travel",  "Fitness", "Poetry", "Drawing", "Puzzles", "Kids",    "Classic"};
    CHECK(Found("genre", "name", genres).empty());
    CHECK(Found("languages", "name", {"Swahili", "Tagalog", "Basque", "Welsh", "Latvian"}).empty());
    CHECK(Found("product", "name", Repeat({"Ceramic Mug", "Desk Lamp", "USB Cable"}, 40)).empty());
  }
  SECTION("the same bare name in a table of people is a person's name") {
    CHECK(Has(Found("customers", "name", kPeople), "person_name"));
    CHECK(Has(Found("patienten", "name", kPeople), "person_name"));
  }
  SECTION("in the gate's view, with no rows, the table decides") {
    CHECK(Has(Found("customer", "name", {}), "person_name"));
    CHECK(Has(Found("staff_member", "name", {}), "person_name"));
    CHECK(Found("category", "name", {}).empty());
    CHECK(Found("release_channel", "name", {}).empty());
    // The head of a table's name decides: roles of users are not people.
    CHECK(Found("user_roles", "name", {}).empty());
    CHECK(Found("customer_segments", "name", {}).empty());
    CHECK(Has(Found("crm_contacts", "name", {}), "person_name"));
    CHECK(Has(Found("customers_archive", "name", {}), "person_name"));
    CHECK(Has(Found("tbl_customer_v2", "name", {}), "person_name"));
    // The column's own words may name the person.
    CHECK(Has(Found("consultas", "nome_paciente", {}), "person_name"));
    // Specific phrases do not depend on the table.
    CHECK(Has(Found("orders", "first_name", {}), "person_name"));
  }
  SECTION("JSONB keys take the object around them as their table") {
    CHECK(Names().JudgeJsonKey("name", "actor", "payload", "events").category ==
          Category::kPersonName);
    CHECK_FALSE(Names().JudgeJsonKey("name", "labels", "payload", "events").category);
  }
  SECTION("a handful of values is enough when none of them fits") {
    CHECK(Found("t", "contact_name", Repeat({"n/a", "TBD", "-", "unknown"}, 4)).empty());
  }
}

TEST_CASE("class: a name that says the category, with values of one fitting shape",
          "[scanner][class]") {
  SECTION("phones stored as bare digits with the country code") {
    std::vector<std::string> phones = {"4915112345678", "33612345678",   "14155550123",
                                       "447700900123",  "5511912345678", "819012345678",
                                       "61412345678",   "34612345678"};
    CHECK(Has(Found("address", "phone", Repeat(phones, 5)), "phone"));
    // Without a name that says so, bare digits are any number.
    CHECK_FALSE(Has(Found("shipments", "tracking_ref", Repeat(phones, 5)), "phone"));
  }
  SECTION("unsalted hex digests of one length under a password name") {
    std::vector<std::string> digests = {std::string(40, 'a'),
                                        "8f14e45fceea167a5a36dedd4bea2543b1c7d6e2",
                                        "da39a3ee5e6b4b0d3255bfef95601890afd80709"};
    CHECK(Has(Found("staff", "password", Repeat(digests, 10)), "secret"));
    CHECK(Found("releases", "commit_sha", Repeat(digests, 10)).empty());
  }
}

TEST_CASE("class: version strings are not IPv4 addresses", "[scanner][class]") {
  std::vector<std::string> quads = {"10.2.0.15", "9.4.1.120", "12.0.3.7", "3.18.22.201",
                                    "7.1.0.44",  "11.9.9.9",  "1.2.3.4",  "8.0.12.250"};
  CHECK(Found("devices", "app_version", Repeat(quads, 5)).empty());
  CHECK(Found("devices", "build", Repeat(quads, 5)).empty());
  // Under an opaque name, three-part versions beside the quads give them away.
  std::vector<std::string> mixed = quads;
  mixed.insert(mixed.end(), {"4.12.3", "2.0.1", "v5.1"});
  CHECK(Found("devices", "c7", Repeat(mixed, 5)).empty());
  // Addresses stay addresses.
  CHECK(Has(Found("sessions", "client_addr", Repeat(quads, 5)), "ip_address"));
  std::vector<std::string> events;
  for (const std::string& q : quads) {
    events.push_back(R"({"app": {"name": "ios", "version": ")" + q + R"("}})");
  }
  CHECK(Found("events", "payload", Repeat(events, 5), "jsonb").empty());
}

TEST_CASE("class: postal codes are found by value in national formats", "[scanner][class]") {
  std::vector<std::string> codes = {"H2G 1A7",  "SW1A 1AA",  "12227-000", "1011 AB",    "M5V 3L9",
                                    "EC1A 1BB", "01310-100", "3511 LX",   "94105-1804", "K1A 0B1"};
  CHECK(Has(Found("deliveries", "c3", Repeat(codes, 4)), "postal_code"));
  // A few look-alikes among other references are not enough.
  std::vector<std::string> refs = Repeat({"INV 2231", "PO-77812", "RX 4410", "Q3 2024"}, 9);
  refs.insert(refs.end(), {"SW1A 1AA", "1011 AB"});
  CHECK_FALSE(Has(Found("deliveries", "c3", refs), "postal_code"));
}

TEST_CASE("class: a login name is a username, not a person name", "[scanner][class]") {
  std::vector<std::string> logins = {"maria.keller", "jonas",  "aiko.tanaka",    "lucas",
                                     "sofia.rossi",  "daniel", "emma.lindqvist", "pedro"};
  std::vector<std::string> found = Found("staff", "username", Repeat(logins, 5));
  CHECK(Has(found, "username"));
  CHECK_FALSE(Has(found, "person_name"));
  CHECK(Has(Found("staff", "username", {}), "username"));
}

}  // namespace pgveil::scanner
