// datagen/saas_values.h
//
// Values of the SaaS product that are not personal data but look like it to
// a careless scanner: names of things (workspaces, projects, releases,
// languages), issue titles, four-part versions that parse as IPv4
// addresses, build numbers, commit hashes, device models. And the few
// personal values it stores its own way: phone numbers typed into a billing
// form as bare digits.
//
// Thread-safety: pure functions of the Rng.
#pragma once

#include <string>
#include <string_view>

#include "datagen/locale.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

// "Tailwind Analytics", "blue-harbor-12": a workspace name and its slug.
void AppendWorkspaceName(Rng& rng, std::string* name, std::string* slug);

// "Billing Platform", "Mobile App v2".
void AppendProjectName(Rng& rng, std::string* out);

// "Export to CSV drops the last row".
void AppendIssueTitle(Rng& rng, std::string* out);

// A release codename: a star, a mountain or a river ("Vega", "Denali").
std::string_view PickCodename(Rng& rng);

// Four parts, each small enough that the whole is a valid dotted quad
// ("10.2.0.15"), or three ("4.12.3") now and then.
void AppendDottedVersion(Rng& rng, std::string* out);

// Always four parts, as mobile and desktop builds are numbered: every value
// is also a valid IPv4 address.
void AppendFourPartVersion(Rng& rng, std::string* out);

// "2024.03.11-4521", "b4521", "4521".
void AppendBuildNumber(Rng& rng, std::string* out);

// "Pixel 8", "iPhone15,2", "SM-S918B".
std::string_view PickDeviceModel(Rng& rng);

// A label, feature-flag key or scope: "bug", "new-editor", "read:issues".
std::string_view PickIssueLabel(Rng& rng);
std::string_view PickFlagKey(Rng& rng);

// The language of the row: {code, English name, native name, right-to-left}.
struct Language {
  std::string_view code;
  std::string_view name;
  std::string_view native_name;
  bool rtl;
};
const Language& LanguageAt(size_t index);
size_t LanguageCount();

// The national significant number with its country calling code in front
// and nothing else ("4915112345678"): 10 to 12 digits, how a billing form
// that strips everything but digits stores a phone.
void AppendBareDigitsPhone(Rng& rng, const Locale& locale, std::string* out);

}  // namespace pgveil::datagen
