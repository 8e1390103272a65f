// datagen/ascii_fold.h
//
// Folds a Latin-script name to the lower-case ASCII people use for it in
// e-mail addresses, usernames and codes: "Ségolène" -> "segolene",
// "Łukasz" -> "lukasz", "Müller" -> "muller" (or "mueller" with German
// transcription), "Ólafsdóttir" -> "olafsdottir", "Nguyễn" -> "nguyen".
// Letters outside Latin-1, Latin Extended-A and the Vietnamese block, and
// every character that is not a letter or digit, are dropped, except that
// '-' is kept.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace pgveil::datagen {

// Appends the folding of `text` to `*out`. With `german` set, ä/ö/ü become
// ae/oe/ue instead of a/o/u.
void AppendAsciiFold(std::string_view text, bool german, std::string* out);

inline std::string AsciiFold(std::string_view text, bool german = false) {
  std::string out;
  AppendAsciiFold(text, german, &out);
  return out;
}

// Decodes the UTF-8 code point starting at `text[*pos]` and advances `*pos`
// past it. Malformed bytes decode as U+FFFD, one byte at a time.
char32_t NextCodePoint(std::string_view text, size_t* pos);

}  // namespace pgveil::datagen
