#include "scanner/quasi_identifier.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <set>
#include <string>
#include <string_view>

#include "scanner/column_name_evidence.h"

namespace pgveil::scanner {
namespace {

// Which types can hold a value of a kind, by pg_type.typcategory: S string,
// N numeric, D date/time, B boolean, E enum.
constexpr std::string_view kTextual = "SE";

struct NamePhrase {
  std::string_view joined;  // the name's folded words joined without separators
  QuasiKind kind;
  std::string_view types;  // typcategory letters the column may have
};

// A short, closed list: the few ways schemas name these columns in the
// languages the PII lexicon covers. Birth dates and postal codes reach the
// list through the detectors too (findings), so only the spellings the PII
// lexicon does not treat as dates of birth are here.
constexpr std::array kPhrases = {
    NamePhrase{"sex", QuasiKind::kGender, "SENB"},
    NamePhrase{"gender", QuasiKind::kGender, "SENB"},
    NamePhrase{"geschlecht", QuasiKind::kGender, "SENB"},
    NamePhrase{"sexe", QuasiKind::kGender, "SENB"},
    NamePhrase{"sexo", QuasiKind::kGender, "SENB"},
    NamePhrase{"genero", QuasiKind::kGender, "SENB"},
    NamePhrase{"geslacht", QuasiKind::kGender, "SENB"},
    NamePhrase{"age", QuasiKind::kAge, "N"},
    NamePhrase{"alter", QuasiKind::kAge, "N"},
    NamePhrase{"edad", QuasiKind::kAge, "N"},
    NamePhrase{"agey", QuasiKind::kAge, "N"},
    NamePhrase{"ageyears", QuasiKind::kAge, "N"},
    NamePhrase{"ageinyears", QuasiKind::kAge, "N"},
    NamePhrase{"birthdate", QuasiKind::kBirthDate, "DS"},
    NamePhrase{"dateofbirth", QuasiKind::kBirthDate, "DS"},
    NamePhrase{"dob", QuasiKind::kBirthDate, "DS"},
    NamePhrase{"birthday", QuasiKind::kBirthDate, "DS"},
    NamePhrase{"geburtsdatum", QuasiKind::kBirthDate, "DS"},
    NamePhrase{"birthyear", QuasiKind::kBirthDate, "NDS"},
    NamePhrase{"yearofbirth", QuasiKind::kBirthDate, "NDS"},
    NamePhrase{"yob", QuasiKind::kBirthDate, "NDS"},
    NamePhrase{"geburtsjahr", QuasiKind::kBirthDate, "NDS"},
    NamePhrase{"zip", QuasiKind::kPostalCode, "SN"},
    NamePhrase{"zipcode", QuasiKind::kPostalCode, "SN"},
    NamePhrase{"postcode", QuasiKind::kPostalCode, "SN"},
    NamePhrase{"postalcode", QuasiKind::kPostalCode, "SN"},
    NamePhrase{"plz", QuasiKind::kPostalCode, "SN"},
    NamePhrase{"postleitzahl", QuasiKind::kPostalCode, "SN"},
    NamePhrase{"codepostal", QuasiKind::kPostalCode, "SN"},
    NamePhrase{"codigopostal", QuasiKind::kPostalCode, "SN"},
    NamePhrase{"city", QuasiKind::kCity, kTextual},
    NamePhrase{"town", QuasiKind::kCity, kTextual},
    NamePhrase{"wohnort", QuasiKind::kCity, kTextual},
    NamePhrase{"ville", QuasiKind::kCity, kTextual},
    NamePhrase{"ciudad", QuasiKind::kCity, kTextual},
    NamePhrase{"jobtitle", QuasiKind::kJobTitle, kTextual},
    NamePhrase{"job", QuasiKind::kJobTitle, kTextual},
    NamePhrase{"occupation", QuasiKind::kJobTitle, kTextual},
    NamePhrase{"profession", QuasiKind::kJobTitle, kTextual},
    NamePhrase{"beruf", QuasiKind::kJobTitle, kTextual},
    NamePhrase{"berufsbezeichnung", QuasiKind::kJobTitle, kTextual},
    NamePhrase{"ocupacion", QuasiKind::kJobTitle, kTextual},
    NamePhrase{"profesion", QuasiKind::kJobTitle, kTextual},
    NamePhrase{"nationality", QuasiKind::kNationality, kTextual},
    NamePhrase{"citizenship", QuasiKind::kNationality, kTextual},
    NamePhrase{"nationalitat", QuasiKind::kNationality, kTextual},
    NamePhrase{"staatsangehorigkeit", QuasiKind::kNationality, kTextual},
    NamePhrase{"nationalite", QuasiKind::kNationality, kTextual},
    NamePhrase{"nacionalidad", QuasiKind::kNationality, kTextual},
    NamePhrase{"ethnicity", QuasiKind::kEthnicity, kTextual},
    NamePhrase{"race", QuasiKind::kEthnicity, kTextual},
    NamePhrase{"maritalstatus", QuasiKind::kMaritalStatus, kTextual},
    NamePhrase{"familienstand", QuasiKind::kMaritalStatus, kTextual},
    NamePhrase{"estadocivil", QuasiKind::kMaritalStatus, kTextual},
};

// Qualifiers before the phrase that make it something other than a
// person's attribute: "max_age" is a duration, "file_city" no one's town.
constexpr std::array<std::string_view, 14> kNotAPerson = {
    "max",  "min",     "avg",     "cache", "session", "token",    "file",
    "page", "message", "product", "item",  "cookie",  "password", "key"};

// Sex and gender codes, lower case. Both lists are needed for values alone
// to decide: at least one of each must occur.
constexpr std::array<std::string_view, 12> kMaleCodes = {
    "m",      "male",      "man",   "maennlich", "masculin", "masculino",
    "hombre", "masculine", "homme", "mann",      "boy",      "1"};
constexpr std::array<std::string_view, 12> kFemaleCodes = {
    "f",        "female", "woman",    "weiblich", "w",    "feminin",
    "femenino", "mujer",  "feminine", "femme",    "frau", "2"};
constexpr std::array<std::string_view, 12> kOtherGenderCodes = {
    "d",       "x",         "u",          "o",       "other", "divers",
    "diverse", "nonbinary", "non-binary", "unknown", "n/a",   "0"};

std::string Lower(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return lower;
}

template <size_t N>
bool IsOneOf(const std::string& value, const std::array<std::string_view, N>& codes) {
  return std::find(codes.begin(), codes.end(), value) != codes.end();
}

// Nearly every value a sex or gender code, both sexes present. Digits
// count only when the name already says so. Stops at the first value past
// the share of misses allowed, so a column of free text costs a few values.
bool GenderValues(const ColumnSample& sample, bool named) {
  if (sample.values.empty()) return false;
  const size_t allowed_misses = sample.values.size() * (named ? 10 : 2) / 100;
  size_t misses = 0;
  bool male = false;
  bool female = false;
  for (const std::string& raw : sample.values) {
    bool code = false;
    if (raw.size() <= 12) {
      const std::string value = Lower(raw);
      const bool digit = value == "0" || value == "1" || value == "2";
      const bool is_male = (!digit || named) && IsOneOf(value, kMaleCodes);
      const bool is_female = (!digit || named) && IsOneOf(value, kFemaleCodes);
      male = male || is_male;
      female = female || is_female;
      code = is_male || is_female || ((!digit || named) && IsOneOf(value, kOtherGenderCodes));
    }
    if (!code && ++misses > allowed_misses) return false;
  }
  return male && female;
}

// Nearly every value a whole number of years a person can be.
bool AgeValues(const ColumnSample& sample) {
  size_t ages = 0;
  for (const std::string& value : sample.values) {
    int years = -1;
    const char* end = value.data() + value.size();
    auto [ptr, error] = std::from_chars(value.data(), end, years);
    if (error == std::errc() && ptr == end && years >= 0 && years <= 125) ++ages;
  }
  return ages * 100 >= sample.values.size() * 90;
}

struct NameMatch {
  const NamePhrase* phrase = nullptr;
  std::string signal;
};

std::string Joined(const std::vector<std::string>& words, size_t from) {
  std::string joined;
  for (size_t i = from; i < words.size(); ++i) joined += words[i];
  return joined;
}

// The phrase the whole name spells, or the name after one qualifier does.
NameMatch MatchName(const ColumnInfo& column) {
  const std::vector<std::string> words = SplitIdentifier(column.name);
  if (words.empty()) return {};
  for (size_t from : {size_t{0}, size_t{1}}) {
    if (from >= words.size()) break;
    if (from == 1 && IsOneOf(words[0], kNotAPerson)) break;
    const std::string joined = Joined(words, from);
    for (const NamePhrase& phrase : kPhrases) {
      if (phrase.joined != joined) continue;
      if (phrase.types.find(column.type_category) == std::string_view::npos) return {};
      return {&phrase, "name:" + std::string(phrase.joined)};
    }
  }
  return {};
}

std::optional<QuasiKind> KindOfFinding(Category category) {
  switch (category) {
    case Category::kDateOfBirth:
      return QuasiKind::kBirthDate;
    case Category::kPostalCode:
      return QuasiKind::kPostalCode;
    case Category::kCity:
      return QuasiKind::kCity;
    case Category::kEthnicity:
      return QuasiKind::kEthnicity;
    default:
      return std::nullopt;
  }
}

}  // namespace

std::optional<QuasiIdentifier> JudgeQuasiIdentifier(const TableInfo& table,
                                                    const ColumnInfo& column,
                                                    const ColumnSample& sample,
                                                    const std::vector<Finding>& findings) {
  if (column.IsJson() || column.primary_key) return std::nullopt;
  QuasiIdentifier quasi;
  quasi.column = {table.schema, table.name, column.name};
  for (const Finding& finding : findings) {
    if (finding.path) continue;
    std::optional<QuasiKind> kind = KindOfFinding(finding.category);
    if (!kind) continue;
    quasi.kind = *kind;
    quasi.signals.push_back("finding:" + std::string(IdOf(finding.category)));
    return quasi;
  }
  NameMatch name = MatchName(column);
  const bool has_values = !sample.values.empty();
  if (name.phrase != nullptr) {
    quasi.kind = name.phrase->kind;
    quasi.signals.push_back(name.signal);
    if (quasi.kind == QuasiKind::kAge && has_values) {
      if (!AgeValues(sample)) return std::nullopt;  // a duration or a size, not an age
      quasi.signals.push_back("value:age");
    }
    if (quasi.kind == QuasiKind::kGender && GenderValues(sample, true)) {
      quasi.signals.push_back("value:gender");
    }
    return quasi;
  }
  if ((column.type_category == 'S' || column.type_category == 'E') && GenderValues(sample, false)) {
    quasi.kind = QuasiKind::kGender;
    quasi.signals.push_back("value:gender");
    return quasi;
  }
  return std::nullopt;
}

}  // namespace pgveil::scanner
