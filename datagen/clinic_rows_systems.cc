// datagen/clinic_rows_systems.cc
//
// Tables written by software rather than by clerks: the patient portal's
// camelCase account table (credentials, a never-used "secondaryEmail"),
// the interface engine's log of FHIR Patient resources received from
// partner hospitals across Europe (national identifiers, names, telecom
// entries mixing phones and e-mail addresses, nested arrays), and a legacy
// import from a Polish clinic whose columns are called f1 and attr_3 and
// whose names are in capitals.

#include "datagen/address.h"
#include "datagen/ascii_fold.h"
#include "datagen/catalog.h"
#include "datagen/clinic_rows.h"
#include "datagen/decoys.h"
#include "datagen/format_util.h"
#include "datagen/json_writer.h"
#include "datagen/national_id.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"
#include "datagen/secrets.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

struct FhirSource {
  Country country;
  SV identifier_system;  // empty: the partner sends no national identifier
};
constexpr FhirSource kFhirSources[] = {
    {Country::kFR, "urn:oid:1.2.250.1.213.1.4.8"},
    {Country::kES, "urn:oid:1.3.6.1.4.1.19126.3"},
    {Country::kIT, "http://hl7.it/sid/codiceFiscale"},
    {Country::kNL, "http://fhir.nl/fhir/NamingSystem/bsn"},
    {Country::kPL, "urn:oid:2.16.840.1.113883.3.4424.1.1.616"},
    {Country::kSE, "urn:oid:1.2.752.129.2.1.3.1"},
    {Country::kDE, ""},
};
constexpr SV kInterfaceSources[] = {"KIS", "LIS", "RIS", "PACS", "EPA-Gateway"};
constexpr SV kMessageTypes[] = {"ADT^A01", "ADT^A08", "ADT^A31", "SIU^S12"};
constexpr SV kInterfaceErrors[] = {"PID-7: Datum ungültig", "MSH-10 doppelt", "Timeout beim ACK",
                                   "Segment ZBE unbekannt"};
constexpr SV kRecordTypes[] = {"PAC", "LEK", "REF"};
constexpr uint32_t kRecordTypeWeights[] = {80, 15, 5};

// Appends `cp` as UTF-8 (code points below U+0800 are all this needs).
void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// Upper case for ASCII, Latin-1 and Latin Extended-A ("Łódź" -> "ŁÓDŹ"),
// as the old system stored every name.
void AppendUpper(SV text, std::string* out) {
  for (size_t pos = 0; pos < text.size();) {
    char32_t cp = NextCodePoint(text, &pos);
    const bool odd = cp % 2 == 1;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 0xE0 && cp <= 0xFE && cp != 0xF7)) {
      cp -= 0x20;
    } else if ((cp >= 0x101 && cp <= 0x137 && odd) || (cp >= 0x13A && cp <= 0x148 && !odd) ||
               (cp >= 0x14B && cp <= 0x177 && odd) || (cp >= 0x17A && cp <= 0x17E && !odd)) {
      cp -= 1;
    }
    if (cp < 0x800) {
      AppendUtf8(cp, out);
    } else {
      out->push_back('?');
    }
  }
}

void AppendFhirPatient(Rng& rng, std::string* out) {
  const FhirSource& source = rng.Pick(kFhirSources);
  const Locale& locale = LocaleOf(source.country);
  const Person person = RandomPerson(rng, locale);
  JsonWriter json(out);
  std::string text;
  json.BeginObject();
  json.Field("resourceType", "Patient");
  AppendUuid(rng, &text);
  json.Field("id", text);
  json.Key("meta");
  json.BeginObject();
  text.clear();
  AppendInt(rng.Between(1, 9), &text);
  json.Field("versionId", text);
  text.clear();
  AppendIsoTimestamp(RandomInstant(rng, {2022, 1, 1}, {2024, 12, 31}), &text);
  json.Field("lastUpdated", text);
  json.EndObject();
  if (!source.identifier_system.empty() && rng.Chance(0.85)) {
    json.Key("identifier");
    json.BeginArray();
    json.BeginObject();
    json.Field("system", source.identifier_system);
    text.clear();
    const IdHolder holder{person.birth, person.female, person.given_latin, person.family_latin};
    AppendNationalId(rng, source.country, holder, &text);
    json.Field("value", text);
    json.EndObject();
    json.EndArray();
  }
  json.Key("name");
  json.BeginArray();
  json.BeginObject();
  json.Field("family", person.family);
  json.Key("given");
  json.BeginArray();
  json.String(person.given);
  if (rng.Chance(0.2)) {
    json.String(RandomPerson(rng, locale).given);
  }
  json.EndArray();
  if (rng.Chance(0.1)) {
    json.Key("prefix");
    json.BeginArray();
    json.String(rng.Chance(0.8) ? "Dr." : "Prof.");
    json.EndArray();
  }
  json.EndObject();
  json.EndArray();
  json.Key("telecom");
  json.BeginArray();
  for (int i = static_cast<int>(rng.Below(4)); i > 0; --i) {
    const bool email = rng.Chance(0.4);
    text.clear();
    if (email) {
      AppendEmail(rng, person, &text);
    } else {
      // One draw per statement: argument evaluation order is unspecified.
      const PhoneKind kind = rng.Chance(0.6) ? PhoneKind::kMobile : PhoneKind::kLandline;
      AppendPhone(rng, locale, nullptr, kind,
                  rng.Chance(0.5) ? PhoneStyle::kE164 : PhoneStyle::kAsTyped, &text);
    }
    json.BeginObject();
    json.Field("system", email ? "email" : "phone");
    json.Field("value", text);
    json.EndObject();
  }
  json.EndArray();
  json.Field("gender", person.female ? "female" : "male");
  if (rng.Chance(0.9)) {
    text.clear();
    AppendDate(person.birth, DateStyle::kIso, &text);
    json.Field("birthDate", text);
  }
  if (rng.Chance(0.8)) {
    const Address address = RandomAddress(rng, locale);
    json.Key("address");
    json.BeginArray();
    json.BeginObject();
    json.Key("line");
    json.BeginArray();
    json.String(address.street);
    json.EndArray();
    json.Field("city", address.city->name);
    json.Field("postalCode", address.postal_code);
    json.Field("country", locale.code);
    json.EndObject();
    json.EndArray();
  }
  json.EndObject();
}

}  // namespace

Status WritePortalUsers(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kPortalRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng);
    const int64_t created = RandomInstant(rng, {2020, 1, 1}, {2024, 6, 30});
    out.Int(id);
    if (rng.Chance(0.9)) {
      out.Int(rng.Between(1, ctx.patients));
    } else {
      out.Null();
    }
    text.clear();
    AppendUsername(rng, person, &text);
    out.Text(text);
    text.clear();
    AppendEmail(rng, person, &text);
    out.Text(text);
    BuiltTextOrNull(rng, 0.95, text, out,
                    [&](std::string& field) { AppendBcryptHash(rng, &field); });
    BuiltTextOrNull(rng, 0.25, text, out, [&](std::string& field) { AppendApiKey(rng, &field); });
    BuiltTextOrNull(rng, 0.7, text, out, [&](std::string& field) {
      AppendPhone(rng, *person.locale, nullptr, PhoneKind::kMobile, PhoneStyle::kE164, &field);
    });
    BuiltTextOrNull(rng, 0.4, text, out,
                    [&](std::string& field) { AppendPersonalUrl(rng, person, &field); });
    if (rng.Chance(0.85)) {
      text.clear();
      AppendIp(rng, 0.75, &text);
      out.Raw(text);
      out.Timestamp(created + rng.Between(3600, int64_t{90} * 86400));
    } else {
      out.Null();
      out.Null();
    }
    text = person.locale->language;
    text += '-';
    text += person.locale->code;
    out.Raw(text);
    if (rng.Chance(0.5)) {
      if (rng.Chance(0.5)) {
        text = "#";
        AppendHex(rng, 6, &text);
        out.Raw(text);
      } else {
        out.Text(rng.Pick(ColourWords()));
      }
    } else {
      out.Null();
    }
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) { AppendVersion(rng, &field); });
    out.Null();  // secondaryEmail: in the schema since 2021, never filled in
    out.Bool(rng.Chance(0.35));
    out.Timestamp(created);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteHl7Messages(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text, payload;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kHl7Rows, static_cast<uint64_t>(id));
    text.clear();
    AppendUuid(rng, &text);
    out.Raw(text);
    out.Timestamp(RandomInstant(rng, {2023, 1, 1}, {2024, 12, 31}));
    out.Raw(rng.Pick(kInterfaceSources));
    out.Raw(rng.Pick(kMessageTypes));
    payload.clear();
    AppendFhirPatient(rng, &payload);
    out.Text(payload);
    BuiltRawOrNull(rng, 0.95, text, out,
                   [&](std::string& field) { AppendHexDigest(rng, 32, &field); });
    out.Int(static_cast<int64_t>(payload.size()));
    if (rng.Chance(0.05)) {
      out.Text(rng.Pick(kInterfaceErrors));
    } else {
      out.Null();
    }
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteLegacyImport(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& poland = LocaleOf(Country::kPL);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kLegacyRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng, poland);
    const Address address = RandomAddress(rng, poland);
    out.Int(id);
    text = "IMP-2019-";
    AppendPadded(rng.Between(1, 12), 2, &text);
    text += '-';
    AppendPadded(rng.Between(1, 28), 2, &text);
    out.Raw(text);
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) {
      const IdHolder holder{person.birth, person.female, person.given_latin, person.family_latin};
      AppendNationalId(rng, Country::kPL, holder, &field);
    });
    out.Raw(kRecordTypes[rng.Weighted(kRecordTypeWeights)]);
    BuiltTextOrNull(rng, 0.97, text, out, [&](std::string& field) {
      AppendUpper(person.family, &field);
      field += ' ';
      AppendUpper(person.given, &field);
    });
    BuiltTextOrNull(rng, 0.85, text, out, [&](std::string& field) {
      AppendPhone(rng, poland, address.city,
                  rng.Chance(0.6) ? PhoneKind::kMobile : PhoneKind::kLandline, PhoneStyle::kAsTyped,
                  &field);
    });
    if (rng.Chance(0.8)) {
      out.Raw(address.postal_code);
      out.Text(address.city->name);
    } else {
      out.Null();
      out.Null();
    }
    text.clear();
    AppendHexDigest(rng, 16, &text);
    out.Raw(text);
    out.Timestamp(RandomInstant(rng, {2019, 1, 1}, {2019, 12, 31}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
