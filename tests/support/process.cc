#include "tests/support/process.h"

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "core/identifier.h"

namespace pgveil::testing {
namespace {

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

}  // namespace

ProcessResult RunPgveil(const std::vector<std::string>& args, const std::vector<std::string>& env,
                        const std::string& cwd) {
  const char* binary = std::getenv("PGVEIL_BINARY");
  if (binary == nullptr) FAIL("PGVEIL_BINARY is not set: run the tests through ci/test.sh");
  char out_path[] = "/tmp/pgveil-out-XXXXXX";
  char err_path[] = "/tmp/pgveil-err-XXXXXX";
  close(mkstemp(out_path));
  close(mkstemp(err_path));
  std::string command = cwd.empty() ? "env" : "cd " + QuoteShellWord(cwd) + " && env";
  for (const std::string& e : env) {
    command += e.starts_with("-") ? " -u " + QuoteShellWord(e.substr(1)) : " " + QuoteShellWord(e);
  }
  command += " " + QuoteShellWord(binary);
  for (const std::string& a : args) command += " " + QuoteShellWord(a);
  command += std::string(" </dev/null >") + out_path + " 2>" + err_path;
  int status = std::system(command.c_str());
  ProcessResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  result.out = Slurp(out_path);
  result.err = Slurp(err_path);
  unlink(out_path);
  unlink(err_path);
  return result;
}

}  // namespace pgveil::testing
