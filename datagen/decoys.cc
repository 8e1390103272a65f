// datagen/decoys.cc

#include "datagen/decoys.h"

#include <string_view>

#include "datagen/check_digits.h"
#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kColourCodes[] = {"BL", "RD", "GR", "BK", "WH", "AM", "RS", "OL", "NV", "GY"};
constexpr SV kSkuFamilies[] = {"SKU", "ART", "PRD", "TSH", "SHO", "ACC", "BAG"};
constexpr SV kGs1Prefixes[] = {"400", "401", "405", "410", "300", "350", "500",
                               "590", "800", "840", "870", "730", "460", "690",
                               "450", "490", "880", "789", "000", "001", "013"};
constexpr SV kSizes[] = {"S", "M", "L", "XL", "42", "38"};
constexpr SV kS10Countries[] = {"GB", "DE", "FR", "NL", "SE"};

}  // namespace

void AppendOrderNumber(uint64_t seed, int64_t order_id, std::string* out) {
  // Multiplying by an odd constant not divisible by 5 is a bijection on
  // Z/8e9 (8e9 = 2^11 * 5^9); the seed shifts the whole sequence.
  constexpr uint64_t kModulus = 8000000000ULL;
  const uint64_t x = (static_cast<uint64_t>(order_id) % kModulus) * 2654435761ULL % kModulus;
  const uint64_t shifted = (x + seed % kModulus) % kModulus;
  AppendInt(static_cast<int64_t>(2000000000ULL + shifted), out);
}

void AppendSku(Rng& rng, std::string* out) {
  out->append(rng.Pick(kSkuFamilies));
  out->push_back('-');
  AppendPadded(rng.Between(10000, 99999), 5, out);
  out->push_back('-');
  out->append(rng.Pick(kColourCodes));
  if (rng.Chance(0.2)) {
    out->push_back('-');
    out->append(rng.Pick(kSizes));
  }
}

void AppendVersion(Rng& rng, std::string* out) {
  if (rng.Chance(0.1)) out->push_back('v');
  AppendInt(rng.Between(0, 12), out);
  out->push_back('.');
  AppendInt(rng.Between(0, 30), out);
  out->push_back('.');
  AppendInt(rng.Between(0, 40), out);
  const double r = rng.Unit();
  if (r < 0.05) {
    out->append("-rc.");
    AppendInt(rng.Between(1, 5), out);
  } else if (r < 0.08) {
    out->append("+build.");
    AppendInt(rng.Between(1, 999), out);
  }
}

void AppendUuid(Rng& rng, std::string* out) {
  AppendHex(rng, 8, out);
  out->push_back('-');
  AppendHex(rng, 4, out);
  out->append("-4");
  AppendHex(rng, 3, out);
  out->push_back('-');
  out->push_back("89ab"[rng.Below(4)]);
  AppendHex(rng, 3, out);
  out->push_back('-');
  AppendHex(rng, 12, out);
}

void AppendHexDigest(Rng& rng, int bytes, std::string* out) { AppendHex(rng, 2 * bytes, out); }

void AppendEan13(Rng& rng, std::string* out) {
  std::string d(rng.Pick(kGs1Prefixes));
  AppendDigits(rng, 12 - static_cast<int>(d.size()), &d);
  d.push_back(static_cast<char>('0' + Gs1CheckDigit(d)));
  out->append(d);
}

void AppendTrackingNumber(Rng& rng, std::string* out) {
  switch (rng.Below(5)) {
    case 0:  // UPS
      out->append("1Z");
      AppendFrom(rng, kUpperAlnum, 6, out);
      AppendDigits(rng, 10, out);
      return;
    case 1:  // DHL Express
      AppendDigits(rng, 10, out);
      return;
    case 2:  // USPS
      out->append("9400");
      AppendDigits(rng, 18, out);
      return;
    case 3: {  // UPU S10 (Royal Mail, Deutsche Post, La Poste)
      constexpr int kWeights[8] = {8, 6, 4, 2, 3, 5, 9, 7};
      std::string serial;
      AppendDigits(rng, 8, &serial);
      int sum = 0;
      for (int i = 0; i < 8; ++i) sum += (serial[i] - '0') * kWeights[i];
      int check = 11 - sum % 11;
      if (check == 10) check = 0;
      if (check == 11) check = 5;
      out->push_back("RLCEV"[rng.Below(5)]);
      out->push_back(rng.Upper());
      out->append(serial);
      out->push_back(static_cast<char>('0' + check));
      out->append(rng.Pick(kS10Countries));
      return;
    }
    default:  // DPD
      out->append("0");
      AppendDigits(rng, 13, out);
      return;
  }
}

void AppendNonLuhnReference(Rng& rng, std::string* out) {
  std::string d(1, static_cast<char>('1' + rng.Below(9)));
  AppendDigits(rng, 14, &d);
  const int valid = LuhnCheckDigit(d);
  d.push_back(static_cast<char>('0' + (valid + 1 + rng.Below(9)) % 10));
  out->append(d);
}

}  // namespace pgveil::datagen
