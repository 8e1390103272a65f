#include "replicator/value_cache.h"

namespace pgveil::replicator {

const masking::MaskedValue* ValueCache::Find(std::string_view value) {
  if (!enabled_ || value.size() > kMaxValueBytes) return nullptr;
  ++lookups_;
  auto found = entries_.find(value);
  if (found != entries_.end()) {
    ++hits_;
    return &found->second;
  }
  if (lookups_ == kProbeLookups && hits_ * 4 < lookups_) {
    enabled_ = false;  // mostly distinct values: the lookups would only cost
    entries_ = {};
  }
  return nullptr;
}

void ValueCache::Insert(std::string_view value, const masking::MaskedValue& masked) {
  if (!enabled_ || value.size() > kMaxValueBytes || entries_.size() >= kMaxEntries) return;
  entries_.emplace(std::string(value), masked);
}

}  // namespace pgveil::replicator
