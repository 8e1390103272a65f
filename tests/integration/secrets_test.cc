// The masking key stays secret: a key file others may read is refused, a key
// written into the policy is refused with its file:line, and the key shows
// in no output, error or report, nor on any command line of pgveil or the
// programs it runs.
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include <fstream>

#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/test_database.h"

namespace pgveil {
namespace {

using testing::RunPgveil;

constexpr const char* kKey = "b7e1c0d93a5f2e8476c1a0b9d8e7f6a5c4b3a291807f6e5d4c3b2a1908f7e6d5";

std::string KeyFile(const std::string& name, mode_t mode) {
  const std::string path = testing::ScratchDir(name) + "/pgveil.key";
  std::ofstream(path) << kKey << "\n";
  REQUIRE(chmod(path.c_str(), mode) == 0);
  return path;
}

}  // namespace

TEST_CASE("a key file group or others may read is refused with exit 2 and the fix",
          "[integration][secrets]") {
  const std::string path = KeyFile("secrets_open", 0644);
  testing::ProcessResult run =
      RunPgveil({"mask", "--transform", "email", "--key-file", path, "jane@example.com"});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("key file " + path + " is accessible by group or others"));
  CHECK_THAT(run.err, Catch::Contains("chmod 600 " + path));
  CHECK(run.out.empty());
  CHECK(run.err.find(kKey) == std::string::npos);

  REQUIRE(chmod(path.c_str(), 0600) == 0);
  testing::ProcessResult fixed =
      RunPgveil({"mask", "--transform", "email", "--key-file", path, "jane@example.com"});
  INFO(fixed.err);
  CHECK(fixed.exit_code == 0);
  CHECK_THAT(fixed.out, Catch::Contains("@"));
  CHECK(fixed.out.find(kKey) == std::string::npos);
}

TEST_CASE("a key the key ring rejects is named by its source, never echoed",
          "[integration][secrets]") {
  const std::string weak = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
  testing::ProcessResult run =
      RunPgveil({"mask", "--transform", "email", "jane@example.com"}, {"PGVEIL_KEY=" + weak});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("environment variable PGVEIL_KEY"));
  CHECK(run.err.find(weak) == std::string::npos);
  CHECK(run.out.find(weak) == std::string::npos);
}

TEST_CASE("a key written into the policy is refused with its file:line", "[integration][secrets]") {
  const std::string dir = testing::ScratchDir("secrets_inline");
  std::ofstream(dir + "/pgveil.yaml") << "version: 1\nkey: " << kKey << "\n";
  testing::ProcessResult run = RunPgveil(
      {"check", "--dsn", testing::ServerDsn(), "--policy", dir + "/pgveil.yaml", "--no-sample"});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains(dir + "/pgveil.yaml:2:6: the masking key must not be written "
                                            "in the policy"));
  CHECK(run.err.find(kKey) == std::string::npos);
}

}  // namespace pgveil
