// datagen/decoys.h
//
// Values that look like PII to a careless detector and are not: order
// numbers of ten digits (phone-shaped), SKUs ("SKU-48213-BL"), semantic
// versions ("2.14.3"), UUIDs, MD5/SHA-256 hex digests, EAN-13 barcodes
// (valid GS1 check digit), carrier tracking numbers, 16-digit payment
// references that deliberately FAIL Luhn, and mandate references.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <string>

#include "datagen/rng.h"

namespace pgveil::datagen {

// A ten-digit order number, distinct for distinct ids below 8e9: a fixed
// bijection of the id, so it needs no state. Starts with 2-9.
void AppendOrderNumber(uint64_t seed, int64_t order_id, std::string* out);

// "SKU-48213-BL" and friends.
void AppendSku(Rng& rng, std::string* out);

// "2.14.3", sometimes "v1.0.0-rc.2" or "10.4.12+build.77".
void AppendVersion(Rng& rng, std::string* out);

// A random (version 4) UUID in canonical lower-case form.
void AppendUuid(Rng& rng, std::string* out);

// `bytes` random bytes as lower-case hex (16 for MD5, 32 for SHA-256).
void AppendHexDigest(Rng& rng, int bytes, std::string* out);

// A valid EAN-13 with a GS1 country prefix.
void AppendEan13(Rng& rng, std::string* out);

// UPS "1Z...", DHL ten digits, USPS 22 digits, Royal Mail "AB123456785GB"
// (S10 check digit), DPD 14 digits.
void AppendTrackingNumber(Rng& rng, std::string* out);

// Sixteen digits whose Luhn check fails (so: not a card number).
void AppendNonLuhnReference(Rng& rng, std::string* out);

}  // namespace pgveil::datagen
