// The progress line: shown on a terminal (here a pseudo-terminal made by
// script(1)), never in a pipe or a file, and silenced by -q/--quiet, while
// the findings are printed all the same.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iterator>

#include "core/identifier.h"
#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"
#include "tests/support/test_database.h"

namespace pgveil {
namespace {

// Runs pgveil with `args` under a pseudo-terminal; returns everything the
// terminal showed (stdout and stderr together).
std::string OnTerminal(const std::vector<std::string>& args) {
  const char* binary = std::getenv("PGVEIL_BINARY");
  REQUIRE(binary != nullptr);
  std::string command = QuoteShellWord(binary);
  for (const std::string& arg : args) command += " " + QuoteShellWord(arg);
  const std::string transcript = testing::ScratchDir("pty") + "/transcript";
  const std::string script = "script -qefc " + QuoteShellWord(command) + " " +
                             QuoteShellWord(transcript) + " </dev/null >/dev/null 2>&1";
  REQUIRE(std::system(script.c_str()) == 0);
  std::ifstream in(transcript, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("scan shows its progress on a terminal only, and --quiet silences it",
          "[integration][cli][progress]") {
  const std::string dsn =
      testing::ShopDatabase("progress_shop", datagen::GeneratorOptions{.seed = 3, .scale = 0.1});

  const std::string shown = OnTerminal({"scan", "--dsn", dsn});
  CHECK_THAT(shown, Catch::Contains("\r\x1b[2Kscanned 1/"));
  CHECK_THAT(shown, Catch::Contains("rows sampled ("));

  auto piped = testing::RunPgveil({"scan", "--dsn", dsn});
  CHECK(piped.exit_code == 0);
  CHECK(piped.err.find("scanned") == std::string::npos);
  CHECK(piped.err.find('\r') == std::string::npos);

  for (const std::vector<std::string>& quiet :
       {std::vector<std::string>{"scan", "--dsn", dsn, "--quiet"},
        std::vector<std::string>{"scan", "-q", "--dsn", dsn}}) {
    const std::string silent = OnTerminal(quiet);
    CHECK(silent.find("scanned") == std::string::npos);
    CHECK(silent.find("\x1b[2K") == std::string::npos);
    CHECK_THAT(silent, Catch::Contains("customers"));  // the findings themselves
  }
}

}  // namespace pgveil
