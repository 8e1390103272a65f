#include "cli/truth_evaluation.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace pgveil::cli {
namespace {

std::string ScoreLine(std::string_view label, const datagen::Score& score) {
  int labelled = score.true_positives + score.false_negatives;
  if (labelled + score.false_positives == 0) return fmt::format("{:<9} none labelled\n", label);
  return fmt::format(
      "{:<9} precision {:.2f}  recall {:.2f}  F1 {:.2f}  ({} found, {} false, {} missed)\n", label,
      score.Precision(), score.Recall(), score.F1(), score.true_positives, score.false_positives,
      score.false_negatives);
}

nlohmann::json ScoreJson(const datagen::Score& score) {
  return {{"precision", score.Precision()},
          {"recall", score.Recall()},
          {"f1", score.F1()},
          {"true_positives", score.true_positives},
          {"false_positives", score.false_positives},
          {"false_negatives", score.false_negatives}};
}

}  // namespace

std::string EvaluationText(const datagen::Evaluation& evaluation) {
  std::string text = ScoreLine("columns", evaluation.columns);
  text += ScoreLine("paths", evaluation.paths);
  text += fmt::format("{:<9} accuracy {:.2f}  ({} of {} found columns and paths)\n", "category",
                      evaluation.CategoryAccuracy(), evaluation.category_correct,
                      evaluation.category_total);
  if (evaluation.mistakes.empty()) return text + "no mistakes\n";
  text += fmt::format("mistakes ({})\n", evaluation.mistakes.size());
  for (const std::string& mistake : evaluation.mistakes) text += "  " + mistake + "\n";
  return text;
}

std::string EvaluationJson(const datagen::Evaluation& evaluation) {
  nlohmann::json json = {{"columns", ScoreJson(evaluation.columns)},
                         {"paths", ScoreJson(evaluation.paths)},
                         {"category_accuracy", evaluation.CategoryAccuracy()},
                         {"category_correct", evaluation.category_correct},
                         {"category_total", evaluation.category_total},
                         {"mistakes", evaluation.mistakes}};
  return json.dump(2) + "\n";
}

}  // namespace pgveil::cli
