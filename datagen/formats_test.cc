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
#include "datagen/test_id_checks.h"

namespace pgveil::datagen {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;
using testing::NationalIdValid;

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
