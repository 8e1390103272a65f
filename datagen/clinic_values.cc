// datagen/clinic_values.cc

#include "datagen/clinic_values.h"

#include "datagen/check_digits.h"
#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr IcdCode kIcdCodes[] = {
    {"I10.90", "Essentielle Hypertonie, nicht näher bezeichnet", "IX"},
    {"I21.4", "Akuter subendokardialer Myokardinfarkt", "IX"},
    {"I48.0", "Vorhofflimmern, paroxysmal", "IX"},
    {"I50.13", "Linksherzinsuffizienz: Mit Beschwerden bei leichterer Belastung", "IX"},
    {"I63.5", "Hirninfarkt durch Verschluss oder Stenose zerebraler Arterien", "IX"},
    {"E11.90", "Diabetes mellitus, Typ 2: Ohne Komplikationen", "IV"},
    {"E66.00", "Adipositas durch übermäßige Kalorienzufuhr", "IV"},
    {"E87.1", "Hypoosmolalität und Hyponatriämie", "IV"},
    {"E03.9", "Hypothyreose, nicht näher bezeichnet", "IV"},
    {"J18.9", "Pneumonie, nicht näher bezeichnet", "X"},
    {"J44.19", "Chronische obstruktive Lungenkrankheit mit akuter Exazerbation", "X"},
    {"J45.9", "Asthma bronchiale, nicht näher bezeichnet", "X"},
    {"J06.9", "Akute Infektion der oberen Atemwege, nicht näher bezeichnet", "X"},
    {"K35.8", "Akute Appendizitis, nicht näher bezeichnet", "XI"},
    {"K80.20", "Gallenblasenstein ohne Cholezystitis", "XI"},
    {"K29.7", "Gastritis, nicht näher bezeichnet", "XI"},
    {"K57.32", "Divertikulitis des Dickdarmes ohne Perforation", "XI"},
    {"N39.0", "Harnwegsinfektion, Lokalisation nicht näher bezeichnet", "XIV"},
    {"N18.3", "Chronische Nierenkrankheit, Stadium 3", "XIV"},
    {"N20.0", "Nierenstein", "XIV"},
    {"S72.01", "Schenkelhalsfraktur: Intrakapsulär", "XIX"},
    {"S06.0", "Gehirnerschütterung", "XIX"},
    {"S52.51", "Distale Fraktur des Radius: Extensionsfraktur", "XIX"},
    {"S82.6", "Fraktur des Außenknöchels", "XIX"},
    {"T81.4", "Infektion nach einem Eingriff", "XIX"},
    {"M54.5", "Kreuzschmerz", "XIII"},
    {"M17.1", "Sonstige primäre Gonarthrose", "XIII"},
    {"M16.1", "Sonstige primäre Koxarthrose", "XIII"},
    {"M51.2", "Sonstige näher bezeichnete Bandscheibenverlagerung", "XIII"},
    {"C34.1", "Bösartige Neubildung: Oberlappen (-Bronchus)", "II"},
    {"C50.4", "Bösartige Neubildung: Oberer äußerer Quadrant der Brustdrüse", "II"},
    {"C18.7", "Bösartige Neubildung: Colon sigmoideum", "II"},
    {"C61", "Bösartige Neubildung der Prostata", "II"},
    {"F10.2", "Psychische und Verhaltensstörungen durch Alkohol: Abhängigkeitssyndrom", "V"},
    {"F32.1", "Mittelgradige depressive Episode", "V"},
    {"F05.1", "Delir bei Demenz", "V"},
    {"G40.9", "Epilepsie, nicht näher bezeichnet", "VI"},
    {"G45.9", "Zerebrale transitorische Ischämie, nicht näher bezeichnet", "VI"},
    {"G35.0", "Erstmanifestation einer multiplen Sklerose", "VI"},
    {"A09.9", "Gastroenteritis und Kolitis nicht näher bezeichneten Ursprungs", "I"},
    {"A41.9", "Sepsis, nicht näher bezeichnet", "I"},
    {"B34.9", "Virusinfektion, nicht näher bezeichnet", "I"},
    {"U07.1", "COVID-19, Virus nachgewiesen", "XXII"},
    {"O80", "Spontangeburt eines Einlings", "XV"},
    {"O70.0", "Dammriss 1. Grades unter der Geburt", "XV"},
    {"P07.3", "Sonstige vor dem Termin Geborene", "XVI"},
    {"R07.3", "Sonstige Brustschmerzen", "XVIII"},
    {"R55", "Synkope und Kollaps", "XVIII"},
    {"R10.4", "Sonstige und nicht näher bezeichnete Bauchschmerzen", "XVIII"},
    {"Z96.64", "Vorhandensein einer Hüftgelenkendoprothese", "XXI"},
    {"Z95.0", "Vorhandensein eines kardialen elektronischen Geräts", "XXI"},
    {"D50.9", "Eisenmangelanämie, nicht näher bezeichnet", "III"},
    {"H25.9", "Senile Katarakt, nicht näher bezeichnet", "VII"},
    {"H66.9", "Otitis media, nicht näher bezeichnet", "VIII"},
    {"L03.11", "Phlegmone an der unteren Extremität", "XII"},
};

constexpr SV kWards[] = {"4A",    "4B",    "7C",     "ITS-2",  "IMC-1", "KAR-1", "GYN-3", "NOTA",
                         "STR-1", "ONK-2", "PAED-1", "CHIR-5", "NEU-2", "GER-1", "URO-3"};
constexpr SV kDepartments[] = {"Kardiologie",
                               "Gastroenterologie",
                               "Unfallchirurgie",
                               "Allgemeinchirurgie",
                               "Gynäkologie und Geburtshilfe",
                               "Onkologie",
                               "Neurologie",
                               "Pädiatrie",
                               "Innere Medizin",
                               "Urologie",
                               "Geriatrie",
                               "Intensivmedizin",
                               "Notaufnahme"};
constexpr SV kGermanPassportAlphabet = "CFGHJKLMNPRTVWXYZ0123456789";

}  // namespace

std::span<const IcdCode> IcdCodes() { return kIcdCodes; }
std::span<const std::string_view> Wards() { return kWards; }
std::span<const std::string_view> Departments() { return kDepartments; }

void AppendTubeBarcode(Rng& rng, std::string* out) {
  // Laboratories print their own prefix; many start theirs with a zero.
  std::string d(1, rng.Chance(0.4) ? '0' : static_cast<char>('1' + rng.Below(9)));
  AppendDigits(rng, 8, &d);
  d.push_back(static_cast<char>('0' + Gs1CheckDigit(d)));
  out->append(d);
}

void AppendAccessionNumber(Rng& rng, int year, std::string* out) {
  if (rng.Chance(0.6)) {
    out->push_back('L');
    AppendPadded(year % 100, 2, out);
    out->push_back('-');
    AppendDigits(rng, 7, out);
  } else {
    AppendPadded(year % 100, 2, out);
    out->append(rng.Chance(0.5) ? "LA" : "MB");
    AppendDigits(rng, 6, out);
  }
}

void AppendPzn(Rng& rng, std::string* out) {
  for (;;) {
    std::string d;
    AppendDigits(rng, 7, &d);
    int sum = 0;
    for (int i = 0; i < 7; ++i) {
      sum += (d[i] - '0') * (i + 1);
    }
    if (sum % 11 == 10) {
      continue;
    }
    d.push_back(static_cast<char>('0' + sum % 11));
    out->append(d);
    return;
  }
}

void AppendRoom(Rng& rng, std::string* out) {
  const int64_t floor = rng.Between(0, 7);
  if (rng.Chance(0.6)) {
    AppendInt(floor * 100 + rng.Between(1, 40), out);
    out->push_back('-');
    AppendInt(rng.Between(1, 3), out);
  } else {
    AppendInt(floor, out);
    out->push_back('.');
    AppendPadded(rng.Between(1, 150), 3, out);
    out->push_back('/');
    out->push_back(static_cast<char>('A' + rng.Below(3)));
  }
}

void AppendDeviceSerial(Rng& rng, std::string* out) {
  if (rng.Chance(0.5)) {
    AppendPattern(rng, "SN !@#-", out);
    AppendInt(rng.Between(10, 24), out);
    out->push_back('-');
    AppendDigits(rng, 6, out);
  } else {
    AppendFrom(rng, kUpperAlnum, 3, out);
    AppendDigits(rng, 6, out);
  }
}

void AppendPassportNumber(Rng& rng, Country country, std::string* out) {
  switch (country) {
    case Country::kDE:
      out->push_back('C');
      AppendFrom(rng, kGermanPassportAlphabet, 8, out);
      return;
    case Country::kFR:
      AppendPattern(rng, "##@@#####", out);
      return;
    case Country::kGB:
    case Country::kUS:
      AppendPattern(rng, "!########", out);
      return;
    case Country::kES:
      AppendPattern(rng, "@@@######", out);
      return;
    case Country::kIT:
      AppendPattern(rng, "@@#######", out);
      return;
    default:
      AppendPattern(rng, "@#######", out);
      return;
  }
}

}  // namespace pgveil::datagen
