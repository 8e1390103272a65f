// datagen/clinic_rows_sites.cc
//
// The group's registries outside the German and Spanish houses: the
// Brazilian telemedicine service (CPF, a location, a video-room link that
// names no one), the Turkish branch and the Russian-speaking registry
// (Cyrillic names, addresses and identifiers).

#include "datagen/address.h"
#include "datagen/clinic_rows.h"
#include "datagen/format_util.h"
#include "datagen/national_id.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"
#include "datagen/secrets.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

struct State {
  SV city;
  SV code;
};
constexpr State kBrazilianStates[] = {
    {"São Paulo", "SP"},     {"Rio de Janeiro", "RJ"}, {"Belo Horizonte", "MG"}, {"Brasília", "DF"},
    {"Salvador", "BA"},      {"Fortaleza", "CE"},      {"Curitiba", "PR"},       {"Recife", "PE"},
    {"Porto Alegre", "RS"},  {"Manaus", "AM"},         {"Belém", "PA"},          {"Goiânia", "GO"},
    {"Florianópolis", "SC"}, {"Niterói", "RJ"}};

constexpr SV kHealthPlans[] = {"Unimed",     "Amil",    "Bradesco Saúde",
                               "SulAmérica", "Hapvida", "particular"};
constexpr SV kPolyclinics[] = {"Dahiliye",         "Kardiyoloji", "Ortopedi",
                               "Göz Hastalıkları", "Kadın Doğum", "Çocuk Sağlığı"};
constexpr SV kTurkishInsurance[] = {"SGK", "Özel Sigorta", "Ücretli"};
constexpr SV kRussianNotes[] = {"повторный приём", "направление от терапевта", "кабинет 214",
                                "запись через сайт", "оплата по ДМС"};

SV BrazilianState(const Address& address) {
  for (const State& s : kBrazilianStates) {
    if (address.city->name == s.city) {
      return s.code;
    }
  }
  return "SP";
}

}  // namespace

Status WriteConsultas(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& brazil = LocaleOf(Country::kBR);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kConsultasRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng, brazil);
    const Address address = RandomAddress(rng, brazil);
    const int64_t started = RandomInstant(rng, {2021, 1, 1}, {2024, 12, 31});
    out.Int(id);
    out.Text(person.FullName());
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) {
      const IdHolder holder{person.birth, person.female, person.given_latin, person.family_latin};
      AppendNationalId(rng, Country::kBR, holder, &field);
    });
    BuiltRawOrNull(rng, 0.95, text, out,
                   [&](std::string& field) { AppendDate(person.birth, DateStyle::kIso, &field); });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      AppendPhone(rng, brazil, address.city, PhoneKind::kMobile, PhoneStyle::kAsTyped, &field);
    });
    BuiltTextOrNull(rng, 0.75, text, out,
                    [&](std::string& field) { AppendEmail(rng, person, &field); });
    if (rng.Chance(0.85)) {
      out.Text(address.street);
      out.Raw(address.postal_code);
      out.Text(address.city->name);
    } else {
      for (int i = 0; i < 3; ++i) {
        out.Null();
      }
    }
    out.Raw(BrazilianState(address));
    BuiltRawOrNull(rng, 0.4, text, out, [&](std::string& field) {
      // Where the patient was during the call, for emergency dispatch.
      const MicroDegrees at = RandomCoordinates(rng, Country::kBR);
      AppendFixed(at.lat, 6, &field);
      field += rng.Chance(0.5) ? ", " : ",";
      AppendFixed(at.lon, 6, &field);
    });
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) { AppendIp(rng, 0.7, &field); });
    text = "https://tele.medivia.example/sala/";
    AppendFrom(rng, kBase62, 12, &text);
    out.Raw(text);
    BuiltRawOrNull(rng, 0.7, text, out,
                   [&](std::string& field) { AppendJwt(rng, id, started, &field); });
    out.Text(rng.Pick(kHealthPlans));
    out.Int(rng.Between(5, 60));
    out.Timestamp(started);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteHastaKabul(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& turkey = LocaleOf(Country::kTR);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kHastaRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng, turkey);
    const Address address = RandomAddress(rng, turkey);
    const int64_t admitted = RandomInstant(rng, {2022, 1, 1}, {2024, 12, 31});
    out.Int(id);
    text.clear();
    AppendInt(CivilFromDays(admitted / 86400).year, &text);
    text += '/';
    AppendPadded(id, 6, &text);
    out.Raw(text);
    out.Text(person.FullName());
    BuiltRawOrNull(rng, 0.95, text, out, [&](std::string& field) {
      AppendDate(person.birth, DateStyle::kDotted, &field);
    });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      AppendPhone(rng, turkey, nullptr, PhoneKind::kMobile, PhoneStyle::kAsTyped, &field);
    });
    BuiltTextOrNull(rng, 0.5, text, out,
                    [&](std::string& field) { AppendEmail(rng, person, &field); });
    if (rng.Chance(0.85)) {
      out.Text(address.street);
      out.Text(address.city->name);
    } else {
      out.Null();
      out.Null();
    }
    out.Text(rng.Pick(kPolyclinics));
    TextOrNull(rng, 0.95, rng.Pick(kTurkishInsurance), out);
    out.Timestamp(admitted);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WritePacienty(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& russia = LocaleOf(Country::kRU);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kPacientyRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng, russia);
    const Address address = RandomAddress(rng, russia);
    out.Int(id);
    out.Text(person.family);
    out.Text(person.given);
    BuiltRawOrNull(rng, 0.95, text, out,
                   [&](std::string& field) { AppendDate(person.birth, DateStyle::kIso, &field); });
    BuiltTextOrNull(rng, 0.85, text, out, [&](std::string& field) {
      AppendPhone(rng, russia, address.city,
                  rng.Chance(0.7) ? PhoneKind::kMobile : PhoneKind::kLandline, PhoneStyle::kAsTyped,
                  &field);
    });
    BuiltTextOrNull(rng, 0.5, text, out,
                    [&](std::string& field) { AppendEmail(rng, person, &field); });
    if (rng.Chance(0.85)) {
      out.Text(address.street);
      out.Text(address.city->name);
      out.Raw(address.postal_code);
    } else {
      for (int i = 0; i < 3; ++i) {
        out.Null();
      }
    }
    out.Int(rng.Between(1, 40));
    TextOrNull(rng, 0.3, rng.Pick(kRussianNotes), out);
    out.Timestamp(RandomInstant(rng, {2015, 1, 1}, {2024, 12, 31}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
