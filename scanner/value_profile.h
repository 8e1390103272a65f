// scanner/value_profile.h
//
// ValueProfile is the statistics of one column, or of one JSONB path, over
// its sampled values: how many were non-null, how many each detector matched
// as the whole value or inside longer text, how many the dictionaries took
// for a person name, city or street address, and a few redacted examples per
// category. The classifier turns a profile into findings.
//
// Thread-safety: a plain value; one profile is filled by one thread.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "core/category.h"

namespace pgveil::scanner {

inline constexpr size_t kCategoryCount = static_cast<size_t>(Category::kCriminalRecord) + 1;
inline constexpr size_t kMaxEvidence = 3;

struct ValueProfile {
  int64_t non_null = 0;
  int64_t invalid_utf8 = 0;
  int64_t date_like = 0;                // parse as a calendar date
  int64_t numeric = 0;                  // plain decimal numbers ("52.520008")
  int64_t bare_digits = 0;              // 10-15 digits alone, counted under a phone name
  int64_t dotted_versions = 0;          // "4.12.3", "v2.1", "1.0.0-rc1"
  // All-hex values of 32, 40, 64 and 128 digits, counted under a secret name.
  std::array<int64_t, 4> hex_digests{};
  std::array<int32_t, 200> years{};     // years of those dates, 1900..2099
  std::vector<int64_t> detector_whole;  // per detector: values it matched whole
  std::array<int64_t, kCategoryCount>
      whole{};  // per category: values matched whole by any detector/dictionary
  std::array<int64_t, kCategoryCount>
      embedded{};  // per category: values holding a match inside text
  std::array<std::vector<std::string>, kCategoryCount> evidence;  // redacted, distinct

  explicit ValueProfile(size_t detectors = 0) : detector_whole(detectors, 0) {}

  // Whether `category` still wants examples (so callers redact only then).
  bool WantsEvidence(Category category) const {
    return evidence[static_cast<size_t>(category)].size() < kMaxEvidence;
  }
  // Keeps `redacted` as evidence for `category` unless it already has enough.
  void AddEvidence(Category category, std::string redacted);
  void AddDate(int year) {
    ++date_like;
    if (year >= 1900 && year < 2100) ++years[static_cast<size_t>(year - 1900)];
  }
  double Ratio(int64_t count) const {
    return non_null == 0 ? 0 : static_cast<double>(count) / non_null;
  }
};

}  // namespace pgveil::scanner
