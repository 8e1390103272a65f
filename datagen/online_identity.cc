// datagen/online_identity.cc

#include "datagen/online_identity.h"

#include "datagen/ascii_fold.h"
#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kReservedParents[] = {"example.com", "example.net", "example.org"};
constexpr SV kPlusTags[] = {"shop", "orders", "news", "2024", "spam", "veilshop", "receipts"};
constexpr SV kHandleWords[] = {"blue",  "fox",   "night", "owl",    "river", "stone",
                               "pixel", "moon",  "tiger", "coffee", "retro", "storm",
                               "lucky", "panda", "wolf",  "maple",  "sunny", "ninja"};
constexpr SV kCompanies[] = {"nordwind-logistik", "acme-corp", "blue-harbor",
                             "veilshop",          "contoso",   "fabrikam",
                             "initech",           "globex",    "umbrella-labs",
                             "northwind",         "tailspin",  "wide-world-importers"};

void AppendDomain(Rng& rng, const Person& person, std::string* out) {
  const auto& providers = person.locale->mail_providers;
  const SV provider = providers[rng.Below(providers.size())];
  const double r = rng.Unit();
  if (r < 0.70) {
    out->append(provider);
    out->push_back('.');
    out->append(rng.Pick(kReservedParents));
  } else if (r < 0.82) {
    out->append(rng.Pick(kReservedParents));
  } else if (r < 0.90) {
    out->append("mail.");
    out->append(person.locale->code == "US" ? "us" : "eu");
    out->push_back('.');
    out->append(rng.Pick(kReservedParents));
  } else if (r < 0.96) {
    out->append(provider);
    out->append(".example");
  } else {
    out->append(provider);
    out->append(".test");
  }
}

void AppendYear(Rng& rng, const Person& person, std::string* out) {
  if (rng.Chance(0.5))
    AppendPadded(person.birth.year % 100, 2, out);
  else
    AppendInt(person.birth.year, out);
}

std::string Capitalised(SV token) {
  std::string s(token);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 'a' + 'A');
  return s;
}

}  // namespace

void AppendNameToken(std::string_view latin, const Person& person, bool german_style,
                     std::string* out) {
  const size_t before = out->size();
  AppendAsciiFold(latin, german_style && person.locale->country == Country::kDE, out);
  // A name that folds to nothing (never with the shipped lists) still needs a token.
  if (out->size() == before) out->append("user");
}

void AppendEmail(Rng& rng, const Person& person, std::string* out) {
  const bool german = rng.Chance(0.5);
  std::string g, f;
  AppendNameToken(person.given_latin, person, german, &g);
  AppendNameToken(person.family_latin, person, german, &f);
  const double r = rng.Unit();
  if (r < 0.34) {
    *out += g + "." + f;
  } else if (r < 0.44) {
    *out += g.substr(0, 1) + "." + f;
  } else if (r < 0.56) {
    *out += g + f;
    AppendYear(rng, person, out);
  } else if (r < 0.63) {
    *out += g + "_" + f;
  } else if (r < 0.71) {
    *out += g + "+" + std::string(rng.Pick(kPlusTags));
  } else if (r < 0.76) {
    *out += f + "." + g;
  } else if (r < 0.81) {
    *out += g + "-" + f;
  } else if (r < 0.87) {
    *out += Capitalised(g) + "." + Capitalised(f);
  } else if (r < 0.93) {
    *out += std::string(rng.Pick(kHandleWords)) + std::string(rng.Pick(kHandleWords));
    AppendInt(rng.Between(1, 999), out);
  } else {
    *out += f.substr(0, 1) + g;
    AppendInt(rng.Between(1, 99), out);
  }
  out->push_back('@');
  AppendDomain(rng, person, out);
}

void AppendWorkEmail(Rng& rng, const Person& person, std::string_view domain, std::string* out) {
  std::string g, f;
  AppendNameToken(person.given_latin, person, true, &g);
  AppendNameToken(person.family_latin, person, true, &f);
  if (rng.Chance(0.6))
    *out += g + "." + f;
  else
    *out += g.substr(0, 1) + f;
  out->push_back('@');
  if (!domain.empty()) {
    out->append(domain);
    return;
  }
  out->append(rng.Pick(kCompanies));
  out->append(rng.Chance(0.7) ? ".example" : ".example.com");
}

void AppendUsername(Rng& rng, const Person& person, std::string* out) {
  std::string g, f;
  AppendNameToken(person.given_latin, person, false, &g);
  AppendNameToken(person.family_latin, person, false, &f);
  switch (rng.Below(6)) {
    case 0:
      *out += g + "_" + f.substr(0, 1);
      break;
    case 1:
      *out += g.substr(0, 1) + f;
      AppendYear(rng, person, out);
      break;
    case 2:
      *out += g + "." + f;
      break;
    case 3:
      *out += f + g.substr(0, 1);
      AppendInt(rng.Between(1, 99), out);
      break;
    case 4:
      *out += g;
      AppendInt(rng.Between(1, 9999), out);
      break;
    default:
      *out += std::string(rng.Pick(kHandleWords)) + "_" + g;
      break;
  }
}

void AppendPersonalUrl(Rng& rng, const Person& person, std::string* out) {
  std::string g, f;
  AppendNameToken(person.given_latin, person, false, &g);
  AppendNameToken(person.family_latin, person, false, &f);
  switch (rng.Below(5)) {
    case 0:
      *out += "https://social.example.com/u/" + g + "." + f;
      break;
    case 1:
      *out += "https://www.example.org/~" + g.substr(0, 1) + f + "/";
      break;
    case 2:
      *out += "https://profiles.example.net/in/" + g + "-" + f + "-";
      AppendHex(rng, 4, out);
      break;
    case 3:
      *out += "https://cdn.example.com/avatars/" + g + "-" + f + ".jpg";
      break;
    default:
      *out += "https://" + g + f + ".example/about";
      break;
  }
}

}  // namespace pgveil::datagen
