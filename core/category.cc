#include "core/category.h"

#include <array>

namespace pgveil {
namespace {

// HIPAA §164.514(b)(2)(i): A names, B geographic subdivisions smaller than a
// state, C dates (except year), D phone, E fax, F email, G SSN, H medical
// record numbers, I health plan numbers, J account numbers, K certificate or
// licence numbers, L vehicle identifiers, M device identifiers, N URLs, O IP
// addresses, P biometric identifiers, Q full-face photographs, R any other
// unique identifying number or code.
constexpr std::array kCategories = {
    CategoryInfo{Category::kEmail, "email", 'F', false},
    CategoryInfo{Category::kPhone, "phone", 'D', false},
    CategoryInfo{Category::kPersonName, "person_name", 'A', false},
    CategoryInfo{Category::kStreetAddress, "street_address", 'B', false},
    CategoryInfo{Category::kCity, "city", 'B', false},
    CategoryInfo{Category::kPostalCode, "postal_code", 'B', false},
    CategoryInfo{Category::kGeolocation, "geolocation", 'B', false},
    CategoryInfo{Category::kDateOfBirth, "date_of_birth", 'C', false},
    CategoryInfo{Category::kNationalId, "national_id", 'G', false},
    CategoryInfo{Category::kCreditCard, "credit_card", 'J', false},
    CategoryInfo{Category::kBankAccount, "bank_account", 'J', false},
    CategoryInfo{Category::kIpAddress, "ip_address", 'O', false},
    CategoryInfo{Category::kMacAddress, "mac_address", 'M', false},
    CategoryInfo{Category::kUrl, "url", 'N', false},
    CategoryInfo{Category::kSecret, "secret", 0, false},
    CategoryInfo{Category::kPassport, "passport", 'K', false},
    CategoryInfo{Category::kDriversLicense, "drivers_license", 'K', false},
    CategoryInfo{Category::kTaxId, "tax_id", 'R', false},
    CategoryInfo{Category::kUsername, "username", 'R', false},
    CategoryInfo{Category::kVehicleId, "vehicle_id", 'L', false},
    CategoryInfo{Category::kDeviceId, "device_id", 'M', false},
    CategoryInfo{Category::kMedicalRecord, "medical_record", 'H', false},
    CategoryInfo{Category::kHealth, "health", 0, true},
    CategoryInfo{Category::kBiometric, "biometric", 'P', true},
    CategoryInfo{Category::kEthnicity, "ethnicity", 0, true},
    CategoryInfo{Category::kReligion, "religion", 0, true},
    CategoryInfo{Category::kPoliticalOpinion, "political_opinion", 0, true},
    CategoryInfo{Category::kTradeUnion, "trade_union", 0, true},
    CategoryInfo{Category::kSexualOrientation, "sexual_orientation", 0, true},
    CategoryInfo{Category::kGenetic, "genetic", 0, true},
    CategoryInfo{Category::kCriminalRecord, "criminal_record", 0, true},
};

}  // namespace

std::span<const CategoryInfo> AllCategories() { return kCategories; }

const CategoryInfo& InfoOf(Category category) { return kCategories[static_cast<size_t>(category)]; }

std::optional<Category> CategoryFromId(std::string_view id) {
  for (const CategoryInfo& info : kCategories) {
    if (info.id == id) return info.category;
  }
  return std::nullopt;
}

}  // namespace pgveil
