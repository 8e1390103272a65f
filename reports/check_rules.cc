// reports/check_rules.cc
//
// The rule texts. They are what a reviewer reads in a code scanning alert or
// a failed CI log, so each says what the gate saw, why that blocks the build
// and the smallest change to pgveil.yaml that fixes it. Transformer names are
// the ones masking/registry.h knows.

#include "reports/check_rules.h"

#include <array>

namespace pgveil::reports {
namespace {

constexpr std::array<std::string_view, 4> kCoverageTags = {"privacy", "pii", "security", "policy"};
constexpr std::array<std::string_view, 5> kPiiTags = {"privacy", "pii", "security", "gdpr",
                                                      "data-masking"};
constexpr std::array<std::string_view, 4> kDriftTags = {"privacy", "pii", "security",
                                                        "maintainability"};
constexpr std::array<std::string_view, 4> kMaskingTags = {"privacy", "pii", "security",
                                                          "data-masking"};
constexpr std::array<std::string_view, 4> kSuppressionTags = {"privacy", "pii", "security",
                                                              "suppression"};

constexpr std::string_view kUncoveredColumnHelp = R"md(## Why this fails

The policy runs in `strict` mode: every column of every replicated table needs an explicit rule, including columns that hold no personal data. This column has none, so nobody has decided yet whether it may leave production. New columns usually arrive with a migration; `pgveil replicate` refuses to copy a column without a rule.

## How to fix

Add a rule for the column under its table in `pgveil.yaml`:

```yaml
tables:
  public.customers:
    backup_email: {transform: email}   # personal data: mask it
    signup_source: keep                # reviewed: holds no personal data
```

Use `keep` only after checking that the column cannot hold personal data. Mark the whole table `skip` if it should not be copied at all. To gate only on detected personal data instead of every column, set `mode: relaxed`.
)md";

constexpr std::string_view kUnmaskedPiiHelp = R"md(## Why this fails

pgveil found personal data in this column or JSONB path, from its sampled values, its name or its type, and the policy either has no rule for it or keeps it unchanged (`keep`). Replicated like this, real personal data would be copied out of production. Data of a GDPR Art. 9/10 special category (health, religion, ethnicity, ...) needs particular care.

## How to fix

Give the column, or the JSONB path, a masking transformer that fits its category:

```yaml
tables:
  public.customers:
    email: {transform: email, keep_domain: true}
    phone: {transform: phone}
    profile:
      transform: json
      paths:
        "$.contact.phones[*]": {transform: phone}
```

Preview a transformer with `pgveil mask --transform NAME VALUE`. If the finding is wrong (a barcode that looks like a card number, say), add a suppression with a reason and an expiry date instead of `keep`:

```yaml
suppress:
  - column: public.products.barcode
    reason: EAN-13 barcodes, not card numbers
    expires: 2027-06-30
```
)md";

constexpr std::string_view kStaleRuleHelp = R"md(## Why this fails

The policy has a rule for a table, column or JSONB path that the database no longer has. Usually the object was renamed or dropped by a migration; a renamed column then carries its data under a new name that the old rule no longer masks.

## How to fix

Delete the rule from `pgveil.yaml`, or move it to the object's new name. If the object was renamed, check that the new name is covered by a rule with the same transformer (and the same `domain:` if other columns join on it).
)md";

constexpr std::string_view kTransformerMismatchHelp = R"md(## Why this fails

The transformer in the rule cannot produce values of the column's type or length: an `email` transformer on an integer column, or output that can be longer than a `varchar(n)` allows. Replication would fail on this column, or the masked values would not be valid.

## How to fix

Pick a transformer that accepts the column's type, or bound its output, for example `max_length` on a name transformer or `fpe_int` instead of `fpe_digits` for an integer column. `pgveil mask --transform NAME` shows what a transformer produces.
)md";

constexpr std::string_view kLossyOnUniqueHelp = R"md(## Why this fails

The column is part of a primary key or a unique constraint, and its transformer is lossy: different inputs can give the same output (`null`, `constant`, `postal_generalize`, `date_generalize`, ...). The masked copy would violate the constraint, and foreign keys that reference the column would no longer join.

## How to fix

Use a transformer that preserves uniqueness, such as `fpe_digits`, `fpe_alnum`, `fpe_int`, `uuid`, `hash` or `email`. Give the key and every column referencing it the same transformer and the same `domain:` so joins survive:

```yaml
tables:
  public.customers:
    customer_id: {transform: fpe_digits, domain: customer_id}
  public.orders:
    customer_id: {transform: fpe_digits, domain: customer_id}
```
)md";

constexpr std::string_view kExpiredSuppressionHelp = R"md(## Why this fails

A suppression in `pgveil.yaml` is past its `expires` date. Suppressions silence a finding for a limited time only, so that someone looks at it again; after the date the finding fails the gate as if the suppression were not there.

## How to fix

Look at the column again. If the finding is still wrong, renew the suppression with a new `expires` date and an up-to-date `reason`. If the column does hold personal data now, remove the suppression and give the column a masking rule.
)md";

constexpr std::string_view kUnusedSuppressionHelp = R"md(## Why this warns

A suppression in `pgveil.yaml` matched no finding in this run. The column may have been dropped or renamed, or the detector no longer reports it. A stale suppression could silently hide a real finding if a column of that name appears again.

## How to fix

Remove the suppression, or correct the column name it refers to.
)md";

constexpr std::string_view kLowConfidencePiiHelp = R"md(## Why this warns

Some sampled values, or the column's name, suggest personal data, but the evidence is below the confidence the gate requires (few matching values, or a small sample). The check does not fail on it, but a reviewer should decide.

## How to fix

Look at the column. If it holds personal data, give it a masking rule; if it does not, add a `keep` rule (relaxed mode) or a suppression with a reason and an expiry date. A larger `--sample-percent` on `pgveil scan` gives a firmer verdict.
)md";

constexpr std::string_view kNotAnonymousHelp = R"md(## Why this fails

The policy says `require: anonymous`, for this table or for all of them: the masked copy must not let anyone get back to a person. Either a column holding personal data or a quasi-identifier is masked with a rule a key holder can undo (FF1: `fpe_digits`, `fpe_alnum`, `fpe_int`, `uuid`; `ip`; `date_shift`) or use to link records across tables and runs (keyed deterministic: `email`, `hash`, `fake_*`, `phone`, ...), which leaves the copy pseudonymous, still personal data under GDPR Art. 4(5) and Recital 26; or, measured on the masked copy with `--target`, some rows share their quasi-identifiers (birth date, postal code, sex, ...) with fewer than `k_anonymity` others and can be re-identified.

## How to fix

Use an irreversible rule on the column, or generalise the quasi-identifiers until every group is large enough:

```yaml
tables:
  public.patients:
    require: anonymous
    email: {transform: "null"}
    birth_date: {transform: date_generalize}     # the year
    zip: {transform: postal_generalize}          # three digits
```

Keep linkable or reversible rules only where the copy may be pseudonymous: drop `require: anonymous` for that table.
)md";

constexpr std::array kRules = {
    CheckRule{"uncovered-column", "UncoveredColumn", "Column has no rule in the masking policy",
              "In strict mode every column of a replicated table needs a rule in the policy. "
              "This column has none, so it has not been reviewed for personal data.",
              kUncoveredColumnHelp,
              "add a rule for the column to the policy (a transformer, or keep once reviewed)",
              Severity::kError, "5.0", "very-high", kCoverageTags},
    CheckRule{"unmasked-pii", "UnmaskedPii", "Personal data is not masked",
              "pgveil detected personal data in this column or JSONB path, and the policy "
              "has no rule for it or keeps it unchanged. Replicated as is, real personal data "
              "would leave production.",
              kUnmaskedPiiHelp,
              "give the column or path a masking transformer that fits its category",
              Severity::kError, "8.0", "high", kPiiTags},
    CheckRule{"stale-rule", "StaleRule", "Policy rule refers to something that no longer exists",
              "The policy has a rule for a table, column or JSONB path that is not in the "
              "database. A renamed column may now be unmasked under its new name.",
              kStaleRuleHelp, "delete the rule, or move it to the object's new name",
              Severity::kError, "3.0", "very-high", kDriftTags},
    CheckRule{"transformer-mismatch", "TransformerMismatch",
              "Transformer does not fit the column type",
              "The rule's transformer cannot produce values of the column's type or within its "
              "length limit. Replication would fail or write invalid values.",
              kTransformerMismatchHelp,
              "choose a transformer that accepts the column's type, or bound its output length",
              Severity::kError, "4.0", "very-high", kMaskingTags},
    CheckRule{"lossy-on-unique", "LossyOnUnique",
              "Lossy transformer on a unique or primary-key column",
              "Different values of this unique or primary-key column could be masked to the same "
              "output. The masked copy would break the constraint and the joins on it.",
              kLossyOnUniqueHelp,
              "use a uniqueness-preserving transformer (fpe_digits, fpe_int, uuid, hash, email)",
              Severity::kError, "2.0", "very-high", kMaskingTags},
    CheckRule{"expired-suppression", "ExpiredSuppression", "Suppression has expired",
              "A suppression in the policy is past its expiry date, so the finding it silenced "
              "fails the gate again until someone reviews it.",
              kExpiredSuppressionHelp,
              "review the column; renew the suppression with a new date, or mask the column",
              Severity::kError, "6.0", "very-high", kSuppressionTags},
    CheckRule{"unused-suppression", "UnusedSuppression", "Suppression matched nothing",
              "A suppression in the policy matched no finding in this run. It may refer to a "
              "dropped or renamed column and could hide a future finding.",
              kUnusedSuppressionHelp, "remove the suppression or correct its column name",
              Severity::kWarning, "1.0", "very-high", kSuppressionTags},
    CheckRule{"low-confidence-pii", "LowConfidencePii",
              "Possible personal data below the confidence bar",
              "Some evidence suggests personal data in this column or JSONB path, but not "
              "enough for the gate to fail. A reviewer should decide.",
              kLowConfidencePiiHelp,
              "review the column; mask it, or record that it holds no personal data",
              Severity::kWarning, "4.0", "low", kPiiTags},
    CheckRule{"not-anonymous", "NotAnonymous", "The masked copy would not be anonymous",
              "The policy requires an anonymous copy, and a reversible or linkable rule, or "
              "quasi-identifiers few rows share, would leave it pseudonymous or re-identifiable.",
              kNotAnonymousHelp,
              "use an irreversible rule (null, constant, a generaliser), or generalise the "
              "quasi-identifiers",
              Severity::kError, "6.0", "high", kMaskingTags},
};

// Drops Markdown syntax a plain-text reader would see as noise: fences,
// backticks, "**" and heading markers. Code lines keep a four-space indent.
std::string StripMarkdown(std::string_view markdown) {
  std::string out;
  bool in_code = false;
  size_t start = 0;
  while (start < markdown.size()) {
    size_t end = markdown.find('\n', start);
    if (end == std::string_view::npos) end = markdown.size();
    std::string_view line = markdown.substr(start, end - start);
    start = end + 1;
    if (line.starts_with("```")) {
      in_code = !in_code;
      continue;
    }
    if (in_code) {
      out += "    ";
      out += line;
    } else {
      if (line.starts_with("## ")) line.remove_prefix(3);
      for (size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '`') continue;
        if (line.substr(i).starts_with("**")) {
          ++i;
          continue;
        }
        out += line[i];
      }
    }
    out += '\n';
  }
  return out;
}

}  // namespace

std::span<const CheckRule> AllCheckRules() { return kRules; }

const CheckRule* FindCheckRule(std::string_view id) {
  std::optional<size_t> index = CheckRuleIndex(id);
  return index ? &kRules[*index] : nullptr;
}

std::optional<size_t> CheckRuleIndex(std::string_view id) {
  for (size_t i = 0; i < kRules.size(); ++i) {
    if (kRules[i].id == id) return i;
  }
  return std::nullopt;
}

std::vector<const CheckRule*> RulesUsedBy(const CheckResult& result) {
  std::vector<bool> used(kRules.size(), false);
  for (const Violation& v : result.violations) {
    if (std::optional<size_t> index = CheckRuleIndex(v.rule)) used[*index] = true;
  }
  std::vector<const CheckRule*> rules;
  for (size_t i = 0; i < kRules.size(); ++i) {
    if (used[i]) rules.push_back(&kRules[i]);
  }
  return rules;
}

std::string HelpText(const CheckRule& rule) { return StripMarkdown(rule.help_markdown); }

}  // namespace pgveil::reports
