// masking/key_source.h
//
// Where the masking master secret comes from: an environment variable
// (PGVEIL_KEY unless the policy names another) or a file. Never from the
// policy itself, and never echoed: messages name the variable or the file,
// not what is in it.
//
// The secret is the variable's value or the file's contents with leading and
// trailing ASCII whitespace removed (so a trailing newline does not count),
// taken as raw bytes; KeyRing::FromSecret says what is accepted. A file may
// hold at most 64 KiB, and must not be accessible by group or others (mode
// 0600 or stricter, as ssh and libpq's .pgpass demand): LocalFileReader
// refuses it with InvalidArgument naming the file and `chmod 600`.
//
// This is the one place in masking/ that touches the process: reading the
// environment and files goes through the EnvironmentLookup and FileReader
// seams, which tests replace.
//
// Thread-safety: the functions keep no state; the real seams read the
// environment with getenv, which must not race with setenv.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/status.h"
#include "masking/key_ring.h"

namespace pgveil::masking {

inline constexpr std::string_view kDefaultKeyVariable = "PGVEIL_KEY";

struct KeySource {
  enum class Kind { kEnvironment, kFile };

  static KeySource Environment(std::string variable) {
    return {Kind::kEnvironment, std::move(variable)};
  }
  static KeySource File(std::string path) { return {Kind::kFile, std::move(path)}; }

  // "environment variable PGVEIL_KEY" or "key file /etc/pgveil/key", for
  // messages.
  std::string Describe() const;

  Kind kind = Kind::kEnvironment;
  std::string name = std::string(kDefaultKeyVariable);  // variable name or file path
};

// Returns the value of an environment variable, or nullopt when it is unset.
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;
// Returns a file's contents; NotFound / PermissionDenied / Unavailable on
// failure, with the path in the message.
using FileReader = std::function<Result<std::string>(const std::string& path)>;

EnvironmentLookup ProcessEnvironment();
FileReader LocalFileReader();

// Loads the master secret from `source` and builds a KeyRing. Every failure
// (variable unset or empty, file missing, unreadable or empty, a secret
// KeyRing rejects) is InvalidArgument starting "no masking key: " or naming
// the source, so the CLI treats it as a configuration error (exit 2).
Result<KeyRing> LoadKeyRing(const KeySource& source, const EnvironmentLookup& environment,
                            const FileReader& files);

// LoadKeyRing with the process environment and the local file system.
Result<KeyRing> LoadKeyRing(const KeySource& source);

// A KeyRing from 32 fresh random bytes, for demos and previews that must not
// need a configured key. Outputs differ from run to run; callers say so.
Result<KeyRing> ThrowawayKeyRing();

}  // namespace pgveil::masking
