#include <catch2/catch.hpp>

#include "policy/calendar_date.h"
#include "policy/path_match.h"
#include "policy/qualified_name.h"

namespace pgveil::policy {

TEST_CASE("calendar dates are real dates in YYYY-MM-DD", "[policy]") {
  CHECK(ParseCalendarDate("2027-06-30").value() == CalendarDate{2027, 6, 30});
  CHECK(ParseCalendarDate("2024-02-29").ok());
  CHECK(ParseCalendarDate("2000-02-29").ok());
  CHECK_FALSE(ParseCalendarDate("1900-02-29").ok());
  CHECK_FALSE(ParseCalendarDate("2027-04-31").ok());
  CHECK_FALSE(ParseCalendarDate("2027-00-10").ok());
  CHECK_FALSE(ParseCalendarDate("0000-01-01").ok());
  CHECK_FALSE(ParseCalendarDate("2027-06-30T00:00").ok());
  CHECK_FALSE(ParseCalendarDate("2O27-06-30").ok());
  CHECK(CalendarDate{2027, 1, 2}.ToString() == "2027-01-02");
  CHECK(CalendarDate{2026, 12, 31} < CalendarDate{2027, 1, 1});
}

TEST_CASE("qualified names split at dots outside quotes", "[policy]") {
  CHECK(ParseTableName("customers").value() == TableName{"public", "customers"});
  CHECK(ParseTableName("crm.Leads").value() == TableName{"crm", "Leads"});
  CHECK(ParseTableName("\"a.b\".\"c\"\"d\"").value() == TableName{"a.b", "c\"d"});
  CHECK(ParseColumnName("public.t.\"E-Mail\"").value() == ColumnRef{"public", "t", "E-Mail"});
  CHECK_FALSE(ParseTableName("a..b").ok());
  CHECK_FALSE(ParseTableName("a.b.c").ok());
  CHECK_FALSE(ParseTableName("\"open").ok());
  CHECK_FALSE(ParseTableName("\"a\"b").ok());
  CHECK_FALSE(ParseColumnName("t.c").ok());
  CHECK(FormatColumnName({"public", "a.b", "c\"d"}) == "public.\"a.b\".\"c\"\"d\"");
  for (std::string name : {"plain", "a.b", "q\"uote", " lead", "Ähnlich"}) {
    CHECK(ParseTableName(FormatTableName({"s", name})).value() == TableName{"s", name});
  }
}

TEST_CASE("a path rule covers its path and everything below it", "[policy]") {
  std::vector<PathRule> rules(4);
  rules[0].path = "$.contact";
  rules[1].path = "$.contact.email";
  rules[2].path = "$.*.phones[*]";
  rules[3].path = "$.items[0]";
  auto rule = [&](const std::string& target) {
    const PathRule* found = FindPathRule(rules, target);
    return found == nullptr ? std::string("none") : found->path;
  };
  CHECK(rule("$.contact.email") == "$.contact.email");
  CHECK(rule("$.contact.fax") == "$.contact");
  CHECK(rule("$.contact.phones[*]") == "$.*.phones[*]");
  CHECK(rule("$.work.phones[*]") == "$.*.phones[*]");
  CHECK(rule("$.items[*].name") == "none");  // [0] covers one element only
  CHECK(rule("$.other") == "none");
}

}  // namespace pgveil::policy
