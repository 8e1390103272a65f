#include "cli/terminal.h"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.h"

namespace pgveil::cli {

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

bool UseColor(int fd) {
  const char* no_color = std::getenv("NO_COLOR");
  return isatty(fd) == 1 && (no_color == nullptr || no_color[0] == '\0');
}

namespace {

LogFormat log_format = LogFormat::kText;
bool quiet = false;
bool verbose = false;

std::string UtcNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  return fmt::format("{}.{:03d}Z", text, millis);
}

}  // namespace

void SetLogFormat(LogFormat format) { log_format = format; }
LogFormat CurrentLogFormat() { return log_format; }

void LogLine(std::string_view level, std::string_view event, const std::string& message) {
  if (log_format == LogFormat::kText) {
    Progress("");
    std::fprintf(stderr, "pgveil: %s\n", message.c_str());
    return;
  }
  nlohmann::ordered_json line = {
      {"time", UtcNow()}, {"level", level}, {"event", event}, {"message", message}};
  const std::string text =
      line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
  std::fprintf(stderr, "%s\n", text.c_str());
  std::fflush(stderr);
}

void Debug(std::string_view event, const std::string& message) {
  if (verbose) LogLine("debug", event, message);
}

void AddVerboseFlag(CLI::App& app) {
  for (CLI::App* command : app.get_subcommands({})) {
    command->add_flag_callback(
        "-v,--verbose", [] { verbose = true; },
        "also log each table's sample, each phase and each stream checkpoint");
    AddVerboseFlag(*command);
  }
}

int ReportError(const Status& status) {
  LogLine("error", "error", status.message());
  return ExitCodeFor(status);
}

void AddQuietFlag(CLI::App& command) {
  command.add_flag_callback("-q,--quiet", [] { quiet = true; }, "no progress line on the terminal");
}

bool ShowsProgress() { return !quiet && log_format == LogFormat::kText && StderrIsTerminal(); }

void Progress(std::string_view message) {
  if (!ShowsProgress()) return;
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
