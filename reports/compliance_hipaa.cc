// reports/compliance_hipaa.cc
//
// The HIPAA Safe Harbor matrix: the 18 identifiers of 45 CFR
// 164.514(b)(2)(i), where pgveil found each one and whether the policy
// removes it. An identifier passes when every location of it is masked (or
// suppressed as not personal data); dates (C) and ZIP codes (part of B)
// pass only when generalised or removed, because Safe Harbor keeps the year
// of a date and the first three digits of a ZIP code and nothing more: a
// shifted date or an encrypted ZIP code still fails. Coordinates (part of
// B) must go altogether: noise leaves the place recognisable. Identifiers no
// category maps to (fax numbers, health plan numbers, photographs) are "not
// assessed", never "pass".

#include <fmt/format.h>

#include <array>

#include "reports/compliance_model.h"

namespace pgveil::reports {
namespace {

struct Identifier {
  char letter;
  std::string_view name;
  std::string_view note;
};

constexpr std::array<Identifier, 18> kIdentifiers = {{
    {'A', "Names", ""},
    {'B', "Geographic subdivisions smaller than a state",
     "Street address, city, county, precinct, ZIP code and geocodes; the first three digits of "
     "a ZIP code may stay (000 where fewer than 20,000 people share them), so ZIP codes pass "
     "only when generalised and coordinates only when removed."},
    {'C', "Dates (except year) and ages over 89",
     "Every element of a date but the year must go, so dates pass only when generalised to the "
     "year or removed; shifting a date is not enough."},
    {'D', "Telephone numbers", ""},
    {'E', "Fax numbers",
     "Fax numbers cannot be told apart from telephone numbers; any found are reported under D."},
    {'F', "Email addresses", ""},
    {'G', "Social security numbers", "Includes other national identification numbers."},
    {'H', "Medical record numbers", ""},
    {'I', "Health plan beneficiary numbers",
     "pgveil has no detector for health plan numbers; review such columns by hand."},
    {'J', "Account numbers", "Payment card and bank account numbers."},
    {'K', "Certificate and license numbers", "Passport and driving licence numbers."},
    {'L', "Vehicle identifiers and serial numbers, including license plates", ""},
    {'M', "Device identifiers and serial numbers", "Includes MAC addresses."},
    {'N', "Web URLs", ""},
    {'O', "IP addresses", ""},
    {'P', "Biometric identifiers, including finger and voice prints", ""},
    {'Q', "Full-face photographs and comparable images",
     "Images are binary data pgveil does not inspect; review image columns by hand."},
    {'R', "Any other unique identifying number, characteristic or code",
     "Tax identification numbers and user names."},
}};

// Where Safe Harbor wants the value gone or coarsened, not only replaced
// one for one: dates, ZIP codes and coordinates (noise keeps the place).
bool NeedsGeneralisation(char letter, Category category) {
  return letter == 'C' || category == Category::kPostalCode || category == Category::kGeolocation;
}

std::string NotGeneralised(char letter, Category category, const std::string& method) {
  if (letter == 'C') return fmt::format("{} keeps more of the date than the year.", method);
  if (category == Category::kGeolocation) {
    return fmt::format("{} keeps an approximate location.", method);
  }
  return fmt::format("{} keeps more of the code than its first three digits.", method);
}

HipaaLocation Judge(char letter, const InventoryRow& row) {
  HipaaLocation location;
  location.column = row.column;
  location.path = row.path;
  location.category = row.category;
  location.treatment = row.treatment;
  const std::string& method = row.treatment.method;
  switch (row.treatment.protection) {
    case Protection::kSuppressed:
      location.passes = true;
      location.reason = "Suppressed: the policy declares it not personal data.";
      return location;
    case Protection::kKept:
      location.reason = "Kept as it is.";
      return location;
    case Protection::kUncovered:
      location.reason = "No rule masks it.";
      return location;
    case Protection::kMasked:
      break;
  }
  if (method == "skip") {
    location.passes = true;
    location.reason = "Not copied: the policy skips the table.";
  } else if (NeedsGeneralisation(letter, row.category) && !row.treatment.generalises) {
    location.reason = NotGeneralised(letter, row.category, method);
  } else {
    location.passes = true;
    location.reason = row.treatment.generalises ? fmt::format("Generalised by {}.", method)
                                                : fmt::format("Masked by {}.", method);
  }
  return location;
}

}  // namespace

std::vector<HipaaRow> BuildHipaaMatrix(const std::vector<InventoryRow>& inventory) {
  std::vector<HipaaRow> rows;
  for (const Identifier& id : kIdentifiers) {
    HipaaRow row;
    row.letter = id.letter;
    row.identifier = std::string(id.name);
    row.note = std::string(id.note);
    for (const CategoryInfo& info : AllCategories()) {
      if (info.hipaa_identifier == id.letter) row.categories.push_back(info.category);
    }
    for (const InventoryRow& item : inventory) {
      if (item.possible || InfoOf(item.category).hipaa_identifier != id.letter) continue;
      row.locations.push_back(Judge(id.letter, item));
    }
    bool all_pass = true;
    for (const HipaaLocation& location : row.locations) all_pass = all_pass && location.passes;
    if (row.categories.empty()) {
      row.status = HipaaStatus::kNotAssessed;
    } else if (row.locations.empty()) {
      row.status = HipaaStatus::kNotFound;
    } else {
      row.status = all_pass ? HipaaStatus::kPass : HipaaStatus::kFail;
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace pgveil::reports
