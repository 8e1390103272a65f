// datagen/customer_profile.cc
//
// customers.profile: a nested JSONB document whose shape varies per row
// the way documents written by several app versions do. Keys go missing,
// arrays hold zero to three items, two keys are not plain identifiers
// ("display name", "last-login"). Every leaf path appears in the truth (see
// shop_schema.cc); this file must only emit paths listed there.

#include "datagen/catalog.h"
#include "datagen/decoys.h"
#include "datagen/format_util.h"
#include "datagen/json_writer.h"
#include "datagen/network.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"
#include "datagen/shop_rows.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kTags[] = {"vip",       "newsletter",   "b2b",    "returns-risk",
                        "wholesale", "early-access", "student"};
constexpr SV kSizes[] = {"XS", "S", "M", "L", "XL", "38", "40", "42", "44", "9.5", "10"};
constexpr SV kDeviceModels[] = {"iPhone 14", "iPhone 15 Pro", "Galaxy S23", "Pixel 8",
                                "iPad Air",  "Redmi Note 12", "Xperia 10 V"};

void Phones(Rng& rng, const Person& person, const Address& address, JsonWriter& json) {
  json.Key("phones");
  json.BeginArray();
  const int count = static_cast<int>(rng.Below(4));
  for (int i = 0; i < count; ++i) {
    std::string phone;
    AppendPhone(rng, *person.locale, address.city,
                i == 0 ? PhoneKind::kMobile : PhoneKind::kLandline,
                rng.Chance(0.4) ? PhoneStyle::kE164 : PhoneStyle::kAsTyped, &phone);
    json.String(phone);
  }
  json.EndArray();
}

}  // namespace

void AppendCustomerProfile(Rng& rng, uint64_t seed, int64_t id, const Person& person,
                           const Address& address, std::string* out) {
  JsonWriter json(out);
  json.BeginObject();
  std::string text;
  if (rng.Chance(0.9)) {
    json.Key("contact");
    json.BeginObject();
    if (rng.Chance(0.85)) {
      text.clear();
      if (rng.Chance(0.7))
        AppendCustomerEmail(seed, id, person, &text);
      else
        AppendEmail(rng, person, &text);
      json.Field("email", text);
    }
    Phones(rng, person, address, json);
    if (rng.Chance(0.2)) {
      const Person contact = RandomPerson(rng, *person.locale);
      json.Key("emergency");
      json.BeginObject();
      json.Field("name", contact.FullName());
      text.clear();
      AppendPhone(rng, *person.locale, nullptr, PhoneKind::kMobile, PhoneStyle::kAsTyped, &text);
      json.Field("phone", text);
      json.EndObject();
    }
    json.EndObject();
  }
  if (rng.Chance(0.75)) {
    json.Key("address");
    json.BeginObject();
    json.Field("street", address.street);
    json.Field("city", address.city->name);
    if (rng.Chance(0.9)) json.Field("postal_code", address.postal_code);
    json.Field("country", person.locale->code);
    json.EndObject();
  }
  if (rng.Chance(0.8)) {
    json.Key("preferences");
    json.BeginObject();
    json.Key("newsletter");
    json.Bool(rng.Chance(0.4));
    if (rng.Chance(0.6)) json.Field("colour", rng.Pick(ColourWords()));
    json.Field("language", person.locale->language);
    if (rng.Chance(0.5)) {
      json.Key("sizes");
      json.BeginArray();
      for (int i = static_cast<int>(rng.Between(1, 2)); i > 0; --i) json.String(rng.Pick(kSizes));
      json.EndArray();
    }
    json.EndObject();
  }
  if (rng.Chance(0.7)) {
    json.Key("tags");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Below(4)); i > 0; --i) json.String(rng.Pick(kTags));
    json.EndArray();
  }
  if (rng.Chance(0.3)) {
    json.Key("links");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Between(1, 2)); i > 0; --i) {
      text.clear();
      AppendPersonalUrl(rng, person, &text);
      json.String(text);
    }
    json.EndArray();
  }
  if (rng.Chance(0.35)) {
    const MicroDegrees at = RandomCoordinates(rng, person.locale->country);
    json.Key("geo");
    json.BeginObject();
    json.Key("lat");
    json.Fixed(at.lat, 6);
    json.Key("lon");
    json.Fixed(at.lon, 6);
    json.EndObject();
  }
  if (rng.Chance(0.3)) {
    json.Key("devices");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Between(1, 3)); i > 0; --i) {
      json.BeginObject();
      text.clear();
      AppendMac(rng, &text);
      json.Field("mac", text);
      json.Field("model", rng.Pick(kDeviceModels));
      text.clear();
      AppendVersion(rng, &text);
      json.Field("os_version", text);
      json.EndObject();
    }
    json.EndArray();
  }
  if (rng.Chance(0.4)) {
    if (person.locale->family_name_first || person.family[0] == '\'') {
      text = person.FullName();
    } else {
      // Given name, first letter of the family name (one UTF-8 sequence), period.
      text.assign(person.given);
      text += ' ';
      const unsigned char lead = static_cast<unsigned char>(person.family[0]);
      const size_t len = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
      text.append(person.family.substr(0, len));
      text += '.';
    }
    json.Field("display name", text);
  }
  if (rng.Chance(0.5)) {
    json.Key("last-login");
    json.BeginObject();
    text.clear();
    AppendIp(rng, 0.7, &text);
    json.Field("ip", text);
    text.clear();
    AppendIsoTimestamp(RandomInstant(rng, {2024, 1, 1}, {2024, 12, 31}), &text);
    json.Field("at", text);
    json.EndObject();
  }
  if (rng.Chance(0.25)) {
    text.clear();
    constexpr DateStyle kStyles[] = {DateStyle::kIso, DateStyle::kIso, DateStyle::kDotted,
                                     DateStyle::kDaySlash, DateStyle::kMonthSlash};
    AppendDate(person.birth, rng.Pick(kStyles), &text);
    json.Field("birthday", text);
  }
  if (rng.Chance(0.3)) {
    text = "REF-";
    AppendFrom(rng, kUpperAlnum, 6, &text);
    json.Field("referral_code", text);
  }
  if (rng.Chance(0.4)) {
    json.Key("loyalty");
    json.BeginObject();
    json.Key("points");
    json.Int(rng.Between(0, 25000));
    text.clear();
    AppendDate(RandomDate(rng, {2015, 1, 1}, {2024, 12, 31}), DateStyle::kIso, &text);
    json.Field("member_since", text);
    json.EndObject();
  }
  json.EndObject();
}

}  // namespace pgveil::datagen
