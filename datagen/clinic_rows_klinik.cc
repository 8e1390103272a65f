// datagen/clinic_rows_klinik.cc
//
// The hospital information system's clinical tables: klinik.patienten
// (people living in Germany, a quarter of them born elsewhere, their names
// stored in Latin script; religion for pastoral care, blood group, a JSONB
// contact document), klinik.faelle (cases with ICD-10 diagnoses, the
// referring physician and phone-shaped appointment numbers) and
// klinik.labor_proben (sample logistics: nothing personal).

#include "datagen/address.h"
#include "datagen/catalog.h"
#include "datagen/clinic_rows.h"
#include "datagen/clinic_values.h"
#include "datagen/decoys.h"
#include "datagen/format_util.h"
#include "datagen/json_writer.h"
#include "datagen/nullable_field.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr Country kOrigins[] = {Country::kDE, Country::kTR, Country::kPL, Country::kIT,
                                Country::kRU, Country::kGR, Country::kES, Country::kFR};
constexpr uint32_t kOriginWeights[] = {70, 9, 6, 4, 4, 3, 2, 2};
constexpr SV kCountriesOfResidence[] = {"DE", "DE", "DE", "DE", "DE", "DE", "DE", "AT", "CH", "NL"};

constexpr SV kConfessions[] = {"römisch-katholisch", "evangelisch", "ohne Konfession", "muslimisch",
                               "orthodox",           "jüdisch",     "neuapostolisch",  "sonstige"};
constexpr uint32_t kConfessionWeightsDE[] = {26, 24, 38, 3, 2, 1, 2, 4};
constexpr uint32_t kConfessionWeightsTR[] = {1, 1, 12, 84, 0, 0, 0, 2};
constexpr uint32_t kConfessionWeightsEast[] = {10, 3, 20, 2, 62, 1, 0, 2};     // RU, GR
constexpr uint32_t kConfessionWeightsCatholic[] = {72, 4, 18, 1, 1, 1, 0, 3};  // PL, IT, ES, FR
constexpr SV kBloodGroups[] = {"A Rh+", "0 Rh+", "B Rh+", "AB Rh+",
                               "A Rh-", "0 Rh-", "B Rh-", "AB Rh-"};
constexpr uint32_t kBloodGroupWeights[] = {37, 35, 9, 4, 6, 6, 2, 1};

constexpr SV kRelations[] = {"Ehefrau", "Ehemann", "Tochter",   "Sohn",
                             "Mutter",  "Vater",   "Nachbarin", "gesetzl. Betreuer"};
constexpr SV kPhoneKinds[] = {"privat", "mobil", "dienstlich"};
constexpr SV kInsurers[] = {"AOK Bayern",
                            "AOK Nordost",
                            "Techniker Krankenkasse",
                            "BARMER",
                            "DAK-Gesundheit",
                            "IKK classic",
                            "KKH",
                            "hkk",
                            "Debeka (privat)",
                            "Allianz Private KV"};
constexpr SV kInsuranceStatus[] = {"Mitglied", "Familienversichert", "Rentner", "privat"};
constexpr SV kOptionalServices[] = {"Einbettzimmer", "Zweibettzimmer", "Chefarztbehandlung"};
constexpr SV kPractices[] = {"Gemeinschaftspraxis am Markt", "MVZ Nord", "Hausarztzentrum Mitte",
                             "Praxisklinik Sonnenhof"};
constexpr SV kNotes[] = {
    "Parkausweis ausgegeben.",          "Wertsachen im Tresor (Fach {n}).",
    "Zimmer {room} gewünscht.",         "Station {ward} informiert.",
    "Rückfrage Kostenübernahme offen.", "Unterlagen per Post angefordert.",
    "Besuchszeiten erläutert.",         "{lorem}",
};

constexpr SV kMaterials[] = {"EDTA-Blut", "Serum",  "Citrat",   "Heparin-Plasma",
                             "Urin",      "Liquor", "Abstrich", "Blutkultur"};
constexpr SV kAnalyses[] = {"HB",  "CRP",   "NA",   "K",      "KREA", "TSH",    "HBA1C",
                            "INR", "LEUKO", "GLUC", "TROP-T", "PCT",  "LAKTAT", "GGT"};
constexpr SV kSampleStatus[] = {"eingegangen", "in Bearbeitung", "validiert", "verworfen"};
constexpr uint32_t kSampleStatusWeights[] = {10, 15, 72, 3};
constexpr SV kDischargeKinds[] = {"regulär", "Verlegung", "auf eigenen Wunsch", "Reha"};
constexpr uint32_t kDischargeWeights[] = {80, 8, 4, 8};

SV Confession(Rng& rng, Country origin) {
  switch (origin) {
    case Country::kTR:
      return kConfessions[rng.Weighted(kConfessionWeightsTR)];
    case Country::kRU:
    case Country::kGR:
      return kConfessions[rng.Weighted(kConfessionWeightsEast)];
    case Country::kPL:
    case Country::kIT:
    case Country::kES:
    case Country::kFR:
      return kConfessions[rng.Weighted(kConfessionWeightsCatholic)];
    default:
      return kConfessions[rng.Weighted(kConfessionWeightsDE)];
  }
}

void GermanPhone(Rng& rng, PhoneKind kind, std::string* out) {
  AppendPhone(rng, LocaleOf(Country::kDE), nullptr, kind,
              rng.Chance(0.1) ? PhoneStyle::kE164 : PhoneStyle::kAsTyped, out);
}

void AppendContactDocument(Rng& rng, const Person& patient, std::string* out) {
  JsonWriter json(out);
  std::string text;
  json.BeginObject();
  if (rng.Chance(0.6)) {
    json.Key("notfall");
    json.BeginObject();
    json.Field("name", LatinPerson(rng, *patient.locale).FullName());
    text.clear();
    GermanPhone(rng, rng.Chance(0.7) ? PhoneKind::kMobile : PhoneKind::kLandline, &text);
    json.Field("tel", text);
    json.Field("beziehung", rng.Pick(kRelations));
    json.EndObject();
  }
  if (rng.Chance(0.7)) {
    json.Key("telefone");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Below(4)); i > 0; --i) {
      const SV kind = rng.Pick(kPhoneKinds);
      json.BeginObject();
      json.Field("art", kind);
      text.clear();
      GermanPhone(rng, kind == "mobil" ? PhoneKind::kMobile : PhoneKind::kLandline, &text);
      json.Field("nr", text);
      json.EndObject();
    }
    json.EndArray();
  }
  if (rng.Chance(0.5)) {
    json.Key("hausarzt");
    json.BeginObject();
    // A practice named after its doctor is a business name, like a company.
    if (rng.Chance(0.6)) {
      text = "Praxis Dr. med. ";
      text += LatinPerson(rng, LocaleOf(Country::kDE)).family;
    } else {
      text = rng.Pick(kPractices);
    }
    json.Field("praxis", text);
    json.EndObject();
  }
  if (rng.Chance(0.9)) {
    json.Key("versicherung");
    json.BeginObject();
    json.Field("kasse", rng.Pick(kInsurers));
    text = "10";
    AppendDigits(rng, 7, &text);
    json.Field("ik", text);
    json.Field("status", rng.Pick(kInsuranceStatus));
    json.EndObject();
  }
  if (patient.locale->country != Country::kDE && rng.Chance(0.4)) {
    json.Field("dolmetscher", patient.locale->language);
  }
  if (rng.Chance(0.2)) {
    json.Key("wahlleistungen");
    json.BeginArray();
    for (int i = static_cast<int>(rng.Between(1, 2)); i > 0; --i) {
      json.String(rng.Pick(kOptionalServices));
    }
    json.EndArray();
  }
  json.EndObject();
}

void AppendPatientNote(Rng& rng, std::string* out) {
  const SV note = rng.Pick(kNotes);
  if (note == "{lorem}") {
    AppendLorem(rng, static_cast<int>(rng.Between(5, 15)), out);
    return;
  }
  const size_t open = note.find('{');
  if (open == SV::npos) {
    out->append(note);
    return;
  }
  const size_t close = note.find('}', open);
  out->append(note.substr(0, open));
  const SV field = note.substr(open + 1, close - open - 1);
  if (field == "n") {
    AppendInt(rng.Between(1, 40), out);
  } else if (field == "room") {
    AppendRoom(rng, out);
  } else {
    out->append(rng.Pick(Wards()));
  }
  out->append(note.substr(close + 1));
}

}  // namespace

Person LatinPerson(Rng& rng, const Locale& locale) {
  Person person = RandomPerson(rng, locale);
  person.given = person.given_latin;
  person.family = person.family_latin;
  return person;
}

Status WritePatienten(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  const Locale& germany = LocaleOf(Country::kDE);
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kPatientenRows, static_cast<uint64_t>(id));
    const Country origin = kOrigins[rng.Weighted(kOriginWeights)];
    const Person person = LatinPerson(rng, LocaleOf(origin));
    const Address address = RandomAddress(rng, germany);
    out.Int(id);
    TextOrNull(rng, 0.97, person.given, out);
    out.Text(person.family);
    BuiltRawOrNull(rng, 0.92, text, out,
                   [&](std::string& field) { AppendDate(person.birth, DateStyle::kIso, &field); });
    out.Raw(person.female ? "w" : rng.Chance(0.005) ? "d" : "m");
    AddressOrNull(rng, 0.9, address, out);
    out.Raw(rng.Pick(kCountriesOfResidence));
    BuiltTextOrNull(rng, 0.55, text, out, [&](std::string& field) {
      AppendPhone(rng, germany, address.city, PhoneKind::kLandline, PhoneStyle::kAsTyped, &field);
    });
    BuiltTextOrNull(rng, 0.7, text, out,
                    [&](std::string& field) { GermanPhone(rng, PhoneKind::kMobile, &field); });
    BuiltTextOrNull(rng, 0.45, text, out,
                    [&](std::string& field) { AppendEmail(rng, person, &field); });
    if (rng.Chance(0.8)) {
      out.Text(Confession(rng, origin));
    } else {
      out.Null();
    }
    if (rng.Chance(0.6)) {
      out.Raw(kBloodGroups[rng.Weighted(kBloodGroupWeights)]);
    } else {
      out.Null();
    }
    text.clear();
    AppendDate(RandomDate(rng, {2010, 1, 1}, {2024, 12, 31}), DateStyle::kIso, &text);
    out.Raw(text);
    BuiltTextOrNull(rng, 0.85, text, out,
                    [&](std::string& field) { AppendContactDocument(rng, person, &field); });
    BuiltTextOrNull(rng, 0.25, text, out,
                    [&](std::string& field) { AppendPatientNote(rng, &field); });
    out.Timestamp(RandomInstant(rng, {2010, 1, 1}, {2024, 12, 31}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteFaelle(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  std::vector<std::string> codes;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kFaelleRows, static_cast<uint64_t>(id));
    const int64_t admitted = RandomInstant(rng, {2019, 1, 1}, {2024, 12, 31});
    const bool discharged = rng.Chance(0.92);
    out.Int(id);
    out.Int(rng.Between(1, ctx.patients));
    out.Timestamp(admitted);
    if (discharged) {
      const int64_t days = rng.Between(1, 30);
      out.Timestamp(admitted + days * 86400 + rng.Between(0, 86399));
    } else {
      out.Null();
    }
    out.Raw(rng.Pick(Wards()));
    BuiltRawOrNull(rng, 0.85, text, out, [&](std::string& field) { AppendRoom(rng, &field); });
    out.Text(rng.Pick(Departments()));
    if (rng.Chance(0.95)) {
      out.Raw(rng.Pick(IcdCodes()).code);
    } else {
      out.Null();
    }
    BuiltTextOrNull(rng, 0.7, text, out, [&](std::string& field) {
      codes.clear();
      for (int n = static_cast<int>(rng.Between(1, 4)); n > 0; --n) {
        codes.emplace_back(rng.Pick(IcdCodes()).code);
      }
      AppendArrayLiteral(codes, &field);
    });
    BuiltTextOrNull(rng, 0.7, text, out, [&](std::string& field) {
      const Person doctor = LatinPerson(rng, LocaleOf(Country::kDE));
      field = rng.Chance(0.7) ? "Dr. med. " : rng.Chance(0.5) ? "Dr. " : "";
      field += doctor.given;
      field += ' ';
      field += doctor.family;
    });
    BuiltRawOrNull(rng, 0.6, text, out, [&](std::string& field) {
      // The scheduling system's numbers: a zero, then ten digits, like a
      // German phone number.
      field = "0";
      field.push_back(static_cast<char>('1' + rng.Below(9)));
      AppendDigits(rng, 9, &field);
    });
    out.Fixed(rng.Between(80000, 4500000), 2);
    if (discharged) {
      out.Text(kDischargeKinds[rng.Weighted(kDischargeWeights)]);
    } else {
      out.Null();
    }
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteLaborProben(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  std::vector<std::string> tests;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kLaborRows, static_cast<uint64_t>(id));
    const CivilDate day = RandomDate(rng, {2019, 1, 1}, {2024, 12, 31});
    const int64_t drawn = UnixSeconds(day) + rng.Between(0, 86399);
    out.Int(id);
    out.Int(rng.Between(1, ctx.cases));
    text.clear();
    AppendTubeBarcode(rng, &text);
    out.Raw(text);
    text.clear();
    AppendAccessionNumber(rng, day.year, &text);
    out.Raw(text);
    out.Text(rng.Pick(kMaterials));
    tests.clear();
    for (int n = static_cast<int>(rng.Between(1, 6)); n > 0; --n) {
      tests.emplace_back(rng.Pick(kAnalyses));
    }
    text.clear();
    AppendArrayLiteral(tests, &text);
    out.Text(text);
    BuiltRawOrNull(rng, 0.8, text, out, [&](std::string& field) {
      field = "R";
      AppendPadded(rng.Between(1, 40), 2, &field);
      field += "-C";
      AppendPadded(rng.Between(1, 12), 2, &field);
    });
    out.Timestamp(drawn);
    if (rng.Chance(0.95)) {
      out.Timestamp(drawn + rng.Between(600, 14400));
    } else {
      out.Null();
    }
    BuiltRawOrNull(rng, 0.9, text, out,
                   [&](std::string& field) { AppendDeviceSerial(rng, &field); });
    BuiltRawOrNull(rng, 0.85, text, out,
                   [&](std::string& field) { AppendHexDigest(rng, 32, &field); });
    out.Text(kSampleStatus[rng.Weighted(kSampleStatusWeights)]);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
