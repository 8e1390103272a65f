// datagen/labelled_truth.h
//
// A user's labels for their own database, and the score of a scan against
// them. Unlike a generator's truth, labels need not be complete: a column
// that is not listed is not scored (a company name, a state: genuinely
// ambiguous), and `none` marks a column that must not be flagged.
//
// The file (what `pgveil scan --truth FILE` reads):
//   {"columns": {"schema.table.column": "category" | "none", ...},
//    "paths":   {"schema.table.column $.json.path": "category" | "none", ...}}
// The schema is the part before the first dot and the column the part after
// the last one, so a table name may contain dots; a path key puts one space
// between the column and its canonical JSONPath. Other top-level keys
// ("source", comments) are ignored.
//
// Scoring: a listed column counts as found when any finding names it (at any
// path); its category is right when one of its findings has the labelled
// category. A listed path counts as found when a finding names that path.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/scan_result.h"
#include "core/status.h"
#include "datagen/evaluation.h"

namespace pgveil::datagen {

struct LabelledTruth {
  // nullopt: labelled `none`, must not be flagged.
  std::map<ColumnRef, std::optional<Category>> columns;
  std::map<std::pair<ColumnRef, std::string>, std::optional<Category>> paths;
};

// Parses the labels file's text. InvalidArgument naming the offending key
// (never a value from the database: labels hold only names and category
// ids) for malformed JSON, a key that is not schema.table.column, or an
// unknown category id.
Result<LabelledTruth> ParseLabelledTruth(std::string_view json);

// Scores `findings` against `truth` (rules above). Evaluation::mistakes
// lists every false positive, false negative and wrong category, names only.
Evaluation EvaluateLabelled(const LabelledTruth& truth, const std::vector<Finding>& findings);

}  // namespace pgveil::datagen
