// datagen/finance.cc
//
// BBAN layouts follow the IBAN registry: 'n' digits, 'a' capital letters,
// 'c' letters or digits. National check digits are computed for ES (two
// mod-11 digits), BE (mod 97) and FR (the RIB key); elsewhere the national
// part is random, which real-world validators beyond mod-97 would reject,
// so the scanner is not expected to check them.

#include "datagen/finance.h"

#include "datagen/check_digits.h"
#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

struct IbanFormat {
  SV country;
  SV bban;  // pattern: '#' digit, '@' capital, 'c' capital or digit
};

constexpr IbanFormat kIbanFormats[] = {
    {"DE", "##################"},
    {"FR", "#######################"},
    {"GB", "@@@@##############"},
    {"ES", "####################"},
    {"IT", "@######################"},
    {"NL", "@@@@##########"},
    {"BE", "############"},
    {"AT", "################"},
    {"CH", "#####cccccccccccc"},
    {"PL", "########################"},
    {"SE", "####################"},
    {"PT", "#####################"},
    {"IE", "@@@@##############"},
    {"NO", "###########"},
    {"DK", "##############"},
    {"FI", "##############"},
    {"TR", "#####0cccccccccccccccc"},
    {"SA", "##cccccccccccccccccc"},
    {"IL", "###################"},
    {"BR", "#######################@c"},
    {"GR", "#######cccccccccccccccc"},
    {"IS", "######################"},
    {"LU", "###ccccccccccccc"},
};

constexpr SV kGbBanks[] = {"NWBK", "BARC", "LOYD", "HBUK", "MIDL", "MONZ", "SRLG"};
constexpr SV kNlBanks[] = {"ABNA", "INGB", "RABO", "TRIO", "SNSB", "ASNB", "KNAB", "BUNQ"};
constexpr SV kIeBanks[] = {"AIBK", "BOFI", "IPBS", "ULSB"};

const IbanFormat& FormatOf(SV country) {
  for (const IbanFormat& f : kIbanFormats) {
    if (f.country == country) return f;
  }
  return kIbanFormats[0];
}

int EsControl(SV ten_digits) {
  constexpr int kWeights[10] = {1, 2, 4, 8, 5, 10, 9, 7, 3, 6};
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += (ten_digits[i] - '0') * kWeights[i];
  const int r = 11 - sum % 11;
  return r == 11 ? 0 : r == 10 ? 1 : r;
}

std::string Bban(Rng& rng, SV country) {
  std::string bban;
  const SV pattern = FormatOf(country).bban;
  for (char c : pattern) {
    if (c == 'c')
      bban.push_back(rng.Chance(0.7) ? rng.Digit() : rng.Upper());
    else if (c == '#')
      bban.push_back(rng.Digit());
    else if (c == '@')
      bban.push_back(rng.Upper());
    else
      bban.push_back(c);
  }
  const auto put_bank = [&](SV bank) { bban.replace(0, 4, bank); };
  if (country == "GB") put_bank(rng.Pick(kGbBanks));
  if (country == "NL") put_bank(rng.Pick(kNlBanks));
  if (country == "IE") put_bank(rng.Pick(kIeBanks));
  if (country == "ES") {
    // bank(4) branch(4) DC(2) account(10)
    const int d1 = EsControl("00" + bban.substr(0, 8));
    const int d2 = EsControl(bban.substr(10, 10));
    bban[8] = static_cast<char>('0' + d1);
    bban[9] = static_cast<char>('0' + d2);
  } else if (country == "BE") {
    int64_t first = 0;
    for (int i = 0; i < 10; ++i) first = first * 10 + (bban[i] - '0');
    const int check = static_cast<int>(first % 97) == 0 ? 97 : static_cast<int>(first % 97);
    bban[10] = static_cast<char>('0' + check / 10);
    bban[11] = static_cast<char>('0' + check % 10);
  } else if (country == "FR") {
    // RIB key: 97 - ((89 * bank + 15 * branch + 3 * account) mod 97), all-digit account.
    int64_t bank = 0, branch = 0, account = 0;
    for (int i = 0; i < 5; ++i) bank = bank * 10 + (bban[i] - '0');
    for (int i = 5; i < 10; ++i) branch = branch * 10 + (bban[i] - '0');
    for (int i = 10; i < 21; ++i) account = account * 10 + (bban[i] - '0');
    const int64_t key = 97 - (89 * bank + 15 * branch + 3 * (account % 97)) % 97;
    bban[21] = static_cast<char>('0' + key / 10);
    bban[22] = static_cast<char>('0' + key % 10);
  }
  return bban;
}

}  // namespace

std::string_view IbanCountryFor(Rng& rng, Country country) {
  switch (country) {
    case Country::kDE:
      return rng.Chance(0.1) ? "AT" : "DE";
    case Country::kFR:
      return rng.Chance(0.05) ? "LU" : "FR";
    case Country::kGB:
      return rng.Chance(0.1) ? "IE" : "GB";
    case Country::kES:
      return "ES";
    case Country::kIT:
      return "IT";
    case Country::kNL:
      return rng.Chance(0.1) ? "BE" : "NL";
    case Country::kPL:
      return "PL";
    case Country::kSE:
      return rng.Chance(0.15) ? (rng.Chance(0.5) ? "NO" : "DK") : "SE";
    case Country::kPT:
      return "PT";
    case Country::kTR:
      return "TR";
    case Country::kSA:
      return "SA";
    case Country::kIL:
      return "IL";
    case Country::kBR:
      return "BR";
    case Country::kGR:
      return "GR";
    case Country::kIS:
      return "IS";
    default: {
      constexpr SV kSepa[] = {"DE", "FR", "NL", "BE", "CH", "FI", "AT", "LU", "IE"};
      return rng.Pick(kSepa);
    }
  }
}

void AppendIban(Rng& rng, std::string_view iban_country, bool grouped, std::string* out) {
  const std::string bban = Bban(rng, iban_country);
  std::string iban(iban_country);
  iban += IbanCheckDigits(iban_country, bban);
  iban += bban;
  if (!grouped) {
    out->append(iban);
    return;
  }
  for (size_t i = 0; i < iban.size(); i += 4) {
    if (i > 0) out->push_back(' ');
    out->append(iban.substr(i, 4));
  }
}

void AppendBic(Rng& rng, std::string_view iban_country, std::string* out) {
  constexpr SV kInstitutions[] = {"DEUT", "COBA", "BNPA", "SOGE", "INGB", "RABO", "BARC",
                                  "NWBK", "CAIX", "BBVA", "UNCR", "BCIT", "NDEA", "HAND",
                                  "PKOP", "BPKO", "CGDI", "ISBK", "GARA", "ETHN", "NCBK",
                                  "RJHI", "LUMI", "POAL", "ITAU", "BRAS", "LAND", "UBSW"};
  out->append(rng.Pick(kInstitutions));
  out->append(iban_country);
  AppendFrom(rng, kUpperAlnum, 2, out);
  if (rng.Chance(0.4)) out->append(rng.Chance(0.7) ? "XXX" : "100");
}

void AppendCardNumber(Rng& rng, std::string* out) {
  std::string d;
  int length = 16;
  const double brand = rng.Unit();
  if (brand < 0.45) {
    d = "4";
  } else if (brand < 0.70) {
    if (rng.Chance(0.8))
      AppendInt(rng.Between(51, 55), &d);
    else
      AppendInt(rng.Between(2221, 2720), &d);
  } else if (brand < 0.80) {
    d = rng.Chance(0.5) ? "34" : "37";
    length = 15;
  } else if (brand < 0.86) {
    d = rng.Chance(0.5) ? "6011" : "65";
  } else if (brand < 0.91) {
    AppendInt(rng.Between(3528, 3589), &d);
  } else if (brand < 0.94) {
    d = "36";
    length = 14;
  } else if (brand < 0.98) {
    d = "62";
    length = rng.Chance(0.7) ? 16 : 19;
  } else {
    d = "6759";
  }
  AppendDigits(rng, length - 1 - static_cast<int>(d.size()), &d);
  d.push_back(static_cast<char>('0' + LuhnCheckDigit(d)));

  const double style = rng.Unit();
  if (style < 0.5 || length == 19) {
    out->append(d);
  } else if (length == 15) {  // Amex prints 4-6-5
    *out += d.substr(0, 4) + " " + d.substr(4, 6) + " " + d.substr(10);
  } else if (length == 14) {  // Diners prints 4-6-4
    *out += d.substr(0, 4) + " " + d.substr(4, 6) + " " + d.substr(10);
  } else {
    const char sep = style < 0.85 ? ' ' : '-';
    for (size_t i = 0; i < d.size(); i += 4) {
      if (i > 0) out->push_back(sep);
      out->append(d.substr(i, 4));
    }
  }
}

}  // namespace pgveil::datagen
