// masking/text_util.h
//
// Small text helpers the transformers share: UTF-8 validation and decoding
// (values may arrive from SQL_ASCII databases with any bytes in them), code
// point counting (varchar(n) counts characters), ASCII classification, and
// hex / base32 rendering of MAC output. None of them allocate except to
// append to a caller's string.
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace pgveil::masking {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
inline char ToLowerAscii(char c) { return IsAsciiUpper(c) ? static_cast<char>(c + 32) : c; }
inline char ToUpperAscii(char c) { return IsAsciiLower(c) ? static_cast<char>(c - 32) : c; }

// `text` without leading and trailing spaces, tabs, CR and LF.
std::string_view TrimAsciiSpace(std::string_view text);

// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, nothing
// above U+10FFFF).
bool IsValidUtf8(std::string_view text);

// Decodes the code point at `*pos` and advances `*pos` past it. Returns false
// (and advances by one byte) on a malformed sequence.
bool DecodeUtf8(std::string_view text, size_t* pos, char32_t* code_point);

// Number of code points; each byte of a malformed sequence counts as one.
size_t CountCodePoints(std::string_view text);

// Appends the first `chars` lowercase hex digits of `bytes` (chars <= 2 *
// bytes.size()).
void AppendHex(std::span<const uint8_t> bytes, size_t chars, std::string* out);

// Appends the first `chars` characters of the RFC 4648 base32 encoding of
// `bytes`, lowercased and unpadded (alphabet a-z2-7; chars <= 8 *
// bytes.size() / 5).
void AppendBase32(std::span<const uint8_t> bytes, size_t chars, std::string* out);

}  // namespace pgveil::masking
