// Sampled values are any bytes a production column holds. Every validator
// takes any candidate (invalid UTF-8 included) and answers; detection with
// the Hyperscan prefilter finds exactly what running every detector finds;
// hits stay inside the value; and a column of such values scans to findings
// whose evidence never holds a whole sampled value.
#include <algorithm>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "core/redaction.h"
#include "core/sample.h"
#include "core/status.h"
#include "dictionaries/detector_spec.h"
#include "scanner/format_validators.h"
#include "scanner/text_fold.h"
#include "scanner/validators.h"
#include "scanner/value_detector.h"
#include "tests/fuzz/column_scan.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {
namespace {

const scanner::ValueDetector& Detector() {
  static const auto detector = [] {
    auto specs = dictionaries::EmbeddedDetectorSpecs();
    PGVEIL_CHECK(specs.ok());
    auto created = scanner::ValueDetector::Create(std::move(specs).value());
    PGVEIL_CHECK(created.ok());
    return std::move(created).value();
  }();
  return *detector;
}

using HitKey = std::tuple<uint16_t, bool, uint32_t, uint32_t>;

std::vector<HitKey> Keys(const std::vector<scanner::DetectorHit>& hits, size_t normalised_size) {
  std::vector<HitKey> keys;
  for (const scanner::DetectorHit& hit : hits) {
    PGVEIL_CHECK(hit.detector < Detector().specs().size());
    PGVEIL_CHECK(static_cast<size_t>(hit.offset) + hit.length <= normalised_size);
    keys.emplace_back(hit.detector, hit.whole, hit.offset, hit.length);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

void RunValidators(std::string_view candidate) {
  for (const dictionaries::DetectorSpec& spec : Detector().specs()) {
    if (spec.validator.empty()) continue;
    if (auto format = scanner::FindFormatValidator(spec.validator)) {
      (void)format(candidate);
    } else if (auto check_digits = scanner::FindValidator(spec.validator)) {
      (void)check_digits(candidate);
    }
  }
}

void Detect(std::string_view value) {
  static const auto context = Detector().NewContext();
  std::vector<scanner::DetectorHit> hits, reference;
  auto normalised = Detector().Scan(value, *context, &hits);
  PGVEIL_CHECK(normalised.ok());
  const size_t size = normalised.value().size();
  const std::vector<HitKey> found = Keys(hits, size);
  std::string_view again = Detector().ScanWithoutPrefilter(value, *context, &reference);
  PGVEIL_CHECK(again.size() == size);
  PGVEIL_CHECK(Keys(reference, size) == found);
}

void ScanAsTextColumn(const ColumnSample& sample) {
  scanner::ColumnScan scan = ScanColumn("body", "text", sample);
  for (const Finding& finding : scan.findings) {
    for (const std::string& evidence : finding.evidence) {
      for (const std::string& value : sample.values) {
        // Redaction keeps at most a first character and a top-level domain
        // of kMaxKeptBytes (core/redaction.h): a longer value never survives
        // it whole. One that short may be another row's kept domain
        // (".peocmlm" beside e@exa.peocmlm).
        const bool masked_looking = value.find_first_of("*#") != std::string::npos;
        PGVEIL_CHECK(value.size() <= kMaxKeptBytes || masked_looking ||
                     evidence.find(value) == std::string::npos);
      }
    }
  }
}

}  // namespace

void FuzzValueDetector(std::string_view data) {
  RunValidators(data);
  // One value per line, as a column of short values; the whole input too.
  ColumnSample sample;
  sample.values.emplace_back(data);
  for (size_t start = 0; start < data.size();) {
    size_t end = std::min(data.find('\n', start), data.size());
    std::string_view line = data.substr(start, end - start);
    RunValidators(line);
    sample.values.emplace_back(line);
    start = end + 1;
  }
  for (const std::string& value : sample.values) {
    if (scanner::ValidUtf8(value)) Detect(value);
  }
  ScanAsTextColumn(sample);
}

}  // namespace pgveil::fuzz
