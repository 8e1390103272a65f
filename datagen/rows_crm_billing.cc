// datagen/rows_crm_billing.cc
//
// The billing schema (IBANs with valid check digits next to BICs, which
// name banks, not people) and the German "CRM Daten" schema, whose quoted
// and non-ASCII column names ("Téléphone", "Straße", "Mixed Case",
// "Notiz ""intern""") hold contacts, birth dates, call notes, MAC
// addresses and device locations.

#include "datagen/catalog.h"
#include "datagen/decoys.h"
#include "datagen/finance.h"
#include "datagen/format_util.h"
#include "datagen/free_text.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"
#include "datagen/shop_rows.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kCompanySuffixes[] = {" GmbH", " AG", " KG", " & Co. KG", " e.K.", " GmbH & Co. KG"};
constexpr SV kCompanyStems[] = {"Logistik",  "Bäckerei",       "Autohaus",     "Elektro",
                                "Gartenbau", "Steuerberatung", "Dachdeckerei", "Immobilien"};
constexpr SV kModels[] = {"iPhone 14",      "Galaxy S23",     "Pixel 8",       "ThinkPad X1 Carbon",
                          "MacBook Air M2", "FRITZ!Box 7590", "Surface Pro 9", "Kindle Paperwhite"};
constexpr Country kCrmCountries[] = {Country::kDE, Country::kDE, Country::kDE, Country::kDE,
                                     Country::kDE, Country::kDE, Country::kDE, Country::kNL,
                                     Country::kFR, Country::kPL, Country::kIT, Country::kTR};

const Locale& CrmLocale(Rng& rng) { return LocaleOf(rng.Pick(kCrmCountries)); }

}  // namespace

Status WriteBillingAccounts(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kAccountsRows, static_cast<uint64_t>(id));
    const int64_t customer = PickCustomer(rng, ctx.customers);
    const Person person = CustomerPerson(ctx.seed, customer);
    const SV iban_country = IbanCountryFor(rng, person.locale->country);
    out.Int(id);
    out.Int(customer);
    text.clear();
    AppendIban(rng, iban_country, rng.Chance(0.4), &text);
    out.Raw(text);
    BuiltRawOrNull(rng, 0.85, text, out,
                   [&](std::string& field) { AppendBic(rng, iban_country, &field); });
    // Mostly the customer; sometimes a partner's account.
    out.Text(rng.Chance(0.85) ? person.FullName() : RandomPerson(rng, *person.locale).FullName());
    out.Fixed(rng.Between(0, 250000), 2);
    out.Raw(rng.Chance(0.8) ? SV("EUR") : CurrencyOf(rng, person.locale->country));
    BuiltRawOrNull(rng, 0.7, text, out, [&](std::string& field) {
      field = "MNDT-";
      AppendInt(rng.Between(2019, 2024), &field);
      field += '-';
      AppendPadded(id, 6, &field);
    });
    out.Timestamp(RandomInstant(rng, {2019, 1, 1}, {2024, 12, 31}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteBillingInvoices(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  constexpr int64_t kVatRates[] = {1900, 2000, 2100, 700, 0, 2300, 2500};
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kInvoicesRows, static_cast<uint64_t>(id));
    const CivilDate issued = RandomDate(rng, {2023, 1, 1}, {2024, 12, 31});
    const int64_t net = rng.Between(500, 500000);
    const int64_t vat = rng.Pick(kVatRates);
    out.Int(id);
    out.Int(rng.Between(1, ctx.accounts));
    text = "INV-";
    AppendInt(issued.year, &text);
    text += '-';
    AppendPadded(id, 6, &text);
    out.Raw(text);
    text.clear();
    AppendDate(issued, DateStyle::kIso, &text);
    out.Raw(text);
    text.clear();
    AppendDate(CivilFromDays(DaysFromCivil(issued) + (rng.Chance(0.5) ? 14 : 30)), DateStyle::kIso,
               &text);
    out.Raw(text);
    out.Fixed(net, 2);
    out.Fixed(vat, 2);
    out.Fixed(net + net * vat / 10000, 2);
    out.Bool(rng.Chance(0.85));
    BuiltRawOrNull(rng, 0.9, text, out,
                   [&](std::string& field) { AppendHexDigest(rng, 32, &field); });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteCrmContacts(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kContactsRows, static_cast<uint64_t>(id));
    const Locale& locale = CrmLocale(rng);
    const Person person = RandomPerson(rng, locale);
    const Address address = RandomAddress(rng, locale);
    out.Int(id);
    TextOrNull(rng, 0.95, person.given, out);
    TextOrNull(rng, 0.97, person.family, out);
    std::string company;
    if (rng.Chance(0.7)) {
      // Many German company names carry a founder's surname: a decoy column.
      company = rng.Chance(0.5)
                    ? std::string(rng.Pick(kCompanyStems)) + " " + RandomPerson(rng, locale).family
                    : std::string(rng.Pick(Brands()));
      company += rng.Pick(kCompanySuffixes);
      out.Text(company);
    } else {
      out.Null();
    }
    BuiltTextOrNull(rng, 0.85, text, out, [&](std::string& field) {
      AppendPhone(rng, locale, address.city,
                  rng.Chance(0.5) ? PhoneKind::kMobile : PhoneKind::kLandline, PhoneStyle::kAsTyped,
                  &field);
    });
    BuiltTextOrNull(rng, 0.8, text, out, [&](std::string& field) {
      if (!company.empty() && rng.Chance(0.6))
        AppendWorkEmail(rng, person, "", &field);
      else
        AppendEmail(rng, person, &field);
    });
    AddressOrNull(rng, 0.75, address, out);
    BuiltTextOrNull(rng, 0.55, text, out, [&](std::string& field) {
      AppendDate(person.birth, rng.Chance(0.8) ? DateStyle::kDotted : DateStyle::kIso, &field);
    });
    BuiltTextOrNull(rng, 0.85, text, out, [&](std::string& field) {
      AppendCrmNote(rng, person, rng.Chance(kCrmNotePhoneRate / 0.85), &field);
    });
    out.Timestamp(RandomInstant(rng, {2015, 1, 1}, {2024, 12, 31}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteCrmDevices(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kDevicesRows, static_cast<uint64_t>(id));
    out.Int(id);
    out.Int(rng.Between(1, ctx.contacts));
    BuiltRawOrNull(rng, 0.95, text, out, [&](std::string& field) { AppendMac(rng, &field); });
    BuiltRawOrNull(rng, 0.8, text, out, [&](std::string& field) { AppendIp(rng, 0.6, &field); });
    out.Text(rng.Pick(kModels));
    text.clear();
    AppendVersion(rng, &text);
    out.Text(text);
    BuiltRawOrNull(rng, 0.6, text, out, [&](std::string& field) {
      const MicroDegrees at = RandomCoordinates(rng, rng.Chance(0.8) ? Country::kDE : Country::kNL);
      AppendFixed(at.lat, 6, &field);
      field += rng.Chance(0.7) ? ", " : ",";
      AppendFixed(at.lon, 6, &field);
    });
    if (rng.Chance(0.9))
      out.Timestamp(RandomInstant(rng, {2024, 1, 1}, {2024, 12, 31}));
    else
      out.Null();
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
