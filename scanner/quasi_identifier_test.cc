#include "scanner/quasi_identifier.h"

#include <catch2/catch.hpp>

#include "scanner/column_scanner.h"

namespace pgveil::scanner {
namespace {

ColumnInfo Column(const std::string& name, const std::string& type, char category) {
  ColumnInfo column;
  column.name = name;
  column.type_name = type;
  column.data_type = type;
  column.type_category = category;
  return column;
}

TableInfo Patients() {
  TableInfo table;
  table.schema = "public";
  table.name = "patients";
  return table;
}

// The kind and signals, or "none".
std::string Judge(const ColumnInfo& column, std::vector<std::string> values = {},
                  std::vector<Finding> findings = {}) {
  ColumnSample sample{std::move(values)};
  std::optional<QuasiIdentifier> quasi = JudgeQuasiIdentifier(Patients(), column, sample, findings);
  if (!quasi) return "none";
  std::string text(QuasiKindId(quasi->kind));
  for (const std::string& signal : quasi->signals) text += " " + signal;
  return text;
}

std::vector<std::string> Repeat(std::vector<std::string> values, size_t times) {
  std::vector<std::string> out;
  for (size_t i = 0; i < times; ++i) out.insert(out.end(), values.begin(), values.end());
  return out;
}

TEST_CASE("quasi-identifiers are recognised by name and type", "[scanner][quasi]") {
  CHECK(Judge(Column("sex", "bpchar", 'S')) == "gender name:sex");
  CHECK(Judge(Column("patient_gender", "text", 'S')) == "gender name:gender");
  CHECK(Judge(Column("Geschlecht", "text", 'S')) == "gender name:geschlecht");
  CHECK(Judge(Column("age", "int4", 'N')) == "age name:age");
  CHECK(Judge(Column("birthYear", "int2", 'N')) == "birth_date name:birthyear");
  CHECK(Judge(Column("job_title", "varchar", 'S')) == "job_title name:jobtitle");
  CHECK(Judge(Column("Nationalität", "text", 'S')) == "nationality name:nationalitat");
  CHECK(Judge(Column("marital_status", "text", 'S')) == "marital_status name:maritalstatus");
  CHECK(Judge(Column("zip", "text", 'S')) == "postal_code name:zip");
  // The type must fit, and a qualifier can make it something else.
  CHECK(Judge(Column("age", "text", 'S')) == "none");
  CHECK(Judge(Column("max_age", "int4", 'N')) == "none");
  CHECK(Judge(Column("page", "int4", 'N')) == "none");
  CHECK(Judge(Column("sex", "jsonb", 'U')) == "none");
  ColumnInfo key = Column("zip", "text", 'S');
  key.primary_key = true;
  CHECK(Judge(key) == "none");
}

TEST_CASE("values confirm or overrule a quasi-identifier", "[scanner][quasi]") {
  // Seconds called "age" are not ages.
  CHECK(Judge(Column("age", "int4", 'N'), Repeat({"3600", "86400", "120"}, 10)) == "none");
  CHECK(Judge(Column("age", "int4", 'N'), Repeat({"34", "71", "5"}, 10)) ==
        "age name:age value:age");
  CHECK(Judge(Column("sex", "text", 'S'), Repeat({"1", "2", "2"}, 10)) ==
        "gender name:sex value:gender");
  // Values alone: sex codes, both present, under any name.
  CHECK(Judge(Column("s", "text", 'S'), Repeat({"M", "F", "f", "m", "divers"}, 10)) ==
        "gender value:gender");
  CHECK(Judge(Column("s", "text", 'S'), Repeat({"M", "M"}, 10)) == "none");
  CHECK(Judge(Column("size", "text", 'S'), Repeat({"S", "M", "L", "XL", "F"}, 10)) == "none");
  CHECK(Judge(Column("flag", "text", 'S'), Repeat({"1", "2"}, 10)) == "none");
}

TEST_CASE("findings that are quasi-identifiers are marked", "[scanner][quasi]") {
  Finding born;
  born.column = {"public", "patients", "dob_text"};
  born.category = Category::kDateOfBirth;
  CHECK(Judge(Column("dob_text", "text", 'S'), {}, {born}) == "birth_date finding:date_of_birth");
  Finding email = born;
  email.category = Category::kEmail;
  CHECK(Judge(Column("contact", "text", 'S'), {}, {email}) == "none");
}

TEST_CASE("the column scanner reports quasi-identifiers", "[scanner][quasi]") {
  auto scanner = ColumnScanner::Create();
  REQUIRE(scanner.ok());
  auto context = (*scanner)->NewContext();
  ColumnSample sample{Repeat({"female", "male"}, 20)};
  ColumnScan scan =
      (*scanner)->Scan(Patients(), Column("gender", "text", 'S'), sample, 40, *context);
  CHECK(scan.findings.empty());  // not personal data on its own
  REQUIRE(scan.quasi_identifier);
  CHECK(scan.quasi_identifier->kind == QuasiKind::kGender);
  CHECK(scan.quasi_identifier->column.column == "gender");
}

}  // namespace
}  // namespace pgveil::scanner
