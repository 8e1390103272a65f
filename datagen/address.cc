// datagen/address.cc

#include "datagen/address.h"

#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kUsUnits[] = {"Apt ", "Unit ", "Suite ", "#"};
constexpr SV kJpBuildings[] = {"メゾン青山", "サンシャインハイツ", "パークタワー", "コーポ桜"};

void Number(Rng& rng, int64_t max, std::string* out) { AppendInt(rng.Between(1, max), out); }

// Eastern Arabic digits for some Arabic-script street numbers.
void ArabicNumber(Rng& rng, int64_t max, std::string* out) {
  std::string ascii;
  Number(rng, max, &ascii);
  if (!rng.Chance(0.3)) {
    out->append(ascii);
    return;
  }
  for (char c : ascii) {
    out->push_back('\xD9');
    out->push_back(static_cast<char>(0xA0 + (c - '0')));
  }
}

}  // namespace

std::string_view UsState(std::string_view city) {
  struct Entry {
    SV city, state;
  };
  static constexpr Entry kStates[] = {
      {"New York", "NY"},  {"Los Angeles", "CA"},    {"Chicago", "IL"},     {"Houston", "TX"},
      {"Phoenix", "AZ"},   {"Philadelphia", "PA"},   {"San Antonio", "TX"}, {"San Diego", "CA"},
      {"Dallas", "TX"},    {"San Francisco", "CA"},  {"Seattle", "WA"},     {"Boston", "MA"},
      {"Denver", "CO"},    {"Atlanta", "GA"},        {"Miami", "FL"},       {"Portland", "OR"},
      {"Austin", "TX"},    {"Minneapolis", "MN"},    {"Nashville", "TN"},   {"Honolulu", "HI"},
      {"Anchorage", "AK"}, {"Salt Lake City", "UT"}, {"Detroit", "MI"},     {"Albuquerque", "NM"}};
  for (const Entry& e : kStates) {
    if (e.city == city) return e.state;
  }
  return "";
}

void AppendStreetLine(Rng& rng, const Locale& locale, std::string* out) {
  const SV street = locale.streets[rng.Below(locale.streets.size())];
  switch (locale.country) {
    case Country::kUS:
    case Country::kCA:
      Number(rng, 9899, out);
      *out += " ";
      out->append(street);
      if (rng.Chance(0.3)) {
        *out += ", ";
        out->append(rng.Pick(kUsUnits));
        Number(rng, 40, out);
        if (rng.Chance(0.4)) out->push_back("ABCD"[rng.Below(4)]);
      }
      return;
    case Country::kGB:
    case Country::kIN:
      if (rng.Chance(0.25)) {
        *out += locale.country == Country::kGB ? "Flat " : "";
        Number(rng, 60, out);
        *out += locale.country == Country::kGB ? ", " : "/";
      }
      Number(rng, 240, out);
      *out += locale.country == Country::kGB ? " " : ", ";
      out->append(street);
      return;
    case Country::kFR:
      if (rng.Chance(0.1)) *out += "Bât. B, ";
      Number(rng, 180, out);
      if (rng.Chance(0.1)) *out += " bis";
      *out += " ";
      out->append(street);
      return;
    case Country::kES:
      out->append(street);
      *out += ", ";
      Number(rng, 150, out);
      if (rng.Chance(0.6)) {
        *out += ", ";
        Number(rng, 9, out);
        *out += "º ";
        out->push_back("ABCD"[rng.Below(4)]);
      }
      return;
    case Country::kPT:
    case Country::kBR:
      out->append(street);
      *out += ", ";
      Number(rng, 2500, out);
      if (rng.Chance(0.4)) {
        *out += locale.country == Country::kBR ? " - Apto " : ", ";
        Number(rng, locale.country == Country::kBR ? 120 : 12, out);
        if (locale.country == Country::kPT) *out += "º Esq.";
      }
      return;
    case Country::kIT:
      out->append(street);
      *out += rng.Chance(0.5) ? " " : ", ";
      Number(rng, 200, out);
      if (rng.Chance(0.15)) *out += "/B";
      return;
    case Country::kPL:
      out->append(street);
      *out += " ";
      Number(rng, 120, out);
      if (rng.Chance(0.6)) {
        *out += "/";
        Number(rng, 80, out);
      }
      return;
    case Country::kTR:
      out->append(street);
      *out += " No: ";
      Number(rng, 150, out);
      if (rng.Chance(0.5)) {
        *out += " D: ";
        Number(rng, 30, out);
      }
      return;
    case Country::kRU:
      out->append(street);
      *out += ", д. ";
      Number(rng, 150, out);
      if (rng.Chance(0.7)) {
        *out += ", кв. ";
        Number(rng, 300, out);
      }
      return;
    case Country::kCN:
      out->append(street);
      Number(rng, 999, out);
      *out += "号";
      if (rng.Chance(0.5)) {
        Number(rng, 30, out);
        *out += "栋";
        Number(rng, 2800, out);
        *out += "室";
      }
      return;
    case Country::kJP:
      out->append(street);
      Number(rng, 9, out);
      *out += "-";
      Number(rng, 30, out);
      *out += "-";
      Number(rng, 20, out);
      if (rng.Chance(0.3)) {
        *out += " ";
        out->append(rng.Pick(kJpBuildings));
        *out += " ";
        Number(rng, 1500, out);
        *out += "号室";
      }
      return;
    case Country::kKR:
      out->append(street);
      *out += " ";
      Number(rng, 600, out);
      if (rng.Chance(0.4)) {
        *out += ", ";
        Number(rng, 150, out);
        *out += "동 ";
        Number(rng, 2500, out);
        *out += "호";
      }
      return;
    case Country::kVN:
      Number(rng, 300, out);
      *out += " ";
      out->append(street);
      *out += ", Phường ";
      Number(rng, 15, out);
      return;
    case Country::kSA:
    case Country::kEG:
      ArabicNumber(rng, locale.country == Country::kSA ? 9999 : 120, out);
      *out += " ";
      out->append(street);
      return;
    default:  // DE, NL, SE, IS, GR, IL: street before number
      out->append(street);
      *out += " ";
      Number(rng, 180, out);
      if (rng.Chance(0.12)) out->push_back("abc"[rng.Below(3)]);
      return;
  }
}

void AppendPostalCode(Rng& rng, const Locale& locale, const City& city, std::string* out) {
  if (locale.country == Country::kJP && rng.Chance(0.2)) *out += "〒";
  AppendPattern(rng, city.postal_pattern, out);
  if (locale.country == Country::kNL) {
    // Dutch postcodes never end in SA, SD or SS.
    std::string& s = *out;
    const size_t letters = s.size() - 2;
    if (s[letters] == 'S' &&
        (s[letters + 1] == 'A' || s[letters + 1] == 'D' || s[letters + 1] == 'S')) {
      s[letters + 1] = 'T';
    }
  }
  if (locale.country == Country::kUS && rng.Chance(0.2)) {
    *out += "-";
    AppendDigits(rng, 4, out);
  }
}

Address RandomAddress(Rng& rng, const Locale& locale) {
  Address a;
  a.locale = &locale;
  a.city = &locale.cities[rng.Below(locale.cities.size())];
  AppendStreetLine(rng, locale, &a.street);
  AppendPostalCode(rng, locale, *a.city, &a.postal_code);
  return a;
}

void AppendOneLineAddress(const Address& a, std::string* out) {
  const SV city = a.city->name;
  switch (a.locale->country) {
    case Country::kUS:
      *out += a.street + ", " + std::string(city) + ", " + std::string(UsState(city)) + " " +
              a.postal_code;
      return;
    case Country::kCA:
    case Country::kGB:
    case Country::kIN:
    case Country::kBR:
      *out += a.street + ", " + std::string(city) + " " + a.postal_code;
      return;
    case Country::kRU:
      *out += a.street + ", " + std::string(city) + ", " + a.postal_code;
      return;
    case Country::kCN:
    case Country::kJP:
      *out += a.postal_code + " " + std::string(city) + a.street;
      return;
    case Country::kKR:
      *out += std::string(city) + " " + a.street + " (" + a.postal_code + ")";
      return;
    default:
      *out += a.street + ", " + a.postal_code + " " + std::string(city);
      return;
  }
}

}  // namespace pgveil::datagen
