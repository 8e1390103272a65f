#include "scanner/value_profile.h"

#include <algorithm>

namespace pgveil::scanner {

void ValueProfile::AddEvidence(Category category, std::string redacted) {
  auto& kept = evidence[static_cast<size_t>(category)];
  if (kept.size() >= kMaxEvidence || redacted.empty()) return;
  if (std::find(kept.begin(), kept.end(), redacted) == kept.end())
    kept.push_back(std::move(redacted));
}

}  // namespace pgveil::scanner
