#include "masking/key_source.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <sys/stat.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string_view>

#include <fmt/format.h>

namespace pgveil::masking {
namespace {

constexpr size_t kMaxKeyFileBytes = size_t{64} * 1024;
constexpr std::string_view kHint = " (generate one with: openssl rand -hex 32)";

std::string_view TrimAsciiSpace(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\v\f";
  size_t begin = text.find_first_not_of(kSpace);
  if (begin == std::string_view::npos) {
    return {};
  }
  size_t end = text.find_last_not_of(kSpace);
  return text.substr(begin, end - begin + 1);
}

// Builds the KeyRing and wipes the buffer that held the secret.
Result<KeyRing> FromBuffer(std::string* buffer, const KeySource& source) {
  std::string_view secret = TrimAsciiSpace(*buffer);
  if (secret.empty()) {
    OPENSSL_cleanse(buffer->data(), buffer->size());
    return Status::InvalidArgument("no masking key: " + source.Describe() + " is empty" +
                                   std::string(kHint));
  }
  Result<KeyRing> ring = KeyRing::FromSecret(secret);
  OPENSSL_cleanse(buffer->data(), buffer->size());
  if (!ring.ok()) {
    return ring.status().WithContext(source.Describe());
  }
  return ring;
}

}  // namespace

std::string KeySource::Describe() const {
  return kind == Kind::kEnvironment ? "environment variable " + name : "key file " + name;
}

EnvironmentLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (value == nullptr) {
      return std::nullopt;
    }
    return std::string(value);
  };
}

FileReader LocalFileReader() {
  return [](const std::string& path) -> Result<std::string> {
    // Like ssh with a private key and libpq with .pgpass: a secret others on
    // the machine may read is no secret; refuse it before reading a byte.
    struct stat info {};
    if (stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) &&
        (info.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
      return Status::InvalidArgument(
          fmt::format("key file {} is accessible by group or others (mode {:04o}); restrict it "
                      "to its owner: chmod 600 {}",
                      path, info.st_mode & 07777, path));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      int error = errno;
      if (error == ENOENT) {
        return Status::NotFound("key file " + path + " does not exist");
      }
      if (error == EACCES) {
        return Status::PermissionDenied("key file " + path + " is not readable");
      }
      return Status::Unavailable("key file " + path + " cannot be opened");
    }
    std::string contents;
    std::array<char, 4096> chunk;
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
      contents.append(chunk.data(), static_cast<size_t>(in.gcount()));
      if (contents.size() > kMaxKeyFileBytes) {
        OPENSSL_cleanse(contents.data(), contents.size());
        return Status::InvalidArgument("key file " + path + " is larger than 64 KiB");
      }
    }
    if (in.bad()) {
      return Status::Unavailable("reading key file " + path + " failed");
    }
    return contents;
  };
}

Result<KeyRing> LoadKeyRing(const KeySource& source, const EnvironmentLookup& environment,
                            const FileReader& files) {
  if (source.name.empty()) {
    return Status::InvalidArgument(source.kind == KeySource::Kind::kEnvironment
                                       ? "no masking key: the key variable name is empty"
                                       : "no masking key: the key file path is empty");
  }
  if (source.kind == KeySource::Kind::kEnvironment) {
    std::optional<std::string> value = environment(source.name);
    if (!value.has_value()) {
      return Status::InvalidArgument("no masking key: " + source.Describe() + " is not set" +
                                     std::string(kHint));
    }
    return FromBuffer(&*value, source);
  }
  Result<std::string> contents = files(source.name);
  if (!contents.ok()) {
    const Status& status = contents.status();
    if (status.code() == StatusCode::kInvalidArgument) {
      return status;
    }
    return Status::InvalidArgument("no masking key: " + status.message());
  }
  return FromBuffer(&contents.value(), source);
}

Result<KeyRing> LoadKeyRing(const KeySource& source) {
  return LoadKeyRing(source, ProcessEnvironment(), LocalFileReader());
}

Result<KeyRing> ThrowawayKeyRing() {
  std::string secret(32, '\0');
  if (RAND_bytes(reinterpret_cast<unsigned char*>(secret.data()), 32) != 1) {
    return Status::Internal("the random number generator failed");
  }
  Result<KeyRing> ring = KeyRing::FromSecret(secret);
  OPENSSL_cleanse(secret.data(), secret.size());
  return ring;
}

}  // namespace pgveil::masking
