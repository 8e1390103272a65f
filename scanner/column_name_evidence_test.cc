#include "scanner/column_name_evidence.h"

#include <catch2/catch.hpp>

namespace pgveil::scanner {
namespace {

using Words = std::vector<std::string>;

const ColumnNameEvidence& Lexicon() {
  static auto evidence = [] {
    dictionaries::ColumnLexicon lexicon;
    lexicon.phrases = {{{"email"}, Category::kEmail},
                       {{"e", "mail"}, Category::kEmail},
                       {{"first", "name"}, Category::kPersonName},
                       {{"name"}, Category::kPersonName},
                       {{"zip", "code"}, Category::kPostalCode},
                       {{"isim"}, Category::kPersonName},
                       {{"téléphone"}, Category::kPhone},
                       {{"phone"}, Category::kPhone}};
    lexicon.negative_tokens = {"id", "no", "hash", "code"};
    lexicon.negative_phrases = {{"product", "name"}, {"email", "verified"}};
    return ColumnNameEvidence::Create(lexicon);
  }();
  return *evidence;
}

// The lexicon pgveil ships (dictionaries/data/column_names.yaml).
const ColumnNameEvidence& Shipped() {
  static auto evidence = [] {
    auto lexicon = dictionaries::EmbeddedColumnLexicon();
    REQUIRE(lexicon.ok());
    return ColumnNameEvidence::Create(*lexicon);
  }();
  return *evidence;
}

}  // namespace

TEST_CASE("identifiers split on every convention", "[scanner]") {
  CHECK(SplitIdentifier("first_name") == Words{"first", "name"});
  CHECK(SplitIdentifier("firstName") == Words{"first", "name"});
  CHECK(SplitIdentifier("E-Mail-Adresse") == Words{"e", "mail", "adresse"});
  CHECK(SplitIdentifier("HTTPServer") == Words{"http", "server"});
  CHECK(SplitIdentifier("addr2") == Words{"addr", "2"});
  CHECK(SplitIdentifier("Mixed Case Column") == Words{"mixed", "case", "column"});
  CHECK(SplitIdentifier("Téléphone") == Words{"telephone"});
  CHECK(SplitIdentifier("電話番号") == Words{"電話番号"});
  CHECK(SplitIdentifier("") == Words{});
}

TEST_CASE("names suggest categories whatever their spelling", "[scanner]") {
  CHECK(Lexicon().Judge("customer_email").category == Category::kEmail);
  CHECK(Lexicon().Judge("EMail").category == Category::kEmail);
  CHECK(Lexicon().Judge("E-Mail").category == Category::kEmail);
  CHECK(Lexicon().Judge("firstname").category == Category::kPersonName);
  CHECK(Lexicon().Judge("FirstName").category == Category::kPersonName);
  CHECK(Lexicon().Judge("TELEPHONE").category == Category::kPhone);
  CHECK(Lexicon().Judge("İSİM").category == Category::kPersonName);
}

TEST_CASE("identifier endings and cancelling phrases are negative evidence", "[scanner]") {
  CHECK(Lexicon().Judge("customer_id").negative);
  CHECK(Lexicon().Judge("order_no").negative);
  NameVerdict hashed = Lexicon().Judge("email_hash");
  CHECK(hashed.negative);
  CHECK(Lexicon().Judge("product_name").negative);
  CHECK_FALSE(Lexicon().Judge("product_name").category.has_value());
  CHECK(Lexicon().Judge("email_verified").negative);
  NameVerdict zip = Lexicon().Judge("zip_code");  // "code" belongs to the phrase
  CHECK_FALSE(zip.negative);
  CHECK(zip.category == Category::kPostalCode);
  CHECK_FALSE(Lexicon().Judge("c1").category.has_value());
}

TEST_CASE("a compound takes the category of its head", "[scanner]") {
  CHECK(Shipped().Judge("privatanschrift").category == Category::kStreetAddress);
  CHECK(Shipped().Judge("hauptdiagnose").category == Category::kHealth);
  CHECK(Shipped().Judge("nebendiagnosen").category == Category::kHealth);  // plural
  CHECK(Shipped().Judge("mobiltelefon").category == Category::kPhone);
  CHECK(Shipped().Judge("hauptdiagnose_code").negative);  // the ending still counts
  // Short heads end too many ordinary words; the modifier must be a word.
  for (const char* plain : {"automobile", "hostname", "description", "warehouse", "allocation",
                            "department", "subscription", "firmware", "created_at"}) {
    INFO(plain);
    CHECK_FALSE(Shipped().Judge(plain).category.has_value());
  }
}

TEST_CASE("SAP field names and regional short forms are known", "[scanner]") {
  CHECK(Shipped().Judge("STRAS").category == Category::kStreetAddress);
  CHECK(Shipped().Judge("PSTLZ").category == Category::kPostalCode);
  CHECK(Shipped().Judge("ORT01").category == Category::kCity);
  CHECK(Shipped().Judge("kod_poczt").category == Category::kPostalCode);
  CHECK(Shipped().Judge("num_historia").category == Category::kMedicalRecord);
}

TEST_CASE("countries, regions, salutations and systems are not personal", "[scanner]") {
  for (const char* name : {"land", "provincia", "bundesland", "anrede", "salutation", "title",
                           "system", "customer_state"}) {
    INFO(name);
    CHECK(Shipped().Judge(name).negative);
  }
}

TEST_CASE("a JSONB key that only says \"the value\" takes its parent's category", "[scanner]") {
  CHECK(Shipped().JudgeJsonKey("nr", "telefone").category == Category::kPhone);
  CHECK(Shipped().JudgeJsonKey("value", "emails").category == Category::kEmail);
  CHECK(Shipped().JudgeJsonKey("email", "contact").category == Category::kEmail);
  CHECK_FALSE(Shipped().JudgeJsonKey("type", "phones").category.has_value());
  CHECK_FALSE(Shipped().JudgeJsonKey("nr", "").category.has_value());
}

}  // namespace pgveil::scanner
