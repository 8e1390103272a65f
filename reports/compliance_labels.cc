// reports/compliance_labels.cc
//
// The words the compliance report uses for its enums and categories, shared
// by every format so HTML, Markdown and JSON name things alike. Category
// labels follow the wording of GDPR Art. 9 and Art. 10 where the category
// is one of theirs.

#include "reports/compliance_model.h"

namespace pgveil::reports {

std::string_view ProtectionName(Protection protection) {
  switch (protection) {
    case Protection::kMasked:
      return "masked";
    case Protection::kKept:
      return "kept";
    case Protection::kSuppressed:
      return "suppressed";
    case Protection::kUncovered:
      return "uncovered";
  }
  return "uncovered";
}

std::string_view HipaaStatusName(HipaaStatus status) {
  switch (status) {
    case HipaaStatus::kPass:
      return "pass";
    case HipaaStatus::kFail:
      return "fail";
    case HipaaStatus::kNotFound:
      return "not found";
    case HipaaStatus::kNotAssessed:
      return "not assessed";
  }
  return "not assessed";
}

std::string_view SuppressionStateName(SuppressionState state) {
  switch (state) {
    case SuppressionState::kActive:
      return "active";
    case SuppressionState::kExpired:
      return "expired";
    case SuppressionState::kUnused:
      return "unused";
  }
  return "unused";
}

std::string_view CategoryLabel(Category category) {
  switch (category) {
    case Category::kEmail:
      return "E-mail addresses";
    case Category::kPhone:
      return "Telephone numbers";
    case Category::kPersonName:
      return "Names";
    case Category::kStreetAddress:
      return "Street addresses";
    case Category::kCity:
      return "Cities";
    case Category::kPostalCode:
      return "Postal codes";
    case Category::kGeolocation:
      return "Geolocation";
    case Category::kDateOfBirth:
      return "Dates of birth";
    case Category::kNationalId:
      return "National identification numbers";
    case Category::kCreditCard:
      return "Payment card numbers";
    case Category::kBankAccount:
      return "Bank account numbers";
    case Category::kIpAddress:
      return "IP addresses";
    case Category::kMacAddress:
      return "MAC addresses";
    case Category::kUrl:
      return "URLs";
    case Category::kSecret:
      return "Credentials and secrets";
    case Category::kPassport:
      return "Passport numbers";
    case Category::kDriversLicense:
      return "Driving licence numbers";
    case Category::kTaxId:
      return "Tax identification numbers";
    case Category::kUsername:
      return "User names";
    case Category::kVehicleId:
      return "Vehicle identifiers";
    case Category::kDeviceId:
      return "Device identifiers";
    case Category::kMedicalRecord:
      return "Medical record numbers";
    case Category::kHealth:
      return "Data concerning health";
    case Category::kBiometric:
      return "Biometric data";
    case Category::kEthnicity:
      return "Racial or ethnic origin";
    case Category::kReligion:
      return "Religious or philosophical beliefs";
    case Category::kPoliticalOpinion:
      return "Political opinions";
    case Category::kTradeUnion:
      return "Trade union membership";
    case Category::kSexualOrientation:
      return "Sex life or sexual orientation";
    case Category::kGenetic:
      return "Genetic data";
    case Category::kCriminalRecord:
      return "Criminal convictions and offences";
  }
  return "Personal data";
}

std::string_view GdprArticle(Category category) {
  if (!InfoOf(category).gdpr_special) return "";
  return category == Category::kCriminalRecord ? "Art. 10" : "Art. 9";
}

}  // namespace pgveil::reports
