// datagen/rows_customers.cc
//
// public.customers: one row per customer, with realistic NULL rates (phone
// 25 %, date of birth 30 %, national id 35 %, notes 70 %) and the national
// identifier of the customer's own country under the obfuscated name c1.

#include "datagen/catalog.h"
#include "datagen/free_text.h"
#include "datagen/national_id.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"
#include "datagen/secrets.h"
#include "datagen/shop_rows.h"

namespace pgveil::datagen {
namespace {

std::string_view CustomerStatus(Rng& rng) {
  constexpr std::string_view kStatuses[] = {"active", "inactive", "suspended", "pending"};
  constexpr uint32_t kWeights[] = {80, 12, 3, 5};
  return kStatuses[rng.Weighted(kWeights)];
}

std::string_view LoyaltyTier(Rng& rng) {
  constexpr std::string_view kTiers[] = {"bronze", "silver", "gold", "platinum"};
  constexpr uint32_t kWeights[] = {50, 30, 15, 5};
  return kTiers[rng.Weighted(kWeights)];
}

}  // namespace

Status WriteCustomers(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kCustomersRows, static_cast<uint64_t>(id));
    const Person person = CustomerPerson(ctx.seed, id);
    const Address address = CustomerAddress(ctx.seed, id, person);
    const Country country = person.locale->country;

    out.Int(id);
    out.Text(person.given);
    out.Text(person.family);
    BuiltTextOrNull(rng, 0.95, text, out,
                    [&](std::string& field) { AppendCustomerEmail(ctx.seed, id, person, &field); });
    BuiltTextOrNull(rng, 0.75, text, out, [&](std::string& field) {
      AppendPhone(rng, *person.locale, address.city,
                  rng.Chance(0.7) ? PhoneKind::kMobile : PhoneKind::kLandline,
                  rng.Chance(0.15) ? PhoneStyle::kE164 : PhoneStyle::kAsTyped, &field);
    });
    BuiltRawOrNull(rng, 0.7, text, out,
                   [&](std::string& field) { AppendDate(person.birth, DateStyle::kIso, &field); });
    BuiltTextOrNull(rng, 0.65, text, out, [&](std::string& field) {
      const IdHolder holder{person.birth, person.female, person.given_latin, person.family_latin};
      AppendNationalId(rng, country, holder, &field);
    });
    BuiltTextOrNull(rng, 0.85, text, out,
                    [&](std::string& field) { AppendUsername(rng, person, &field); });
    BuiltTextOrNull(rng, 0.9, text, out,
                    [&](std::string& field) { AppendBcryptHash(rng, &field); });
    BuiltTextOrNull(rng, 0.35, text, out,
                    [&](std::string& field) { AppendPersonalUrl(rng, person, &field); });
    out.Timestamp(RandomInstant(rng, {2019, 1, 1}, {2024, 12, 31}));
    out.Raw(CustomerStatus(rng));
    if (rng.Chance(0.6))
      out.Raw(LoyaltyTier(rng));
    else
      out.Null();
    if (rng.Chance(0.5))
      out.Text(rng.Pick(ColourWords()));
    else
      out.Null();
    out.Bool(rng.Chance(0.4));
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      AppendCustomerProfile(rng, ctx.seed, id, person, address, &field);
    });
    BuiltTextOrNull(rng, 0.3, text, out,
                    [&](std::string& field) { AppendCustomerNote(rng, ctx.seed, &field); });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
