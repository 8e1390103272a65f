#include "scanner/text_fold.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace pgveil::scanner {
namespace {

constexpr UChar32 kDotlessI = 0x0131;

const icu::Normalizer2* Instance(const char* name, UNormalization2Mode mode) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = icu::Normalizer2::getInstance(nullptr, name, mode, status);
  return U_SUCCESS(status) ? normalizer : nullptr;
}

}  // namespace

bool IsAscii(std::string_view bytes) {
  for (unsigned char c : bytes) {
    if (c >= 0x80) return false;
  }
  return true;
}

bool ValidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  int32_t length = static_cast<int32_t>(bytes.size());
  if (static_cast<size_t>(length) != bytes.size()) return false;
  for (int32_t i = 0; i < length;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, length, c);
    if (c < 0) return false;
  }
  return true;
}

std::string_view NormalizeForDetection(std::string_view utf8, std::string* buffer) {
  if (IsAscii(utf8)) return utf8;
  static const icu::Normalizer2* nfkc = Instance("nfkc", UNORM2_COMPOSE);
  UErrorCode status = U_ZERO_ERROR;
  icu::StringPiece piece(utf8.data(), static_cast<int32_t>(utf8.size()));
  // Most text is already NFKC; checking costs one pass and no copy.
  if (nfkc->isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return utf8;
  status = U_ZERO_ERROR;
  buffer->clear();
  icu::StringByteSink<std::string> sink(buffer);
  nfkc->normalizeUTF8(0, piece, sink, nullptr, status);
  return U_SUCCESS(status) ? std::string_view(*buffer) : utf8;
}

std::string FoldForMatching(std::string_view utf8) {
  std::string out;
  FoldForMatchingInto(utf8, &out);
  return out;
}

void FoldForMatchingInto(std::string_view utf8, std::string* out) {
  out->clear();
  if (IsAscii(utf8)) {
    out->append(utf8);
    for (char& c : *out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return;
  }
  if (!ValidUtf8(utf8)) return;
  static const icu::Normalizer2* nfkc_cf = Instance("nfkc_cf", UNORM2_COMPOSE);
  static const icu::Normalizer2* nfd = Instance("nfc", UNORM2_DECOMPOSE);
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString text =
      icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), utf8.size()));
  icu::UnicodeString folded = nfd->normalize(nfkc_cf->normalize(text, status), status);
  if (U_FAILURE(status)) return;
  icu::UnicodeString stripped;
  for (int32_t i = 0; i < folded.length();) {
    UChar32 c = folded.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    stripped.append(c == kDotlessI ? UChar32('i') : c);
  }
  stripped.toUTF8String(*out);
}

}  // namespace pgveil::scanner
