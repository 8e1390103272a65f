// datagen/clinic_rows_staff.cc
//
// Staff in three countries: German HR master data (Steuer-ID, IBAN, a
// severe-disability degree, next to personnel numbers, cost centres and
// badge transponder numbers that are not personal), the German duty roster
// (nothing personal, LIST-partitioned by shift), French HR (NIR, RIB) and
// Japanese HR with kanji identifiers and a JSONB contact document whose
// keys are Japanese.

#include "datagen/address.h"
#include "datagen/clinic_rows.h"
#include "datagen/clinic_values.h"
#include "datagen/finance.h"
#include "datagen/format_util.h"
#include "datagen/json_writer.h"
#include "datagen/national_id.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr Country kStaffOrigins[] = {Country::kDE, Country::kTR, Country::kPL, Country::kIT,
                                     Country::kGR, Country::kES, Country::kFR};
constexpr uint32_t kStaffOriginWeights[] = {80, 5, 5, 3, 2, 2, 3};
constexpr int64_t kDisabilityDegrees[] = {30, 40, 50, 60, 70, 80, 100};
constexpr uint32_t kTaxClassWeights[] = {45, 3, 20, 22, 9, 1};

struct Shift {
  char code;
  SV begin;
  SV end;
};
// 'R' (on call) has no partition of its own and lands in the DEFAULT one.
constexpr Shift kShifts[] = {{'F', "06:00", "14:12"},
                             {'S', "13:45", "22:00"},
                             {'N', "21:45", "06:15"},
                             {'R', "16:00", "07:30"}};
constexpr uint32_t kShiftWeights[] = {40, 35, 23, 2};
constexpr SV kRosterNotes[] = {"Tausch mit Kollegin", "Rufbereitschaft", "Fortbildung",
                               "Einarbeitung", "Überstundenausgleich"};

constexpr SV kFrenchServices[] = {"Urgences",  "Pédiatrie",  "Bloc opératoire", "Cardiologie",
                                  "Maternité", "Radiologie", "Pharmacie",       "Administration"};
constexpr SV kFrenchCategories[] = {"IDE", "AS", "Cadre de santé", "Médecin", "ASH", "Secrétaire"};

constexpr SV kJapaneseDepartments[] = {"看護部", "薬剤部", "放射線科",
                                       "検査科", "事務部", "リハビリテーション科"};
constexpr SV kJapanesePositions[] = {"看護師長", "主任", "副部長", "係長"};
constexpr SV kJapaneseRelations[] = {"配偶者", "母", "父", "子", "兄弟"};
constexpr SV kJapaneseQualifications[] = {"看護師",         "保健師",       "薬剤師",
                                          "診療放射線技師", "臨床検査技師", "理学療法士"};

void AppendIsoDate(CivilDate date, std::string* out) { AppendDate(date, DateStyle::kIso, out); }

CivilDate DateAfter(Rng& rng, CivilDate from, CivilDate to) {
  return CivilFromDays(rng.Between(DaysFromCivil(from), DaysFromCivil(to)));
}

void AppendJapaneseContacts(Rng& rng, const Person& person, std::string* out) {
  JsonWriter json(out);
  std::string text;
  json.BeginObject();
  if (rng.Chance(0.8)) {
    AppendEmail(rng, person, &text);
    json.Field("メール", text);
  }
  if (rng.Chance(0.7)) {
    text.clear();
    AppendPhone(rng, *person.locale, nullptr, PhoneKind::kMobile, PhoneStyle::kAsTyped, &text);
    json.Field("携帯", text);
  }
  if (rng.Chance(0.5)) {
    json.Key("緊急連絡先");
    json.BeginObject();
    json.Field("氏名", RandomPerson(rng, *person.locale).FullName());
    json.Field("続柄", rng.Pick(kJapaneseRelations));
    text.clear();
    AppendPhone(rng, *person.locale, nullptr, PhoneKind::kMobile, PhoneStyle::kAsTyped, &text);
    json.Field("電話", text);
    json.EndObject();
  }
  if (rng.Chance(0.6)) {
    json.Key("資格");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Between(1, 2)); i > 0; --i) {
      json.String(rng.Pick(kJapaneseQualifications));
    }
    json.EndArray();
  }
  json.EndObject();
}

}  // namespace

Status WriteStammdaten(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& germany = LocaleOf(Country::kDE);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kStammdatenRows, static_cast<uint64_t>(id));
    const Country origin = kStaffOrigins[rng.Weighted(kStaffOriginWeights)];
    const Person person = LatinPerson(rng, LocaleOf(origin));
    const CivilDate hired = RandomDate(rng, {1995, 1, 1}, {2024, 10, 1});
    out.Int(Personalnummer(id));
    out.Raw(person.female ? "Frau" : "Herr");
    const double title = rng.Unit();
    if (title < 0.15) {
      out.Raw("Dr. med.");
    } else if (title < 0.18) {
      out.Raw("Prof. Dr. med.");
    } else {
      out.Null();
    }
    out.Text(person.given);
    out.Text(person.family);
    if (person.female && rng.Chance(0.3)) {
      out.Text(LatinPerson(rng, LocaleOf(origin)).family);
    } else {
      out.Null();
    }
    BuiltRawOrNull(rng, 0.95, text, out, [&](std::string& field) {
      AppendDate(person.birth, DateStyle::kDotted, &field);
    });
    BuiltTextOrNull(rng, 0.97, text, out, [&](std::string& field) {
      const IdHolder holder{person.birth, person.female, person.given_latin, person.family_latin};
      AppendNationalId(rng, Country::kDE, holder, &field);
    });
    const SV iban_country = IbanCountryFor(rng, Country::kDE);
    BuiltRawOrNull(rng, 0.97, text, out, [&](std::string& field) {
      AppendIban(rng, iban_country, rng.Chance(0.5), &field);
    });
    BuiltRawOrNull(rng, 0.8, text, out,
                   [&](std::string& field) { AppendBic(rng, iban_country, &field); });
    out.Fixed(rng.Between(2800, 14000) * 100, 2);
    out.Int(static_cast<int64_t>(rng.Weighted(kTaxClassWeights)) + 1);
    text = "KST-";
    AppendDigits(rng, 4, &text);
    out.Raw(text);
    text.clear();
    AppendIsoDate(hired, &text);
    out.Raw(text);
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) {
      // EM4100 badge transponders carry their number printed in ten digits.
      field = "00";
      AppendDigits(rng, 8, &field);
    });
    BuiltTextOrNull(rng, 0.85, text, out, [&](std::string& field) {
      AppendPhone(rng, germany, nullptr, PhoneKind::kLandline, PhoneStyle::kAsTyped, &field);
    });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      AppendOneLineAddress(RandomAddress(rng, germany), &field);
    });
    if (rng.Chance(0.12)) {
      out.Int(rng.Pick(kDisabilityDegrees));
    } else {
      out.Null();
    }
    BuiltRawOrNull(rng, 0.08, text, out, [&](std::string& field) {
      AppendIsoDate(DateAfter(rng, hired, {2024, 12, 31}), &field);
    });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteDienstplan(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kDienstplanRows, static_cast<uint64_t>(id));
    const Shift& shift = kShifts[rng.Weighted(kShiftWeights)];
    out.Int(id);
    out.Int(Personalnummer(rng.Between(1, ctx.staff)));
    text.clear();
    AppendIsoDate(RandomDate(rng, {2024, 1, 1}, {2024, 12, 31}), &text);
    out.Raw(text);
    out.Raw(SV(&shift.code, 1));
    out.Raw(rng.Pick(Wards()));
    out.Raw(shift.begin);
    out.Raw(shift.end);
    BuiltRawOrNull(rng, 0.6, text, out, [&](std::string& field) {
      field = "4";
      AppendDigits(rng, 3, &field);
    });
    if (rng.Chance(0.15)) {
      out.Text(rng.Pick(kRosterNotes));
    } else {
      out.Null();
    }
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteSalaries(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& france = LocaleOf(Country::kFR);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kSalariesRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng, france);
    const Address address = RandomAddress(rng, france);
    text = "M";
    AppendPadded(id, 6, &text);
    out.Raw(text);
    out.Text(person.family);
    out.Text(person.given);
    BuiltTextOrNull(rng, 0.95, text, out, [&](std::string& field) {
      const IdHolder holder{person.birth, person.female, person.given_latin, person.family_latin};
      AppendNationalId(rng, Country::kFR, holder, &field);
    });
    BuiltRawOrNull(rng, 0.97, text, out,
                   [&](std::string& field) { AppendIsoDate(person.birth, &field); });
    AddressOrNull(rng, 0.95, address, out);
    BuiltTextOrNull(rng, 0.85, text, out, [&](std::string& field) {
      AppendPhone(rng, france, nullptr, PhoneKind::kMobile, PhoneStyle::kAsTyped, &field);
    });
    text.clear();
    AppendWorkEmail(rng, person, "clinique-medivia.example", &text);
    out.Text(text);
    BuiltRawOrNull(rng, 0.95, text, out, [&](std::string& field) {
      const SV iban_country = IbanCountryFor(rng, Country::kFR);
      AppendIban(rng, iban_country, rng.Chance(0.7), &field);
    });
    out.Fixed(rng.Between(24000, 120000) * 100, 2);
    out.Text(rng.Pick(kFrenchServices));
    out.Text(rng.Pick(kFrenchCategories));
    text.clear();
    AppendIsoDate(RandomDate(rng, {1998, 1, 1}, {2024, 10, 1}), &text);
    out.Raw(text);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteShokuin(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& japan = LocaleOf(Country::kJP);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kShokuinRows, static_cast<uint64_t>(id));
    const Person person = RandomPerson(rng, japan);
    out.Int(10000000 + id);
    out.Text(person.FullName());
    BuiltRawOrNull(rng, 0.97, text, out,
                   [&](std::string& field) { AppendIsoDate(person.birth, &field); });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      AppendPhone(rng, japan, nullptr, rng.Chance(0.6) ? PhoneKind::kMobile : PhoneKind::kLandline,
                  PhoneStyle::kAsTyped, &field);
    });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      AppendOneLineAddress(RandomAddress(rng, japan), &field);
    });
    out.Text(rng.Pick(kJapaneseDepartments));
    if (rng.Chance(0.6)) {
      out.Text(rng.Pick(kJapanesePositions));
    } else {
      out.Null();
    }
    text.clear();
    AppendIsoDate(RandomDate(rng, {1990, 4, 1}, {2024, 10, 1}), &text);
    out.Raw(text);
    out.Int(rng.Between(220, 900) * 1000);
    BuiltTextOrNull(rng, 0.85, text, out,
                    [&](std::string& field) { AppendJapaneseContacts(rng, person, &field); });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
