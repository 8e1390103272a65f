// cli/truth_evaluation.h
//
// `pgveil scan --truth FILE`: how a scan scores against the user's labels
// (datagen/labelled_truth.h), as text for people or JSON for scripts. Only
// names, counts and category ids appear, never a sampled value.
#pragma once

#include <string>

#include "datagen/evaluation.h"

namespace pgveil::cli {

// Column and path precision, recall and F1 with their counts, category
// accuracy, then one line per mistake.
std::string EvaluationText(const datagen::Evaluation& evaluation);

// {"columns": {"precision":..,"recall":..,"f1":..,"true_positives":..,
//  "false_positives":..,"false_negatives":..}, "paths": {...},
//  "category_accuracy":.., "category_correct":.., "category_total":..,
//  "mistakes": ["false negative public.address.phone: phone", ...]}
std::string EvaluationJson(const datagen::Evaluation& evaluation);

}  // namespace pgveil::cli
