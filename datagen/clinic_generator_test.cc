// datagen/clinic_generator_test.cc
//
// Whole-database properties of GenerateClinic and ClinicTruth: determinism,
// well-formed COPY data, truth that covers every column and every JSONB
// leaf that occurs, linear scaling, identifiers whose check digits are
// recomputed here, decoys that keep their shape, and the rates the truth
// relies on.

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include <nlohmann/json.hpp>

#include "datagen/clinic_schema.h"
#include "datagen/generator.h"
#include "datagen/test_id_checks.h"
#include "datagen/test_recording_sink.h"

namespace pgveil::datagen {
namespace {

using testing::CheckTruthPaths;
using testing::ColumnIndex;
using testing::Copy;
using testing::Digits;
using testing::NationalIdValid;
using testing::NonNullValues;
using testing::RecordingSink;
using testing::Rows;

RecordingSink Generate(uint64_t seed, double scale) {
  RecordingSink sink;
  const Status s = GenerateClinic({seed, scale}, sink);
  INFO(s.message());
  REQUIRE(s.ok());
  return sink;
}

bool AllDigits(const std::string& s) { return !s.empty() && Digits(s).size() == s.size(); }

int Gs1Sum(const std::string& digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    sum += (digits[digits.size() - 1 - i] - '0') * (i % 2 == 0 ? 1 : 3);
  }
  return sum;
}

bool IbanValid(const std::string& iban) {
  std::string compact;
  for (char c : iban) {
    if (c != ' ') {
      compact.push_back(c);
    }
  }
  const std::string moved = compact.substr(4) + compact.substr(0, 4);
  int remainder = 0;
  for (char c : moved) {
    const int v = c >= 'A' ? c - 'A' + 10 : c - '0';
    remainder = (v >= 10 ? remainder * 100 + v : remainder * 10 + v) % 97;
  }
  return remainder == 1;
}

TEST_CASE("clinic: the same seed gives byte-identical output", "[datagen]") {
  const RecordingSink a = Generate(42, 0.25);
  const RecordingSink b = Generate(42, 0.25);
  CHECK(a.bytes > 500000);
  CHECK(a.bytes == b.bytes);
  CHECK(a.hash == b.hash);
}

TEST_CASE("clinic: a different seed gives different data but the same schema", "[datagen]") {
  const RecordingSink a = Generate(1, 0.1);
  const RecordingSink b = Generate(2, 0.1);
  CHECK(a.hash != b.hash);
  CHECK(a.statements == b.statements);
  CHECK(a.Table("klinik", "patienten").data != b.Table("klinik", "patienten").data);
  CHECK(a.Table("人事", "職員").data != b.Table("人事", "職員").data);
}

TEST_CASE("clinic: every COPY row has one field per column and chunks end on rows", "[datagen]") {
  const RecordingSink sink = Generate(3, 0.3);
  CHECK(sink.copies.size() == ClinicTables().size());
  CHECK(sink.max_chunk <= size_t{1} << 20);
  CHECK(sink.chunks_end_on_rows);
  for (const Copy& copy : sink.copies) {
    INFO(copy.schema << "." << copy.table);
    size_t lines = 0;
    size_t fields = 1;
    for (char c : copy.data) {
      if (c == '\t') {
        ++fields;
      }
      if (c == '\n') {
        CHECK(fields == copy.columns.size());
        fields = 1;
        ++lines;
      }
    }
    CHECK(lines > 0);
  }
}

TEST_CASE("clinic: truth names every column exactly once, partitions never", "[datagen]") {
  const RecordingSink sink = Generate(4, 0.05);
  std::set<ColumnRef> generated;
  for (const Copy& copy : sink.copies) {
    for (const std::string& c : copy.columns) {
      generated.insert({copy.schema, copy.table, c});
    }
  }
  const std::vector<std::string> added = {
      "ALTER TABLE klinik.patienten ADD COLUMN mail_angehoerige text",
      "ALTER TABLE rh.\"salariés\" ADD COLUMN \"téléphone_urgence\" text"};
  for (const std::string& statement : added) {
    CHECK(std::find(sink.statements.begin(), sink.statements.end(), statement) !=
          sink.statements.end());
  }
  generated.insert({"klinik", "patienten", "mail_angehoerige"});
  generated.insert({"rh", "salariés", "téléphone_urgence"});

  std::set<ColumnRef> truth_columns;
  const std::vector<TruthEntry> truth = ClinicTruth({4, 0.05});
  for (const TruthEntry& e : truth) {
    if (!e.path) {
      CHECK(truth_columns.insert(e.column).second);
    }
    CHECK(e.column.table.rfind("dienstplan_", 0) == std::string::npos);
  }
  CHECK(truth_columns == generated);
  CHECK(std::is_sorted(truth.begin(), truth.end(), [](const TruthEntry& a, const TruthEntry& b) {
    return std::tie(a.column, a.path) < std::tie(b.column, b.path);
  }));

  int partitions = 0;
  for (const std::string& s : sink.statements) {
    if (s.find("PARTITION OF personal.dienstplan") != std::string::npos) {
      ++partitions;
    }
  }
  CHECK(partitions == static_cast<int>(kDutyShifts.size()) + 1);
}

TEST_CASE("clinic: truth lists every JSONB leaf path that occurs, and each listed path occurs",
          "[datagen]") {
  const RecordingSink sink = Generate(5, 0.5);
  const std::vector<TruthEntry> truth = ClinicTruth({5, 0.5});
  const int json_columns = CheckTruthPaths(sink, ClinicTables(), truth);
  CHECK(json_columns == 4);
}

TEST_CASE("clinic: row counts scale linearly", "[datagen]") {
  const RecordingSink small = Generate(6, 0.1);
  const RecordingSink large = Generate(6, 0.4);
  for (const Copy& copy : small.copies) {
    INFO(copy.schema << "." << copy.table);
    const double a = static_cast<double>(Rows(copy.data).size());
    const double b = static_cast<double>(Rows(large.Table(copy.schema, copy.table).data).size());
    if (a >= 10) {
      CHECK(b / a == Approx(4.0).epsilon(0.1));
    }
  }
  CHECK(Rows(Generate(6, 1.0).Table("klinik", "patienten").data).size() == 2500);
}

TEST_CASE("clinic: national identifiers and IBANs carry valid check digits", "[datagen]") {
  const RecordingSink sink = Generate(7, 0.3);
  struct IdColumn {
    std::string_view schema, table, column;
    Country country;
  };
  const IdColumn kColumns[] = {
      {"personal", "stammdaten", "steuer_id", Country::kDE},
      {"rh", "salariés", "num_secu", Country::kFR},
      {"clinica", "pacientes", "dni_nie", Country::kES},
      {"telemedicina", "consultas", "cpf", Country::kBR},
      {"staging", "legacy_import", "f1", Country::kPL},
  };
  for (const IdColumn& c : kColumns) {
    INFO(c.schema << "." << c.table << "." << c.column);
    const std::vector<std::string> ids = NonNullValues(sink.Table(c.schema, c.table), c.column);
    CHECK(ids.size() > 50);
    for (const std::string& id : ids) {
      CHECK(NationalIdValid(c.country, id));
    }
  }

  // FHIR identifiers: the country follows from the naming system.
  const std::map<std::string, Country> kSystems = {
      {"urn:oid:1.2.250.1.213.1.4.8", Country::kFR},
      {"urn:oid:1.3.6.1.4.1.19126.3", Country::kES},
      {"http://hl7.it/sid/codiceFiscale", Country::kIT},
      {"http://fhir.nl/fhir/NamingSystem/bsn", Country::kNL},
      {"urn:oid:2.16.840.1.113883.3.4424.1.1.616", Country::kPL},
      {"urn:oid:1.2.752.129.2.1.3.1", Country::kSE}};
  std::set<Country> countries;
  for (const std::string& doc :
       NonNullValues(sink.Table("schnittstelle", "hl7_nachrichten"), "payload")) {
    const nlohmann::json json = nlohmann::json::parse(doc);
    if (!json.contains("identifier")) {
      continue;
    }
    for (const auto& identifier : json.at("identifier")) {
      const Country country = kSystems.at(identifier.at("system").get<std::string>());
      countries.insert(country);
      CHECK(NationalIdValid(country, identifier.at("value").get<std::string>()));
    }
  }
  CHECK(countries.size() == kSystems.size());

  for (const auto& [schema, table, column] :
       {std::tuple{"personal", "stammdaten", "bankverbindung"},
        std::tuple{"rh", "salariés", "rib_iban"}}) {
    for (const std::string& iban : NonNullValues(sink.Table(schema, table), column)) {
      CHECK(IbanValid(iban));
    }
  }
}

TEST_CASE("clinic: decoys keep the shapes that make them decoys", "[datagen]") {
  const RecordingSink sink = Generate(8, 0.3);
  for (const std::string& pzn : NonNullValues(sink.Table("klinik", "arzneimittel"), "pzn")) {
    REQUIRE(pzn.size() == 8);
    int sum = 0;
    for (int i = 0; i < 7; ++i) {
      sum += (pzn[i] - '0') * (i + 1);
    }
    CHECK(sum % 11 == pzn[7] - '0');
  }
  for (const std::string& barcode :
       NonNullValues(sink.Table("klinik", "labor_proben"), "barcode")) {
    CHECK(barcode.size() == 10);
    CHECK(AllDigits(barcode));
    CHECK(Gs1Sum(barcode) % 10 == 0);
  }
  for (const std::string& udi : NonNullValues(sink.Table("medizintechnik", "geraete"), "udi_di")) {
    CHECK(udi.size() == 14);
    CHECK(Gs1Sum(udi) % 10 == 0);
  }
  // Phone-shaped appointment numbers.
  for (const std::string& n : NonNullValues(sink.Table("klinik", "faelle"), "termin_nr")) {
    CHECK((n.size() == 11 && n[0] == '0' && n[1] != '0' && AllDigits(n)));
  }
  for (const std::string& n : NonNullValues(sink.Table("clinica", "citas"), "num_cita")) {
    CHECK((n.size() == 9 && n[0] == '9' && AllDigits(n)));
  }
  // Diagnoses come from the catalogue; the catalogue names no one.
  std::set<std::string> catalogue;
  for (const std::string& code : NonNullValues(sink.Table("klinik", "icd10_katalog"), "kode")) {
    catalogue.insert(code);
  }
  for (const std::string& code : NonNullValues(sink.Table("klinik", "faelle"), "hauptdiagnose")) {
    CHECK(catalogue.count(code) == 1);
  }
  // A building's latitude, stored as a bare number, somewhere in Germany.
  const Copy& config = sink.Table("betrieb", "konfiguration");
  const size_t key = ColumnIndex(config, "schluessel"), value = ColumnIndex(config, "wert");
  int latitudes = 0;
  for (const auto& row : Rows(config.data)) {
    if (!row[key]->ends_with(".gebaeude.lat")) {
      continue;
    }
    ++latitudes;
    const double lat = std::stod(*row[value]);
    CHECK((lat > 45 && lat < 57));
  }
  CHECK(latitudes >= 5);
}

TEST_CASE("clinic: rates the truth relies on", "[datagen]") {
  const RecordingSink sink = Generate(9, 1.0);
  const auto share = [&](std::string_view schema, std::string_view table, std::string_view column) {
    const Copy& copy = sink.Table(schema, table);
    return static_cast<double>(NonNullValues(copy, column).size()) /
           static_cast<double>(Rows(copy.data).size());
  };
  // Sparse PII columns still hold values in well over 10 % of the rows.
  CHECK(share("personal", "stammdaten", "geburtsname") > 0.1);
  CHECK(share("personal", "stammdaten", "schwerbehinderung") > 0.1);
  CHECK(share("clinica", "pacientes", "pasaporte") > 0.1);
  CHECK(share("portal", "userAccounts", "apiToken") > 0.15);
  // Judged by name alone: never filled in.
  CHECK(share("portal", "userAccounts", "secondaryEmail") == 0);

  // Reminder destinations mix e-mail addresses and phone numbers.
  int emails = 0, phones = 0;
  for (const std::string& doc : NonNullValues(sink.Table("clinica", "citas"), "datos")) {
    const nlohmann::json json = nlohmann::json::parse(doc);
    if (!json.contains("recordatorio")) {
      continue;
    }
    const std::string destination = json.at("recordatorio").at("destino").get<std::string>();
    (destination.find('@') != std::string::npos ? emails : phones)++;
  }
  CHECK(emails > 0.1 * (emails + phones));
  CHECK(phones > 0.5 * (emails + phones));
}

TEST_CASE("clinic: a bad scale is rejected and sink errors carry the table", "[datagen]") {
  testing::CheckBadScaleAndSinkErrors(GenerateClinic, "klinik.patienten");
}

TEST_CASE("clinic: truth JSON has the key answers", "[datagen]") {
  const auto answers = testing::TruthAnswers(ClinicTruth({}));
  using V = std::vector<std::string>;
  CHECK(answers.at("klinik.patienten.geb_dat") == V{"date_of_birth"});
  CHECK(answers.at("klinik.patienten.konfession") == V{"religion"});
  CHECK(answers.at("klinik.patienten.mail_angehoerige") == V{"email"});
  CHECK(answers.at("klinik.patienten.kontakt $.telefone[*].nr") == V{"phone"});
  CHECK(answers.at("klinik.patienten.kontakt $.versicherung.ik").empty());
  CHECK(answers.at("klinik.faelle.termin_nr").empty());
  CHECK(answers.at("klinik.icd10_katalog.kode").empty());
  CHECK(answers.at("klinik.faelle.hauptdiagnose") == V{"health"});
  CHECK(answers.at("personal.stammdaten.personalnummer").empty());
  CHECK(answers.at("personal.stammdaten.steuer_id") == V{"national_id", "tax_id"});
  CHECK(answers.at("betrieb.konfiguration.wert").empty());
  CHECK(answers.at("staging.legacy_import.f1") == V{"national_id"});
  CHECK(answers.at("staging.legacy_import.attr_3") == V{"phone"});
  CHECK(answers.at("clinica.citas.datos $.recordatorio.destino") == V{"email", "phone"});
  CHECK(answers.at("clinica.citas.datos $.\"acompañante\".nombre") == V{"person_name"});
  CHECK(answers.at("人事.職員.連絡先 $.\"緊急連絡先\".\"電話\"") == V{"phone"});
  CHECK(answers.at("portal.userAccounts.secondaryEmail") == V{"email"});
  CHECK(answers.at("schnittstelle.hl7_nachrichten.payload") ==
        V{"city", "date_of_birth", "email", "national_id", "person_name", "phone", "postal_code",
          "street_address"});
  CHECK(answers.count("personal.dienstplan_F.schicht") == 0);
}

}  // namespace
}  // namespace pgveil::datagen
