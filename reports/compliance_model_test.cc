// The judgements of the compliance model: how the policy's rules, path
// rules, skips and suppressions treat a finding; Safe Harbor's stricter
// demand on dates and ZIP codes; coverage arithmetic; the suppression
// register; findings below the confidence bar left out of every count.
#include "reports/compliance_model.h"

#include <catch2/catch.hpp>

#include "policy/policy_loader.h"

namespace pgveil::reports {
namespace {

constexpr policy::CalendarDate kToday{2026, 3, 1};

Finding At(std::string table, std::string column, Category category, double confidence = 0.9,
           std::optional<std::string> path = std::nullopt) {
  Finding f;
  f.column = {"public", std::move(table), std::move(column)};
  f.category = category;
  f.confidence = confidence;
  f.match_ratio = 0.8;
  f.values_sampled = 100;
  f.path = std::move(path);
  return f;
}

policy::Policy Load(const std::string& yaml) {
  Result<policy::Policy> loaded = policy::LoadPolicy(yaml, "pgveil.yaml");
  INFO((loaded.ok() ? "" : loaded.status().message()));
  REQUIRE(loaded.ok());
  return *loaded;
}

constexpr const char* kPolicy = R"(version: 1
mode: relaxed
tables:
  public.patients:
    name: {transform: fake_name}
    born: {transform: date_shift}
    visit: {transform: date_generalize}
    admitted: {transform: date_generalize, to: month}
    zip: {transform: postal_generalize}
    zip_alt: {transform: fpe_alnum, alphabet: upper}
    phone: keep
    profile:
      transform: json
      paths:
        "$.contact.email": {transform: email}
        "$.contact.fax": keep
  public.audit: skip
suppress:
  - column: public.patients.code
    reason: internal product code
  - column: public.patients.phone
    category: phone
    reason: switchboard numbers
    expires: 2026-01-31
  - column: public.patients.gone
    reason: nothing here any more
)";

ComplianceInput Input(std::vector<Finding> findings) {
  ComplianceInput input;
  input.policy = Load(kPolicy);
  input.scan.findings = std::move(findings);
  input.today = kToday;
  return input;
}

const HipaaRow& Row(const ComplianceReport& report, char letter) {
  for (const HipaaRow& row : report.hipaa) {
    if (row.letter == letter) return row;
  }
  FAIL("no HIPAA row " << letter);
  return report.hipaa.front();
}

TEST_CASE("treatments follow column rules, path rules, skips and suppressions", "[reports]") {
  policy::Policy p = Load(kPolicy);
  Treatment name = TreatmentOf(p, At("patients", "name", Category::kPersonName), kToday);
  CHECK(name.protection == Protection::kMasked);
  CHECK(name.method == "fake_name");
  CHECK(name.uniqueness == "not guaranteed");
  CHECK_FALSE(name.generalises);
  CHECK(name.policy_line == 5);

  Treatment email =
      TreatmentOf(p, At("patients", "profile", Category::kEmail, 0.9, "$.contact.email"), kToday);
  CHECK(email.protection == Protection::kMasked);
  CHECK(email.method == "email");
  CHECK(email.rule_path == "$.contact.email");

  CHECK(TreatmentOf(p, At("patients", "profile", Category::kPhone, 0.9, "$.contact.fax"), kToday)
            .protection == Protection::kKept);
  CHECK(TreatmentOf(p, At("patients", "profile", Category::kCity, 0.9, "$.home.city"), kToday)
            .protection == Protection::kUncovered);
  Treatment skipped = TreatmentOf(p, At("audit", "ip", Category::kIpAddress), kToday);
  CHECK(skipped.protection == Protection::kMasked);
  CHECK(skipped.method == "skip");
  CHECK(TreatmentOf(p, At("patients", "code", Category::kNationalId), kToday).protection ==
        Protection::kSuppressed);
  // The phone suppression expired on 2026-01-31: the keep rule shows again.
  CHECK(TreatmentOf(p, At("patients", "phone", Category::kPhone), kToday).protection ==
        Protection::kKept);
  CHECK(TreatmentOf(p, At("patients", "phone", Category::kPhone), {2026, 1, 31}).protection ==
        Protection::kSuppressed);
}

TEST_CASE("Safe Harbor passes dates and ZIP codes only when generalised", "[reports]") {
  ComplianceReport report = BuildComplianceReport(Input({
      At("patients", "admitted", Category::kDateOfBirth),
      At("patients", "born", Category::kDateOfBirth),
      At("patients", "name", Category::kPersonName),
      At("patients", "visit", Category::kDateOfBirth),
      At("patients", "zip", Category::kPostalCode),
      At("patients", "zip_alt", Category::kPostalCode),
  }));
  const HipaaRow& dates = Row(report, 'C');
  REQUIRE(dates.locations.size() == 3);
  CHECK(dates.status == HipaaStatus::kFail);
  for (const HipaaLocation& l : dates.locations) {
    INFO(l.column.column);
    CHECK(l.passes == (l.column.column == "visit"));
  }
  const HipaaRow& geo = Row(report, 'B');
  REQUIRE(geo.locations.size() == 2);
  CHECK(geo.locations[0].passes);        // zip: postal_generalize
  CHECK_FALSE(geo.locations[1].passes);  // zip_alt: encrypted, not generalised
  CHECK(geo.locations[1].reason == "fpe_alnum keeps more of the code than its first three digits.");
  CHECK(Row(report, 'A').status == HipaaStatus::kPass);
  CHECK(Row(report, 'F').status == HipaaStatus::kNotFound);
  CHECK(Row(report, 'E').status == HipaaStatus::kNotAssessed);
  CHECK(Row(report, 'Q').status == HipaaStatus::kNotAssessed);
  CHECK(report.hipaa.size() == 18);
  CHECK(report.summary.hipaa_pass == 1);
  CHECK(report.summary.hipaa_fail == 2);
}

TEST_CASE("coverage counts locations once, at their worst, and leaves out possible PII",
          "[reports]") {
  ComplianceReport report = BuildComplianceReport(Input({
      At("patients", "code", Category::kNationalId),
      At("patients", "name", Category::kPersonName),
      At("patients", "notes", Category::kEmail),
      At("patients", "notes", Category::kPhone),
      At("patients", "phone", Category::kPhone),
      At("patients", "zip", Category::kPostalCode, 0.3),
  }));
  REQUIRE(report.coverage.size() == 1);
  const CoverageCounts& c = report.coverage[0].pii;
  CHECK(c.masked == 1);
  CHECK(c.kept == 1);
  CHECK(c.suppressed == 1);
  CHECK(c.uncovered == 1);
  CHECK(c.Percent() == Approx(100.0 / 3));
  CHECK(report.summary.pii_columns == 4);
  CHECK(report.summary.possible == 1);
  CHECK(report.summary.categories == 4);
  CHECK(report.inventory.size() == 6);
  CHECK(CoverageCounts{}.Percent() == 100.0);
}

TEST_CASE("the suppression register says active, expired or unused", "[reports]") {
  ComplianceReport report = BuildComplianceReport(Input({
      At("patients", "code", Category::kNationalId),
      At("patients", "phone", Category::kPhone),
  }));
  REQUIRE(report.suppressions.size() == 3);
  CHECK(report.suppressions[0].state == SuppressionState::kActive);
  CHECK(report.suppressions[0].matched == 1);
  CHECK(report.suppressions[1].state == SuppressionState::kExpired);
  CHECK(report.suppressions[1].expires == "2026-01-31");
  CHECK(report.suppressions[2].state == SuppressionState::kUnused);
  CHECK(report.summary.suppressions_expired == 1);
}

TEST_CASE("GDPR special categories are named with their article", "[reports]") {
  ComplianceReport report = BuildComplianceReport(Input({
      At("patients", "conviction", Category::kCriminalRecord),
      At("patients", "diagnosis", Category::kHealth),
      At("patients", "name", Category::kPersonName),
  }));
  CHECK(report.summary.special_locations == 2);
  REQUIRE(report.gdpr.categories.size() == 3);
  CHECK(report.gdpr.categories[0].article.empty());
  CHECK(report.gdpr.categories[1].article == "Art. 9");
  CHECK(report.gdpr.categories[2].article == "Art. 10");
  CHECK(report.gdpr.categories[2].exposed == 1);
  REQUIRE(report.gdpr.measures.size() == 1);
  CHECK(report.gdpr.measures[0].method == "fake_name");
  CHECK(report.gdpr.measures[0].keyed);
  CHECK(report.gdpr.key_source == "environment variable PGVEIL_KEY");
}

}  // namespace
}  // namespace pgveil::reports
