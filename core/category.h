// core/category.h
//
// The PII categories pgveil knows, with their canonical ids (the JSON
// contract in DESIGN.md), the HIPAA Safe Harbor identifier each maps to, and
// whether GDPR Art. 9/10 treats it as special-category data.
//
// Thread-safety: constant data.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace pgveil {

enum class Category {
  kEmail,
  kPhone,
  kPersonName,
  kStreetAddress,
  kCity,
  kPostalCode,
  kGeolocation,
  kDateOfBirth,
  kNationalId,
  kCreditCard,
  kBankAccount,
  kIpAddress,
  kMacAddress,
  kUrl,
  kSecret,
  kPassport,
  kDriversLicense,
  kTaxId,
  kUsername,
  kVehicleId,
  kDeviceId,
  kMedicalRecord,
  kHealth,
  kBiometric,
  kEthnicity,
  kReligion,
  kPoliticalOpinion,
  kTradeUnion,
  kSexualOrientation,
  kGenetic,
  kCriminalRecord,
};

struct CategoryInfo {
  Category category;
  std::string_view id;    // canonical id, e.g. "credit_card"
  char hipaa_identifier;  // Safe Harbor letter A–R, or 0 when none applies
  bool gdpr_special;      // GDPR Art. 9 or Art. 10 data
};

// Every category, in declaration order.
std::span<const CategoryInfo> AllCategories();

const CategoryInfo& InfoOf(Category category);
inline std::string_view IdOf(Category category) { return InfoOf(category).id; }

// Looks a canonical id up; nullopt for an unknown id.
std::optional<Category> CategoryFromId(std::string_view id);

}  // namespace pgveil
