// datagen/formats_test.cc
//
// Generated values are valid by an authority independent of the generator:
// phone numbers by libphonenumber's metadata, national identifiers by check
// digits recomputed here from the issuers' published rules, postal codes,
// e-mail domains, IP and MAC addresses by their syntax.

#include <arpa/inet.h>

#include <catch2/catch.hpp>

#include <phonenumbers/phonenumberutil.h>

#include <regex>
#include <string>

#include "datagen/address.h"
#include "datagen/finance.h"
#include "datagen/national_id.h"
#include "datagen/network.h"
#include "datagen/online_identity.h"
#include "datagen/person.h"
#include "datagen/phone.h"

namespace pgveil::datagen {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

std::string Digits(const std::string& s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d.push_back(c);
  }
  return d;
}

int D(const std::string& s, size_t i) { return s[i] - '0'; }

bool LuhnOk(const std::string& d) {
  int sum = 0;
  for (size_t i = 0; i < d.size(); ++i) {
    int v = D(d, d.size() - 1 - i);
    if (i % 2 == 1) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return sum % 10 == 0;
}

// Recomputes the check digit(s) of `id` for `country` from the published rules.
bool NationalIdValid(Country country, const std::string& id) {
  const std::string d = Digits(id);
  switch (country) {
    case Country::kUS: {
      if (d.size() != 9) return false;
      const int area = std::stoi(d.substr(0, 3));
      return area != 0 && area != 666 && area < 900 && d.substr(3, 2) != "00" &&
             d.substr(5) != "0000";
    }
    case Country::kCA:
      return d.size() == 9 && d[0] != '0' && d[0] != '8' && LuhnOk(d);
    case Country::kGB:
      return std::regex_match(
                 id, std::regex(
                         "[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]")) &&
             id.substr(0, 2) != "GB" && id.substr(0, 2) != "BG";
    case Country::kDE: {
      if (d.size() != 11 || d[0] == '0') return false;
      int counts[10] = {};
      for (int i = 0; i < 10; ++i) ++counts[D(d, i)];
      int twice = 0, missing = 0;
      for (int c : counts) {
        twice += c == 2;
        missing += c == 0;
      }
      int product = 10;
      for (int i = 0; i < 10; ++i) {
        int sum = (D(d, i) + product) % 10;
        product = ((sum == 0 ? 10 : sum) * 2) % 11;
      }
      return twice == 1 && missing == 1 && (11 - product) % 10 == D(d, 10);
    }
    case Country::kFR:
      return d.size() == 15 && 97 - std::stoll(d.substr(0, 13)) % 97 == std::stoll(d.substr(13));
    case Country::kES: {
      std::string n = id;
      if (n.find('-') != std::string::npos) n.erase(n.find('-'), 1);
      const std::string prefix = std::string("XYZ").find(n[0]) != std::string::npos
                                     ? std::to_string(std::string("XYZ").find(n[0]))
                                     : "";
      const long long number = std::stoll(prefix + Digits(n));
      return n.back() == "TRWAGMYFPDXBNJZSQVHLCKE"[number % 23];
    }
    case Country::kIT: {
      static const int kOdd[] = {1,  0,  5, 7, 9, 13, 15, 17, 19, 21, 2,  4,  18,
                                 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23};
      if (id.size() != 16) return false;
      int sum = 0;
      for (int i = 0; i < 15; ++i) {
        const char c = id[i];
        const int v = c >= 'A' ? c - 'A' : c - '0';
        sum += i % 2 == 0 ? kOdd[v] : v;
      }
      return id[15] == 'A' + sum % 26;
    }
    case Country::kNL: {
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += D(d, i) * (9 - i);
      return d.size() == 9 && (sum - D(d, 8)) % 11 == 0;
    }
    case Country::kPL: {
      const int w[] = {1, 3, 7, 9, 1, 3, 7, 9, 1, 3};
      int sum = 0;
      for (int i = 0; i < 10; ++i) sum += D(d, i) * w[i];
      return d.size() == 11 && (10 - sum % 10) % 10 == D(d, 10);
    }
    case Country::kBR: {
      if (d.size() != 11) return false;
      for (int len : {9, 10}) {
        int sum = 0;
        for (int i = 0; i < len; ++i) sum += D(d, i) * (len + 1 - i);
        const int r = sum % 11;
        if ((r < 2 ? 0 : 11 - r) != D(d, len)) return false;
      }
      return true;
    }
    case Country::kIN:
      return d.size() == 12 && d[0] >= '2';  // Verhoeff: check_digits_test
    case Country::kSE:
      return d.size() >= 10 && LuhnOk(d.substr(d.size() - 10));
    case Country::kCN: {
      int sum = 0, weight = 1;
      for (int i = 16; i >= 0; --i) {
        weight = weight * 2 % 11;
        sum += D(id, i) * weight;
      }
      return id.size() == 18 && id[17] == "10X98765432"[sum % 11];
    }
    case Country::kTR: {
      const int odd = D(d, 0) + D(d, 2) + D(d, 4) + D(d, 6) + D(d, 8);
      const int even = D(d, 1) + D(d, 3) + D(d, 5) + D(d, 7);
      int sum10 = 0;
      for (int i = 0; i < 10; ++i) sum10 += D(d, i);
      return d.size() == 11 && ((odd * 7 - even) % 10 + 10) % 10 == D(d, 9) &&
             sum10 % 10 == D(d, 10);
    }
    case Country::kIL:
      return d.size() == 9 && LuhnOk(d);
    case Country::kGR:
      return d.size() == 11 && LuhnOk(d);
    case Country::kSA:
      return d.size() == 10 && LuhnOk(d);
    case Country::kJP: {
      int sum = 0;
      for (int n = 1; n <= 11; ++n) sum += D(d, 11 - n) * (n <= 6 ? n + 1 : n - 5);
      return d.size() == 12 && (sum % 11 <= 1 ? 0 : 11 - sum % 11) == D(d, 11);
    }
    case Country::kKR: {
      const int w[] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
      int sum = 0;
      for (int i = 0; i < 12; ++i) sum += D(d, i) * w[i];
      return d.size() == 13 && (11 - sum % 11) % 10 == D(d, 12);
    }
    case Country::kPT: {
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += D(d, i) * (9 - i);
      const int check = 11 - sum % 11;
      return d.size() == 9 && (check >= 10 ? 0 : check) == D(d, 8);
    }
    case Country::kIS: {
      const int w[] = {3, 2, 7, 6, 5, 4, 3, 2};
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += D(d, i) * w[i];
      return d.size() == 10 && (11 - sum % 11) % 11 == D(d, 8);
    }
    case Country::kRU: {
      int sum = 0;
      for (int i = 0; i < 9; ++i) sum += D(d, i) * (9 - i);
      const int check = sum < 100 ? sum : sum < 102 ? 0 : sum % 101 % 100;
      return d.size() == 11 && check == std::stoi(d.substr(9));
    }
    case Country::kEG:
      return d.size() == 14;
    case Country::kVN:
      return d.size() == 12;
  }
  return false;
}

TEST_CASE("phone numbers are valid for their region per libphonenumber", "[datagen]") {
  const PhoneNumberUtil& util = *PhoneNumberUtil::GetInstance();
  Rng rng(2024);
  for (const Locale& locale : AllLocales()) {
    for (PhoneKind kind : {PhoneKind::kMobile, PhoneKind::kLandline}) {
      int valid = 0, total = 0;
      std::string last_invalid;
      for (int i = 0; i < 1500; ++i) {
        for (PhoneStyle style : {PhoneStyle::kAsTyped, PhoneStyle::kE164}) {
          std::string text;
          AppendPhone(rng, locale, nullptr, kind, style, &text);
          PhoneNumber number;
          const bool ok = util.Parse(text, std::string(locale.code), &number) ==
                              PhoneNumberUtil::NO_PARSING_ERROR &&
                          util.IsValidNumberForRegion(number, std::string(locale.code));
          ++total;
          if (ok)
            ++valid;
          else
            last_invalid = text;
        }
      }
      INFO(locale.code << (kind == PhoneKind::kMobile ? " mobile" : " landline") << ": " << valid
                       << "/" << total << ", e.g. " << last_invalid);
      CHECK(valid == total);
    }
  }
}

TEST_CASE("national identifiers carry valid check digits", "[datagen]") {
  Rng rng(77);
  for (const Locale& locale : AllLocales()) {
    for (int i = 0; i < 300; ++i) {
      const Person p = RandomPerson(rng, locale);
      std::string id;
      AppendNationalId(rng, locale.country, {p.birth, p.female, p.given_latin, p.family_latin},
                       &id);
      INFO(locale.code << " " << id);
      REQUIRE(NationalIdValid(locale.country, id));
    }
  }
}

TEST_CASE("postal codes have their country's shape", "[datagen]") {
  const std::pair<Country, const char*> kShapes[] = {
      {Country::kUS, "\\d{5}(-\\d{4})?"},
      {Country::kGB, "[A-Z]{1,2}\\d{1,2}[A-Z]? \\d[A-Z]{2}"},
      {Country::kCA, "[A-Z]\\d[A-Z] \\d[A-Z]\\d"},
      {Country::kDE, "\\d{5}"},
      {Country::kNL, "\\d{4} [A-Z]{2}"},
      {Country::kJP, "(〒)?\\d{3}-\\d{4}"},
      {Country::kBR, "\\d{5}-\\d{3}"},
      {Country::kPL, "\\d{2}-\\d{3}"},
      {Country::kPT, "\\d{4}-\\d{3}"},
      {Country::kSE, "\\d{3} \\d{2}"},
  };
  Rng rng(5);
  for (const auto& [country, shape] : kShapes) {
    const std::regex re(shape);
    for (int i = 0; i < 200; ++i) {
      const Address a = RandomAddress(rng, LocaleOf(country));
      INFO(a.postal_code);
      CHECK(std::regex_match(a.postal_code, re));
    }
  }
}

TEST_CASE("e-mail addresses are well-formed and use reserved domains only", "[datagen]") {
  const std::regex shape("[A-Za-z0-9._+-]+@[a-z0-9-]+(\\.[a-z0-9-]+)+");
  const std::regex reserved(".*(@|\\.)(example\\.(com|net|org)|[a-z0-9-]+\\.(example|test))$");
  Rng rng(11);
  for (int i = 0; i < 3000; ++i) {
    const Person p = RandomPerson(rng);
    std::string email;
    if (i % 5 == 0)
      AppendWorkEmail(rng, p, "", &email);
    else
      AppendEmail(rng, p, &email);
    INFO(email);
    CHECK(std::regex_match(email, shape));
    CHECK(std::regex_match(email, reserved));
  }
}

TEST_CASE("IP and MAC addresses parse; IBANs have their registry length", "[datagen]") {
  Rng rng(12);
  const std::regex mac(
      "([0-9a-fA-F]{2}[:-]){5}[0-9a-fA-F]{2}|[0-9a-f]{4}\\.[0-9a-f]{4}\\.[0-9a-f]{4}");
  for (int i = 0; i < 1000; ++i) {
    std::string v4, v6, m;
    AppendIpv4(rng, true, &v4);
    AppendIpv6(rng, &v6);
    AppendMac(rng, &m);
    unsigned char buf[16];
    INFO(v4 << " " << v6 << " " << m);
    CHECK(inet_pton(AF_INET, v4.c_str(), buf) == 1);
    CHECK(inet_pton(AF_INET6, v6.c_str(), buf) == 1);
    CHECK(std::regex_match(m, mac));
  }
  const std::pair<const char*, size_t> kLengths[] = {
      {"DE", 22}, {"FR", 27}, {"GB", 22}, {"ES", 24}, {"IT", 27}, {"NL", 18},
      {"BE", 16}, {"AT", 20}, {"CH", 21}, {"PL", 28}, {"SE", 24}, {"PT", 25},
      {"IE", 22}, {"NO", 15}, {"DK", 18}, {"FI", 18}, {"TR", 26}, {"SA", 24},
      {"IL", 23}, {"BR", 29}, {"GR", 27}, {"IS", 26}, {"LU", 20}};
  for (const auto& [country, length] : kLengths) {
    std::string iban;
    AppendIban(rng, country, false, &iban);
    INFO(iban);
    CHECK(iban.size() == length);
  }
}

}  // namespace
}  // namespace pgveil::datagen
