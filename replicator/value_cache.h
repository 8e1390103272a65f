// replicator/value_cache.h
//
// ValueCache remembers what one deterministic transformer made of recent
// inputs, so a column with few distinct values (first names, cities,
// statuses) is masked once per distinct value per worker instead of once per
// row: a hash lookup instead of an HMAC or a dictionary walk. Every
// transformer the registry marks deterministic gives the same output for the
// same input, so a hit is exactly what the transformer would have returned.
//
// It is bounded and adaptive: at most kMaxEntries values of at most
// kMaxValueBytes each; once kProbeLookups lookups have shown fewer than one
// hit in four (emails, IP addresses, documents: nearly every value is new),
// the cache empties itself and stays off for the rest of the run.
//
// The cache holds source values in memory like the row buffers do; it is
// never written anywhere.
//
// Thread-safety: not thread-safe; one per column per worker.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "masking/transformer.h"

namespace pgveil::replicator {

class ValueCache {
 public:
  static constexpr size_t kMaxEntries = 4096;
  static constexpr size_t kMaxValueBytes = 64;
  static constexpr int64_t kProbeLookups = 4096;

  // The output remembered for `value`, or nullptr (not seen, too long, or
  // the cache is off). Counts the lookup for the hit rate.
  const masking::MaskedValue* Find(std::string_view value);

  // Remembers `masked` as the output for `value`, if there is room.
  void Insert(std::string_view value, const masking::MaskedValue& masked);

  bool enabled() const { return enabled_; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, masking::MaskedValue, Hash, std::equal_to<>> entries_;
  int64_t lookups_ = 0;
  int64_t hits_ = 0;
  bool enabled_ = true;
};

}  // namespace pgveil::replicator
