// datagen/national_id_more.cc
//
// National identifiers of Asia, the Middle East and the rest of Europe; see
// national_id.h. Split from national_id.cc to keep both files readable.

#include "core/status.h"
#include "datagen/check_digits.h"
#include "datagen/format_util.h"
#include "datagen/national_id.h"

namespace pgveil::datagen::internal {
namespace {

int DigitAt(const std::string& s, size_t i) { return s[i] - '0'; }

void ChineseResidentId(Rng& rng, const IdHolder& h, std::string* out) {
  constexpr std::string_view kAreas[] = {"110101", "110105", "310104", "310115", "440106",
                                         "440305", "510107", "330106", "420102", "610113",
                                         "320106", "500103", "120101", "230102", "530102"};
  std::string d(rng.Pick(kAreas));
  AppendPadded(h.birth.year, 4, &d);
  AppendPadded(h.birth.month, 2, &d);
  AppendPadded(h.birth.day, 2, &d);
  AppendDigits(rng, 2, &d);
  d.push_back(static_cast<char>('0' + 2 * rng.Below(5) + (h.female ? 0 : 1)));
  d.push_back(Iso7064Mod11_2(d));
  out->append(d);
}

void TurkishKimlik(Rng& rng, std::string* out) {
  std::string d(1, static_cast<char>('1' + rng.Below(9)));
  AppendDigits(rng, 8, &d);
  const int odd = DigitAt(d, 0) + DigitAt(d, 2) + DigitAt(d, 4) + DigitAt(d, 6) + DigitAt(d, 8);
  const int even = DigitAt(d, 1) + DigitAt(d, 3) + DigitAt(d, 5) + DigitAt(d, 7);
  d.push_back(static_cast<char>('0' + ((odd * 7 - even) % 10 + 10) % 10));
  int sum = 0;
  for (int i = 0; i < 10; ++i) sum += DigitAt(d, i);
  d.push_back(static_cast<char>('0' + sum % 10));
  out->append(d);
}

void TeudatZehut(Rng& rng, std::string* out) {
  std::string d(1, "023"[rng.Below(3)]);
  AppendDigits(rng, 7, &d);
  d.push_back(static_cast<char>('0' + LuhnCheckDigit(d)));
  out->append(d);
}

void Snils(Rng& rng, std::string* out) {
  std::string d;
  AppendPadded(rng.Between(1001999, 999999999), 9, &d);
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += DigitAt(d, i) * (9 - i);
  int check = sum < 100 ? sum : (sum == 100 || sum == 101) ? 0 : sum % 101;
  if (check == 100) check = 0;
  out->append(d.substr(0, 3));
  out->push_back('-');
  out->append(d.substr(3, 3));
  out->push_back('-');
  out->append(d.substr(6, 3));
  out->push_back(' ');
  AppendPadded(check, 2, out);
}

void Amka(Rng& rng, const IdHolder& h, std::string* out) {
  std::string d;
  AppendPadded(h.birth.day, 2, &d);
  AppendPadded(h.birth.month, 2, &d);
  AppendPadded(h.birth.year % 100, 2, &d);
  AppendDigits(rng, 3, &d);
  d.push_back(static_cast<char>('0' + 2 * rng.Below(5) + (h.female ? 0 : 1)));
  d.push_back(static_cast<char>('0' + LuhnCheckDigit(d)));
  out->append(d);
}

void MyNumber(Rng& rng, std::string* out) {
  std::string d(1, static_cast<char>('1' + rng.Below(9)));
  AppendDigits(rng, 10, &d);
  int sum = 0;
  for (int n = 1; n <= 11; ++n) {
    const int p = DigitAt(d, 11 - n);
    sum += p * (n <= 6 ? n + 1 : n - 5);
  }
  const int r = sum % 11;
  d.push_back(static_cast<char>('0' + (r <= 1 ? 0 : 11 - r)));
  if (rng.Chance(0.4)) {
    out->append(d.substr(0, 4));
    out->push_back(' ');
    out->append(d.substr(4, 4));
    out->push_back(' ');
    out->append(d.substr(8));
  } else {
    out->append(d);
  }
}

void KoreanRrn(Rng& rng, const IdHolder& h, std::string* out) {
  constexpr int kWeights[12] = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
  std::string d;
  AppendPadded(h.birth.year % 100, 2, &d);
  AppendPadded(h.birth.month, 2, &d);
  AppendPadded(h.birth.day, 2, &d);
  const int century = h.birth.year >= 2000 ? 3 : 1;
  d.push_back(static_cast<char>('0' + century + (h.female ? 1 : 0)));
  AppendDigits(rng, 5, &d);
  int sum = 0;
  for (int i = 0; i < 12; ++i) sum += DigitAt(d, i) * kWeights[i];
  d.push_back(static_cast<char>('0' + (11 - sum % 11) % 10));
  out->append(d.substr(0, 6));
  out->push_back('-');
  out->append(d.substr(6));
}

void PortugueseNif(Rng& rng, std::string* out) {
  std::string d(1, "123"[rng.Below(3)]);
  AppendDigits(rng, 7, &d);
  int sum = 0;
  for (int i = 0; i < 8; ++i) sum += DigitAt(d, i) * (9 - i);
  const int check = 11 - sum % 11;
  d.push_back(static_cast<char>('0' + (check >= 10 ? 0 : check)));
  out->append(d);
}

void Kennitala(Rng& rng, const IdHolder& h, std::string* out) {
  constexpr int kWeights[8] = {3, 2, 7, 6, 5, 4, 3, 2};
  for (;;) {
    std::string d;
    AppendPadded(h.birth.day, 2, &d);
    AppendPadded(h.birth.month, 2, &d);
    AppendPadded(h.birth.year % 100, 2, &d);
    AppendPadded(rng.Between(20, 99), 2, &d);
    int sum = 0;
    for (int i = 0; i < 8; ++i) sum += DigitAt(d, i) * kWeights[i];
    int check = 11 - sum % 11;
    if (check == 10) continue;
    if (check == 11) check = 0;
    d.push_back(static_cast<char>('0' + check));
    d.push_back(h.birth.year >= 2000 ? '0' : '9');
    out->append(d.substr(0, 6));
    out->push_back('-');
    out->append(d.substr(6));
    return;
  }
}

void EgyptianId(Rng& rng, const IdHolder& h, std::string* out) {
  constexpr std::string_view kGovernorates[] = {"01", "02", "21", "12", "16", "88"};
  out->push_back(h.birth.year >= 2000 ? '3' : '2');
  AppendPadded(h.birth.year % 100, 2, out);
  AppendPadded(h.birth.month, 2, out);
  AppendPadded(h.birth.day, 2, out);
  out->append(rng.Pick(kGovernorates));
  AppendDigits(rng, 3, out);
  out->push_back(static_cast<char>('0' + 2 * rng.Below(5) + (h.female ? 0 : 1)));
  out->push_back(rng.Digit());
}

void SaudiId(Rng& rng, std::string* out) {
  std::string d(1, rng.Chance(0.8) ? '1' : '2');  // 2: resident (iqama)
  AppendDigits(rng, 8, &d);
  d.push_back(static_cast<char>('0' + LuhnCheckDigit(d)));
  out->append(d);
}

void VietnameseCccd(Rng& rng, const IdHolder& h, std::string* out) {
  constexpr std::string_view kProvinces[] = {"001", "079", "048", "031", "092", "046"};
  out->append(rng.Pick(kProvinces));
  out->push_back(static_cast<char>('0' + (h.birth.year >= 2000 ? 2 : 0) + (h.female ? 1 : 0)));
  AppendPadded(h.birth.year % 100, 2, out);
  AppendDigits(rng, 6, out);
}

}  // namespace

void AppendNationalIdMore(Rng& rng, Country country, const IdHolder& holder, std::string* out) {
  switch (country) {
    case Country::kCN:
      ChineseResidentId(rng, holder, out);
      return;
    case Country::kTR:
      TurkishKimlik(rng, out);
      return;
    case Country::kIL:
      TeudatZehut(rng, out);
      return;
    case Country::kRU:
      Snils(rng, out);
      return;
    case Country::kGR:
      Amka(rng, holder, out);
      return;
    case Country::kJP:
      MyNumber(rng, out);
      return;
    case Country::kKR:
      KoreanRrn(rng, holder, out);
      return;
    case Country::kPT:
      PortugueseNif(rng, out);
      return;
    case Country::kIS:
      Kennitala(rng, holder, out);
      return;
    case Country::kEG:
      EgyptianId(rng, holder, out);
      return;
    case Country::kSA:
      SaudiId(rng, out);
      return;
    case Country::kVN:
      VietnameseCccd(rng, holder, out);
      return;
    default:
      PGVEIL_CHECK(false && "country handled by AppendNationalId");
      return;
  }
}

}  // namespace pgveil::datagen::internal
