// scanner/classifier.h
//
// Turns the statistics of a column or JSONB path (ValueProfile) plus its
// name and type evidence into verdicts. Verdicts are statistics, not single
// hits:
//  - values decide when enough of them match (ScannerOptions::threshold,
//    default 10 %, or the detector's own higher bar when its only check is a
//    single check digit), and confidence grows with the Wilson lower bound of
//    the match ratio, so 3 hits out of 3 count for less than 300 out of 300;
//  - a name that agrees lowers the bar and raises the confidence; a name that
//    says "identifier" (`order_no`, `customer_id`) blocks weak detectors;
//  - a column with no values to go on (new, empty) is judged on its name and
//    type alone, as a migration gate needs;
//  - free text with PII inside it in enough rows yields one verdict per
//    embedded category.
//
// Thread-safety: pure functions.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/category.h"
#include "core/schema.h"
#include "dictionaries/detector_spec.h"
#include "scanner/column_name_evidence.h"
#include "scanner/value_profile.h"

namespace pgveil::scanner {

struct Verdict {
  Category category;
  double confidence;
  double match_ratio;
  std::vector<std::string> signals;
  std::vector<std::string> evidence;
};

struct ClassifierInput {
  const ValueProfile& profile;
  const NameVerdict& name;
  std::string_view type_name;  // pg_type.typname of the column ("" for JSONB paths)
  char type_category;          // pg_type.typcategory ('S' for JSONB paths)
};

// Wilson score lower bound of k successes in n trials at 95 %.
double WilsonLowerBound(int64_t k, int64_t n);

// The Wilson score interval of k successes in n trials at `z`.
std::pair<double, double> WilsonInterval(int64_t k, int64_t n, double z);

// Whether more values are very unlikely to change Classify's verdicts: they
// stay the same with every ratio moved to the low end, and to the high end,
// of its 99.9 % Wilson interval, and the best category's lead is clear. A
// column scan stops examining values once this holds.
bool Settled(const ClassifierInput& input,
             const std::vector<dictionaries::DetectorSpec>& detectors, double threshold);

std::vector<Verdict> Classify(const ClassifierInput& input,
                              const std::vector<dictionaries::DetectorSpec>& detectors,
                              double threshold);

}  // namespace pgveil::scanner
