#include "scanner/classifier.h"

#include <catch2/catch.hpp>

namespace pgveil::scanner {
namespace {

dictionaries::DetectorSpec Spec(std::string id, Category category, double min_ratio) {
  dictionaries::DetectorSpec spec;
  spec.id = std::move(id);
  spec.category = category;
  spec.min_ratio = min_ratio;
  return spec;
}

const std::vector<dictionaries::DetectorSpec> kSpecs = {Spec("email", Category::kEmail, 0.1),
                                                        Spec("phone", Category::kPhone, 0.5)};

ValueProfile Profile(int64_t non_null, int64_t emails, int64_t phones,
                     int64_t embedded_emails = 0) {
  ValueProfile p(kSpecs.size());
  p.non_null = non_null;
  p.detector_whole = {emails, phones};
  p.whole[static_cast<size_t>(Category::kEmail)] = emails;
  p.whole[static_cast<size_t>(Category::kPhone)] = phones;
  p.embedded[static_cast<size_t>(Category::kEmail)] = embedded_emails;
  return p;
}

std::vector<Verdict> Run(const ValueProfile& p, NameVerdict name = {},
                         std::string_view type = "text", char type_category = 'S') {
  return Classify({p, name, type, type_category}, kSpecs, 0.10);
}

}  // namespace

TEST_CASE("Wilson lower bound grows with sample size", "[scanner]") {
  CHECK(WilsonLowerBound(3, 3) < WilsonLowerBound(300, 300));
  CHECK(WilsonLowerBound(0, 100) == 0);
  CHECK(WilsonLowerBound(50, 100) == Approx(0.4038).epsilon(0.001));
}

TEST_CASE("values decide when enough match, and confidence reflects sample size", "[scanner]") {
  auto many = Run(Profile(300, 297, 0));
  REQUIRE(many.size() == 1);
  CHECK(many[0].category == Category::kEmail);
  CHECK(many[0].match_ratio == Approx(0.99));
  auto few = Run(Profile(3, 3, 0));
  REQUIRE(few.size() == 1);
  CHECK(few[0].confidence < many[0].confidence);
  CHECK(Run(Profile(300, 5, 0)).empty());  // a stray match in a clean column
}

TEST_CASE("weak detectors need a majority unless the name agrees", "[scanner]") {
  CHECK(Run(Profile(100, 0, 30)).empty());
  NameVerdict phone_name{Category::kPhone, false, "telefon"};
  auto named = Run(Profile(100, 0, 30), phone_name);
  REQUIRE(named.size() == 1);
  CHECK(named[0].category == Category::kPhone);
  CHECK(named[0].signals == std::vector<std::string>{"value:phone", "name:telefon"});
}

TEST_CASE("an identifier-like name blocks weak detectors", "[scanner]") {
  NameVerdict order_no{std::nullopt, true, ""};
  CHECK(Run(Profile(100, 0, 100), order_no).empty());
}

TEST_CASE("free text with embedded PII in enough rows is a finding", "[scanner]") {
  auto notes = Run(Profile(200, 0, 0, 60));
  REQUIRE(notes.size() == 1);
  CHECK(notes[0].category == Category::kEmail);
  CHECK(notes[0].signals == std::vector<std::string>{"value-embedded:email"});
}

TEST_CASE("an empty new column is judged on name alone", "[scanner]") {
  NameVerdict email_name{Category::kEmail, false, "email"};
  auto verdicts = Run(Profile(0, 0, 0), email_name);
  REQUIRE(verdicts.size() == 1);
  CHECK(verdicts[0].category == Category::kEmail);
  CHECK(verdicts[0].signals == std::vector<std::string>{"name:email"});
}

TEST_CASE("values that contradict a name outvote it", "[scanner]") {
  NameVerdict email_name{Category::kEmail, false, "email"};
  CHECK(Run(Profile(100, 0, 0), email_name).empty());
}

TEST_CASE("type evidence: inet is an IP address, boolean never PII", "[scanner]") {
  auto inet = Run(Profile(50, 0, 0), {}, "inet", 'I');
  REQUIRE(inet.size() == 1);
  CHECK(inet[0].category == Category::kIpAddress);
  NameVerdict email_name{Category::kEmail, false, "email"};
  CHECK(Run(Profile(0, 0, 0), email_name, "bool", 'B').empty());
}

TEST_CASE("date of birth needs the name and a date type or date values", "[scanner]") {
  NameVerdict dob{Category::kDateOfBirth, false, "dob"};
  auto typed = Run(Profile(100, 0, 0), dob, "date", 'D');
  REQUIRE(typed.size() == 1);
  CHECK(typed[0].category == Category::kDateOfBirth);
  CHECK(typed[0].confidence == Approx(0.9));
  CHECK(Run(Profile(100, 0, 0), {}, "date", 'D').empty());
}

TEST_CASE("verdicts settle when no plausible ratio would change them", "[scanner]") {
  auto settled = [](const ValueProfile& p) { return Settled({p, {}, "text", 'S'}, kSpecs, 0.10); };
  CHECK(settled(Profile(1000, 1000, 0)));  // all emails
  CHECK(settled(Profile(1000, 0, 0)));     // nothing at all
  // 11 % emails: just over the 10 % bar, and 1,000 values cannot tell.
  CHECK_FALSE(settled(Profile(1000, 110, 0)));
  // Phones need half the values; 52 % of 500 could be 45 % of all.
  CHECK_FALSE(settled(Profile(500, 0, 260)));
  CHECK(settled(Profile(5000, 0, 4500)));
  // Two categories both clear their bars, and the lead is not clear.
  CHECK_FALSE(settled(Profile(1000, 560, 540)));
}

}  // namespace pgveil::scanner
