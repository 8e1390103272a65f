// policy/policy.h
//
// The masking policy (pgveil.yaml) as a value: which tables are skipped,
// which column keeps its values and which goes through which transformer
// with which parameters, the rules of each path inside a JSON/JSONB column,
// and the suppressions that declare a detected column not to be personal
// data. Every node carries the SourceLocation it was read from, so the check
// can point at the line a user must edit.
//
// A Policy that LoadPolicy (policy_loader.h) returned is valid on its own:
// every transformer exists in the masking registry, every parameter is known
// and well-formed, names are unique, dates are real dates. Whether it fits a
// database is the check's question (check.h).
//
// Thread-safety: plain values; copy freely.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/schema.h"
#include "core/violation.h"
#include "masking/key_source.h"
#include "masking/param_values.h"
#include "policy/calendar_date.h"
#include "policy/qualified_name.h"

namespace pgveil::policy {

enum class Mode {
  kStrict,   // every column of every gated table needs a rule
  kRelaxed,  // only columns (and paths) with detected PII need one
};

// "strict", "relaxed".
std::string_view ModeName(Mode mode);
std::optional<Mode> ModeFromName(std::string_view name);

// One rule inside a `transform: json` column: what happens to the values at
// a JSONPath (masking/json_path.h).
struct PathRule {
  enum class Action {
    kTransform,  // `transformer` with `params`
    kDelete,     // the member or element disappears
    kSet,        // replaced by `set_json`
  };
  std::string path;  // as written in the policy
  Action action = Action::kTransform;
  std::string transformer;            // kTransform
  masking::ParamMap params;           // kTransform
  std::optional<std::string> domain;  // kTransform; default "<column domain><path>"
  std::string set_json;               // kSet: the replacement, serialised JSON
  SourceLocation location;

  // True for a rule that leaves the values as they are (`keep`).
  bool IsKeep() const { return action == Action::kTransform && transformer == "keep"; }
};

struct ColumnRule {
  enum class Kind {
    kKeep,       // the values are not personal data: copied as they are
    kTransform,  // masked by `transformer`
  };
  Kind kind = Kind::kKeep;
  std::string transformer;            // kTransform: a name the masking registry knows
  masking::ParamMap params;           // kTransform, without `paths`
  std::optional<std::string> domain;  // kTransform; default "schema.table.column"
  std::vector<PathRule> paths;        // `transform: json` only, in file order
  // `sensitive: true`: the attribute a reader must not learn about a person
  // (a diagnosis, a salary). The report measures its l-diversity: how many
  // distinct values each group of rows sharing their quasi-identifiers holds.
  bool sensitive = false;
  SourceLocation location;            // of the column's key in the policy

  // The parameters to hand the masking registry: `params`, plus for json the
  // `paths` object serialised as the json transformer reads it.
  masking::ParamMap RegistryParams() const;
};

struct TableRule {
  bool skip = false;                          // not replicated, not gated
  std::map<std::string, ColumnRule> columns;  // by column name, as in the catalog
  SourceLocation location;                    // of the table's key in the policy
  // `require: anonymous` among the table's entries: the check fails when
  // the masked copy of this table would be pseudonymous. `anonymous` is no
  // transformer, so a column named `require` keeps its own rule.
  std::optional<SourceLocation> require_anonymous;
};

// Declares detected PII not to be personal data (a false positive), until
// `expires`. Matches findings on `column`, narrowed to `path` and `category`
// when they are given.
struct Suppression {
  ColumnRef column;
  std::optional<std::string> path;
  std::optional<Category> category;
  std::string reason;
  std::optional<CalendarDate> expires;  // expired when today > expires
  SourceLocation location;              // of the list item
};

struct Policy {
  std::string file;  // as given on the command line, for locations
  int version = 1;
  Mode mode = Mode::kStrict;
  masking::KeySource key;  // default: environment variable PGVEIL_KEY
  std::map<TableName, TableRule> tables;
  std::vector<Suppression> suppressions;  // in file order
  SourceLocation tables_location;         // of the `tables:` key; the file when absent
  // Top-level `require: anonymous`: every table must be anonymous.
  std::optional<SourceLocation> require_anonymous;
  // `k_anonymity: N`: the smallest group of rows sharing their
  // quasi-identifiers that counts as anonymous (default 5).
  int k_anonymity = 5;

  // The rule of `schema.table`, or nullptr.
  const TableRule* FindTable(const std::string& schema, const std::string& table) const;
  // The rule of `column`, or nullptr (also for skipped tables).
  const ColumnRule* FindColumn(const ColumnRef& column) const;
  // Where `require: anonymous` covers `schema.table` (its own line, else the
  // top-level one), or nullopt when the table need not be anonymous.
  std::optional<SourceLocation> AnonymityRequired(const std::string& schema,
                                                  const std::string& table) const;
};

}  // namespace pgveil::policy
