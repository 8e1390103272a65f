// scanner/value_detector.h
//
// ValueDetector finds PII inside one sampled value. All detector patterns
// (dictionaries/data/detectors.yaml) are compiled into one Hyperscan
// database, which says in a single pass which detectors may match; only
// those are run with RE2 to extract each match, and each extracted match must
// pass the detector's validator (Luhn, mod-97, libphonenumber, ...).
//
// Thread-safety: immutable after Create(); share it freely. Each thread owns
// its own ValueDetector::Context (Hyperscan scratch and buffers).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "dictionaries/detector_spec.h"

namespace pgveil::scanner {

struct DetectorHit {
  uint16_t detector;  // index into ValueDetector::specs()
  bool whole;         // the match is the whole value (modulo surrounding space)
  uint32_t offset;    // of the first validated match, in the normalised value
  uint32_t length;
};

class ValueDetector {
 public:
  // Per-thread scan state (Hyperscan scratch, buffers). Create with
  // NewContext(); use from one thread at a time.
  class Context {
   public:
    ~Context();

   private:
    friend class ValueDetector;
    struct State;
    Context();
    std::unique_ptr<State> state_;
  };

  // Compiles `specs`, taking their Hyperscan database from `serialized`
  // (scanner/prefilter_database.h) when it was built from them. Returns
  // InvalidArgument naming the detector id and its file:line when a pattern
  // does not compile in Hyperscan or RE2, or when it names an unknown
  // validator.
  static Result<std::unique_ptr<ValueDetector>> Create(
      std::vector<dictionaries::DetectorSpec> specs, std::string_view serialized = {});
  ~ValueDetector();

  std::unique_ptr<Context> NewContext() const;

  // Appends to `*hits` at most one hit per detector: a whole-value match if
  // there is one, else the first validated match inside the text. `value`
  // must be valid UTF-8. Returns the value as normalised (NFKC), which the
  // hits' offsets refer to; it stays valid until the next Scan with `ctx`.
  // Fails only when Hyperscan itself fails (never for "no match").
  Result<std::string_view> Scan(std::string_view value, Context& ctx,
                                std::vector<DetectorHit>* hits) const;

  // The same as Scan but runs every detector's RE2 pattern on the value, as
  // if Hyperscan had flagged them all: the reference the prefilters are
  // tested against (a prefilter must never hide a validated match).
  std::string_view ScanWithoutPrefilter(std::string_view value, Context& ctx,
                                        std::vector<DetectorHit>* hits) const;

  const std::vector<dictionaries::DetectorSpec>& specs() const { return specs_; }

 private:
  struct Impl;
  explicit ValueDetector(std::vector<dictionaries::DetectorSpec> specs);
  // Runs detector `detector`'s RE2 pattern and validator over `text`.
  void Confirm(size_t detector, std::string_view text, std::vector<DetectorHit>* hits) const;
  std::vector<dictionaries::DetectorSpec> specs_;
  std::unique_ptr<Impl> impl_;  // <hs/hs.h> and <re2/re2.h> stay out of this header
};

}  // namespace pgveil::scanner
