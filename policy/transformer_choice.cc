#include "policy/transformer_choice.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "masking/registry.h"

namespace pgveil::policy {
namespace {

TransformerChoice T(std::string name, masking::ParamMap params = {}) {
  return {std::move(name), std::move(params)};
}

bool HasWord(const std::string& name, std::initializer_list<std::string_view> words) {
  std::string lower = name;
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view word) { return lower.find(word) != std::string::npos; });
}

// Redacted evidence keeps digits as '#' and separators: digits only means
// fpe_digits keeps the format; anything else needs letters too.
bool DigitsOnly(const std::vector<const Finding*>& findings) {
  bool any = false;
  for (const Finding* finding : findings) {
    for (const std::string& evidence : finding->evidence) {
      any = true;
      for (char c : evidence) {
        if (c != '#' && c != '-' && c != ' ' && c != '.' && c != '/') {
          return false;
        }
      }
    }
  }
  return any;
}

// A constant the column's type accepts, for columns nothing else fits.
std::string ConstantFor(const ColumnInfo& column) {
  if (column.IsJson()) {
    return "{}";
  }
  if (column.type_name == "uuid") {
    return "00000000-0000-0000-0000-000000000000";
  }
  if (column.type_name == "bool") {
    return "false";
  }
  if (column.type_name == "inet" || column.type_name == "cidr") {
    return "0.0.0.0";
  }
  if (column.type_name.starts_with("_")) {
    return "{}";
  }
  switch (column.type_category) {
    case 'N':
      return "0";
    case 'D':
      return "1970-01-01";
    default:
      return "redacted";
  }
}

std::vector<TransformerChoice> CategoryCandidates(Category category, const std::string& name,
                                                  const std::vector<const Finding*>& findings) {
  switch (category) {
    case Category::kEmail:
      return {T("email")};
    case Category::kPhone:
      return {T("phone"), T("fpe_digits"), T("fpe_int")};
    case Category::kPersonName:
      if (HasWord(name, {"first", "given", "vorname", "prenom", "prénom", "fore"})) {
        return {T("fake_first_name")};
      }
      if (HasWord(name, {"last", "family", "surname", "nachname", "nom_de_famille"})) {
        return {T("fake_last_name")};
      }
      return {T("fake_name")};
    case Category::kStreetAddress:
      return {T("fake_street")};
    case Category::kCity:
      return {T("fake_city")};
    case Category::kPostalCode:
      return {T("postal_generalize"), T("fpe_alnum", {{"alphabet", "upper"}})};
    case Category::kDateOfBirth:
      // The year keeps ages and cohorts and is what Safe Harbor allows;
      // date_shift keeps more, and a key holder undoes it.
      return {T("date_generalize"), T("date_shift")};
    case Category::kNationalId:
    case Category::kTaxId:
    case Category::kPassport:
    case Category::kDriversLicense:
    case Category::kVehicleId:
    case Category::kMedicalRecord:
      if (DigitsOnly(findings)) {
        return {T("fpe_digits"), T("fpe_int")};
      }
      return {T("fpe_alnum", {{"alphabet", "upper"}}), T("fpe_int")};
    case Category::kCreditCard:
      return {T("credit_card"), T("fpe_digits"), T("fpe_int")};
    case Category::kBankAccount:
      return {T("iban"), T("fpe_alnum", {{"alphabet", "upper"}})};
    case Category::kIpAddress:
      return {T("ip")};
    case Category::kMacAddress:
    case Category::kUrl:
    case Category::kUsername:
    case Category::kDeviceId:
      return {T("hash"), T("uuid")};
    case Category::kSecret:
      return {T("null"), T("hash")};
    case Category::kGeolocation:
      return {T("numeric_noise")};
    default:  // health, biometric and the GDPR special categories
      return {T("null")};
  }
}

// What nothing category-specific fits falls back to.
std::vector<TransformerChoice> Fallbacks(const ColumnInfo& column) {
  return {T("hash"), T("null"), T("fpe_int"), T("uuid"),
          T("constant", {{"value", ConstantFor(column)}})};
}

// "...; set max_length: 40" / "...; set length: 40 or less" -> the value.
std::optional<std::pair<std::string, std::string>> SuggestedLength(const std::string& message) {
  for (std::string_view param : {"max_length", "length"}) {
    std::string marker = "set " + std::string(param) + ": ";
    size_t at = message.find(marker);
    if (at == std::string::npos) {
      continue;
    }
    size_t begin = at + marker.size();
    size_t end = begin;
    while (end < message.size() && std::isdigit(static_cast<unsigned char>(message[end]))) {
      ++end;
    }
    if (end > begin) {
      return std::pair{std::string(param), message.substr(begin, end - begin)};
    }
  }
  return std::nullopt;
}

bool HasOnInvalid(const std::string& transformer) {
  const masking::TransformerSpec* spec = masking::FindTransformerSpec(transformer);
  if (spec == nullptr) return false;
  return std::any_of(spec->params.begin(), spec->params.end(),
                     [](const masking::ParamSpec& param) { return param.name == "on_invalid"; });
}

// A value the sample did not show can still break a transformer's grammar
// ("n/a" in a phone column, a Canadian postcode among US ZIPs), and one such
// value would stop a replication hours in. So the draft says what happens
// to it: hashed in a text column, nulled in a JSON document. A typed column
// (date, numeric, inet) cannot hold a malformed value and keeps the default,
// an error.
TransformerChoice Tolerant(const ColumnInfo& column, TransformerChoice choice, bool json_path) {
  if (!HasOnInvalid(choice.transformer) || choice.params.count("on_invalid")) return choice;
  if (json_path) {
    choice.params["on_invalid"] = "null";
    return choice;
  }
  if (column.type_category != 'S') return choice;
  // A keyed hash would make an irreversible rule linkable for the values it
  // catches, so those prefer null.
  Result<masking::PrivacyClass> privacy =
      masking::DescribePrivacy(choice.transformer, choice.params);
  const bool irreversible = privacy.ok() && *privacy == masking::PrivacyClass::kIrreversible;
  const std::array<const char*, 2> modes = irreversible
                                               ? std::array<const char*, 2>{"null", "hash"}
                                               : std::array<const char*, 2>{"hash", "null"};
  for (const char* mode : modes) {
    TransformerChoice tolerant = choice;
    tolerant.params["on_invalid"] = mode;
    if (Fits(column, tolerant)) return tolerant;
  }
  return choice;
}

std::optional<TransformerChoice> ChooseTolerant(const ColumnInfo& column,
                                                const std::vector<const Finding*>& findings,
                                                bool json_path) {
  PGVEIL_CHECK(!findings.empty());
  const Finding* best = *std::max_element(
      findings.begin(), findings.end(),
      [](const Finding* a, const Finding* b) { return a->confidence < b->confidence; });
  bool free_text = false;
  for (const Finding* finding : findings) {
    free_text = free_text || finding->category != best->category;
    for (const std::string& signal : finding->signals) {
      free_text = free_text || signal.starts_with("value-embedded:");
    }
  }
  std::vector<TransformerChoice> candidates;
  if (free_text) {
    candidates = {T("null"), T("hash")};
  } else {
    candidates = CategoryCandidates(best->category, column.name, findings);
  }
  for (TransformerChoice& fallback : Fallbacks(column)) {
    candidates.push_back(std::move(fallback));
  }
  std::optional<TransformerChoice> chosen = FirstFitting(column, candidates);
  if (!chosen) return std::nullopt;
  return Tolerant(column, std::move(*chosen), json_path);
}

}  // namespace

bool Fits(const ColumnInfo& column, const TransformerChoice& choice) {
  std::optional<int64_t> max_length;
  if (column.max_length) {
    max_length = *column.max_length;
  }
  if (!masking::CheckFits(choice.transformer, choice.params, column.data_type, max_length).ok()) {
    return false;
  }
  auto invalid = choice.params.find("on_invalid");
  bool writes_null =
      choice.transformer == "null" || (invalid != choice.params.end() && invalid->second == "null");
  if (writes_null && column.not_null) {
    return false;
  }
  if (column.primary_key || column.unique) {
    Result<masking::OutputTraits> traits =
        masking::DescribeTransformer(choice.transformer, choice.params);
    if (!traits.ok() || traits->uniqueness == masking::Uniqueness::kLossy) {
      return false;
    }
  }
  return true;
}

std::optional<TransformerChoice> FirstFitting(const ColumnInfo& column,
                                              const std::vector<TransformerChoice>& candidates) {
  std::optional<int64_t> max_length;
  if (column.max_length) {
    max_length = *column.max_length;
  }
  for (TransformerChoice candidate : candidates) {
    if (Fits(column, candidate)) {
      return candidate;
    }
    Status fits =
        masking::CheckFits(candidate.transformer, candidate.params, column.data_type, max_length);
    std::optional<std::pair<std::string, std::string>> length = SuggestedLength(fits.message());
    if (!length) {
      continue;
    }
    candidate.params[length->first] = length->second;
    if (Fits(column, candidate)) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::optional<TransformerChoice> ChooseForColumn(const ColumnInfo& column,
                                                 const std::vector<const Finding*>& findings) {
  return ChooseTolerant(column, findings, false);
}

std::optional<TransformerChoice> ChooseWithoutCategory(const ColumnInfo& column) {
  return FirstFitting(column, Fallbacks(column));
}

TransformerChoice ChooseForPath(const std::vector<const Finding*>& findings) {
  PGVEIL_CHECK(!findings.empty());
  ColumnInfo text;
  text.name = findings.front()->path.value_or("");
  text.data_type = "text";
  text.type_name = "text";
  text.type_category = 'S';
  std::optional<TransformerChoice> choice = ChooseTolerant(text, findings, true);
  return choice ? *choice : T("hash");
}

}  // namespace pgveil::policy
