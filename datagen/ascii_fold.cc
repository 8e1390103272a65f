// datagen/ascii_fold.cc
//
// Table-driven ASCII folding for the Latin letters the locale lists use.

#include "datagen/ascii_fold.h"

namespace pgveil::datagen {
namespace {

// Base letters for U+00C0..U+00FF; '*' marks the letters handled specially.
constexpr std::string_view kLatin1 =
    "aaaaa**ceeeeiiii"   // U+00C0 À..Ï (Ä, Å... see below)
    "dnooooo_ouuu*y**"   // U+00D0 Ð..ß
    "aaaaa**ceeeeiiii"   // U+00E0 à..ï
    "dnooooo_ouuu*y*y";  // U+00F0 ð..ÿ
// Base letters for U+0100..U+017F.
constexpr std::string_view kLatinExtendedA =
    "aaaaaaccccccccdd"
    "ddeeeeeeeeeegggg"
    "gggghhhhiiiiiiii"
    "iiiijjkkklllllll"
    "lllnnnnnnnnnoooo"
    "oooorrrrrrssssss"
    "ssttttttuuuuuuuu"
    "uuuuwwyyyzzzzzzs";

char FoldVietnamese(char32_t cp) {
  if (cp <= 0x1EB7) return 'a';
  if (cp <= 0x1EC7) return 'e';
  if (cp <= 0x1ECB) return 'i';
  if (cp <= 0x1EE3) return 'o';
  if (cp <= 0x1EF1) return 'u';
  return 'y';
}

void FoldLatin1(char32_t cp, bool german, std::string* out) {
  const char32_t lower = (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ? cp + 0x20 : cp;
  switch (lower) {
    case 0xE4:
      out->append(german ? "ae" : "a");
      return;  // ä
    case 0xF6:
      out->append(german ? "oe" : "o");
      return;  // ö
    case 0xFC:
      out->append(german ? "ue" : "u");
      return;  // ü
    case 0xE5:
      out->push_back('a');
      return;  // å
    case 0xE6:
      out->append("ae");
      return;  // æ
    case 0xFE:
      out->append("th");
      return;  // þ
    case 0xDF:
      out->append("ss");
      return;  // ß
    default:
      break;
  }
  const char base = kLatin1[lower - 0xC0];
  if (base != '_' && base != '*') out->push_back(base);
}

}  // namespace

char32_t NextCodePoint(std::string_view text, size_t* pos) {
  const auto byte = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(*pos);
  int extra = 0;
  char32_t cp = 0;
  if (lead < 0x80) {
    ++*pos;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else {
    ++*pos;
    return 0xFFFD;
  }
  if (*pos + extra >= text.size()) {
    ++*pos;
    return 0xFFFD;
  }
  for (int i = 1; i <= extra; ++i) {
    const unsigned char cont = byte(*pos + i);
    if ((cont & 0xC0) != 0x80) {
      ++*pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (cont & 0x3F);
  }
  *pos += 1 + extra;
  return cp;
}

void AppendAsciiFold(std::string_view text, bool german, std::string* out) {
  size_t pos = 0;
  while (pos < text.size()) {
    const char32_t cp = NextCodePoint(text, &pos);
    if (cp < 0x80) {
      const char c = static_cast<char>(cp);
      if (c >= 'A' && c <= 'Z') {
        out->push_back(static_cast<char>(c - 'A' + 'a'));
      } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') {
        out->push_back(c);
      }
    } else if (cp >= 0xC0 && cp <= 0xFF) {
      FoldLatin1(cp, german, out);
    } else if (cp >= 0x100 && cp <= 0x17F) {
      if (cp == 0x152 || cp == 0x153) {
        out->append("oe");
      } else {
        out->push_back(kLatinExtendedA[cp - 0x100]);
      }
    } else if (cp == 0x1A0 || cp == 0x1A1) {
      out->push_back('o');  // Vietnamese ơ
    } else if (cp == 0x1AF || cp == 0x1B0) {
      out->push_back('u');  // Vietnamese ư
    } else if (cp >= 0x1EA0 && cp <= 0x1EF9) {
      out->push_back(FoldVietnamese(cp));
    }
  }
}

}  // namespace pgveil::datagen
