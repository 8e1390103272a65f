#include "scanner/value_detector.h"

#include <hs/hs.h>
#include <re2/re2.h>

#include <algorithm>

#include <fmt/format.h>

#include "scanner/format_validators.h"
#include "scanner/prefilter_database.h"
#include "scanner/text_fold.h"
#include "scanner/validators.h"

namespace pgveil::scanner {
namespace {

// Values longer than this are scanned only in their first kMaxScanBytes: a
// sampled value is evidence, and a 1 GB text must not stall the scan.
constexpr size_t kMaxScanBytes = 64 * 1024;

ValidatorFn LookupValidator(std::string_view name) {
  if (ValidatorFn fn = FindFormatValidator(name)) return fn;
  return FindValidator(name);
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\n' ||
                           text.back() == '\r')) {
    text.remove_suffix(1);
  }
  return text;
}

bool IsAlnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsJoiner(char c) { return c == '-' || c == '_' || c == '/' || c == '.' || c == '#'; }

// Whether the match [offset, offset + length) is part of a longer code:
// touching a letter or digit, or joined to one by a dash, underscore,
// slash, dot or hash ("INV-2023-000001", a UUID's digit groups).
bool PartOfLongerCode(std::string_view text, size_t offset, size_t length) {
  auto glued = [&](size_t near, size_t far, bool has_near, bool has_far) {
    if (!has_near) return false;
    if (IsAlnum(text[near])) return true;
    return IsJoiner(text[near]) && has_far && IsAlnum(text[far]);
  };
  size_t end = offset + length;
  return glued(offset - 1, offset - 2, offset >= 1, offset >= 2) ||
         glued(end, end + 1, end < text.size(), end + 1 < text.size());
}

}  // namespace

struct ValueDetector::Impl {
  PrefilterDatabase database;
  std::vector<std::unique_ptr<re2::RE2>> confirm;
  std::vector<ValidatorFn> validators;  // nullptr: the pattern decides alone
};

struct ValueDetector::Context::State {
  ~State() { hs_free_scratch(scratch); }
  hs_scratch_t* scratch = nullptr;
  std::vector<unsigned> flagged;  // detectors Hyperscan flagged in this value
  std::string normalized;
};

ValueDetector::Context::Context() : state_(std::make_unique<State>()) {}
ValueDetector::Context::~Context() = default;

ValueDetector::ValueDetector(std::vector<dictionaries::DetectorSpec> specs)
    : specs_(std::move(specs)), impl_(std::make_unique<Impl>()) {}
ValueDetector::~ValueDetector() = default;

Result<std::unique_ptr<ValueDetector>> ValueDetector::Create(
    std::vector<dictionaries::DetectorSpec> specs, std::string_view serialized) {
  auto detector = std::unique_ptr<ValueDetector>(new ValueDetector(std::move(specs)));
  for (const auto& spec : detector->specs_) {
    auto where = [&] {
      return fmt::format("{}:{}: detector '{}'", spec.source, spec.line, spec.id);
    };
    re2::RE2::Options options;
    options.set_case_sensitive(!spec.caseless);
    options.set_log_errors(false);
    auto re = std::make_unique<re2::RE2>(spec.pattern, options);
    if (!re->ok())
      return Status::InvalidArgument(
          fmt::format("{}: RE2 rejects the pattern: {}", where(), re->error()));
    detector->impl_->confirm.push_back(std::move(re));
    ValidatorFn validator = nullptr;
    if (!spec.validator.empty()) {
      validator = LookupValidator(spec.validator);
      if (!validator)
        return Status::InvalidArgument(
            fmt::format("{}: unknown validator '{}'", where(), spec.validator));
    }
    detector->impl_->validators.push_back(validator);
  }
  detector->impl_->database = LoadPrefilters(serialized, detector->specs_);
  if (!detector->impl_->database) {
    PGVEIL_ASSIGN_OR_RETURN(detector->impl_->database, CompilePrefilters(detector->specs_));
  }
  return detector;
}

std::unique_ptr<ValueDetector::Context> ValueDetector::NewContext() const {
  auto ctx = std::unique_ptr<Context>(new Context());
  PGVEIL_CHECK(hs_alloc_scratch(impl_->database.get(), &ctx->state_->scratch) == HS_SUCCESS);
  ctx->state_->flagged.reserve(specs_.size());
  return ctx;
}

Result<std::string_view> ValueDetector::Scan(std::string_view value, Context& context,
                                             std::vector<DetectorHit>* hits) const {
  Context::State& ctx = *context.state_;
  std::string_view text = NormalizeForDetection(value.substr(0, kMaxScanBytes), &ctx.normalized);
  ctx.flagged.clear();
  // Every pattern is SINGLEMATCH: each detector is reported at most once.
  auto on_match = [](unsigned id, unsigned long long, unsigned long long, unsigned,
                     void* flagged) -> int {
    static_cast<std::vector<unsigned>*>(flagged)->push_back(id);
    return 0;
  };
  hs_error_t rc = hs_scan(impl_->database.get(), text.data(), static_cast<unsigned>(text.size()), 0,
                          ctx.scratch, on_match, &ctx.flagged);
  if (rc != HS_SUCCESS) return Status::Internal(fmt::format("Hyperscan scan failed (code {})", rc));
  std::sort(ctx.flagged.begin(), ctx.flagged.end());  // hits in detector order
  for (unsigned detector : ctx.flagged) Confirm(detector, text, hits);
  return text;
}

std::string_view ValueDetector::ScanWithoutPrefilter(std::string_view value, Context& context,
                                                     std::vector<DetectorHit>* hits) const {
  Context::State& ctx = *context.state_;
  std::string_view text = NormalizeForDetection(value.substr(0, kMaxScanBytes), &ctx.normalized);
  for (size_t i = 0; i < specs_.size(); ++i) Confirm(i, text, hits);
  return text;
}

void ValueDetector::Confirm(size_t detector, std::string_view text, std::vector<DetectorHit>* hits) const {
  std::string_view trimmed = Trim(text);
  re2::StringPiece input(text.data(), text.size());
  re2::StringPiece match;
  bool found = false;
  DetectorHit hit{static_cast<uint16_t>(detector), false, 0, 0};
  size_t position = 0;
  while (position <= text.size() &&
         impl_->confirm[detector]->Match(input, position, text.size(), re2::RE2::UNANCHORED, &match, 1)) {
    std::string_view candidate(match.data(), match.size());
    size_t offset = static_cast<size_t>(match.data() - text.data());
    position = offset + std::max<size_t>(match.size(), 1);
    if (candidate.empty() || PartOfLongerCode(text, offset, candidate.size())) continue;
    ValidatorFn validator = impl_->validators[detector];
    if (validator && !validator(candidate)) continue;
    bool whole = candidate.size() == trimmed.size();
    if (!found || whole) {
      hit = DetectorHit{static_cast<uint16_t>(detector), whole, static_cast<uint32_t>(offset),
                        static_cast<uint32_t>(candidate.size())};
      found = true;
    }
    if (whole) break;
  }
  if (found) hits->push_back(hit);
}

}  // namespace pgveil::scanner
