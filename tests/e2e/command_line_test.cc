// The masking key and the source's password stay off command lines, which
// any user of the machine can read in /proc/PID/cmdline: pgveil takes the key
// only from the environment or a file, and hands pg_dump and pg_restore the
// password in PGPASSWORD, never in their arguments.
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <chrono>
#include <set>
#include <sstream>
#include <thread>

#include "tests/e2e/e2e_fixture.h"
#include "tests/e2e/stream_checks.h"
#include "tests/support/test_database.h"

namespace pgveil::e2e {
namespace {

constexpr const char* kPassword = "cmdline-secret-password";

// /proc/PID/NAME, or "" for a process gone meanwhile: reading the file of
// a process that has exited fails with ESRCH, which an ifstream throws.
std::string ProcFile(const std::string& pid, const std::string& name) {
  const int fd = open(("/proc/" + pid + "/" + name).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return "";
  std::string text;
  char buffer[4096];
  ssize_t got = 0;
  while ((got = read(fd, buffer, sizeof(buffer))) > 0)
    text.append(buffer, static_cast<size_t>(got));
  close(fd);
  return got < 0 ? "" : text;
}

// The process ids whose parent is `parent`.
std::vector<std::string> Children(const std::string& parent) {
  std::vector<std::string> children;
  DIR* proc = opendir("/proc");
  REQUIRE(proc != nullptr);
  while (dirent* entry = readdir(proc)) {
    const std::string pid = entry->d_name;
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    const std::string stat = ProcFile(pid, "stat");
    // pid (comm) state ppid ...: comm may hold spaces, so read after ')'.
    const size_t close = stat.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(stat.substr(close + 1));
    std::string state, ppid;
    rest >> state >> ppid;
    if (ppid == parent) children.push_back(pid);
  }
  closedir(proc);
  return children;
}

}  // namespace

TEST_CASE("no command line of replicate or of the programs it runs holds the key or password",
          "[e2e]") {
  Fixture& f = Fixture::Get();
  Exec(f.source(), std::string("ALTER ROLE postgres PASSWORD '") + kPassword + "'");
  // Over TCP, where the password is needed, and given in the DSN as users do.
  const std::string source = testing::TcpDsn(f.source()) + " password=" + kPassword;
  const std::string target = f.FreshTarget("command_line");
  Child child = SpawnReplicate(source, target, f.policy_path(), {"--jobs", "2"});
  const std::string pid = std::to_string(child.pid);

  std::string own;                     // pgveil's own command line
  std::set<std::string> client_lines;  // every pg_dump and pg_restore seen
  const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(180);
  while (std::chrono::steady_clock::now() < end &&
         ReadFile(child.err_path).find("streaming from the slot") == std::string::npos) {
    const std::string line = ProcFile(pid, "cmdline");
    if (!line.empty()) own = line;
    for (const std::string& client : Children(pid)) {
      const std::string client_line = ProcFile(client, "cmdline");
      // Between fork and exec a child still shows pgveil's arguments.
      if (client_line.starts_with("pg_dump") || client_line.find("/pg_dump") != std::string::npos ||
          client_line.find("pg_restore") != std::string::npos) {
        client_lines.insert(client_line);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  INFO(ReadFile(child.err_path));
  CHECK(ReadFile(child.err_path).find("streaming from the slot") != std::string::npos);
  CHECK(Kill(child));

  REQUIRE_FALSE(own.empty());
  CHECK(own.find(kTestKey) == std::string::npos);
  // pg_dump writes the schema and pg_restore loads it twice; catching one of
  // them at work is enough to see what they were given.
  INFO(client_lines.size() << " pg_dump/pg_restore command lines seen");
  CHECK_FALSE(client_lines.empty());
  for (const std::string& line : client_lines) {
    CHECK(line.find(kPassword) == std::string::npos);
    CHECK(line.find(kTestKey) == std::string::npos);
  }
  Exec(f.source(), "ALTER ROLE postgres PASSWORD NULL");
  // The killed run left its slot, publication and schema triggers on the
  // shared source; the tests after this one expect none.
  CHECK(testing::RunPgveil({"replicate", "cleanup", "--source", f.source(), "--target", target})
            .exit_code == 0);
  CHECK(PgveilSlots(f.source()).empty());
}

}  // namespace pgveil::e2e
