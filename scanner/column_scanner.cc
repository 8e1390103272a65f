#include "scanner/column_scanner.h"

#include <algorithm>
#include <bitset>
#include <map>
#include <numeric>

#include "core/redaction.h"
#include "dictionaries/column_lexicon.h"
#include "dictionaries/detector_spec.h"
#include "scanner/classifier.h"
#include "scanner/column_name_evidence.h"
#include "scanner/json_walker.h"
#include "scanner/quasi_identifier.h"
#include "scanner/text_fold.h"
#include "scanner/value_detector.h"
#include "scanner/value_shape.h"
#include "scanner/word_evidence.h"

namespace pgveil::embedded {
// The embedded detectors' Hyperscan database, serialised at build time
// (tools/prefilter_tool.cc).
extern const std::string_view prefilters;
}  // namespace pgveil::embedded

namespace pgveil::scanner {
namespace {

// A column's (or JSONB path's) values are examined until more of them could
// not change its verdicts (classifier.h: Settled), checked every
// kSettleCheckEvery values from kMinExamined on.
constexpr int64_t kMinExamined = 500;
constexpr int64_t kSettleCheckEvery = 100;

// Calls `fn` on every value in a scattered order, index i * step mod n with
// step coprime to n: samples arrive in physical order, and a table's early
// pages may differ from its late ones.
template <typename Fn>
void ForEachScattered(const std::vector<std::string>& values, Fn&& fn) {
  const size_t n = values.size();
  size_t step = 7919;  // prime, so coprime to every n it does not divide
  while (n > 0 && std::gcd(step, n) != 1) ++step;
  for (size_t i = 0, at = 0; i < n; ++i, at = (at + step) % n) fn(values[at]);
}

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

std::string_view Slice(std::string_view text, const DetectorHit& hit) {
  return text.substr(hit.offset, hit.length);
}

}  // namespace

// The statistics of one column or JSONB path, with what the classifier
// needs besides them, and whether they have settled.
struct Tally {
  Tally(size_t detectors, NameVerdict name, std::string type_name, char type_category)
      : profile(detectors),
        name(std::move(name)),
        type_name(std::move(type_name)),
        type_category(type_category) {}
  ClassifierInput Input() const { return {profile, name, type_name, type_category}; }

  ValueProfile profile;
  NameVerdict name;
  std::string type_name;
  char type_category;
  bool settled = false;
};

struct ColumnScanner::Impl {
  ScannerOptions options;
  std::unique_ptr<ValueDetector> detector;
  std::unique_ptr<WordEvidence> words;
  std::unique_ptr<ColumnNameEvidence> names;

  // `named`: the category the column's name says, if any; the shapes only
  // such a name can use (bare-digit phones, hex digests) are counted only
  // under it.
  void Profile(std::string_view value, Context::State& ctx, std::optional<Category> named,
               ValueProfile& profile) const;
  // Profiles `value` unless `tally` has settled (then counts invalid UTF-8 only).
  void Feed(std::string_view value, Context::State& ctx, Tally& tally) const;
  void AddFindings(const ColumnRef& ref, const std::optional<std::string>& path,
                   const Tally& tally, std::vector<Finding>* out) const;
};

struct ColumnScanner::Context::State {
  std::unique_ptr<ValueDetector::Context> detector;
  JsonWalker json;
  WordEvidence::Scratch words;
  std::vector<DetectorHit> hits;
};

ColumnScanner::Context::Context() : state_(std::make_unique<State>()) {}
ColumnScanner::Context::~Context() = default;

ColumnScanner::ColumnScanner(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ColumnScanner::~ColumnScanner() = default;

Result<std::unique_ptr<ColumnScanner>> ColumnScanner::Create(const ScannerOptions& options) {
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  PGVEIL_ASSIGN_OR_RETURN(auto specs, dictionaries::EmbeddedDetectorSpecs());
  PGVEIL_ASSIGN_OR_RETURN(impl->detector,
                          ValueDetector::Create(std::move(specs), embedded::prefilters));
  PGVEIL_ASSIGN_OR_RETURN(auto lexicon, dictionaries::EmbeddedColumnLexicon());
  impl->names = ColumnNameEvidence::Create(lexicon);
  impl->words = WordEvidence::CreateFromDictionaries();
  return std::unique_ptr<ColumnScanner>(new ColumnScanner(std::move(impl)));
}

std::unique_ptr<ColumnScanner::Context> ColumnScanner::NewContext() const {
  auto ctx = std::unique_ptr<Context>(new Context());
  ctx->state_->detector = impl_->detector->NewContext();
  return ctx;
}

void ColumnScanner::Impl::Profile(std::string_view value, Context::State& ctx,
                                  std::optional<Category> named, ValueProfile& profile) const {
  if (!ValidUtf8(value)) {
    ++profile.invalid_utf8;
    return;
  }
  ++profile.non_null;
  if (IsWholeTimestamp(value)) {
    profile.AddDate(DateYear(value));
    return;
  }
  // Shapes (value_shape.h), guarded so that the common value, a word or a
  // short number, pays for a comparison or two.
  if (IsPlainNumber(value)) {
    ++profile.numeric;
    if (named == Category::kPhone && IsBareDigitsPhone(value)) ++profile.bare_digits;
  } else if (value.size() >= 32) {
    if (named == Category::kSecret) {
      if (int digest = HexDigestLength(value); digest >= 0) ++profile.hex_digests[digest];
    }
  } else if (value.size() >= 3 &&
             (IsAsciiDigit(value.front()) || value.front() == 'v' || value.front() == 'V') &&
             IsDottedVersion(value)) {
    ++profile.dotted_versions;
  }
  ctx.hits.clear();
  auto scanned = detector->Scan(value, *ctx.detector, &ctx.hits);
  std::string_view text = scanned.ok() ? *scanned : value;
  std::bitset<kCategoryCount> whole, embedded;
  const auto& specs = detector->specs();
  for (const DetectorHit& hit : ctx.hits) {
    const auto& spec = specs[hit.detector];
    size_t c = static_cast<size_t>(spec.category);
    if (hit.whole) {
      ++profile.detector_whole[hit.detector];
      whole.set(c);
    } else if (spec.embedded) {
      embedded.set(c);
    } else {
      continue;
    }
    if (profile.WantsEvidence(spec.category)) profile.AddEvidence(spec.category, Redact(Slice(text, hit)));
  }
  WordMatch word = words->Judge(text, ctx.words);
  auto mark_word = [&](bool matched, Category category) {
    if (!matched) return;
    whole.set(static_cast<size_t>(category));
    if (profile.WantsEvidence(category)) profile.AddEvidence(category, Redact(text));
  };
  mark_word(word.person_name, Category::kPersonName);
  mark_word(word.city, Category::kCity);
  mark_word(word.street_address, Category::kStreetAddress);
  if (word.embedded_person_name) embedded.set(static_cast<size_t>(Category::kPersonName));
  if (int year = DateYear(text)) profile.AddDate(year);
  if (whole.none() && embedded.none()) return;  // most values
  for (size_t c = 0; c < kCategoryCount; ++c) {
    if (whole[c]) {
      ++profile.whole[c];
    } else if (embedded[c]) {
      ++profile.embedded[c];
    }
  }
}

void ColumnScanner::Impl::Feed(std::string_view value, Context::State& ctx, Tally& tally) const {
  if (tally.settled) {
    tally.profile.invalid_utf8 += ValidUtf8(value) ? 0 : 1;
    return;
  }
  Profile(value, ctx, tally.name.category, tally.profile);
  // Until it settles, every value lands in one of these two counts.
  const int64_t examined = tally.profile.non_null + tally.profile.invalid_utf8;
  if (options.stop_when_settled && examined >= kMinExamined && examined % kSettleCheckEvery == 0) {
    tally.settled = Settled(tally.Input(), detector->specs(), options.threshold);
  }
}

void ColumnScanner::Impl::AddFindings(const ColumnRef& ref, const std::optional<std::string>& path,
                                      const Tally& tally, std::vector<Finding>* out) const {
  for (Verdict& v : Classify(tally.Input(), detector->specs(), options.threshold)) {
    out->push_back(Finding{ref, path, v.category, v.confidence, v.match_ratio,
                           tally.profile.non_null, std::move(v.signals), std::move(v.evidence)});
  }
}

ColumnScan ColumnScanner::Scan(const TableInfo& table, const ColumnInfo& column,
                               const ColumnSample& sample, int64_t rows_sampled,
                               Context& context) const {
  Context::State& ctx = *context.state_;
  ColumnScan scan;
  ColumnRef ref{table.schema, table.name, column.name};
  scan.summary = ColumnSummary{ref, column.data_type, rows_sampled,
                               static_cast<int64_t>(sample.values.size())};
  size_t detectors = impl_->detector->specs().size();

  if (!column.IsJson()) {
    Tally tally(detectors, impl_->names->JudgeColumn(column.name, table.name), column.type_name,
                column.type_category);
    ForEachScattered(sample.values,
                     [&](const std::string& value) { impl_->Feed(value, ctx, tally); });
    scan.summary.invalid_utf8 = tally.profile.invalid_utf8;
    impl_->AddFindings(ref, std::nullopt, tally, &scan.findings);
    scan.quasi_identifier = JudgeQuasiIdentifier(table, column, sample, scan.findings);
    return scan;
  }

  // Every document is walked, so a key that turns up rarely still gets its
  // path; only paths whose verdicts have settled skip the detectors.
  std::map<std::string, Tally, std::less<>> paths;
  ForEachScattered(sample.values, [&](const std::string& value) {
    Status walked = ctx.json.Walk(value, [&](std::string_view path, std::string_view key,
                                             std::string_view parent, std::string_view leaf) {
      auto it = paths.find(path);
      if (it == paths.end()) {
        if (paths.size() >= impl_->options.max_json_paths) return;
        NameVerdict name = impl_->names->JudgeJsonKey(key, parent, column.name, table.name);
        it = paths.try_emplace(std::string(path), detectors, std::move(name), "", 'S').first;
      }
      impl_->Feed(leaf, ctx, it->second);
    });
    if (!walked.ok()) ++scan.malformed_json;
  });
  for (const auto& [path, tally] : paths) {
    scan.summary.invalid_utf8 += tally.profile.invalid_utf8;
    impl_->AddFindings(ref, path, tally, &scan.findings);
  }
  return scan;
}

}  // namespace pgveil::scanner
