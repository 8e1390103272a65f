// policy/bootstrap.h
//
// `pgveil bootstrap` drafts a complete policy from a scan: every gated table
// (check.h's IsGated) and every one of its columns is listed; columns with
// detected PII get the transformer that suits the category
// (transformer_choice.h) with the confidence and redacted evidence in a
// comment; JSON/JSONB columns with PII paths get `transform: json` and one
// path rule per path; a foreign key whose target is masked gets the target's
// transformer and domain, so joins survive; PostgreSQL Anonymizer labels are
// carried over (anon_label.h); everything else is `keep`. Findings below the
// confidence bar are left as keep with a "review" comment, as the check only
// warns about them.
//
// Towards an anonymous copy (policy/anonymity.h): quasi-identifiers are
// marked in a comment; where an irreversible rule keeps the data useful it
// is the default (dates of birth to the year, ZIP codes to three digits,
// ages capped at 90, as Safe Harbor asks); and every other column masked
// reversibly or linkably that is no key a join needs gets a note naming
// the irreversible rule that would make it anonymous.
//
// The draft is built so that `pgveil check --mode strict` on the same
// database and findings reports no error: that is a tested property.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/quasi_identifier.h"
#include "core/scan_result.h"
#include "core/schema.h"
#include "policy/anon_label.h"
#include "policy/qualified_name.h"
#include "policy/transformer_choice.h"

namespace pgveil::policy {

struct DraftPathRule {
  std::string path;
  TransformerChoice choice;
  std::string comment;  // "email, confidence 0.97, evidence j***@e***.com"
};

struct DraftColumn {
  std::string name;
  std::optional<TransformerChoice> choice;  // nullopt: keep
  std::optional<std::string> domain;
  std::vector<DraftPathRule> paths;  // choice->transformer == "json"
  std::vector<std::string> notes;    // comment lines written above the rule
  std::string comment;               // comment written after the rule
};

struct DraftTable {
  TableName name;
  std::vector<DraftColumn> columns;  // by attnum
};

struct DraftPolicy {
  std::string database;
  std::vector<DraftTable> tables;  // by schema, name
};

struct BootstrapOptions {
  double low_confidence = 0.5;  // the check's bar (CheckOptions::low_confidence)
};

DraftPolicy DraftFromScan(const Catalog& catalog, const std::vector<Finding>& findings,
                          const std::vector<AnonLabel>& labels,
                          const std::vector<QuasiIdentifier>& quasi_identifiers,
                          const BootstrapOptions& options = {});

// pgveil.yaml text for `draft`: a header comment, version, mode strict, the
// key from PGVEIL_KEY, the tables. LoadPolicy reads it back.
std::string WriteDraftPolicy(const DraftPolicy& draft);

// A YAML scalar for `text`: plain when that reads back as the same string,
// double-quoted with escapes otherwise.
std::string YamlScalar(std::string_view text);

}  // namespace pgveil::policy
