#include "datagen/evaluation.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace pgveil::datagen {
namespace {

using Unit = std::pair<ColumnRef, std::optional<std::string>>;

std::string Name(const Unit& unit) {
  return unit.first.ToString() + (unit.second ? " " + *unit.second : "");
}

std::string Categories(const std::vector<Category>& categories) {
  std::string out;
  for (Category c : categories) out += (out.empty() ? "" : ",") + std::string(IdOf(c));
  return out.empty() ? "-" : out;
}

void Count(Score& score, bool truth, bool predicted) {
  if (truth && predicted) ++score.true_positives;
  if (!truth && predicted) ++score.false_positives;
  if (truth && !predicted) ++score.false_negatives;
}

}  // namespace

double Score::Precision() const {
  int predicted = true_positives + false_positives;
  return predicted ? static_cast<double>(true_positives) / predicted : 1;
}

double Score::Recall() const {
  int actual = true_positives + false_negatives;
  return actual ? static_cast<double>(true_positives) / actual : 1;
}

double Score::F1() const {
  double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

Evaluation Evaluate(const std::vector<TruthEntry>& truth, const std::vector<Finding>& findings) {
  std::map<Unit, std::vector<Category>> expected;
  std::map<ColumnRef, bool> column_truth;
  for (const TruthEntry& entry : truth) {
    expected[{entry.column, entry.path}] = entry.categories;
    column_truth[entry.column] = column_truth[entry.column] || !entry.categories.empty();
  }
  std::map<Unit, const Finding*> best;  // highest-confidence finding per unit
  std::set<ColumnRef> column_predicted;
  for (const Finding& f : findings) {
    const Finding*& slot = best[{f.column, f.path}];
    if (!slot || f.confidence > slot->confidence) slot = &f;
    column_predicted.insert(f.column);
  }

  Evaluation evaluation;
  std::set<ColumnRef> columns;
  for (const auto& [column, pii] : column_truth) columns.insert(column);
  columns.insert(column_predicted.begin(), column_predicted.end());
  for (const ColumnRef& column : columns) {
    bool is_pii = column_truth.contains(column) && column_truth[column];
    bool found = column_predicted.contains(column);
    Count(evaluation.columns, is_pii, found);
    if (is_pii != found) {
      evaluation.mistakes.push_back(std::string(found ? "false positive " : "false negative ") +
                                    column.ToString());
    }
  }

  std::set<Unit> units;
  for (const auto& [unit, categories] : expected) units.insert(unit);
  for (const auto& [unit, finding] : best) units.insert(unit);
  for (const Unit& unit : units) {
    auto truth_it = expected.find(unit);
    std::vector<Category> categories =
        truth_it == expected.end() ? std::vector<Category>{} : truth_it->second;
    auto found_it = best.find(unit);
    bool is_pii = !categories.empty();
    bool found = found_it != best.end();
    if (unit.second) Count(evaluation.paths, is_pii, found);
    if (is_pii && found) {
      ++evaluation.category_total;
      Category predicted = found_it->second->category;
      if (std::find(categories.begin(), categories.end(), predicted) != categories.end()) {
        ++evaluation.category_correct;
      } else {
        evaluation.mistakes.push_back("wrong category " + Name(unit) + ": " +
                                      std::string(IdOf(predicted)) + " (truth " +
                                      Categories(categories) + ")");
      }
    } else if (unit.second && is_pii != found) {
      evaluation.mistakes.push_back(
          std::string(found ? "false positive " : "false negative ") + Name(unit) + ": " +
          (found ? std::string(IdOf(found_it->second->category)) : Categories(categories)));
    }
  }
  return evaluation;
}

}  // namespace pgveil::datagen
