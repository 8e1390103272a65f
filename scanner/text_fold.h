// scanner/text_fold.h
//
// Unicode handling shared by the scanner, built on ICU:
//  - ValidUtf8: whether bytes are well-formed UTF-8 (invalid values are
//    counted and reported, never matched).
//  - NormalizeForDetection: NFKC, so full-width digits and letters
//    (０１２, ＡＢＣ) match the ASCII patterns. ASCII input is returned as is
//    without touching ICU — the common case costs one pass over the bytes.
//  - FoldForMatching: the form words are compared in — NFKC case folding,
//    then combining marks removed, then dotless ı mapped to i, so that
//    "İSİM", "isim" and "ısım" meet, as do "Teléfono" and "telefono". It is
//    applied the same way to dictionary entries and to what is looked up.
//
// Thread-safety: all functions are safe to call concurrently.
#pragma once

#include <string>
#include <string_view>

namespace pgveil::scanner {

bool ValidUtf8(std::string_view bytes);
bool IsAscii(std::string_view bytes);

// Writes the NFKC form of `utf8` into `*buffer` and returns a view of it, or
// returns `utf8` itself when it is ASCII. `utf8` must be valid UTF-8.
std::string_view NormalizeForDetection(std::string_view utf8, std::string* buffer);

// Case-folded, mark-free form of `utf8` (see above). Invalid UTF-8 yields "".
std::string FoldForMatching(std::string_view utf8);

// The same, written into `*out` (replacing its contents) so a caller on the
// hot path can reuse one buffer; ASCII input touches no allocator once the
// buffer has grown.
void FoldForMatchingInto(std::string_view utf8, std::string* out);

}  // namespace pgveil::scanner
