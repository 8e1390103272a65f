#include "masking/key_source.h"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

namespace pgveil::masking {
namespace {

constexpr const char* kSecret = "5f1c0a9e7b3d2c4e8f6a1b0d9c7e5f3a2b4c6d8e0f1a3b5c7d9e1f2a4b6c8d0e";

// A key file holding kSecret with permission bits `mode`.
std::string KeyFile(mode_t mode) {
  char path[] = "/tmp/pgveil-key-XXXXXX";
  int fd = mkstemp(path);
  REQUIRE(fd >= 0);
  close(fd);
  std::ofstream(path) << kSecret << "\n";
  REQUIRE(chmod(path, mode) == 0);
  return path;
}

}  // namespace

TEST_CASE("a key file others may read is refused, naming the file and the fix", "[masking][keys]") {
  for (mode_t mode : {0644, 0640, 0604, 0660, 0610}) {
    const std::string path = KeyFile(mode);
    Result<KeyRing> ring = LoadKeyRing(KeySource::File(path));
    INFO("mode " << std::oct << mode);
    REQUIRE_FALSE(ring.ok());
    CHECK(ring.status().code() == StatusCode::kInvalidArgument);
    CHECK_THAT(ring.status().message(), Catch::Contains("key file " + path));
    CHECK_THAT(ring.status().message(), Catch::Contains("group or others"));
    CHECK_THAT(ring.status().message(), Catch::Contains("chmod 600 " + path));
    CHECK_THAT(ring.status().message(), !Catch::Contains(kSecret));
    std::remove(path.c_str());
  }
}

TEST_CASE("a key file only its owner may read is accepted", "[masking][keys]") {
  for (mode_t mode : {0600, 0400}) {
    const std::string path = KeyFile(mode);
    Result<KeyRing> ring = LoadKeyRing(KeySource::File(path));
    INFO("mode " << std::oct << mode);
    CHECK(ring.ok());
    std::remove(path.c_str());
  }
}

}  // namespace pgveil::masking
