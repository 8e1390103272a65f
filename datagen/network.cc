// datagen/network.cc

#include "datagen/network.h"

#include <string_view>

#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

// Representative coordinates per Country (micro-degrees), in Country order.
constexpr MicroDegrees kCentres[] = {
    {40712800, -74006000},   // US New York
    {43653200, -79383200},   // CA Toronto
    {51507400, -127800},     // GB London
    {52520000, 13405000},    // DE Berlin
    {48856600, 2352200},     // FR Paris
    {40416800, -3703800},    // ES Madrid
    {41902800, 12496400},    // IT Rome
    {38722300, -9139300},    // PT Lisbon
    {-23550500, -46633300},  // BR São Paulo
    {52367600, 4904100},     // NL Amsterdam
    {52229700, 21012200},    // PL Warsaw
    {59329300, 18068600},    // SE Stockholm
    {64146600, -21942600},   // IS Reykjavík
    {41008200, 28978400},    // TR Istanbul
    {55755800, 37617300},    // RU Moscow
    {37983800, 23727500},    // GR Athens
    {39904200, 116407400},   // CN Beijing
    {35676200, 139650300},   // JP Tokyo
    {37566500, 126978000},   // KR Seoul
    {21027800, 105834200},   // VN Hanoi
    {28613900, 77209000},    // IN New Delhi
    {24713600, 46675300},    // SA Riyadh
    {30044400, 31235700},    // EG Cairo
    {32085300, 34781800},    // IL Tel Aviv
};
static_assert(std::size(kCentres) == 24);

constexpr SV kBrowsers[] = {
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/",
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:125.0) Gecko/20100101 Firefox/",
    "VeilShopApp/",
    "okhttp/",
    "curl/",
};

bool Reserved(int a, int b) {
  return a == 0 || a == 10 || a == 127 || (a == 100 && b >= 64 && b < 128) ||
         (a == 169 && b == 254) || (a == 172 && b >= 16 && b < 32) || (a == 192 && b == 168) ||
         a >= 224;
}

void Octets(int a, int b, int c, int d, std::string* out) {
  AppendInt(a, out);
  out->push_back('.');
  AppendInt(b, out);
  out->push_back('.');
  AppendInt(c, out);
  out->push_back('.');
  AppendInt(d, out);
}

void Hextet(uint32_t value, bool pad, std::string* out) {
  constexpr SV kHex = "0123456789abcdef";
  bool started = pad;
  for (int shift = 12; shift >= 0; shift -= 4) {
    const uint32_t nibble = (value >> shift) & 15;
    if (nibble != 0 || started || shift == 0) {
      out->push_back(kHex[nibble]);
      started = true;
    }
  }
}

}  // namespace

void AppendIpv4(Rng& rng, bool allow_private, std::string* out) {
  const double r = rng.Unit();
  const int d = static_cast<int>(rng.Between(1, 254));
  if (r < 0.1) {
    constexpr int kDoc[3][3] = {{192, 0, 2}, {198, 51, 100}, {203, 0, 113}};
    const auto& net = kDoc[rng.Below(3)];
    Octets(net[0], net[1], net[2], d, out);
    return;
  }
  if (allow_private && r < 0.25) {
    if (rng.Chance(0.5))
      Octets(10, static_cast<int>(rng.Below(256)), static_cast<int>(rng.Below(256)), d, out);
    else
      Octets(192, 168, static_cast<int>(rng.Below(256)), d, out);
    return;
  }
  for (;;) {
    const int a = static_cast<int>(rng.Between(1, 223));
    const int b = static_cast<int>(rng.Below(256));
    if (Reserved(a, b)) continue;
    Octets(a, b, static_cast<int>(rng.Below(256)), d, out);
    return;
  }
}

void AppendIpv6(Rng& rng, std::string* out) {
  constexpr uint32_t kPrefixes[][2] = {{0x2001, 0x0db8}, {0x2001, 0x0db8}, {0x2a02, 0x8109},
                                       {0x2a01, 0x0c23}, {0x2600, 0x1700}, {0x2001, 0x0470},
                                       {0x2403, 0x6200}, {0x2804, 0x14d}};
  if (rng.Chance(0.05)) {
    out->append("::ffff:");
    AppendIpv4(rng, false, out);
    return;
  }
  const auto& prefix = kPrefixes[rng.Below(std::size(kPrefixes))];
  uint32_t h[8] = {prefix[0], prefix[1]};
  for (int i = 2; i < 8; ++i) h[i] = static_cast<uint32_t>(rng.Below(0x10000));
  const double style = rng.Unit();
  if (style < 0.45) {  // SLAAC-like host with zeros in the middle, compressed
    h[4] = h[5] = 0;
    if (rng.Chance(0.5)) h[6] = 0;
    for (int i = 0; i < 4; ++i) {
      Hextet(h[i], false, out);
      out->push_back(':');
    }
    out->push_back(':');
    Hextet(h[h[6] == 0 ? 7 : 6], false, out);
    if (h[6] != 0) {
      out->push_back(':');
      Hextet(h[7], false, out);
    }
    return;
  }
  const bool pad = style > 0.85;
  for (int i = 0; i < 8; ++i) {
    if (i > 0) out->push_back(':');
    Hextet(h[i], pad, out);
  }
}

void AppendIp(Rng& rng, double v4_share, std::string* out) {
  if (rng.Chance(v4_share))
    AppendIpv4(rng, false, out);
  else
    AppendIpv6(rng, out);
}

void AppendMac(Rng& rng, std::string* out) {
  uint8_t b[6];
  for (uint8_t& x : b) x = static_cast<uint8_t>(rng.Below(256));
  b[0] &= 0xFC;  // universally administered unicast
  const double style = rng.Unit();
  const bool upper = style >= 0.5 && style < 0.9;
  const SV hex = upper ? SV("0123456789ABCDEF") : SV("0123456789abcdef");
  if (style >= 0.9) {  // Cisco: 3c22.fb1a.2b3c
    for (int i = 0; i < 6; ++i) {
      if (i == 2 || i == 4) out->push_back('.');
      out->push_back(hex[b[i] >> 4]);
      out->push_back(hex[b[i] & 15]);
    }
    return;
  }
  const char sep = style < 0.7 ? ':' : '-';
  for (int i = 0; i < 6; ++i) {
    if (i > 0) out->push_back(sep);
    out->push_back(hex[b[i] >> 4]);
    out->push_back(hex[b[i] & 15]);
  }
}

void AppendUserAgent(Rng& rng, std::string* out) {
  const size_t which = rng.Below(std::size(kBrowsers));
  out->append(kBrowsers[which]);
  AppendInt(rng.Between(which == 4 ? 15 : 100, which == 4 ? 17 : 125), out);
  out->push_back('.');
  AppendInt(rng.Below(which >= 6 ? 20 : 1), out);
  if (which <= 3) {
    out->append(".");
    AppendInt(rng.Between(1000, 6500), out);
    out->append(".");
    AppendInt(rng.Between(10, 200), out);
    out->append(which == 3 ? " Mobile Safari/537.36" : " Safari/537.36");
  } else if (which == 4) {
    out->append(" Mobile/15E148 Safari/604.1");
  } else if (which == 6) {
    out->append(" (iOS; build ");
    AppendInt(rng.Between(1000, 9999), out);
    out->push_back(')');
  }
}

MicroDegrees RandomCoordinates(Rng& rng, Country country) {
  const MicroDegrees& c = kCentres[static_cast<size_t>(country)];
  return {c.lat + rng.Between(-1200000, 1200000), c.lon + rng.Between(-1500000, 1500000)};
}

}  // namespace pgveil::datagen
