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
// A category several detectors share (national IDs of many countries in one
// column) passes when their matches together reach this share: random numbers
// pass one check-digit scheme in ten, not most of several.
constexpr double kCombinedMinRatio = 0.5;
// Below these shares of dictionary hits, values contradict a name such as
// "name" (product names) or "unit" (prices).
constexpr double kDictionarySupport = 0.2;
constexpr double kStreetSupport = 0.1;
// Names inside free text need more rows than patterns: a capitalised word
// that is also someone's name turns up in any prose now and then.
constexpr double kEmbeddedNameMinRatio = 0.3;
// Dates of birth without a name to say so: nearly all dates long past
// (before kLatestBirthYear), spread over many years.
constexpr int kLatestBirthYear = 2012;
constexpr int kMinBirthYearSpread = 15;
// A name that says phone or secret, with values our validators reject but
// that share one shape fitting the category (bare 10-15 digit phones,
// unsalted hex digests of one length), is a finding when this share of the
// values has that shape.
constexpr double kShapeMinRatio = 0.8;
// Dotted quads in a column where this share of values are plainly versions
// ("4.12.3", "v2.1") are versions too.
constexpr double kVersionMinRatio = 0.1;
// Verdicts are settled when they stay the same with every ratio at either
// end of its interval at this z (99.9 %).
constexpr double kSettledZ = 3.29;

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

// Detectors that are rarely wrong even where the name says "identifier". URLs
// are not among them: a product's image URL is no one's personal data.
bool Strong(Category c) {
  return c == Category::kEmail || c == Category::kBankAccount || c == Category::kSecret ||
         c == Category::kIpAddress || c == Category::kMacAddress;
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

// Whether dotted quads here are versions: the name says version ("app_version",
// "$.build.ver"), or enough of the values are plainly versions.
bool HoldsVersions(const ClassifierInput& in) {
  return in.name.version || in.profile.Ratio(in.profile.dotted_versions) >= kVersionMinRatio;
}

// The share of values with the one shape that fits `category` when values
// fail its validators: bare digits for a phone, hex digests of a single
// length for a secret; 0 for other categories.
double ShapeRatio(Category category, const ValueProfile& p) {
  if (category == Category::kPhone) return p.Ratio(p.bare_digits);
  if (category == Category::kSecret) {
    return p.Ratio(*std::max_element(p.hex_digests.begin(), p.hex_digests.end()));
  }
  return 0;
}

// Whether the values pass the bar for `category` on their own (or with the
// help of an agreeing name).
bool Passes(Category category, const ClassifierInput& in,
            const std::vector<dictionaries::DetectorSpec>& detectors, double threshold,
            bool name_agrees) {
  const ValueProfile& p = in.profile;
  double ratio = p.Ratio(p.whole[Index(category)]);
  if (category == Category::kIpAddress && HoldsVersions(in)) return false;
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
  if (ratio >= std::max(threshold, kCombinedMinRatio)) return true;
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
  if (p.non_null < kContradictingSample) {
    // Fewer values still outvote a dictionary category when even the top of
    // their 95 % interval stays below the support it needs (0 person names
    // in 16 values).
    if (category != Category::kPersonName && category != Category::kCity) return false;
    int64_t k = p.whole[Index(category)] + p.embedded[Index(category)];
    return p.non_null > 0 && WilsonInterval(k, p.non_null, 1.96).second < kDictionarySupport;
  }
  if (category == Category::kDateOfBirth) {
    return in.type_category != 'D' && p.Ratio(p.date_like) < 0.5;
  }
  double ratio = p.Ratio(p.whole[Index(category)] + p.embedded[Index(category)]);
  // Coordinates are numbers or "lat, lon" pairs; a text column of places
  // ("Station 4B / Raum 412") names no position on earth.
  if (category == Category::kGeolocation) {
    return in.type_category == 'S' && p.Ratio(p.numeric) + ratio < 0.5;
  }
  if (category == Category::kPersonName || category == Category::kCity) return ratio < kDictionarySupport;
  if (category == Category::kStreetAddress) return ratio < kStreetSupport;
  if (!ValueDetectable(category)) return false;
  return ratio < threshold / 2;
}

// Whether a column's dates look like birth dates: almost all parse as dates,
// almost all lie before kLatestBirthYear, and the middle 80 % spans at least
// kMinBirthYearSpread years (an order or hire date clusters in recent years).
bool LooksLikeBirthDates(const ValueProfile& p) {
  if (p.non_null < kContradictingSample || p.Ratio(p.date_like) < 0.8) return false;
  int64_t total = 0, early = 0;
  for (size_t i = 0; i < p.years.size(); ++i) {
    total += p.years[i];
    if (static_cast<int>(i) + 1900 <= kLatestBirthYear) early += p.years[i];
  }
  if (total == 0 || early * 10 < total * 9) return false;
  auto percentile = [&](double q) {
    int64_t seen = 0;
    for (size_t i = 0; i < p.years.size(); ++i) {
      seen += p.years[i];
      if (seen >= q * total) return static_cast<int>(i);
    }
    return static_cast<int>(p.years.size());
  };
  return percentile(0.9) - percentile(0.1) >= kMinBirthYearSpread;
}

}  // namespace

double WilsonLowerBound(int64_t k, int64_t n) { return WilsonInterval(k, n, 1.96).first; }

std::pair<double, double> WilsonInterval(int64_t k, int64_t n, double z) {
  if (n <= 0) return {0, 1};
  double p = static_cast<double>(k) / n;
  double denominator = 1 + z * z / n;
  double centre = p + z * z / (2.0 * n);
  double margin = z * std::sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
  return {std::max(0.0, (centre - margin) / denominator),
          std::min(1.0, (centre + margin) / denominator)};
}

bool Settled(const ClassifierInput& in, const std::vector<dictionaries::DetectorSpec>& detectors,
             double threshold) {
  const ValueProfile& p = in.profile;
  auto outcome = [&](const ValueProfile& profile) {
    std::vector<std::pair<Category, std::string>> verdicts;
    for (Verdict& v : Classify({profile, in.name, in.type_name, in.type_category}, detectors,
                               threshold)) {
      verdicts.emplace_back(v.category, std::move(v.signals.front()));
    }
    return verdicts;
  };
  const auto verdicts = outcome(p);
  for (bool upper : {false, true}) {
    ValueProfile bound = p;
    auto move = [&](int64_t& k) {
      auto [low, high] = WilsonInterval(k, p.non_null, kSettledZ);
      double end = (upper ? high : low) * static_cast<double>(p.non_null);
      k = static_cast<int64_t>(upper ? std::ceil(end) : std::floor(end));
    };
    for (int64_t& k : bound.whole) move(k);
    for (int64_t& k : bound.embedded) move(k);
    for (int64_t& k : bound.detector_whole) move(k);
    move(bound.date_like);
    move(bound.numeric);
    move(bound.bare_digits);
    for (int64_t& k : bound.hex_digests) move(k);
    move(bound.dotted_versions);
    if (outcome(bound) != verdicts) return false;
  }
  // The best category must stay the best: the score intervals of the
  // categories that pass may not overlap.
  std::vector<std::pair<double, double>> scores;
  for (size_t i = 0; i < kCategoryCount; ++i) {
    auto category = static_cast<Category>(i);
    bool name_agrees = in.name.category == category;
    if (p.whole[i] == 0 || !Passes(category, in, detectors, threshold, name_agrees)) continue;
    auto [low, high] = WilsonInterval(p.whole[i], p.non_null, kSettledZ);
    double weight = name_agrees ? kNameWeight : 0;
    scores.emplace_back(low + weight, high + weight);
  }
  std::sort(scores.begin(), scores.end(), std::greater<>());
  return scores.size() < 2 || scores[0].first > scores[1].second;
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
    Verdict v = MakeVerdict(*best, p.whole[Index(*best)], in, threshold,
                            "value:" + std::string(IdOf(*best)));
    // Login names are made of people's names ("mike", "sina.corkery"): a
    // name that says username keeps its category over a name dictionary.
    if (*best == Category::kPersonName && in.name.category == Category::kUsername &&
        !in.name.negative) {
      v.category = Category::kUsername;
      v.confidence = Round2(WithName(v.confidence, true));
      v.signals.push_back("name:" + in.name.phrase);
    }
    verdicts.push_back(std::move(v));
  }

  // Free text: a name like "body" or "subject" says nothing about what
  // people write into it, so negative names do not block embedded PII.
  for (size_t i = 0; i < kCategoryCount; ++i) {
    auto category = static_cast<Category>(i);
    double bar = category == Category::kPersonName ? kEmbeddedNameMinRatio : threshold;
    if (best == category || p.Ratio(p.embedded[i]) < bar) continue;
    verdicts.push_back(MakeVerdict(category, p.embedded[i], in, threshold,
                                   "value-embedded:" + std::string(IdOf(category))));
  }
  if (verdicts.empty() && !in.name.negative && !in.name.category && LooksLikeBirthDates(p)) {
    verdicts.push_back(Verdict{Category::kDateOfBirth, 0.6, Round2(p.Ratio(p.date_like)),
                               {"value:date_of_birth"}, {}});
  }
  if (!verdicts.empty() || !in.name.category || in.name.negative) return verdicts;

  // Only the name to go on: an empty new column, a category values cannot
  // show, or values that do not contradict the name.
  Category category = *in.name.category;
  if (double shaped = ShapeRatio(category, p); shaped >= kShapeMinRatio) {
    verdicts.push_back(Verdict{category,
                               0.8,
                               Round2(shaped),
                               {"name:" + in.name.phrase, "shape:" + std::string(IdOf(category))},
                               {}});
    return verdicts;
  }
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
