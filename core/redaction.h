// core/redaction.h
//
// Turns a sampled value into evidence that is safe to print: the shape of the
// value without its content. Every string that leaves the scanner in a
// finding goes through Redact; nothing else about a value is ever reported.
//
//   jane.doe@example.com  -> j***@e***.com
//   4111 1111 1111 1111   -> #### #### #### ####
//   DE89 3704 0044 0532   -> DE## #### #### ####
//   Ségolène              -> S***
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pgveil {

// The longest part of a value Redact keeps: an e-mail's top-level domain
// with its dot, when no longer than this (".museum" stays, ".photography"
// becomes ".***").
inline constexpr size_t kMaxKeptBytes = 8;

// Never returns a substring of `value` longer than its first code point
// or, for emails, a top-level domain of at most kMaxKeptBytes. Output is at
// most ~40 bytes.
std::string Redact(std::string_view value);

}  // namespace pgveil
