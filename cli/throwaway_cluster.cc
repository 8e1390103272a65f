#include "cli/throwaway_cluster.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/identifier.h"

namespace pgveil::cli {
namespace {

std::string ScriptPath() {
  if (const char* path = std::getenv("PGVEIL_PG_SCRIPT")) return path;
  std::error_code error;
  const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    const std::filesystem::path installed = self.parent_path() / "../share/pgveil/pg.sh";
    if (std::filesystem::exists(installed, error)) return installed.lexically_normal().string();
  }
  return std::string(PGVEIL_SOURCE_DIR) + "/ci/pg.sh";
}

// Runs `command` through the shell and returns its stdout.
Result<std::string> Capture(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return Status::Unavailable("cannot run " + command);
  std::string out;
  char buffer[512];
  while (size_t n = fread(buffer, 1, sizeof(buffer), pipe)) out.append(buffer, n);
  int rc = pclose(pipe);
  if (rc != 0) return Status::Unavailable(command + " failed (see its messages above)");
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

}  // namespace

Result<std::unique_ptr<ThrowawayCluster>> ThrowawayCluster::Start() {
  std::string script = ScriptPath();
  if (!std::filesystem::exists(script)) {
    return Status::NotFound("cluster script " + script + " not found (set PGVEIL_PG_SCRIPT)");
  }
  std::string pattern = (std::filesystem::temp_directory_path() / "pgveil-demo-XXXXXX").string();
  if (!mkdtemp(pattern.data())) return Status::Unavailable("cannot create a temporary directory");
  auto dsn = Capture(QuoteShellWord(script) + " start " + QuoteShellWord(pattern));
  if (!dsn.ok()) {
    std::filesystem::remove_all(pattern);
    return dsn.status().WithContext("starting a throwaway PostgreSQL cluster");
  }
  return std::unique_ptr<ThrowawayCluster>(new ThrowawayCluster(script, pattern, *dsn));
}

ThrowawayCluster::~ThrowawayCluster() {
  std::string command = QuoteShellWord(script_) + " stop " + QuoteShellWord(dir_);
  if (std::system(command.c_str()) != 0)
    std::fprintf(stderr, "pgveil: could not stop the cluster in %s\n", dir_.c_str());
}

}  // namespace pgveil::cli
