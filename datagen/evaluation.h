// datagen/evaluation.h
//
// Scores findings against the generator's truth: column-level precision,
// recall and F1 (is this column PII at all?), the same for JSONB paths, and
// category accuracy (for columns and paths rightly found, is the category
// with the highest confidence one of the true ones). A JSONB column counts
// as PII at column level when any of its paths is.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <vector>

#include "core/scan_result.h"
#include "datagen/generator.h"

namespace pgveil::datagen {

struct Score {
  int true_positives = 0;
  int false_positives = 0;
  int false_negatives = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct Evaluation {
  Score columns;
  Score paths;
  int category_correct = 0;
  int category_total = 0;
  double CategoryAccuracy() const {
    return category_total ? static_cast<double>(category_correct) / category_total : 1;
  }
  // One line per mistake, names only: "false positive public.orders.order_no: phone".
  std::vector<std::string> mistakes;
};

Evaluation Evaluate(const std::vector<TruthEntry>& truth, const std::vector<Finding>& findings);

}  // namespace pgveil::datagen
