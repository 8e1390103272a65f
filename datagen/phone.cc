// datagen/phone.cc
//
// Numbering plans: which prefixes a mobile number starts with, how long
// national significant numbers are, and how long the subscriber part after a
// landline area code is. The prefixes are a hand-picked subset of ranges in
// service; the unit test checks a sample against libphonenumber's metadata.

#include "datagen/phone.h"

#include <span>

#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

struct Plan {
  SV calling_code;
  std::span<const SV> mobile_prefixes;
  int mobile_length;    // national significant number length of a mobile
  int landline_length;  // national significant number length of a landline (area included)
};

constexpr SV kNanp[] = {""};  // NANP: area code comes from the city for mobiles too
constexpr SV kGbMobile[] = {"7412", "7432", "7506", "7534", "7711", "7723", "7754",
                            "7801", "7812", "7843", "7900", "7921", "7956", "7983"};
constexpr SV kDeMobile[] = {"151", "152", "157", "159", "160", "162", "163", "170", "171",
                            "172", "173", "174", "175", "176", "177", "178", "179"};
constexpr SV kFrMobile[] = {"60", "61", "62", "64", "65", "66", "67", "68", "7"};
constexpr SV kEsMobile[] = {"6", "6", "6", "71", "72"};
constexpr SV kItMobile[] = {"320", "328", "333", "338", "339", "340", "347",
                            "348", "349", "366", "380", "388", "392"};
constexpr SV kPtMobile[] = {"91", "92", "93", "96"};
constexpr SV kNlMobile[] = {"6"};
constexpr SV kPlMobile[] = {"50", "51", "53", "57", "60", "66", "69", "72", "73", "78", "79", "88"};
constexpr SV kSeMobile[] = {"70", "72", "73", "76", "79"};
constexpr SV kIsMobile[] = {"611", "612", "615", "616", "617", "618", "620", "621", "622",
                            "624", "650", "659", "660", "661", "662", "663", "690", "691",
                            "692", "694", "695", "696", "697", "698", "699", "760", "770",
                            "772", "775", "777", "780", "785", "820", "821", "822", "823",
                            "824", "825", "830", "840", "849", "850", "855", "860", "861",
                            "862", "863", "867", "869", "892", "893", "896", "899"};
constexpr SV kTrMobile[] = {"501", "505", "506", "507", "530", "532", "533", "535",
                            "536", "538", "539", "541", "542", "543", "544", "545",
                            "546", "549", "551", "552", "553", "554", "555", "559"};
constexpr SV kRuMobile[] = {"903", "905", "909", "910", "912", "915", "916",
                            "917", "925", "926", "929", "977", "985", "999"};
constexpr SV kGrMobile[] = {"690", "693", "694", "695", "697", "698", "699"};
constexpr SV kCnMobile[] = {"130", "131", "132", "135", "136", "137", "138", "139", "150",
                            "151", "152", "155", "157", "158", "159", "176", "177", "180",
                            "181", "182", "185", "186", "187", "188", "189", "199"};
constexpr SV kJpMobile[] = {"70", "80", "90", "90"};
constexpr SV kKrMobile[] = {"10"};
constexpr SV kVnMobile[] = {"90", "91", "93", "94", "96", "97", "98", "32", "33", "35",
                            "37", "39", "70", "76", "77", "79", "81", "83", "85", "86"};
constexpr SV kInMobile[] = {"6", "7", "8", "9", "9", "9"};
constexpr SV kSaMobile[] = {"50", "53", "54", "55", "56", "58", "59"};
constexpr SV kEgMobile[] = {"10", "11", "12", "15"};
constexpr SV kIlMobile[] = {"50", "52", "53", "54", "58"};
constexpr SV kBrMobile[] = {"9"};  // after the two-digit area code
constexpr SV kCaMobile[] = {""};

// In Country order.
constexpr Plan kPlans[] = {
    {"1", kNanp, 10, 10},       // US
    {"1", kCaMobile, 10, 10},   // CA
    {"44", kGbMobile, 10, 10},  // GB
    {"49", kDeMobile, 11, 10},  // DE (landline length varies; see below)
    {"33", kFrMobile, 9, 9},    // FR
    {"34", kEsMobile, 9, 9},    // ES
    {"39", kItMobile, 10, 10},  // IT
    {"351", kPtMobile, 9, 9},   // PT
    {"55", kBrMobile, 11, 10},  // BR
    {"31", kNlMobile, 9, 9},    // NL
    {"48", kPlMobile, 9, 9},    // PL
    {"46", kSeMobile, 9, 9},    // SE
    {"354", kIsMobile, 7, 7},   // IS
    {"90", kTrMobile, 10, 10},  // TR
    {"7", kRuMobile, 10, 10},   // RU
    {"30", kGrMobile, 10, 10},  // GR
    {"86", kCnMobile, 11, 11},  // CN
    {"81", kJpMobile, 10, 9},   // JP
    {"82", kKrMobile, 10, 10},  // KR
    {"84", kVnMobile, 9, 10},   // VN
    {"91", kInMobile, 10, 10},  // IN
    {"966", kSaMobile, 9, 9},   // SA
    {"20", kEgMobile, 10, 9},   // EG
    {"972", kIlMobile, 9, 8},   // IL
};
static_assert(std::size(kPlans) == 24);

const Plan& PlanOf(Country c) { return kPlans[static_cast<size_t>(c)]; }

// Appends a subscriber number whose first digit comes from `first`. Landline
// numbers start with 2, 3, 5 or 6 by default: 0 and 1 start service and
// trunk codes in most plans, and several plans reserve the higher digits
// for mobile, freephone or nothing at all.
void AppendSubscriber(Rng& rng, int length, std::string* out, SV first = "2356") {
  if (length <= 0) return;
  out->push_back(first[rng.Below(first.size())]);
  AppendDigits(rng, length - 1, out);
}

// UK numbers Ofcom reserves for drama (and libphonenumber accepts), by area.
SV GbDramaRange(SV area) {
  struct Range {
    SV area, prefix;
  };
  static constexpr Range kRanges[] = {
      {"20", "79460"}, {"113", "4960"}, {"114", "4960"}, {"116", "4960"}, {"117", "4960"},
      {"121", "4960"}, {"131", "4960"}, {"141", "4960"}, {"151", "4960"}, {"161", "4960"},
      {"191", "4980"}, {"29", "20180"}, {"28", "90180"}};
  for (const Range& r : kRanges) {
    if (r.area == area) return r.prefix;
  }
  return "";
}

NationalNumber Landline(Rng& rng, const Locale& locale, const City& city) {
  const Plan& plan = PlanOf(locale.country);
  NationalNumber n{std::string(city.area_code), {}};
  const int rest = plan.landline_length - static_cast<int>(n.prefix.size());
  switch (locale.country) {
    case Country::kUS:
    case Country::kCA:
      n.subscriber = "55501";
      AppendDigits(rng, 2, &n.subscriber);
      return n;
    case Country::kGB:
      n.subscriber = GbDramaRange(n.prefix);
      if (n.subscriber.empty())
        AppendSubscriber(rng, rest, &n.subscriber, "26");
      else
        AppendDigits(rng, rest - static_cast<int>(n.subscriber.size()), &n.subscriber);
      return n;
    case Country::kDE:
      // Two-digit areas (Berlin 30, Hamburg 40, ...) have 7 or 8 digit
      // subscriber numbers; longer area codes fill up to 10 or 11 digits.
      AppendSubscriber(rng,
                       (n.prefix.size() == 2 ? 7 : 10 - static_cast<int>(n.prefix.size())) +
                           static_cast<int>(rng.Below(2)),
                       &n.subscriber);
      return n;
    case Country::kSE:
      AppendSubscriber(rng, n.prefix == "8" ? 7 + static_cast<int>(rng.Below(2)) : rest,
                       &n.subscriber);
      return n;
    case Country::kIT:
      AppendSubscriber(rng, rest, &n.subscriber);
      return n;
    case Country::kBR:
      n.subscriber.push_back(static_cast<char>('2' + rng.Below(4)));
      AppendDigits(rng, 7, &n.subscriber);
      return n;
    case Country::kCN:
      AppendSubscriber(rng, 8, &n.subscriber);
      return n;
    case Country::kKR:
      AppendSubscriber(rng, n.prefix == "2" ? 7 + static_cast<int>(rng.Below(2)) : 8,
                       &n.subscriber);
      return n;
    case Country::kEG:
      // Cairo and Giza (2) have 8-digit subscriber numbers, the rest 7.
      AppendSubscriber(rng, n.prefix == "2" ? 8 : 7, &n.subscriber, "234");
      return n;
    case Country::kIL:
      AppendSubscriber(rng, 7, &n.subscriber);
      return n;
    case Country::kSA:
      AppendSubscriber(rng, rest, &n.subscriber, "56");
      return n;
    default:
      AppendSubscriber(rng, rest, &n.subscriber);
      return n;
  }
}

NationalNumber Mobile(Rng& rng, const Locale& locale, const City& city) {
  const Plan& plan = PlanOf(locale.country);
  switch (locale.country) {
    case Country::kUS:
    case Country::kCA:
      return Landline(rng, locale, city);
    case Country::kBR: {
      NationalNumber n{std::string(city.area_code), "9"};
      n.subscriber.push_back(static_cast<char>('6' + rng.Below(4)));
      AppendDigits(rng, 7, &n.subscriber);
      return n;
    }
    default:
      break;
  }
  NationalNumber n{std::string(plan.mobile_prefixes[rng.Below(plan.mobile_prefixes.size())]), {}};
  int length = plan.mobile_length - static_cast<int>(n.prefix.size());
  if (locale.country == Country::kDE && n.prefix[1] != '5')
    length -= static_cast<int>(rng.Below(2));
  if (locale.country == Country::kFR && n.prefix == "7") {
    n.prefix.push_back(static_cast<char>('5' + rng.Below(4)));
    --length;
  }
  // The first digit after a mobile prefix is never 0 in the plans used here;
  // Dutch mobiles are 06 followed by 1-5; Korean 010-59xx is partly unassigned,
  // so Korean numbers skip 5 altogether.
  const SV first = locale.country == Country::kNL   ? "12345"
                   : locale.country == Country::kKR ? "2346789"
                                                    : "23456789";
  AppendSubscriber(rng, length, &n.subscriber, first);
  return n;
}

}  // namespace

std::string_view CallingCode(Country country) { return PlanOf(country).calling_code; }

NationalNumber RandomNationalNumber(Rng& rng, const Locale& locale, const City* city,
                                    PhoneKind kind) {
  const City& c = city != nullptr ? *city : locale.cities[rng.Below(locale.cities.size())];
  NationalNumber n = kind == PhoneKind::kMobile ? Mobile(rng, locale, c) : Landline(rng, locale, c);
  n.mobile = kind == PhoneKind::kMobile;
  return n;
}

}  // namespace pgveil::datagen
