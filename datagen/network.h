// datagen/network.h
//
// Network and device identifiers: public-looking IPv4 addresses (with the
// documentation ranges 192.0.2.0/24, 198.51.100.0/24 and 203.0.113.0/24
// mixed in), IPv6 addresses in full and compressed forms (often under the
// documentation prefix 2001:db8::/32), MAC addresses in the colon, dash and
// Cisco-dotted spellings, browser user agents, and coordinates near a
// locale's major city.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <string>

#include "datagen/locale.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

// `allow_private` mixes in RFC 1918 addresses (internal traffic).
void AppendIpv4(Rng& rng, bool allow_private, std::string* out);
void AppendIpv6(Rng& rng, std::string* out);
// IPv4 with probability `v4_share`, else IPv6.
void AppendIp(Rng& rng, double v4_share, std::string* out);

void AppendMac(Rng& rng, std::string* out);

void AppendUserAgent(Rng& rng, std::string* out);

// Latitude and longitude in micro-degrees within about 150 km of one of
// the locale's major cities.
struct MicroDegrees {
  int64_t lat;
  int64_t lon;
};
MicroDegrees RandomCoordinates(Rng& rng, Country country);

}  // namespace pgveil::datagen
