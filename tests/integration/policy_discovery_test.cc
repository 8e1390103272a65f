// Which policy a command uses without --policy: PGVEIL_POLICY, else the
// nearest pgveil.yaml above the working directory; the file used is named
// first on stderr, and none found is exit 2 saying where pgveil looked.
// Each policy here is broken on purpose in its own way, so the error says
// which file was read.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"

namespace pgveil {
namespace {

using testing::RunPgveil;

void Write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

}  // namespace

TEST_CASE("without --policy the nearest pgveil.yaml is used, and named first",
          "[integration][cli][discovery]") {
  const std::string root = testing::ScratchDir("discovery");
  Write(root + "/pgveil.yaml", "version: 1\nmode: sloppy\n");
  Write(root + "/app/pgveil.yaml", "version: 1\nmode: lenient\n");
  std::filesystem::create_directories(root + "/app/db/migrations");

  for (const char* command : {"check", "report", "replicate"}) {
    INFO(command);
    std::vector<std::string> args = {command};
    if (std::string(command) == "report") args.insert(args.end(), {"--format", "json"});
    if (std::string(command) == "replicate") {
      args.insert(args.end(), {"--source", "x", "--target", "y"});
    }
    auto run = RunPgveil(args, {"-PGVEIL_POLICY"}, root + "/app/db/migrations");
    CHECK(run.exit_code == 2);
    CHECK(FirstLine(run.err) ==
          "pgveil: policy " + root + "/app/pgveil.yaml (found in a parent directory)");
    CHECK_THAT(run.err, Catch::Contains(root + "/app/pgveil.yaml:2"));
    CHECK_THAT(run.err, Catch::Contains("lenient"));
  }
  auto here = RunPgveil({"check"}, {"-PGVEIL_POLICY"}, root + "/app");
  CHECK(FirstLine(here.err) == "pgveil: policy " + root + "/app/pgveil.yaml");
}

TEST_CASE("PGVEIL_POLICY wins over the nearest file, and --policy over both",
          "[integration][cli][discovery]") {
  const std::string root = testing::ScratchDir("discovery-env");
  Write(root + "/pgveil.yaml", "version: 1\nmode: lenient\n");
  Write(root + "/elsewhere/team.yaml", "version: 1\nmode: sloppy\n");
  Write(root + "/explicit.yaml", "version: 1\nmode: careless\n");

  auto from_env = RunPgveil({"check"}, {"PGVEIL_POLICY=" + root + "/elsewhere/team.yaml"}, root);
  CHECK(from_env.exit_code == 2);
  CHECK(FirstLine(from_env.err) ==
        "pgveil: policy " + root + "/elsewhere/team.yaml (from PGVEIL_POLICY)");
  CHECK_THAT(from_env.err, Catch::Contains("sloppy"));

  auto explicit_flag =
      RunPgveil({"check", "--policy", root + "/explicit.yaml"},
                {"PGVEIL_POLICY=" + root + "/elsewhere/team.yaml"}, root);
  CHECK(explicit_flag.exit_code == 2);
  CHECK_THAT(explicit_flag.err, Catch::Contains("careless"));
  CHECK_THAT(explicit_flag.err, !Catch::Contains("PGVEIL_POLICY"));
}

TEST_CASE("no policy anywhere is exit 2 saying where pgveil looked",
          "[integration][cli][discovery]") {
  const std::string empty = testing::ScratchDir("discovery-none");
  REQUIRE_FALSE(std::filesystem::exists("/tmp/pgveil.yaml"));
  REQUIRE_FALSE(std::filesystem::exists("/pgveil.yaml"));
  auto run = RunPgveil({"check"}, {"-PGVEIL_POLICY"}, empty);
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Catch::Contains("no policy: --policy was not given, PGVEIL_POLICY is not "
                                      "set, and there is no pgveil.yaml in " + empty));
  CHECK_THAT(run.err, Catch::Contains("pgveil bootstrap -o pgveil.yaml"));
}

}  // namespace pgveil
