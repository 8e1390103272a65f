// datagen/rows_people.cc
//
// public.customer_attributes (a key-value table with obfuscated column
// names whose values mix e-mail addresses, phone numbers, IBANs and
// harmless settings), public.api_credentials (secrets) and
// public.employees (SSNs, salaries, a hire date that is not a birth date,
// and "dob" as text in mixed formats).

#include "datagen/catalog.h"
#include "datagen/decoys.h"
#include "datagen/finance.h"
#include "datagen/format_util.h"
#include "datagen/national_id.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"
#include "datagen/secrets.h"
#include "datagen/shop_rows.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kEmailKeys[] = {"alt_email", "recovery_email", "paypal_email"};
constexpr SV kPhoneKeys[] = {"mobile", "whatsapp", "landline", "fax"};
constexpr SV kIbanKeys[] = {"iban", "payout_iban"};
constexpr SV kLabels[] = {"CI deploy key", "Shop sync", "Zapier",           "mobile app",
                          "ERP export",    "Analytics", "Warehouse scanner"};
constexpr SV kScopes[] = {"orders:read",   "orders:write", "profile:read",
                          "profile:write", "catalog:read", "webhooks"};
constexpr SV kDepartments[] = {
    "Engineering", "Customer Support", "Warehouse", "Finance", "Marketing", "Legal", "People"};
constexpr DateStyle kDobStyles[] = {
    DateStyle::kIso,     DateStyle::kMonthSlash,   DateStyle::kDaySlash,
    DateStyle::kDotted,  DateStyle::kDayMonthName, DateStyle::kMonthNameDay,
    DateStyle::kCompact, DateStyle::kYearSlash,    DateStyle::kDayDash};

}  // namespace

Status WriteCustomerAttributes(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kAttributesRows, static_cast<uint64_t>(id));
    const int64_t customer = PickCustomer(rng, ctx.customers);
    const Person person = CustomerPerson(ctx.seed, customer);
    out.Int(id);
    out.Int(customer);
    text.clear();
    const double r = rng.Unit();
    SV key;
    if (r < 0.25) {
      key = rng.Pick(kEmailKeys);
      AppendEmail(rng, person, &text);
    } else if (r < 0.50) {
      key = rng.Pick(kPhoneKeys);
      AppendPhone(rng, *person.locale, nullptr,
                  key == "landline" || key == "fax" ? PhoneKind::kLandline : PhoneKind::kMobile,
                  rng.Chance(0.3) ? PhoneStyle::kE164 : PhoneStyle::kAsTyped, &text);
    } else if (r < 0.64) {
      key = rng.Pick(kIbanKeys);
      AppendIban(rng, IbanCountryFor(rng, person.locale->country), rng.Chance(0.4), &text);
    } else {
      switch (rng.Below(8)) {
        case 0:
          key = "shoe_size";
          AppendInt(rng.Between(36, 47), &text);
          break;
        case 1:
          key = "fav_colour";
          text = rng.Pick(ColourWords());
          break;
        case 2:
          key = "newsletter";
          text = rng.Chance(0.5) ? "true" : "false";
          break;
        case 3:
          key = "referral_code";
          text = "REF-";
          AppendFrom(rng, kUpperAlnum, 6, &text);
          break;
        case 4:
          key = "app_version";
          AppendVersion(rng, &text);
          break;
        case 5:
          key = "locale";
          text = std::string(person.locale->language) + "-" + std::string(person.locale->code);
          break;
        case 6:
          key = "last_order_no";
          AppendOrderNumber(ctx.seed, rng.Between(1, ctx.orders), &text);
          break;
        default:
          key = "clothing_size";
          text = "M";
          break;
      }
    }
    out.Raw(key);
    TextOrNull(rng, 0.97, text, out);
    out.Timestamp(RandomInstant(rng, {2021, 1, 1}, {2024, 12, 31}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteApiCredentials(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  std::vector<std::string> scopes;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kCredentialsRows, static_cast<uint64_t>(id));
    const int64_t owner = PickCustomer(rng, ctx.customers);
    const int64_t created = RandomInstant(rng, {2021, 1, 1}, {2024, 12, 31});
    out.Int(id);
    out.Int(owner);
    out.Text(rng.Pick(kLabels));
    text.clear();
    AppendApiKey(rng, &text);
    out.Text(text);
    BuiltRawOrNull(rng, 0.7, text, out,
                   [&](std::string& field) { AppendJwt(rng, owner, created, &field); });
    BuiltRawOrNull(rng, 0.7, text, out, [&](std::string& field) { AppendIp(rng, 0.8, &field); });
    scopes.clear();
    for (int n = static_cast<int>(rng.Between(1, 3)); n > 0; --n)
      scopes.emplace_back(rng.Pick(kScopes));
    text.clear();
    AppendArrayLiteral(scopes, &text);
    out.Text(text);
    out.Timestamp(created);
    if (rng.Chance(0.6))
      out.Timestamp(created + 86400 * rng.Between(30, 730));
    else
      out.Null();
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteEmployees(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  std::vector<std::string> phones;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kEmployeesRows, static_cast<uint64_t>(id));
    const bool us = rng.Chance(0.6);
    const Person person = us ? RandomPerson(rng, LocaleOf(Country::kUS)) : RandomPerson(rng);
    out.Int(id);
    out.Text(person.given);
    out.Text(person.family);
    text.clear();
    AppendWorkEmail(rng, person, "veilshop.example", &text);
    out.Text(text);
    if (us && rng.Chance(0.9)) {
      text.clear();
      AppendUsSsn(rng, rng.Chance(0.8), &text);
      out.Raw(text);
    } else {
      out.Null();
    }
    out.Fixed(rng.Between(3500, 18000) * 1000, 2);
    text.clear();
    AppendDate(RandomDate(rng, {2008, 1, 1}, {2024, 11, 30}), DateStyle::kIso, &text);
    out.Raw(text);
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      AppendDate(person.birth, rng.Pick(kDobStyles), &field);
    });
    out.Text(rng.Pick(kDepartments));
    if (id > 5)
      out.Int(rng.Between(1, id <= 25 ? 5 : 25));
    else
      out.Null();
    BuiltTextOrNull(rng, 0.8, text, out, [&](std::string& field) {
      AppendOneLineAddress(RandomAddress(rng, *person.locale), &field);
    });
    BuiltTextOrNull(rng, 0.7, text, out, [&](std::string& field) {
      phones.clear();
      for (int n = static_cast<int>(rng.Between(1, 2)); n > 0; --n) {
        phones.emplace_back();
        AppendPhone(rng, *person.locale, nullptr, PhoneKind::kMobile, PhoneStyle::kAsTyped,
                    &phones.back());
      }
      AppendArrayLiteral(phones, &field);
    });
    text = "B-";
    AppendPadded(rng.Between(1, 999999), 6, &text);
    out.Raw(text);
    out.Bool(rng.Chance(0.9));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
