#include "replicator/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <sstream>

extern char** environ;

namespace pgveil::replicator {
namespace {

constexpr size_t kMaxStderr = 64 << 10;

// Absolute path of `program`: from PGVEIL_PG_BIN, or the first executable
// match on PATH.
std::string FindProgram(const std::string& program) {
  if (program.find('/') != std::string::npos) return program;
  if (const char* bin = std::getenv("PGVEIL_PG_BIN"); bin != nullptr && bin[0] != '\0') {
    return std::string(bin) + "/" + program;
  }
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return "";
}

// Reads both pipes until both are closed.
void Collect(int out_fd, int err_fd, ChildOutput* output) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  int open = (out_fd >= 0) + 1;
  if (out_fd < 0) fds[0].fd = -1;
  char buffer[1 << 16];
  while (open > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open;
        continue;
      }
      std::string& sink = i == 0 ? output->out : output->err;
      if (i == 0 || sink.size() < kMaxStderr) sink.append(buffer, static_cast<size_t>(n));
    }
  }
}

}  // namespace

Result<ChildOutput> RunChild(const std::vector<std::string>& argv,
                             const std::vector<std::string>& env, bool capture_stdout) {
  if (argv.empty()) return Status::Internal("RunChild without a program");
  std::string path = FindProgram(argv[0]);
  if (path.empty() || access(path.c_str(), X_OK) != 0) {
    return Status::NotFound(argv[0] +
                            " was not found (install the PostgreSQL client programs, "
                            "or set PGVEIL_PG_BIN to their folder)");
  }
  // Everything the child needs is built before fork: after it, only
  // async-signal-safe calls.
  std::vector<char*> args;
  for (const std::string& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> names;
  for (const std::string& entry : env) names.push_back(entry.substr(0, entry.find('=') + 1));
  std::vector<char*> envp;
  for (char** e = environ; *e != nullptr; ++e) {
    // The masking key is pgveil's alone: pg_dump and pg_restore never see it.
    bool replaced = std::strncmp(*e, "PGVEIL_KEY=", 11) == 0;
    for (const std::string& name : names) {
      replaced = replaced || std::strncmp(*e, name.c_str(), name.size()) == 0;
    }
    if (!replaced) envp.push_back(*e);
  }
  for (const std::string& entry : env) envp.push_back(const_cast<char*>(entry.c_str()));
  envp.push_back(nullptr);

  int out_pipe[2] = {-1, -1};
  int err_pipe[2] = {-1, -1};
  if ((capture_stdout && pipe2(out_pipe, O_CLOEXEC) != 0) || pipe2(err_pipe, O_CLOEXEC) != 0) {
    return Status::Unavailable("cannot run " + argv[0] + ": " + std::strerror(errno));
  }
  const pid_t parent = getpid();
  const pid_t child = fork();
  if (child < 0) return Status::Unavailable("cannot run " + argv[0] + ": " + std::strerror(errno));
  if (child == 0) {
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(127);  // the parent died before prctl
    int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, STDIN_FILENO);
    dup2(capture_stdout ? out_pipe[1] : null_fd, STDOUT_FILENO);
    dup2(err_pipe[1], STDERR_FILENO);
    execve(path.c_str(), args.data(), envp.data());
    _exit(127);
  }
  if (capture_stdout) close(out_pipe[1]);
  close(err_pipe[1]);
  ChildOutput output;
  Collect(capture_stdout ? out_pipe[0] : -1, err_pipe[0], &output);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  output.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return output;
}

std::string ChildErrorSummary(const std::string& program, const std::string& err, int max_lines) {
  std::istringstream lines(err);
  std::string summary;
  int kept = 0;
  const std::string prefix = program + ": ";
  for (std::string line; kept < max_lines && std::getline(lines, line);) {
    if (!line.starts_with(prefix)) continue;  // DETAIL, HINT, "Command was:" continuation lines
    line = line.substr(prefix.size());
    if (line.starts_with("error: ")) line = line.substr(7);
    if (line.starts_with("warning: errors ignored") || line.ends_with("while PROCESSING TOC:")) {
      continue;
    }
    for (const char* severity : {"ERROR:  ", "FATAL:  "}) {
      size_t at = line.find(severity);
      if (at != std::string::npos) line.erase(at, std::strlen(severity));
    }
    summary += (summary.empty() ? "" : "; ") + line;
    ++kept;
  }
  return summary.empty() ? program + " failed without a message" : summary;
}

}  // namespace pgveil::replicator
