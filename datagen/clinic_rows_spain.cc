// datagen/clinic_rows_spain.cc
//
// The Spanish outpatient clinic: patients with two surnames, DNI/NIE,
// clinical-history numbers, allergies and (for foreigners) passports; and
// appointments with nine-digit numbers that look like Spanish landlines,
// the doctor's name and a JSONB document whose reminder goes to a phone or
// an e-mail address.

#include "datagen/address.h"
#include "datagen/clinic_rows.h"
#include "datagen/clinic_values.h"
#include "datagen/format_util.h"
#include "datagen/json_writer.h"
#include "datagen/national_id.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

// A province is named by the first two digits of the postal code.
struct Province {
  SV postal_prefix;
  SV name;
};
constexpr Province kSpanishProvinces[] = {
    {"28", "Madrid"},     {"08", "Barcelona"},  {"46", "Valencia"}, {"41", "Sevilla"},
    {"50", "Zaragoza"},   {"29", "Málaga"},     {"30", "Murcia"},   {"07", "Illes Balears"},
    {"35", "Las Palmas"}, {"48", "Bizkaia"},    {"03", "Alicante"}, {"14", "Córdoba"},
    {"47", "Valladolid"}, {"36", "Pontevedra"}, {"15", "A Coruña"}, {"18", "Granada"},
    {"20", "Gipuzkoa"}};
constexpr SV kSpanishInsurers[] = {"Sanitas", "Adeslas", "Mapfre Salud",
                                   "DKV",     "Asisa",   "Seguridad Social"};
constexpr SV kAllergies[] = {
    "Ninguna conocida", "Penicilina", "Amoxicilina",      "AINE", "Látex", "Polen; ácaros",
    "Marisco",          "Sulfamidas", "Yodo (contrastes)"};
constexpr uint32_t kAllergyWeights[] = {55, 12, 5, 6, 4, 8, 4, 3, 3};
constexpr Country kPassportCountries[] = {Country::kDE, Country::kFR, Country::kGB, Country::kUS,
                                          Country::kIT, Country::kNL, Country::kSE};
constexpr SV kSpecialties[] = {"Traumatología", "Dermatología", "Cardiología",     "Pediatría",
                               "Ginecología",   "Oftalmología", "Medicina general"};
constexpr SV kVisitKinds[] = {"primera visita", "revisión", "urgencia", "telefónica", "resultados"};
constexpr SV kVisitStates[] = {"programada", "realizada", "cancelada", "no presentado"};
constexpr uint32_t kVisitStateWeights[] = {30, 55, 10, 5};
constexpr SV kCompanions[] = {"madre", "padre", "hijo", "hija", "cónyuge", "cuidadora"};
constexpr SV kVisitLanguages[] = {"es", "ca", "eu", "gl", "en", "de"};
constexpr SV kVisitTags[] = {"primera vez", "vip", "seguro privado", "confirmada por sms",
                             "requiere informe"};

SV SpanishProvince(const Address& address) {
  for (const Province& p : kSpanishProvinces) {
    if (address.postal_code.compare(0, 2, p.postal_prefix) == 0) {
      return p.name;
    }
  }
  return address.city->name;
}

void AppendVisitData(Rng& rng, const Locale& spain, std::string* out) {
  JsonWriter json(out);
  std::string text;
  json.BeginObject();
  if (rng.Chance(0.7)) {
    const SV channel = rng.Chance(0.6) ? "sms" : rng.Chance(0.5) ? "email" : "whatsapp";
    json.Key("recordatorio");
    json.BeginObject();
    json.Field("canal", channel);
    if (channel == "email") {
      AppendEmail(rng, RandomPerson(rng, spain), &text);
    } else {
      AppendPhone(rng, spain, nullptr, PhoneKind::kMobile,
                  rng.Chance(0.5) ? PhoneStyle::kE164 : PhoneStyle::kAsTyped, &text);
    }
    json.Field("destino", text);
    text.clear();
    AppendIsoTimestamp(RandomInstant(rng, {2023, 1, 1}, {2025, 6, 30}), &text);
    json.Field("enviado", text);
    json.EndObject();
  }
  if (rng.Chance(0.25)) {
    json.Key("acompañante");
    json.BeginObject();
    json.Field("nombre", RandomPerson(rng, spain).FullName());
    json.Field("parentesco", rng.Pick(kCompanions));
    json.EndObject();
  }
  if (rng.Chance(0.6)) {
    json.Field("sala_espera", rng.Pick({SV("A"), SV("B"), SV("C")}));
  }
  if (rng.Chance(0.8)) {
    json.Field("idioma", rng.Pick(kVisitLanguages));
  }
  if (rng.Chance(0.5)) {
    json.Key("etiquetas");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Below(4)); i > 0; --i) {
      json.String(rng.Pick(kVisitTags));
    }
    json.EndArray();
  }
  if (rng.Chance(0.3)) {
    json.Key("copago");
    json.BeginObject();
    json.Key("importe");
    json.Fixed(rng.Between(500, 6000), 2);
    json.Field("moneda", "EUR");
    json.EndObject();
  }
  json.EndObject();
}

}  // namespace

Status WritePacientes(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& spain = LocaleOf(Country::kES);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kPacientesRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng, spain);
    const Address address = RandomAddress(rng, spain);
    out.Int(id);
    out.Text(person.given);
    out.Text(person.family);
    BuiltRawOrNull(rng, 0.95, text, out, [&](std::string& field) {
      AppendDate(person.birth, DateStyle::kDaySlash, &field);
    });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      const IdHolder holder{person.birth, person.female, person.given_latin, person.family_latin};
      AppendNationalId(rng, Country::kES, holder, &field);
    });
    if (rng.Chance(0.6)) {
      text = "NHC";
      AppendPadded(100000 + id, 7, &text);
    } else {
      text = "HC";
      AppendInt(rng.Between(2005, 2024), &text);
      text += '/';
      AppendPadded(id, 6, &text);
    }
    out.Raw(text);
    BuiltTextOrNull(rng, 0.5, text, out, [&](std::string& field) {
      AppendPhone(rng, spain, address.city, PhoneKind::kLandline, PhoneStyle::kAsTyped, &field);
    });
    BuiltTextOrNull(rng, 0.85, text, out, [&](std::string& field) {
      AppendPhone(rng, spain, nullptr, PhoneKind::kMobile, PhoneStyle::kAsTyped, &field);
    });
    BuiltTextOrNull(rng, 0.6, text, out,
                    [&](std::string& field) { AppendEmail(rng, person, &field); });
    if (rng.Chance(0.92)) {
      out.Text(address.street);
      out.Raw(address.postal_code);
      out.Text(address.city->name);
      out.Text(SpanishProvince(address));
    } else {
      for (int i = 0; i < 4; ++i) {
        out.Null();
      }
    }
    TextOrNull(rng, 0.9, rng.Pick(kSpanishInsurers), out);
    TextOrNull(rng, 0.7, kAllergies[rng.Weighted(kAllergyWeights)], out);
    BuiltRawOrNull(rng, 0.15, text, out, [&](std::string& field) {
      AppendPassportNumber(rng, rng.Pick(kPassportCountries), &field);
    });
    out.Timestamp(RandomInstant(rng, {2005, 1, 1}, {2024, 12, 31}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteCitas(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& spain = LocaleOf(Country::kES);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kCitasRows, static_cast<uint64_t>(id));
    out.Int(id);
    out.Int(rng.Between(1, ctx.outpatients));
    // Nine digits starting with 9: the shape of a Spanish landline.
    text = "9";
    AppendDigits(rng, 8, &text);
    out.Raw(text);
    out.Timestamp(RandomInstant(rng, {2023, 1, 1}, {2025, 6, 30}));
    BuiltTextOrNull(rng, 0.85, text, out, [&](std::string& field) {
      field = rng.Chance(0.7) ? "C-" : "Box ";
      AppendInt(rng.Between(1, 30), &field);
    });
    out.Text(rng.Pick(kSpecialties));
    // A clinic has a few dozen doctors; each appears in many appointments.
    Rng doctor_rng = Rng::ForRow(ctx.seed, kDoctorPool, rng.Between(1, 40));
    const Person doctor = RandomPerson(doctor_rng, spain);
    text = doctor.female ? "Dra. " : "Dr. ";
    text += doctor.given;
    text += ' ';
    text += doctor.family;
    out.Text(text);
    out.Text(rng.Pick(kVisitKinds));
    out.Text(kVisitStates[rng.Weighted(kVisitStateWeights)]);
    BuiltTextOrNull(rng, 0.9, text, out,
                    [&](std::string& field) { AppendVisitData(rng, spain, &field); });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
