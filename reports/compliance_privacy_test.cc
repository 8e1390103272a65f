// The privacy verdict of the compliance report: which regime each location,
// table and the whole masked copy fall under, and why.
#include <catch2/catch.hpp>

#include "policy/policy_loader.h"
#include "reports/compliance_model.h"

namespace pgveil::reports {
namespace {

Finding At(const std::string& table, const std::string& column, Category category) {
  Finding f;
  f.column = {"public", table, column};
  f.category = category;
  f.confidence = 0.9;
  return f;
}

QuasiIdentifier Quasi(const std::string& table, const std::string& column, QuasiKind kind) {
  return {{"public", table, column}, kind, {"name:" + column}};
}

ComplianceInput Input(const std::string& rules) {
  ComplianceInput input;
  Result<policy::Policy> loaded =
      policy::LoadPolicy("version: 1\nmode: relaxed\ntables:\n" + rules, "pgveil.yaml");
  INFO((loaded.ok() ? "" : loaded.status().message()));
  REQUIRE(loaded.ok());
  input.policy = std::move(loaded).value();
  input.scan.findings = {At("customers", "email", Category::kEmail),
                         At("patients", "born", Category::kDateOfBirth),
                         At("patients", "zip", Category::kPostalCode)};
  input.scan.quasi_identifiers = {Quasi("patients", "born", QuasiKind::kBirthDate),
                                  Quasi("patients", "sex", QuasiKind::kGender),
                                  Quasi("patients", "zip", QuasiKind::kPostalCode)};
  input.today = {2026, 3, 1};
  return input;
}

TableAnonymity Measured(int64_t k, int64_t below) {
  TableAnonymity a;
  a.schema = "public";
  a.table = "patients";
  a.quasi_identifiers = {"born", "sex", "zip"};
  a.rows = 60;
  a.classes = 12;
  a.k = k;
  a.rows_below_bar = below;
  return a;
}

// The customers' email masked by `email_rule`, the patients' dates and ZIP
// codes generalised, and the copy measured with k = 5.
ComplianceInput MeasuredInput(const std::string& email_rule) {
  ComplianceInput input = Input("  public.customers:\n    email: " + email_rule +
                                "\n  public.patients:\n    born: date_generalize\n"
                                "    zip: postal_generalize\n");
  input.anonymity = {Measured(5, 0)};
  input.anonymity_measured = true;
  return input;
}

const TableVerdict& Table(const PrivacyVerdict& verdict, const std::string& name) {
  for (const TableVerdict& t : verdict.tables) {
    if (t.table == name) return t;
  }
  FAIL("no verdict for " << name);
  return verdict.tables.front();
}

TEST_CASE("a key that can undo the masking makes the copy pseudonymous", "[reports][privacy]") {
  const ComplianceReport report = BuildComplianceReport(MeasuredInput("{transform: fpe_alnum}"));
  const PrivacyVerdict& p = report.privacy;
  CHECK(policy::IdentifiabilityName(p.verdict) == "pseudonymous");
  CHECK(p.sentence ==
        "The masked copy is pseudonymous: public.customers.email (fpe_alnum): FF1, reversible "
        "with the key.");
  CHECK_THAT(p.gdpr_consequence, Catch::Contains("Art. 4(5)"));
  CHECK(policy::IdentifiabilityName(Table(p, "patients").verdict) == "anonymous");
  CHECK(Table(p, "patients").reason == "public.patients: k = 5 over born, sex, zip, at least 5");
  REQUIRE(p.locations.size() == 3);
  CHECK(p.locations[0].column.column == "email");
  CHECK(policy::IdentifiabilityName(p.locations[0].verdict) == "pseudonymous");
  CHECK(p.locations[1].quasi_kind == QuasiKind::kBirthDate);
}

TEST_CASE("irreversible rules and k at the bar make it anonymous", "[reports][privacy]") {
  ComplianceInput input = MeasuredInput("null");
  const PrivacyVerdict p = BuildComplianceReport(input).privacy;
  CHECK(policy::IdentifiabilityName(p.verdict) == "anonymous");
  CHECK(p.sentence ==
        "The masked copy is anonymous: every personal value is removed or generalised and every "
        "table's rows hide among at least 5 over their quasi-identifiers.");
  CHECK_THAT(p.gdpr_consequence, Catch::Contains("Recital 26"));

  // One row alone in its group is enough to single someone out.
  input.anonymity = {Measured(1, 7)};
  const PrivacyVerdict single = BuildComplianceReport(input).privacy;
  CHECK(policy::IdentifiabilityName(single.verdict) == "personal");
  CHECK(Table(single, "patients").reason ==
        "public.patients: k = 1 over born, sex, zip — re-identifiable (7 of 60 rows in groups "
        "smaller than 5)");

  // A sensitive column everyone in a group shares is inferred.
  input.anonymity = {Measured(6, 0)};
  input.anonymity[0].sensitive = {{"diagnosis", 1}};
  CHECK(policy::IdentifiabilityName(BuildComplianceReport(input).privacy.verdict) == "personal");
  input.anonymity[0].sensitive = {{"diagnosis", 2}};
  CHECK(policy::IdentifiabilityName(BuildComplianceReport(input).privacy.verdict) == "anonymous");
  input.anonymity[0].sensitive = {{"diagnosis", 0}};  // nulled: nothing to infer
  CHECK(policy::IdentifiabilityName(BuildComplianceReport(input).privacy.verdict) == "anonymous");
}

TEST_CASE("quasi-identifiers nobody measured keep the copy from being anonymous",
          "[reports][privacy]") {
  ComplianceInput input = Input(
      "  public.customers:\n    email: null\n"
      "  public.patients:\n    born: date_generalize\n    zip: postal_generalize\n");
  const PrivacyVerdict p = BuildComplianceReport(input).privacy;
  CHECK(policy::IdentifiabilityName(p.verdict) == "pseudonymous");
  CHECK_FALSE(p.measured);
  CHECK(Table(p, "patients").reason ==
        "public.patients: k-anonymity over born, sex, zip not measured (measure it with pgveil "
        "report --target on the masked copy)");

  // A table the policy does not copy has nothing to measure.
  ComplianceInput skipped =
      Input("  public.customers:\n    email: null\n  public.patients: skip\n");
  CHECK(policy::IdentifiabilityName(BuildComplianceReport(skipped).privacy.verdict) == "anonymous");
}

TEST_CASE("a kept or uncovered location is personal data", "[reports][privacy]") {
  ComplianceInput input = Input("  public.customers:\n    email: keep\n  public.patients: skip\n");
  const PrivacyVerdict p = BuildComplianceReport(input).privacy;
  CHECK(policy::IdentifiabilityName(p.verdict) == "personal");
  CHECK(p.sentence ==
        "The masked copy holds personal data: public.customers.email (keep): copied as it is.");
  CHECK(p.locations[0].reason == "copied as it is");
}

}  // namespace
}  // namespace pgveil::reports
