// datagen/secrets.h
//
// Credentials that must be found as category "secret": bcrypt password
// hashes, provider-shaped API keys (sk_live_..., AKIA..., ghp_..., xoxb-...,
// glpat-...) and JWTs (three base64url parts, a real JSON header and
// claims). All random; none is a working credential anywhere.
//
// Contrast with decoys.h: a bare MD5/SHA-256 hex digest of a payload is not
// a secret.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "datagen/rng.h"

namespace pgveil::datagen {

// "$2b$12$" + 53 characters of bcrypt's base64 alphabet.
void AppendBcryptHash(Rng& rng, std::string* out);

// An API key in one of several providers' shapes.
void AppendApiKey(Rng& rng, std::string* out);

// A signed-JWT-shaped token for `subject` issued at `issued_at` (Unix time).
void AppendJwt(Rng& rng, int64_t subject, int64_t issued_at, std::string* out);

// Appends base64url (no padding) of `bytes`.
void AppendBase64Url(std::string_view bytes, std::string* out);

}  // namespace pgveil::datagen
