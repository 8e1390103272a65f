#include "datagen/saas_values.h"

#include "datagen/format_util.h"
#include "datagen/phone.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

// Words that are also given names or surnames somewhere (Harbor, Grant,
// Sterling, Jordan) sit beside ones that are not: a workspace name is a
// brand, whatever its words.
constexpr SV kBrandFirst[] = {"Tailwind", "Blue",   "Sterling", "Red",    "Quiet",  "Bright",
                              "Jordan",   "Silver", "Harbor",   "Cedar",  "Grant",  "Nimbus",
                              "Polar",    "Summit", "Atlas",    "Orchid", "Copper", "Maple"};
constexpr SV kBrandSecond[] = {"Analytics", "Labs",     "Systems", "Works",  "Cloud", "Studio",
                               "Logistics", "Partners", "Health",  "Motors", "Media", "Foods",
                               "Robotics",  "Finance",  "Games",   "Energy"};
constexpr SV kProjectArea[] = {"Billing",    "Mobile App",    "Checkout",      "Search",
                               "Onboarding", "Data Lake",     "Design System", "Auth",
                               "Reporting",  "Notifications", "Admin Console", "Public API",
                               "Infra",      "Growth",        "Docs Site"};
constexpr SV kProjectSuffix[] = {"", "", " Platform", " v2", " Revamp", " Migration", " (legacy)"};
constexpr SV kIssueSubject[] = {"Export to CSV",      "The login page",       "Search results",
                                "Dark mode",          "The billing page",     "Webhook retries",
                                "Push notifications", "The date picker",      "SSO with SAML",
                                "Bulk import",        "The API rate limiter", "Invoice PDFs"};
constexpr SV kIssueProblem[] = {"drops the last row",
                                "is slow on large workspaces",
                                "crashes on Android 14",
                                "ignores the time zone",
                                "shows a blank screen",
                                "returns 500 after upgrade",
                                "needs a loading state",
                                "should support keyboard shortcuts",
                                "breaks in Safari",
                                "times out behind a proxy",
                                "is misaligned in RTL languages",
                                "leaks memory"};
constexpr SV kCodenames[] = {"Vega",    "Denali",  "Orinoco", "Altair", "Kilimanjaro", "Rhine",
                             "Sirius",  "Everest", "Danube",  "Lyra",   "Aconcagua",   "Volga",
                             "Antares", "Elbrus",  "Yukon",   "Rigel",  "Matterhorn",  "Mekong"};
constexpr SV kDeviceModels[] = {"Pixel 8",       "Pixel 7a",    "iPhone15,2",     "iPhone14,5",
                                "SM-S918B",      "SM-A546B",    "MacBookPro18,3", "iPad13,4",
                                "Windows 11 PC", "ThinkPad X1", "Redmi Note 12",  "OnePlus 11"};
constexpr SV kIssueLabels[] = {"bug",          "feature", "good first issue", "regression",
                               "security",     "ux",      "performance",      "docs",
                               "needs-triage", "wontfix", "blocked",          "tech-debt"};
constexpr SV kFlagKeys[] = {"new-editor",   "ai-summaries",  "billing-v2",   "dark-mode",
                            "bulk-import",  "sso-enforced",  "fast-search",  "beta-mobile",
                            "audit-export", "custom-fields", "slack-digest", "gantt-view"};

constexpr Language kLanguages[] = {
    {"en", "English", "English", false},
    {"de", "German", "Deutsch", false},
    {"fr", "French", "Français", false},
    {"es", "Spanish", "Español", false},
    {"pt", "Portuguese", "Português", false},
    {"it", "Italian", "Italiano", false},
    {"nl", "Dutch", "Nederlands", false},
    {"pl", "Polish", "Polski", false},
    {"sv", "Swedish", "Svenska", false},
    {"tr", "Turkish", "Türkçe", false},
    {"ru", "Russian", "Русский", false},
    {"uk", "Ukrainian", "Українська", false},
    {"el", "Greek", "Ελληνικά", false},
    {"ar", "Arabic", "العربية", true},
    {"he", "Hebrew", "עברית", true},
    {"fa", "Persian", "فارسی", true},
    {"hi", "Hindi", "हिन्दी", false},
    {"ja", "Japanese", "日本語", false},
    {"zh", "Chinese", "中文", false},
    {"ko", "Korean", "한국어", false},
    {"vi", "Vietnamese", "Tiếng Việt", false},
    {"id", "Indonesian", "Bahasa Indonesia", false},
    {"th", "Thai", "ไทย", false},
    {"cs", "Czech", "Čeština", false},
    {"da", "Danish", "Dansk", false},
    {"fi", "Finnish", "Suomi", false},
    {"no", "Norwegian", "Norsk", false},
    {"hu", "Hungarian", "Magyar", false},
    {"ro", "Romanian", "Română", false},
    {"is", "Icelandic", "Íslenska", false},
};

void AppendLowerAscii(SV text, std::string* out) {
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') {
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out->push_back(c);
    } else {
      out->push_back('-');
    }
  }
}

}  // namespace

void AppendWorkspaceName(Rng& rng, std::string* name, std::string* slug) {
  SV first = rng.Pick(kBrandFirst);
  SV second = rng.Pick(kBrandSecond);
  name->append(first);
  name->push_back(' ');
  name->append(second);
  AppendLowerAscii(first, slug);
  slug->push_back('-');
  AppendLowerAscii(second, slug);
  if (rng.Chance(0.5)) {
    slug->push_back('-');
    AppendInt(rng.Between(2, 99), slug);
  }
}

void AppendProjectName(Rng& rng, std::string* out) {
  out->append(rng.Pick(kProjectArea));
  out->append(rng.Pick(kProjectSuffix));
}

void AppendIssueTitle(Rng& rng, std::string* out) {
  out->append(rng.Pick(kIssueSubject));
  out->push_back(' ');
  out->append(rng.Pick(kIssueProblem));
}

std::string_view PickCodename(Rng& rng) { return rng.Pick(kCodenames); }

void AppendDottedVersion(Rng& rng, std::string* out) {
  AppendInt(rng.Between(1, 12), out);
  out->push_back('.');
  AppendInt(rng.Between(0, 20), out);
  out->push_back('.');
  AppendInt(rng.Between(0, 30), out);
  if (rng.Chance(0.7)) {
    out->push_back('.');
    AppendInt(rng.Between(0, 250), out);
  }
}

void AppendFourPartVersion(Rng& rng, std::string* out) {
  AppendInt(rng.Between(1, 24), out);
  out->push_back('.');
  AppendInt(rng.Between(0, 20), out);
  out->push_back('.');
  AppendInt(rng.Between(0, 30), out);
  out->push_back('.');
  AppendInt(rng.Between(0, 250), out);
}

void AppendBuildNumber(Rng& rng, std::string* out) {
  const double r = rng.Unit();
  if (r < 0.4) {
    AppendInt(rng.Between(2021, 2025), out);
    out->push_back('.');
    AppendPadded(rng.Between(1, 12), 2, out);
    out->push_back('.');
    AppendPadded(rng.Between(1, 28), 2, out);
    out->push_back('-');
    AppendInt(rng.Between(100, 9999), out);
  } else if (r < 0.7) {
    out->push_back('b');
    AppendInt(rng.Between(100, 99999), out);
  } else {
    AppendInt(rng.Between(100, 99999), out);
  }
}

std::string_view PickDeviceModel(Rng& rng) { return rng.Pick(kDeviceModels); }
std::string_view PickIssueLabel(Rng& rng) { return rng.Pick(kIssueLabels); }
std::string_view PickFlagKey(Rng& rng) { return rng.Pick(kFlagKeys); }

const Language& LanguageAt(size_t index) { return kLanguages[index % std::size(kLanguages)]; }
size_t LanguageCount() { return std::size(kLanguages); }

void AppendBareDigitsPhone(Rng& rng, const Locale& locale, std::string* out) {
  const NationalNumber number = RandomNationalNumber(
      rng, locale, nullptr, rng.Chance(0.6) ? PhoneKind::kMobile : PhoneKind::kLandline);
  out->append(CallingCode(locale.country));
  out->append(number.prefix);
  out->append(number.subscriber);
}

}  // namespace pgveil::datagen
