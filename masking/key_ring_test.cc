#include "masking/key_ring.h"

#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "masking/key_source.h"

namespace pgveil::masking {
namespace {

std::vector<uint8_t> FromHex(std::string_view hex) {
  std::vector<uint8_t> bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    bytes.push_back(static_cast<uint8_t>(std::stoi(std::string(hex.substr(i, 2)), nullptr, 16)));
  }
  return bytes;
}

std::string ToHex(const SecretBytes& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string hex;
  for (size_t i = 0; i < bytes.size(); ++i) {
    hex.push_back(kDigits[bytes.data()[i] >> 4]);
    hex.push_back(kDigits[bytes.data()[i] & 0xF]);
  }
  return hex;
}

TEST_CASE("HKDF-SHA256 matches RFC 5869 test cases 1 and 3", "[masking][keys]") {
  // Test case 1.
  Result<SecretBytes> okm =
      HkdfSha256(FromHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"),
                 FromHex("000102030405060708090a0b0c"), FromHex("f0f1f2f3f4f5f6f7f8f9"), 42);
  REQUIRE(okm.ok());
  CHECK(ToHex(okm.value()) ==
        "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865");
  // Test case 3: empty salt and info.
  okm = HkdfSha256(FromHex("0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b"), {}, {}, 42);
  REQUIRE(okm.ok());
  CHECK(ToHex(okm.value()) ==
        "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8");
}

TEST_CASE("KeyRing derives stable, separated keys", "[masking][keys]") {
  KeyRing ring = KeyRing::FromSecret("0123456789abcdef0123456789abcdef").value();
  KeyRing same = KeyRing::FromSecret("0123456789abcdef0123456789abcdef").value();
  KeyRing other = KeyRing::FromSecret("0123456789abcdef0123456789abcdeF").value();
  auto derive = [](const KeyRing& r, std::string_view t, std::string_view d) {
    return ToHex(r.DeriveKey(t, d, 32).value());
  };
  const std::string base = derive(ring, "hash", "public.users.email");
  CHECK(base == derive(same, "hash", "public.users.email"));
  CHECK(base != derive(other, "hash", "public.users.email"));
  CHECK(base != derive(ring, "hash", "public.users.email2"));
  CHECK(base != derive(ring, "email", "public.users.email"));
  CHECK(derive(ring, "fpe_digits", "x/y") != derive(ring, "fpe_digits", "x/z"));
  CHECK(ring.DeriveKey("hash", "d", 64).value().size() == 64);
  CHECK(!ring.DeriveKey("hash", "d", 0).ok());
}

TEST_CASE("KeyRing rejects short and degenerate secrets", "[masking][keys]") {
  Result<KeyRing> short_key = KeyRing::FromSecret("fifteen bytes!!");
  REQUIRE(!short_key.ok());
  CHECK(short_key.status().code() == StatusCode::kInvalidArgument);
  CHECK(short_key.status().message().find("at least 16") != std::string::npos);
  CHECK(!KeyRing::FromSecret(std::string(40, 'a')).ok());
  CHECK(KeyRing::FromSecret("sixteen bytes!!!").ok());
}

struct FakeEnvironment {
  std::map<std::string, std::string> variables;
  std::map<std::string, Result<std::string>> files;
  EnvironmentLookup Lookup() const {
    return [this](const std::string& name) -> std::optional<std::string> {
      auto it = variables.find(name);
      if (it == variables.end()) {
        return std::nullopt;
      }
      return it->second;
    };
  }
  FileReader Reader() const {
    return [this](const std::string& path) -> Result<std::string> {
      auto it = files.find(path);
      if (it == files.end()) {
        return Status::NotFound("key file " + path + " does not exist");
      }
      return it->second;
    };
  }
};

TEST_CASE("LoadKeyRing reads PGVEIL_KEY or a named variable", "[masking][keys]") {
  const std::string secret = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
  FakeEnvironment env;
  env.variables["PGVEIL_KEY"] = secret + "\n";
  env.variables["OTHER_KEY"] = secret;
  Result<KeyRing> from_default = LoadKeyRing(KeySource(), env.Lookup(), env.Reader());
  Result<KeyRing> from_named =
      LoadKeyRing(KeySource::Environment("OTHER_KEY"), env.Lookup(), env.Reader());
  REQUIRE(from_default.ok());
  REQUIRE(from_named.ok());
  // Trailing whitespace does not count: both give the same keys.
  CHECK(from_default->DeriveKey("hash", "d", 32).value().span().front() ==
        from_named->DeriveKey("hash", "d", 32).value().span().front());
}

TEST_CASE("LoadKeyRing without a key is a clear configuration error", "[masking][keys]") {
  FakeEnvironment env;
  Result<KeyRing> missing = LoadKeyRing(KeySource(), env.Lookup(), env.Reader());
  REQUIRE(!missing.ok());
  CHECK(missing.status().code() == StatusCode::kInvalidArgument);
  CHECK(missing.status().message() ==
        "no masking key: environment variable PGVEIL_KEY is not set (generate one with: "
        "openssl rand -hex 32)");

  env.variables["PGVEIL_KEY"] = "  \n";
  CHECK(LoadKeyRing(KeySource(), env.Lookup(), env.Reader()).status().message().find("is empty") !=
        std::string::npos);

  env.variables["PGVEIL_KEY"] = "tiny-secret";
  Result<KeyRing> short_key = LoadKeyRing(KeySource(), env.Lookup(), env.Reader());
  REQUIRE(!short_key.ok());
  CHECK(short_key.status().message() ==
        "environment variable PGVEIL_KEY: the masking key is too short: it has 11 bytes, at "
        "least 16 are needed (generate one with: openssl rand -hex 32)");
  // The secret itself never appears in the message.
  CHECK(short_key.status().message().find("tiny-secret") == std::string::npos);
}

TEST_CASE("LoadKeyRing reads key files through the seam", "[masking][keys]") {
  FakeEnvironment env;
  env.files.emplace("/keys/good", std::string("0123456789abcdef0123456789abcdef\n"));
  env.files.emplace("/keys/denied",
                    Status::PermissionDenied("key file /keys/denied is not readable"));
  CHECK(LoadKeyRing(KeySource::File("/keys/good"), env.Lookup(), env.Reader()).ok());
  Result<KeyRing> missing = LoadKeyRing(KeySource::File("/keys/none"), env.Lookup(), env.Reader());
  CHECK(missing.status().code() == StatusCode::kInvalidArgument);
  CHECK(missing.status().message() == "no masking key: key file /keys/none does not exist");
  Result<KeyRing> denied = LoadKeyRing(KeySource::File("/keys/denied"), env.Lookup(), env.Reader());
  CHECK(denied.status().code() == StatusCode::kInvalidArgument);
  CHECK(denied.status().message().find("not readable") != std::string::npos);
}

TEST_CASE("ThrowawayKeyRing gives a usable key that differs each time", "[masking][keys]") {
  KeyRing a = ThrowawayKeyRing().value();
  KeyRing b = ThrowawayKeyRing().value();
  CHECK(ToHex(a.DeriveKey("hash", "d", 32).value()) != ToHex(b.DeriveKey("hash", "d", 32).value()));
}

}  // namespace
}  // namespace pgveil::masking
