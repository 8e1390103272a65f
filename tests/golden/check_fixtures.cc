// tests/golden/check_fixtures.cc
//
// The fixtures' fingerprints are the real sha256 of
// "rule|schema.table.column[#path]|category", as policy/ computes them, so
// the golden files show what a user would see. Violations are listed in the
// order the check sorts them (table, column, path, rule).

#include "tests/golden/check_fixtures.h"

#include <optional>
#include <string>

namespace pgveil::testing {
namespace {

struct Where {
  std::string file;
  int line = 0;
  int column = 0;
};

Violation Make(std::string rule, Severity severity, ColumnRef column,
               std::optional<Category> category, std::string message, Where where,
               std::string fingerprint) {
  Violation v;
  v.rule = std::move(rule);
  v.severity = severity;
  v.column = std::move(column);
  v.category = category;
  v.message = std::move(message);
  v.location.file = std::move(where.file);
  v.location.line = where.line;
  v.location.column = where.column;
  v.fingerprint = std::move(fingerprint);
  return v;
}

constexpr Severity kError = Severity::kError;
constexpr Severity kWarning = Severity::kWarning;

}  // namespace

CheckResult CleanRun() {
  CheckResult result;
  result.policy_file = "pgveil.yaml";
  result.mode = "strict";
  result.tables = 12;
  result.columns = 80;
  return result;
}

CheckResult FailingRun() {
  CheckResult result;
  result.policy_file = "pgveil.yaml";
  result.mode = "strict";
  result.tables = 14;
  result.columns = 97;
  auto& out = result.violations;

  out.push_back(Make("unmasked-pii", kError,
                     {"Kunden Daten", "Bestellungen_ü", "we\"ird <col> & co"}, Category::kReligion,
                     "Column holds religion data and has no rule.",
                     {"db/migrations/0043 kunden daten.sql", 7, 3},
                     "0a3745fbc9ae23e89b6de151b796056bdcfcdd852740f7b6aa43d731dd93193b"));
  out.back().confidence = 0.93;
  out.back().is_new = true;

  out.push_back(Make("unmasked-pii", kError, {"public", "customers", "backup_email"},
                     Category::kEmail, "Column holds email data and has no rule.",
                     {"db/migrations/0042_add_backup_email.sql", 3, 5},
                     "0d076ee7c3df506c479589a3fd6ff7320cb4db9544031919fc940db8ee1663c9"));
  out.back().confidence = 0.99;
  out.back().is_new = true;

  out.push_back(Make("lossy-on-unique", kError, {"public", "customers", "customer_id"},
                     std::nullopt, "Transformer constant is lossy on a primary-key column.",
                     {"pgveil.yaml", 9, 18},
                     "bee5218393d5c2fc4d108a04c52e42eee01b0ed4db2b367f9d28e25a69e2bf6e"));

  out.push_back(Make("transformer-mismatch", kError, {"public", "customers", "customer_id"},
                     std::nullopt, "Transformer constant writes text into column type bigint.",
                     {"pgveil.yaml", 9, 18},
                     "4e94b7557c958c66f879b0b63bc916d1e558b02b499b78680e5bdac0026c2b04"));

  out.push_back(Make("transformer-mismatch", kError, {"public", "customers", "phone"},
                     Category::kPhone, "Transformer email does not accept column type bigint.",
                     {"pgveil.yaml", 11, 12},
                     "1ac9a011ca671bfb9b56fc01be4d50e9ae1b9683496199a7ba6d8d7c88c59e12"));

  out.push_back(Make("unmasked-pii", kError, {"public", "customers", "profile"}, Category::kPhone,
                     "JSONB path holds phone numbers and its rule is keep.", {"pgveil.yaml", 14, 9},
                     "b05eb281402a73de0d322b589458fb31541ee26783790dbb5b661eb5c9743747"));
  out.back().path = "$.contact.phones[*]";
  out.back().confidence = 0.87;

  out.push_back(Make("uncovered-column", kError, {"public", "customers", "signup_source"},
                     std::nullopt, "Column has no rule (strict mode).", {"", 0, 0},
                     "3801aa5a594707f83cd3b9dfe7749eee1fc6e5d6f89790062cff0bb233820dfb"));

  out.push_back(Make("stale-rule", kError, {"public", "legacy_contacts", ""}, std::nullopt,
                     "Rule for table public.legacy_contacts, which no longer exists.",
                     {"pgveil.yaml", 20, 3},
                     "c88a078c72deaf6bbb107765b73c9ace1c6bcc9461a4f9dda583f970036dfa25"));

  out.push_back(Make("low-confidence-pii", kWarning, {"public", "orders", "notes"},
                     Category::kEmail, "Some values look like email addresses (4 of 300 sampled).",
                     {"pgveil.yaml", 0, 0},
                     "ac206900f38e2cfd2e60d8439093e12d2f5311736aa952b3e0e5ce927f6426e4"));
  out.back().confidence = 0.41;

  out.push_back(Make("expired-suppression", kError, {"public", "products", "barcode"},
                     Category::kCreditCard, "Suppression expired on 2025-01-31.",
                     {"pgveil.yaml", 31, 5},
                     "e0110dca3879f947d01bc97acbd63920ce053986558625e9d28b3784d3bbc1e6"));

  out.push_back(Make("unused-suppression", kWarning, {"public", "staff", "badge_no"}, std::nullopt,
                     "Suppression matched no finding.", {"pgveil.yaml", 35, 5},
                     "562f2be35685d9817ca575fe0305f1eba721daeb85744037d19e20c9d02d532a"));
  return result;
}

CheckResult WarningsOnlyRun() {
  CheckResult result;
  result.policy_file = "config/pgveil.yaml";
  result.mode = "relaxed";
  result.tables = 3;
  result.columns = 21;
  result.violations.push_back(
      Make("low-confidence-pii", kWarning, {"public", "visits", "reason"}, Category::kHealth,
           "Some values look like health data (9 of 250 sampled).", {"config/pgveil.yaml", 12, 7},
           "41c127a8318524b4ee3a0422ac1afeb37e7c1b572c6d98cc9bb1a7791dc22fab"));
  result.violations.back().confidence = 0.38;
  return result;
}

}  // namespace pgveil::testing
