// datagen/clinic_rows_reference.cc
//
// Tables with nothing personal in them, each full of values that look
// personal: the ICD-10-GM catalogue (diagnosis codes describing no one),
// the pharmacy stock (PZNs, drug names, manufacturers named after their
// founders, tablet colours that are also given names), document metadata
// (digests, versions, lorem-ipsum previews), medical devices (serials,
// GTINs, firmware) and the configuration table (a building's coordinates
// stored as plain numbers).

#include <iterator>

#include "datagen/catalog.h"
#include "datagen/clinic_rows.h"
#include "datagen/clinic_values.h"
#include "datagen/decoys.h"
#include "datagen/format_util.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

struct Drug {
  SV substance;
  SV strength;
  SV form;
};
constexpr Drug kDrugs[] = {
    {"Ibuprofen", "400 mg", "Filmtabletten"},
    {"Metoprololsuccinat", "47,5 mg", "Retardtabletten"},
    {"Pantoprazol", "40 mg", "magensaftresistente Tabletten"},
    {"Ramipril", "5 mg", "Tabletten"},
    {"Metformin", "1000 mg", "Filmtabletten"},
    {"Amoxicillin", "1000 mg", "Filmtabletten"},
    {"Heparin-Natrium", "5.000 I.E./0,2 ml", "Injektionslösung"},
    {"Enoxaparin", "40 mg", "Fertigspritzen"},
    {"Paracetamol", "500 mg", "Tabletten"},
    {"Novaminsulfon", "500 mg/ml", "Tropfen"},
    {"Furosemid", "40 mg", "Tabletten"},
    {"Simvastatin", "20 mg", "Filmtabletten"},
    {"Levothyroxin", "75 µg", "Tabletten"},
    {"Prednisolon", "20 mg", "Tabletten"},
    {"Ceftriaxon", "2 g", "Pulver zur Herstellung einer Infusionslösung"},
    {"Natriumchlorid", "0,9 %", "Infusionslösung"},
    {"Apixaban", "5 mg", "Filmtabletten"},
    {"Amlodipin", "5 mg", "Tabletten"},
    {"Morphinsulfat", "10 mg", "Retardtabletten"},
    {"Insulin glargin", "100 E/ml", "Injektionslösung im Fertigpen"},
};
struct Maker {
  SV brand;    // appended to the substance: "Ibuprofen-ratiopharm"
  SV company;  // the manufacturer of record
};
constexpr Maker kMakers[] = {
    {"ratiopharm", "ratiopharm GmbH"},
    {"1A Pharma", "1 A Pharma GmbH"},
    {"AbZ", "AbZ-Pharma GmbH"},
    {"STADA", "STADAPHARM GmbH"},
    {"Hexal", "Hexal AG"},
    {"AL", "Aliud Pharma GmbH"},
    {"Heumann", "Heumann Pharma GmbH & Co. Generica KG"},
    {"Dr. Reddy's", "Dr. Reddy's Laboratories"},
    {"Kabi", "Fresenius Kabi Deutschland GmbH"},
    {"Braun", "B. Braun Melsungen AG"},
    {"BI", "Boehringer Ingelheim Pharma GmbH & Co. KG"},
    {"Kade", "Dr. Kade Pharmazeutische Fabrik GmbH"},
    {"Krewel", "Krewel Meuselbach GmbH"},
    {"Hennig", "Hennig Arzneimittel GmbH & Co. KG"},
    {"Berlin-Chemie", "Berlin-Chemie AG"},
};
// Tablet colours; "Rosa" and "Olivia"-like words are given names elsewhere.
constexpr SV kTabletColours[] = {"weiß", "Rosa", "gelb", "hellblau", "orange", "Oliv", "beige"};

constexpr SV kDocumentTitles[] = {"Arztbrief",         "Entlassbrief",      "OP-Bericht",
                                  "Befund Radiologie", "Laborbefund",       "Einwilligung Narkose",
                                  "Pflegebericht",     "Konsil Kardiologie"};
constexpr SV kMimeTypes[] = {"application/pdf", "image/tiff", "text/xml", "application/dicom"};
constexpr uint32_t kMimeWeights[] = {80, 10, 5, 5};
constexpr SV kMimeExtensions[] = {".pdf", ".tif", ".xml", ".dcm"};

struct DeviceModel {
  SV type;
  SV maker;
  SV model;
};
constexpr DeviceModel kDevices[] = {
    {"Infusionspumpe", "B. Braun Melsungen AG", "Infusomat Space"},
    {"Spritzenpumpe", "B. Braun Melsungen AG", "Perfusor Space"},
    {"Spritzenpumpe", "Fresenius Kabi", "Agilia SP"},
    {"Beatmungsgerät", "Drägerwerk AG", "Evita V500"},
    {"Beatmungsgerät", "Hamilton Medical", "HAMILTON-C6"},
    {"Patientenmonitor", "Philips", "IntelliVue MX450"},
    {"Patientenmonitor", "GE Healthcare", "CARESCAPE B450"},
    {"EKG", "Schiller", "CARDIOVIT AT-102 G2"},
    {"Defibrillator", "ZOLL", "R Series"},
    {"Defibrillator", "Stryker", "LIFEPAK 15"},
    {"Ultraschall", "Siemens Healthineers", "ACUSON Juniper"},
    {"Narkosegerät", "Drägerwerk AG", "Perseus A500"},
    {"Blutgasanalysator", "Radiometer", "ABL90 FLEX"},
};

// One configuration key per kind and site: "standort.007.gebaeude.lat".
enum class ConfigKind {
  kLatitude,
  kLongitude,
  kVersion,
  kMailHost,
  kLabelDpi,
  kColour,
  kBackupDigest,
  kMaintenance,
  kPacsTitle,
  kTimeout,
  kPrinting,
  kHl7Port,
};
constexpr SV kConfigKeys[] = {"gebaeude.lat",     "gebaeude.lon",    "kis.version",
                              "smtp.host",        "etikett.dpi",     "farbe.primaer",
                              "backup.sha256",    "wartung.fenster", "pacs.ae_title",
                              "timeout.sekunden", "druck.aktiv",     "hl7.port"};
constexpr SV kConfigTypes[] = {"float",  "float",  "string", "string", "int",  "string",
                               "string", "string", "string", "int",    "bool", "int"};
constexpr SV kEditors[] = {"svc-deploy", "ansible", "kis-admin"};

}  // namespace

Status WriteIcdKatalog(const ClinicContext&, int64_t rows, CopyWriter& out) {
  const std::span<const IcdCode> codes = IcdCodes();
  for (int64_t i = 0; i < rows; ++i) {
    // Each yearly edition of ICD-10-GM repeats the codes.
    const IcdCode& code = codes[static_cast<size_t>(i) % codes.size()];
    out.Raw(code.code);
    out.Text(code.title);
    out.Raw(code.chapter);
    out.Int(2015 + i / static_cast<int64_t>(codes.size()));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteArzneimittel(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kArzneiRows, static_cast<uint64_t>(id));
    const Drug& drug = rng.Pick(kDrugs);
    const Maker& maker = rng.Pick(kMakers);
    out.Int(id);
    text.clear();
    AppendPzn(rng, &text);
    out.Raw(text);
    text = drug.substance;
    text += '-';
    text += maker.brand;
    text += ' ';
    text += drug.strength;
    text += ' ';
    text += drug.form;
    out.Text(text);
    out.Text(drug.substance);
    out.Text(drug.strength);
    out.Text(drug.form);
    out.Text(maker.company);
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) {
      field = "B";
      AppendPattern(rng, "2#######", &field);
    });
    BuiltRawOrNull(rng, 0.95, text, out, [&](std::string& field) {
      AppendDate(RandomDate(rng, {2025, 1, 1}, {2029, 12, 31}), DateStyle::kIso, &field);
    });
    if (rng.Chance(0.6)) {
      out.Text(rng.Pick(kTabletColours));
    } else {
      out.Null();
    }
    out.Fixed(rng.Between(150, 25000), 2);
    text = "Apotheke / Regal ";
    AppendInt(rng.Between(1, 40), &text);
    text += " / Fach ";
    AppendInt(rng.Between(1, 12), &text);
    out.Text(text);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteDokumente(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kDokumenteRows, static_cast<uint64_t>(id));
    const CivilDate day = RandomDate(rng, {2019, 1, 1}, {2024, 12, 31});
    const size_t mime = rng.Weighted(kMimeWeights);
    std::string uuid;
    AppendUuid(rng, &uuid);
    out.Raw(uuid);
    out.Int(rng.Between(1, ctx.cases));
    out.Text(rng.Pick(kDocumentTitles));
    out.Raw(kMimeTypes[mime]);
    out.Int(rng.Between(12000, 8000000));
    BuiltRawOrNull(rng, 0.95, text, out,
                   [&](std::string& field) { AppendHexDigest(rng, 32, &field); });
    text.clear();
    AppendInt(rng.Between(1, 3), &text);
    text += '.';
    AppendInt(rng.Between(0, 5), &text);
    out.Raw(text);
    // The test system's previews are placeholders, not letters.
    BuiltTextOrNull(rng, 0.4, text, out, [&](std::string& field) {
      AppendLorem(rng, static_cast<int>(rng.Between(12, 40)), &field);
    });
    text = "s3://kis-archiv/";
    AppendInt(day.year, &text);
    text += '/';
    AppendPadded(day.month, 2, &text);
    text += '/';
    text += uuid;
    text += kMimeExtensions[mime];
    out.Raw(text);
    out.Int(Personalnummer(rng.Between(1, ctx.staff)));
    out.Timestamp(UnixSeconds(day) + rng.Between(0, 86399));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteGeraete(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kGeraeteRows, static_cast<uint64_t>(id));
    const DeviceModel& device = rng.Pick(kDevices);
    const CivilDate commissioned = RandomDate(rng, {2005, 1, 1}, {2024, 6, 30});
    text = "INV-";
    AppendInt(commissioned.year, &text);
    text += '-';
    AppendPadded(id, 6, &text);
    out.Raw(text);
    out.Text(device.type);
    out.Text(device.maker);
    out.Text(device.model);
    text.clear();
    AppendDeviceSerial(rng, &text);
    out.Raw(text);
    BuiltRawOrNull(rng, 0.85, text, out, [&](std::string& field) {
      field = "0";
      AppendEan13(rng, &field);
    });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) { AppendVersion(rng, &field); });
    BuiltTextOrNull(rng, 0.9, text, out, [&](std::string& field) {
      field = "Station ";
      field += rng.Pick(Wards());
      field += " / Raum ";
      AppendRoom(rng, &field);
    });
    text.clear();
    AppendDate(commissioned, DateStyle::kIso, &text);
    out.Raw(text);
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) {
      AppendDate(RandomDate(rng, {2022, 1, 1}, {2024, 12, 31}), DateStyle::kIso, &field);
    });
    BuiltRawOrNull(rng, 0.6, text, out, [&](std::string& field) {
      field = "WV-";
      AppendInt(rng.Between(2015, 2024), &field);
      field += '-';
      AppendPadded(rng.Between(1, 9999), 4, &field);
    });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteKonfiguration(const ClinicContext& ctx, int64_t rows, CopyWriter& out) {
  constexpr int64_t kKinds = static_cast<int64_t>(std::size(kConfigKeys));
  std::string text;
  for (int64_t i = 0; i < rows; ++i) {
    Rng rng = Rng::ForRow(ctx.seed, kKonfigRows, static_cast<uint64_t>(i));
    const int64_t site = i / kKinds + 1;
    const auto kind = static_cast<ConfigKind>(i % kKinds);
    text = "standort.";
    AppendPadded(site, 3, &text);
    text += '.';
    text += kConfigKeys[i % kKinds];
    out.Raw(text);
    text.clear();
    // A building's position: the same draw for its latitude and longitude row.
    Rng building = Rng::ForRow(ctx.seed, kBuildingSites, static_cast<uint64_t>(site));
    const MicroDegrees at = RandomCoordinates(building, Country::kDE);
    switch (kind) {
      case ConfigKind::kLatitude:
        AppendFixed(at.lat, 6, &text);
        break;
      case ConfigKind::kLongitude:
        AppendFixed(at.lon, 6, &text);
        break;
      case ConfigKind::kVersion:
        AppendVersion(rng, &text);
        break;
      case ConfigKind::kMailHost:
        text = "mail";
        AppendInt(site, &text);
        text += ".klinikum.example";
        break;
      case ConfigKind::kLabelDpi:
        text = rng.Pick({SV("203"), SV("300"), SV("600")});
        break;
      case ConfigKind::kColour:
        text = "#";
        AppendHex(rng, 6, &text);
        break;
      case ConfigKind::kBackupDigest:
        AppendHexDigest(rng, 32, &text);
        break;
      case ConfigKind::kMaintenance:
        text = "So 0";
        AppendInt(rng.Between(1, 4), &text);
        text += ":00-06:00";
        break;
      case ConfigKind::kPacsTitle:
        text = "PACS_";
        AppendPadded(site, 3, &text);
        break;
      case ConfigKind::kTimeout:
        AppendInt(rng.Pick({int64_t{10}, int64_t{30}, int64_t{60}, int64_t{120}}), &text);
        break;
      case ConfigKind::kPrinting:
        text = rng.Chance(0.8) ? "true" : "false";
        break;
      case ConfigKind::kHl7Port:
        AppendInt(rng.Chance(0.7) ? 2575 : rng.Between(6000, 6999), &text);
        break;
    }
    out.Text(text);
    out.Raw(kConfigTypes[i % kKinds]);
    out.Timestamp(RandomInstant(rng, {2020, 1, 1}, {2024, 12, 31}));
    if (rng.Chance(0.8)) {
      out.Raw(rng.Pick(kEditors));
    } else {
      out.Null();
    }
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
