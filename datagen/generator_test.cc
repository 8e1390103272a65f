// datagen/generator_test.cc
//
// Whole-database properties of GenerateShop and ShopTruth: determinism,
// well-formed COPY data, truth that covers every column and every JSONB
// leaf that occurs, linear scaling, and the rates the truth relies on.

#include "datagen/generator.h"

#include <catch2/catch.hpp>

#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "datagen/sql_identifier.h"
#include "datagen/sql_script_sink.h"
#include "datagen/test_recording_sink.h"

namespace pgveil::datagen {
namespace {

using testing::CollectPaths;
using testing::ColumnIndex;
using testing::Copy;
using testing::DigitsOnly;
using testing::Luhn;
using testing::RecordingSink;
using testing::Rows;

RecordingSink Generate(uint64_t seed, double scale) {
  RecordingSink sink;
  const Status s = GenerateShop({seed, scale}, sink);
  REQUIRE(s.ok());
  return sink;
}

TEST_CASE("the same seed gives byte-identical output", "[datagen]") {
  const RecordingSink a = Generate(42, 0.25);
  const RecordingSink b = Generate(42, 0.25);
  CHECK(a.bytes > 500000);
  CHECK(a.bytes == b.bytes);
  CHECK(a.hash == b.hash);
}

TEST_CASE("a different seed gives different data but the same schema", "[datagen]") {
  const RecordingSink a = Generate(1, 0.1);
  const RecordingSink b = Generate(2, 0.1);
  CHECK(a.hash != b.hash);
  CHECK(a.statements == b.statements);
  CHECK(a.Table("public", "customers").data != b.Table("public", "customers").data);
}

TEST_CASE("every COPY row has one field per column and chunks end on rows", "[datagen]") {
  const RecordingSink sink = Generate(3, 0.3);
  CHECK(sink.max_chunk <= size_t{1} << 20);
  CHECK(sink.chunks_end_on_rows);
  for (const Copy& copy : sink.copies) {
    INFO(copy.schema << "." << copy.table);
    size_t lines = 0;
    size_t fields = 1;
    for (char c : copy.data) {
      if (c == '\t') ++fields;
      if (c == '\n') {
        CHECK(fields == copy.columns.size());
        fields = 1;
        ++lines;
      }
    }
    CHECK(lines > 0);
  }
}

TEST_CASE("truth names every generated column exactly once", "[datagen]") {
  const RecordingSink sink = Generate(4, 0.05);
  std::set<ColumnRef> generated;
  for (const Copy& copy : sink.copies) {
    for (const std::string& c : copy.columns) generated.insert({copy.schema, copy.table, c});
  }
  generated.insert({"public", "customers", "backup_email"});
  generated.insert({"public", "customers", "mobile_phone"});
  for (const char* c : {"customer_id", "email", "order_count", "revenue", "last_order_at"}) {
    generated.insert({"public", "customer_value", c});
  }
  std::set<ColumnRef> truth_columns;
  const std::vector<TruthEntry> truth = ShopTruth({4, 0.05});
  for (const TruthEntry& e : truth) {
    if (!e.path) CHECK(truth_columns.insert(e.column).second);
  }
  CHECK(truth_columns == generated);
  CHECK(std::is_sorted(truth.begin(), truth.end(), [](const TruthEntry& a, const TruthEntry& b) {
    return std::tie(a.column, a.path) < std::tie(b.column, b.path);
  }));

  bool added = false;
  for (const std::string& s : sink.statements) {
    if (s == "ALTER TABLE public.customers ADD COLUMN backup_email text") added = true;
  }
  CHECK(added);
}

TEST_CASE("truth lists every JSONB leaf path that occurs, and each listed path occurs",
          "[datagen]") {
  const RecordingSink sink = Generate(5, 0.5);
  const std::vector<TruthEntry> truth = ShopTruth({5, 0.5});
  for (const auto& [schema, table, column] :
       {std::tuple{"public", "customers", "profile"}, std::tuple{"public", "events", "payload"}}) {
    const Copy& copy = sink.Table(schema, table);
    const size_t index = ColumnIndex(copy, column);
    std::set<std::string> seen;
    for (const auto& row : Rows(copy.data)) {
      if (!row[index]) continue;
      const nlohmann::json doc = nlohmann::json::parse(*row[index]);
      CollectPaths(doc, "$", &seen);
    }
    std::set<std::string> listed;
    for (const TruthEntry& e : truth) {
      if (e.column == ColumnRef{schema, table, column} && e.path) listed.insert(*e.path);
    }
    CHECK(seen == listed);
  }
}

TEST_CASE("row counts scale linearly", "[datagen]") {
  const RecordingSink small = Generate(6, 0.1);
  const RecordingSink large = Generate(6, 0.4);
  for (const Copy& copy : small.copies) {
    INFO(copy.schema << "." << copy.table);
    const double a = static_cast<double>(Rows(copy.data).size());
    const double b = static_cast<double>(Rows(large.Table(copy.schema, copy.table).data).size());
    if (a >= 10) CHECK(b / a == Approx(4.0).epsilon(0.1));
  }
  CHECK(Rows(Generate(6, 1.0).Table("public", "customers").data).size() == 2000);
}

TEST_CASE("cards pass Luhn, decoy references fail it, barcodes and IBANs check out", "[datagen]") {
  const RecordingSink sink = Generate(7, 0.3);
  const Copy& orders = sink.Table("public", "orders");
  const size_t card = ColumnIndex(orders, "attr_x"), ref = ColumnIndex(orders, "payment_ref");
  const size_t barcode = ColumnIndex(orders, "barcode"), order_no = ColumnIndex(orders, "order_no");
  std::set<std::string> order_numbers;
  int cards = 0;
  for (const auto& row : Rows(orders.data)) {
    if (row[card]) {
      ++cards;
      CHECK(Luhn(DigitsOnly(*row[card])));
    }
    CHECK(row[ref]->size() == 16);
    CHECK_FALSE(Luhn(*row[ref]));
    int sum = 0;
    for (int i = 0; i < 13; ++i) sum += ((*row[barcode])[i] - '0') * (i % 2 == 0 ? 1 : 3);
    CHECK(sum % 10 == 0);
    CHECK(row[order_no]->size() == 10);
    order_numbers.insert(*row[order_no]);
  }
  CHECK(cards > 0);
  CHECK(order_numbers.size() == Rows(orders.data).size());

  const Copy& accounts = sink.Table("billing", "accounts");
  const size_t iban = ColumnIndex(accounts, "iban");
  for (const auto& row : Rows(accounts.data)) {
    std::string compact;
    for (char c : *row[iban]) {
      if (c != ' ') compact.push_back(c);
    }
    const std::string moved = compact.substr(4) + compact.substr(0, 4);
    int remainder = 0;
    for (char c : moved) {
      const int v = c >= 'A' ? c - 'A' + 10 : c - '0';
      remainder = (v >= 10 ? remainder * 100 + v : remainder * 10 + v) % 97;
    }
    CHECK(remainder == 1);
  }
}

TEST_CASE("free text and NULL rates match what the truth assumes", "[datagen]") {
  const RecordingSink sink = Generate(8, 1.0);
  const Copy& tickets = sink.Table("public", "support_tickets");
  const size_t body = ColumnIndex(tickets, "body");
  int with_at = 0, total = 0;
  for (const auto& row : Rows(tickets.data)) {
    ++total;
    if (row[body]->find('@') != std::string::npos) ++with_at;
  }
  CHECK(with_at > total * 0.2);
  CHECK(with_at < total * 0.4);

  const Copy& customers = sink.Table("public", "customers");
  const size_t phone = ColumnIndex(customers, "phone"), notes = ColumnIndex(customers, "notes");
  int phone_nulls = 0, notes_nulls = 0, rows = 0;
  for (const auto& row : Rows(customers.data)) {
    ++rows;
    phone_nulls += !row[phone];
    notes_nulls += !row[notes];
  }
  CHECK(phone_nulls == Approx(rows * 0.25).margin(rows * 0.05));
  CHECK(notes_nulls == Approx(rows * 0.7).margin(rows * 0.05));
}

TEST_CASE("a bad scale is rejected and sink errors carry the table", "[datagen]") {
  testing::CheckBadScaleAndSinkErrors(GenerateShop, "public.customers");
}

TEST_CASE("the SQL script quotes identifiers and terminates COPY blocks", "[datagen]") {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  SqlScriptSink sink(file);
  REQUIRE(GenerateShop({9, 0.02}, sink).ok());
  std::rewind(file);
  std::string script;
  char buffer[65536];
  for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) script.append(buffer, n);
  std::fclose(file);
  CHECK(script.size() == sink.bytes());
  CHECK(script.rfind("SET client_encoding = 'UTF8';\n", 0) == 0);
  CHECK(script.find("COPY \"CRM Daten\".\"Kunden Kontakte\" (\"Kontakt-ID\", \"Vorname\", "
                    "\"Nachname\", \"Firma\", \"Téléphone\"") != std::string::npos);
  CHECK(script.find("\"Notiz \"\"intern\"\"\"") != std::string::npos);
  CHECK(script.find(") FROM stdin;\n") != std::string::npos);
  CHECK(script.find("\n\\.\nCOPY ") != std::string::npos);
  CHECK(script.substr(script.size() - 9) == "ANALYZE;\n");
}

TEST_CASE("identifiers are quoted exactly when PostgreSQL needs it", "[datagen]") {
  CHECK(QuoteIdent("customer_id") == "customer_id");
  CHECK(QuoteIdent("c1") == "c1");
  CHECK(QuoteIdent("order") == "\"order\"");
  CHECK(QuoteIdent("on") == "\"on\"");
  CHECK(QuoteIdent("constraint_name") == "constraint_name");
  CHECK(QuoteIdent("Mixed Case") == "\"Mixed Case\"");
  CHECK(QuoteIdent("Notiz \"intern\"") == "\"Notiz \"\"intern\"\"\"");
  CHECK(QualifiedName("CRM Daten", "Geräte") == "\"CRM Daten\".\"Geräte\"");
}

TEST_CASE("truth JSON has the key answers", "[datagen]") {
  const auto answers = testing::TruthAnswers(ShopTruth({}));
  using V = std::vector<std::string>;
  CHECK(answers.at("public.customers.email") == V{"email"});
  CHECK(answers.at("public.customers.c1") == V{"national_id"});
  CHECK(answers.at("public.customers.backup_email") == V{"email"});
  CHECK(answers.at("public.customers.customer_id").empty());
  CHECK(answers.at("public.orders.order_no").empty());
  CHECK(answers.at("public.orders.payment_ref").empty());
  CHECK(answers.at("public.orders.attr_x") == V{"credit_card"});
  CHECK(answers.at("public.support_tickets.body") == V{"email", "phone"});
  CHECK(answers.at("public.customers.profile $.contact.phones[*]") == V{"phone"});
  CHECK(answers.at("public.customers.profile $.\"display name\"") == V{"person_name"});
  CHECK(answers.at("public.customers.profile $.preferences.colour").empty());
  CHECK(answers.at("billing.accounts.bic").empty());
  CHECK(answers.at("CRM Daten.Kunden Kontakte.Notiz \"intern\"") == V{"phone"});
  CHECK(answers.at("public.employees.hire_date").empty());
  CHECK(answers.at("public.customer_value.email") == V{"email"});
  CHECK(answers.count("public.events_2024_01.payload") == 0);
}

}  // namespace
}  // namespace pgveil::datagen
