#include "masking/text_util.h"

namespace pgveil::masking {

std::string_view TrimAsciiSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) {
    return {};
  }
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

bool DecodeUtf8(std::string_view text, size_t* pos, char32_t* code_point) {
  const auto byte = [&](size_t i) { return static_cast<uint8_t>(text[i]); };
  const size_t start = *pos;
  const uint8_t lead = byte(start);
  *pos = start + 1;
  if (lead < 0x80) {
    *code_point = lead;
    return true;
  }
  size_t extra;
  char32_t value;
  char32_t minimum;
  if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    value = lead & 0x1F;
    minimum = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    value = lead & 0x0F;
    minimum = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    value = lead & 0x07;
    minimum = 0x10000;
  } else {
    return false;
  }
  if (start + extra >= text.size()) {
    return false;
  }
  for (size_t i = 1; i <= extra; ++i) {
    const uint8_t next = byte(start + i);
    if ((next & 0xC0) != 0x80) {
      return false;
    }
    value = (value << 6) | (next & 0x3F);
  }
  if (value < minimum || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) {
    return false;
  }
  *code_point = value;
  *pos = start + 1 + extra;
  return true;
}

bool IsValidUtf8(std::string_view text) {
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    if (static_cast<uint8_t>(text[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (!DecodeUtf8(text, &pos, &code_point)) {
      return false;
    }
  }
  return true;
}

size_t CountCodePoints(std::string_view text) {
  size_t count = 0;
  size_t pos = 0;
  char32_t code_point;
  while (pos < text.size()) {
    if (static_cast<uint8_t>(text[pos]) < 0x80) {
      ++pos;
    } else {
      DecodeUtf8(text, &pos, &code_point);
    }
    ++count;
  }
  return count;
}

void AppendHex(std::span<const uint8_t> bytes, size_t chars, std::string* out) {
  static constexpr char kDigits[] = "0123456789abcdef";
  for (size_t i = 0; i < chars && i / 2 < bytes.size(); ++i) {
    const uint8_t b = bytes[i / 2];
    out->push_back(kDigits[i % 2 == 0 ? b >> 4 : b & 0x0F]);
  }
}

void AppendBase32(std::span<const uint8_t> bytes, size_t chars, std::string* out) {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  for (size_t i = 0; i < chars; ++i) {
    const size_t bit = i * 5;
    const size_t index = bit / 8;
    if (index >= bytes.size()) {
      break;
    }
    unsigned window = static_cast<unsigned>(bytes[index]) << 8;
    if (index + 1 < bytes.size()) {
      window |= bytes[index + 1];
    }
    out->push_back(kAlphabet[(window >> (11 - bit % 8)) & 0x1F]);
  }
}

}  // namespace pgveil::masking
