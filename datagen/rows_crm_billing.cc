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
    if (rng.Chance(0.85)) {
      text.clear();
      AppendBic(rng, iban_country, &text);
      out.Raw(text);
    } else {
      out.Null();
    }
    // Mostly the customer; sometimes a partner's account.
    out.Text(rng.Chance(0.85) ? person.FullName() : RandomPerson(rng, *person.locale).FullName());
    out.Fixed(rng.Between(0, 250000), 2);
    out.Raw(rng.Chance(0.8) ? SV("EUR") : CurrencyOf(rng, person.locale->country));
    if (rng.Chance(0.7)) {
      text = "MNDT-";
      AppendInt(rng.Between(2019, 2024), &text);
      text += '-';
      AppendPadded(id, 6, &text);
      out.Raw(text);
    } else {
      out.Null();
    }
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
    if (rng.Chance(0.9)) {
      text.clear();
      AppendHexDigest(rng, 32, &text);
      out.Raw(text);
    } else {
      out.Null();
    }
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
    if (rng.Chance(0.95))
      out.Text(person.given);
    else
      out.Null();
    if (rng.Chance(0.97))
      out.Text(person.family);
    else
      out.Null();
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
    if (rng.Chance(0.85)) {
      text.clear();
      AppendPhone(rng, locale, address.city,
                  rng.Chance(0.5) ? PhoneKind::kMobile : PhoneKind::kLandline, PhoneStyle::kAsTyped,
                  &text);
      out.Text(text);
    } else {
      out.Null();
    }
    if (rng.Chance(0.8)) {
      text.clear();
      if (!company.empty() && rng.Chance(0.6))
        AppendWorkEmail(rng, person, "", &text);
      else
        AppendEmail(rng, person, &text);
      out.Text(text);
    } else {
      out.Null();
    }
    if (rng.Chance(0.75)) {
      out.Text(address.street);
      out.Text(address.postal_code);
      out.Text(address.city->name);
    } else {
      out.Null();
      out.Null();
      out.Null();
    }
    if (rng.Chance(0.55)) {
      text.clear();
      AppendDate(person.birth, rng.Chance(0.8) ? DateStyle::kDotted : DateStyle::kIso, &text);
      out.Text(text);
    } else {
      out.Null();
    }
    if (rng.Chance(0.85)) {
      text.clear();
      AppendCrmNote(rng, person, rng.Chance(kCrmNotePhoneRate / 0.85), &text);
      out.Text(text);
    } else {
      out.Null();
    }
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
    if (rng.Chance(0.95)) {
      text.clear();
      AppendMac(rng, &text);
      out.Raw(text);
    } else {
      out.Null();
    }
    if (rng.Chance(0.8)) {
      text.clear();
      AppendIp(rng, 0.6, &text);
      out.Raw(text);
    } else {
      out.Null();
    }
    out.Text(rng.Pick(kModels));
    text.clear();
    AppendVersion(rng, &text);
    out.Text(text);
    if (rng.Chance(0.6)) {
      const MicroDegrees at = RandomCoordinates(rng, rng.Chance(0.8) ? Country::kDE : Country::kNL);
      text.clear();
      AppendFixed(at.lat, 6, &text);
      text += rng.Chance(0.7) ? ", " : ",";
      AppendFixed(at.lon, 6, &text);
      out.Raw(text);
    } else {
      out.Null();
    }
    if (rng.Chance(0.9))
      out.Timestamp(RandomInstant(rng, {2024, 1, 1}, {2024, 12, 31}));
    else
      out.Null();
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
