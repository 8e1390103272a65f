#include "cli/terminal.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "cli/exit_codes.h"

namespace pgveil::cli {

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

bool UseColor(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) == 1 && (no_color == nullptr || no_color[0] == '\0');
}

int ReportError(const Status& status) {
  Progress("");
  std::fprintf(stderr, "pgveil: %s\n", status.message().c_str());
  return ExitCodeFor(status);
}

void Progress(std::string_view message) {
  if (!StderrIsTerminal()) return;
  std::fprintf(stderr, "\r\x1b[2K%.*s", static_cast<int>(message.size()), message.data());
  std::fflush(stderr);
}

Status WriteOutput(const std::string& path, std::string_view text) {
  if (path.empty() || path == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return Status::Ok();
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::Unavailable("cannot write " + path);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
  out.close();
  if (!out) return Status::Unavailable("cannot write " + path);
  return Status::Ok();
}

}  // namespace pgveil::cli
