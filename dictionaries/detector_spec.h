// dictionaries/detector_spec.h
//
// Value detectors are data: dictionaries/data/detectors.yaml lists, for each
// detector, the category it reports, one regular expression and the name of
// the validator that must accept what the expression extracts. The scanner
// compiles every prefilter into one Hyperscan database and
// confirms candidates with RE2 and the validator.
//
// Thread-safety: plain values.
#pragma once

#include <string>
#include <vector>

#include "core/category.h"
#include "core/status.h"

namespace pgveil::dictionaries {

struct DetectorSpec {
  std::string id;  // unique, e.g. "credit_card"
  Category category;
  std::string pattern;    // RE2 syntax: extracts each match
  // What Hyperscan looks for to decide whether RE2 runs at all: a cheaper
  // expression that matches wherever `pattern` has a match the validator
  // accepts. Defaults to `pattern`.
  std::string prefilter;
  std::string validator;  // scanner validator name, or "" when the pattern decides alone
  bool caseless = false;
  // Share of a column's values that must match before the values alone make
  // it PII. Detectors whose only check is one check digit (a random number
  // passes a mod-10 check one time in ten) need far more than the default.
  double min_ratio = 0.10;
  // Whether a match inside longer text (a note, a ticket body) counts.
  bool embedded = false;
  int line = 0;        // line of the entry in `source`, for error messages
  std::string source;  // "detectors.yaml"
};

// Parses detector definitions from YAML `text`. Errors name `source`:line and
// the offending field.
Result<std::vector<DetectorSpec>> ParseDetectorSpecs(std::string_view text,
                                                     std::string_view source);

// The detectors compiled into the binary.
Result<std::vector<DetectorSpec>> EmbeddedDetectorSpecs();

}  // namespace pgveil::dictionaries
