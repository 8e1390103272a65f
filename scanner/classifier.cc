#include "scanner/classifier.h"

#include <algorithm>
#include <cmath>

namespace pgveil::scanner {
namespace {

constexpr double kNameWeight = 0.5;          // how much an agreeing name adds to confidence
constexpr double kDictionaryMinRatio = 0.5;  // person names, cities: decoys share words with them
constexpr double kStreetMinRatio = 0.3;
constexpr double kNegativeNameMinRatio = 0.9;
constexpr int64_t kContradictingSample = 20;  // this many values that do not match outvote a name

size_t Index(Category c) { return static_cast<size_t>(c); }

double Round2(double x) { return std::round(x * 100) / 100; }

// Categories values can show; the rest are known from names (and types) only.
bool ValueDetectable(Category c) {
  switch (c) {
    case Category::kEmail:
    case Category::kPhone:
    case Category::kCreditCard:
    case Category::kBankAccount:
    case Category::kNationalId:
    case Category::kIpAddress:
    case Category::kMacAddress:
    case Category::kUrl:
    case Category::kSecret:
      return true;
    default:
      return false;
  }
}

// Detectors that are rarely wrong even where the name says "identifier".
bool Strong(Category c) {
  return c == Category::kEmail || c == Category::kBankAccount || c == Category::kSecret ||
         c == Category::kIpAddress || c == Category::kMacAddress || c == Category::kUrl;
}

double ValueConfidence(int64_t k, int64_t n, double threshold) {
  double c = 0.4 + (WilsonLowerBound(k, n) - threshold) * 0.75;
  return std::clamp(c, 0.2, 0.99);
}

double WithName(double confidence, bool name_agrees) {
  if (!name_agrees) return confidence;
  return std::min(0.99, 1 - (1 - confidence) * (1 - kNameWeight));
}

std::optional<Category> CategoryOfType(std::string_view type_name) {
  if (type_name == "inet" || type_name == "cidr") return Category::kIpAddress;
  if (type_name == "macaddr" || type_name == "macaddr8") return Category::kMacAddress;
  return std::nullopt;
}

// Whether the values pass the bar for `category` on their own (or with the
// help of an agreeing name).
bool Passes(Category category, const ClassifierInput& in,
            const std::vector<dictionaries::DetectorSpec>& detectors, double threshold,
            bool name_agrees) {
  const ValueProfile& p = in.profile;
  double ratio = p.Ratio(p.whole[Index(category)]);
  if (in.name.negative && !name_agrees) return Strong(category) && ratio >= kNegativeNameMinRatio;
  if (name_agrees) return ratio >= threshold;
  switch (category) {
    case Category::kPersonName:
    case Category::kCity:
      return ratio >= kDictionaryMinRatio;
    case Category::kStreetAddress:
      return ratio >= kStreetMinRatio;
    default:
      break;
  }
  for (size_t d = 0; d < detectors.size(); ++d) {
    if (detectors[d].category == category &&
        p.Ratio(p.detector_whole[d]) >= std::max(threshold, detectors[d].min_ratio)) {
      return true;
    }
  }
  return false;
}

Verdict MakeVerdict(Category category, int64_t count, const ClassifierInput& in, double threshold,
                    std::string signal) {
  bool name_agrees = in.name.category == category;
  Verdict v{category,
            Round2(WithName(ValueConfidence(count, in.profile.non_null, threshold), name_agrees)),
            Round2(in.profile.Ratio(count)),
            {std::move(signal)},
            in.profile.evidence[Index(category)]};
  if (name_agrees) v.signals.push_back("name:" + in.name.phrase);
  return v;
}

// Whether sampled values are at odds with what the name claims.
bool ValuesContradictName(Category category, const ClassifierInput& in, double threshold) {
  const ValueProfile& p = in.profile;
  if (p.non_null < kContradictingSample) return false;
  if (category == Category::kDateOfBirth) {
    return in.type_category != 'D' && p.Ratio(p.date_like) < 0.5;
  }
  if (!ValueDetectable(category)) return false;
  return p.Ratio(p.whole[Index(category)] + p.embedded[Index(category)]) < threshold / 2;
}

}  // namespace

double WilsonLowerBound(int64_t k, int64_t n) {
  if (n <= 0) return 0;
  constexpr double z = 1.96;
  double p = static_cast<double>(k) / n;
  double denominator = 1 + z * z / n;
  double centre = p + z * z / (2.0 * n);
  double margin = z * std::sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
  return std::max(0.0, (centre - margin) / denominator);
}

std::vector<Verdict> Classify(const ClassifierInput& in,
                              const std::vector<dictionaries::DetectorSpec>& detectors,
                              double threshold) {
  const ValueProfile& p = in.profile;
  if (in.type_name == "bool" || in.type_category == 'B') return {};

  if (auto by_type = CategoryOfType(in.type_name)) {
    Verdict v{*by_type,
              in.name.negative ? 0.8 : 0.97,
              p.non_null ? 1.0 : 0.0,
              {"type:" + std::string(in.type_name)},
              p.evidence[Index(*by_type)]};
    if (in.name.category == *by_type) v.signals.push_back("name:" + in.name.phrase);
    return {v};
  }

  std::vector<Verdict> verdicts;
  std::optional<Category> best;
  double best_score = 0;
  for (size_t i = 0; i < kCategoryCount; ++i) {
    auto category = static_cast<Category>(i);
    if (p.whole[i] == 0) continue;
    bool name_agrees = in.name.category == category;
    if (!Passes(category, in, detectors, threshold, name_agrees)) continue;
    double score = p.Ratio(p.whole[i]) + (name_agrees ? kNameWeight : 0);
    if (score > best_score) {
      best_score = score;
      best = category;
    }
  }
  if (best) {
    verdicts.push_back(MakeVerdict(*best, p.whole[Index(*best)], in, threshold,
                                   "value:" + std::string(IdOf(*best))));
  }

  if (!in.name.negative) {
    for (size_t i = 0; i < kCategoryCount; ++i) {
      auto category = static_cast<Category>(i);
      if (best == category || p.Ratio(p.embedded[i]) < threshold) continue;
      verdicts.push_back(MakeVerdict(category, p.embedded[i], in, threshold,
                                     "value-embedded:" + std::string(IdOf(category))));
    }
  }
  if (!verdicts.empty() || !in.name.category || in.name.negative) return verdicts;

  // Only the name to go on: an empty new column, a category values cannot
  // show, or values that do not contradict the name.
  Category category = *in.name.category;
  if (ValuesContradictName(category, in, threshold)) return verdicts;
  double confidence = p.non_null == 0 ? 0.6 : 0.7;
  if (category == Category::kDateOfBirth &&
      (in.type_category == 'D' || p.Ratio(p.date_like) >= 0.5)) {
    confidence = 0.9;
  }
  Verdict v{category,
            confidence,
            Round2(p.Ratio(p.whole[Index(category)])),
            {"name:" + in.name.phrase},
            p.evidence[Index(category)]};
  if (in.type_category == 'D') v.signals.push_back("type:" + std::string(in.type_name));
  verdicts.push_back(std::move(v));
  return verdicts;
}

}  // namespace pgveil::scanner
