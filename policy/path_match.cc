#include "policy/path_match.h"

namespace pgveil::policy {
namespace {

using masking::PathStep;

bool StepCovers(const PathStep& rule, const PathStep& target) {
  switch (rule.kind) {
    case PathStep::Kind::kKey:
      return target.kind == PathStep::Kind::kKey && target.key == rule.key;
    case PathStep::Kind::kAnyKey:
      return target.kind == PathStep::Kind::kKey || target.kind == PathStep::Kind::kAnyKey;
    case PathStep::Kind::kIndex:
      return target.kind == PathStep::Kind::kIndex && target.index == rule.index;
    case PathStep::Kind::kAnyIndex:
      return target.kind == PathStep::Kind::kIndex || target.kind == PathStep::Kind::kAnyIndex;
  }
  return false;
}

// Named steps count more than wildcards, so `$.a.b` beats `$.*.b`.
int Specificity(const std::vector<PathStep>& steps) {
  int score = 0;
  for (const PathStep& step : steps) {
    score += 2;
    if (step.kind == PathStep::Kind::kKey || step.kind == PathStep::Kind::kIndex) {
      ++score;
    }
  }
  return score;
}

}  // namespace

bool PathCovers(const std::vector<PathStep>& rule, const std::vector<PathStep>& target) {
  if (rule.size() > target.size()) {
    return false;
  }
  for (size_t i = 0; i < rule.size(); ++i) {
    if (!StepCovers(rule[i], target[i])) {
      return false;
    }
  }
  return true;
}

const PathRule* FindPathRule(const std::vector<PathRule>& rules, const std::string& target) {
  Result<std::vector<PathStep>> target_steps = masking::ParseJsonPath(target);
  if (!target_steps.ok()) {
    return nullptr;
  }
  const PathRule* best = nullptr;
  int best_score = -1;
  for (const PathRule& rule : rules) {
    Result<std::vector<PathStep>> steps = masking::ParseJsonPath(rule.path);
    if (!steps.ok() || !PathCovers(*steps, *target_steps)) {
      continue;
    }
    int score = Specificity(*steps);
    if (score > best_score) {
      best = &rule;
      best_score = score;
    }
  }
  return best;
}

}  // namespace pgveil::policy
