#include "core/quasi_identifier.h"

#include <algorithm>
#include <array>

namespace pgveil {
namespace {

struct KindInfo {
  QuasiKind kind;
  std::string_view id;
};

constexpr std::array kKinds = {
    KindInfo{QuasiKind::kBirthDate, "birth_date"},
    KindInfo{QuasiKind::kAge, "age"},
    KindInfo{QuasiKind::kPostalCode, "postal_code"},
    KindInfo{QuasiKind::kGender, "gender"},
    KindInfo{QuasiKind::kCity, "city"},
    KindInfo{QuasiKind::kJobTitle, "job_title"},
    KindInfo{QuasiKind::kNationality, "nationality"},
    KindInfo{QuasiKind::kEthnicity, "ethnicity"},
    KindInfo{QuasiKind::kMaritalStatus, "marital_status"},
};

constexpr std::array kAll = [] {
  std::array<QuasiKind, kKinds.size()> all{};
  for (size_t i = 0; i < kKinds.size(); ++i) all[i] = kKinds[i].kind;
  return all;
}();

}  // namespace

std::string_view QuasiKindId(QuasiKind kind) {
  for (const KindInfo& info : kKinds) {
    if (info.kind == kind) return info.id;
  }
  return "unknown";
}

std::optional<QuasiKind> QuasiKindFromId(std::string_view id) {
  auto it = std::find_if(kKinds.begin(), kKinds.end(),
                         [&](const KindInfo& info) { return info.id == id; });
  if (it == kKinds.end()) return std::nullopt;
  return it->kind;
}

std::span<const QuasiKind> AllQuasiKinds() { return kAll; }

const QuasiIdentifier* FindQuasiIdentifier(const std::vector<QuasiIdentifier>& quasi_identifiers,
                                           const ColumnRef& column) {
  for (const QuasiIdentifier& quasi : quasi_identifiers) {
    if (quasi.column == column) return &quasi;
  }
  return nullptr;
}

}  // namespace pgveil
