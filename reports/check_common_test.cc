// reports/check_common_test.cc
//
// The text hygiene and naming every check writer relies on.

#include "reports/check_common.h"

#include <catch2/catch.hpp>

namespace pgveil::reports {
namespace {

Violation OnColumn(std::string schema, std::string table, std::string column) {
  Violation v;
  v.rule = "unmasked-pii";
  v.column = {std::move(schema), std::move(table), std::move(column)};
  v.message = "Column holds email data.";
  return v;
}

TEST_CASE("ValidUtf8 replaces ill-formed sequences and keeps the rest", "[reports]") {
  CHECK(ValidUtf8("Bestellungen_ü") == "Bestellungen_ü");
  CHECK(ValidUtf8("a\xFF"
                  "b") ==
        "a\xEF\xBF\xBD"
        "b");
  CHECK(ValidUtf8("\xC0\xAF") == "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong "/"
  CHECK(ValidUtf8("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(ValidUtf8("x\xE2\x82") == "x\xEF\xBF\xBD\xEF\xBF\xBD");                // truncated
  CHECK(ValidUtf8("tab\there") == "tab\there");
}

TEST_CASE("Printable shows control characters as U+FFFD", "[reports]") {
  CHECK(Printable("c\n::error::x") == "c\xEF\xBF\xBD::error::x");
  CHECK(Printable("\x1b[31mred") == "\xEF\xBF\xBD[31mred");
  CHECK(Printable("\xC2\x9B"
                  "2J") ==
        "\xEF\xBF\xBD"
        "2J");  // C1 CSI
  CHECK(Printable("we\"ird <col> & co") == "we\"ird <col> & co");
}

TEST_CASE("DisplayWidth counts code points, wide ones twice", "[reports]") {
  CHECK(DisplayWidth("abc") == 3);
  CHECK(DisplayWidth("ü") == 1);
  CHECK(DisplayWidth("顧客") == 4);
}

TEST_CASE("a violation is named by table, column and path", "[reports]") {
  Violation v = OnColumn("public", "customers", "profile");
  v.path = "$.contact.email";
  CHECK(SubjectOf(v) == "public.customers.profile $.contact.email");
  CHECK(HeadlineOf(v) == "public.customers.profile $.contact.email: Column holds email data.");
  Violation table = OnColumn("public", "legacy", "");
  table.message = "Rule for table public.legacy, which no longer exists.";
  CHECK(SubjectOf(table) == "public.legacy");
  CHECK(HeadlineOf(table) == table.message);  // already names its subject
  v.is_new = true;
  CHECK(AnnotationOf(v).ends_with(" (new since the baseline)"));
}

TEST_CASE("anchors fall back to the policy file and line 1", "[reports]") {
  CheckResult result;
  result.policy_file = "pgveil.yaml";
  Violation v = OnColumn("public", "t", "c");
  CHECK(AnchorFile(result, v) == "pgveil.yaml");
  CHECK(AnchorLine(v) == 1);
  v.location.file = "db/0001.sql";
  v.location.line = 12;
  CHECK(AnchorFile(result, v) == "db/0001.sql");
  CHECK(AnchorLine(v) == 12);
}

TEST_CASE("an empty fingerprint falls back to its unhashed input", "[reports]") {
  Violation v = OnColumn("public", "customers", "profile");
  v.path = "$.a";
  v.category = Category::kEmail;
  CHECK(FingerprintOf(v) == "unmasked-pii|public.customers.profile#$.a|email");
  v.fingerprint = "abc123";
  CHECK(FingerprintOf(v) == "abc123");
}

TEST_CASE("errors come before warnings, each in the given order", "[reports]") {
  CheckResult result;
  for (auto [name, severity] : {std::pair{"a", Severity::kWarning},
                                {"b", Severity::kError},
                                {"c", Severity::kWarning},
                                {"d", Severity::kError}}) {
    Violation v = OnColumn("s", "t", name);
    v.severity = severity;
    result.violations.push_back(v);
  }
  std::string order;
  for (const Violation* v : ErrorsThenWarnings(result)) order += v->column.column;
  CHECK(order == "bdac");
  CHECK(CountOf(1, "error") == "1 error");
  CHECK(CountOf(2, "warning") == "2 warnings");
}

}  // namespace
}  // namespace pgveil::reports
