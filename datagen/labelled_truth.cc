#include "datagen/labelled_truth.h"

#include <set>

#include <nlohmann/json.hpp>

namespace pgveil::datagen {
namespace {

std::optional<ColumnRef> ParseColumnKey(std::string_view key) {
  size_t first = key.find('.');
  size_t last = key.rfind('.');
  if (first == std::string_view::npos || first == last || first == 0 || last + 1 == key.size() ||
      last == first + 1) {
    return std::nullopt;
  }
  return ColumnRef{std::string(key.substr(0, first)),
                   std::string(key.substr(first + 1, last - first - 1)),
                   std::string(key.substr(last + 1))};
}

Result<std::optional<Category>> ParseLabel(const std::string& key, const nlohmann::json& label) {
  if (!label.is_string()) {
    return Status::InvalidArgument("label of '" + key + "' is not a string");
  }
  const std::string& id = label.get_ref<const std::string&>();
  if (id == "none") return std::optional<Category>();
  std::optional<Category> category = CategoryFromId(id);
  if (!category) {
    return Status::InvalidArgument("label of '" + key + "' is not a category id or none");
  }
  return category;
}

std::string Id(std::optional<Category> category) {
  return category ? std::string(IdOf(*category)) : "none";
}

void Count(Score& score, bool truth, bool predicted) {
  if (truth && predicted) ++score.true_positives;
  if (!truth && predicted) ++score.false_positives;
  if (truth && !predicted) ++score.false_negatives;
}

std::string Found(const std::set<Category>& categories) {
  std::string out;
  for (Category c : categories) out += (out.empty() ? "" : ",") + std::string(IdOf(c));
  return out;
}

// Scores one labelled unit (a column or a path) whose findings have
// `found` categories.
void Judge(const std::string& name, std::optional<Category> label, const std::set<Category>* found,
           Score& score, Evaluation& evaluation) {
  bool predicted = found != nullptr && !found->empty();
  Count(score, label.has_value(), predicted);
  if (label && !predicted) {
    evaluation.mistakes.push_back("false negative " + name + ": " + Id(label));
  } else if (!label && predicted) {
    evaluation.mistakes.push_back("false positive " + name + ": " + Found(*found));
  } else if (label && predicted) {
    ++evaluation.category_total;
    if (found->contains(*label)) {
      ++evaluation.category_correct;
    } else {
      evaluation.mistakes.push_back("wrong category " + name + ": " + Found(*found) + " (truth " +
                                    Id(label) + ")");
    }
  }
}

}  // namespace

Result<LabelledTruth> ParseLabelledTruth(std::string_view text) {
  nlohmann::json json;
  try {
    json = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    return Status::InvalidArgument(std::string("labels are not valid JSON: ") + e.what());
  }
  if (!json.is_object()) return Status::InvalidArgument("labels must be a JSON object");
  LabelledTruth truth;
  if (json.contains("columns")) {
    if (!json["columns"].is_object())
      return Status::InvalidArgument("\"columns\" must be an object");
    for (const auto& [key, label] : json["columns"].items()) {
      std::optional<ColumnRef> column = ParseColumnKey(key);
      if (!column) {
        return Status::InvalidArgument("column key '" + key + "' is not schema.table.column");
      }
      PGVEIL_ASSIGN_OR_RETURN(truth.columns[*column], ParseLabel(key, label));
    }
  }
  if (json.contains("paths")) {
    if (!json["paths"].is_object()) return Status::InvalidArgument("\"paths\" must be an object");
    for (const auto& [key, label] : json["paths"].items()) {
      size_t space = key.find(" $");
      std::optional<ColumnRef> column =
          space == std::string::npos ? std::nullopt : ParseColumnKey(key.substr(0, space));
      if (!column) {
        return Status::InvalidArgument("path key '" + key +
                                       "' is not 'schema.table.column $.path'");
      }
      std::pair<ColumnRef, std::string> unit(*column, key.substr(space + 1));
      PGVEIL_ASSIGN_OR_RETURN(truth.paths[unit], ParseLabel(key, label));
    }
  }
  return truth;
}

Evaluation EvaluateLabelled(const LabelledTruth& truth, const std::vector<Finding>& findings) {
  std::map<ColumnRef, std::set<Category>> by_column;
  std::map<std::pair<ColumnRef, std::string>, std::set<Category>> by_path;
  for (const Finding& f : findings) {
    by_column[f.column].insert(f.category);
    if (f.path) by_path[{f.column, *f.path}].insert(f.category);
  }
  Evaluation evaluation;
  for (const auto& [column, label] : truth.columns) {
    auto it = by_column.find(column);
    Judge(column.ToString(), label, it == by_column.end() ? nullptr : &it->second,
          evaluation.columns, evaluation);
  }
  for (const auto& [unit, label] : truth.paths) {
    auto it = by_path.find(unit);
    Judge(unit.first.ToString() + " " + unit.second, label,
          it == by_path.end() ? nullptr : &it->second, evaluation.paths, evaluation);
  }
  return evaluation;
}

}  // namespace pgveil::datagen
