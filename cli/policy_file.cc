#include "cli/policy_file.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "policy/policy_loader.h"

namespace pgveil::cli {

Result<std::string> ReadTextFile(const std::string& path, const std::string& what) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return Status::NotFound("cannot read " + what + " " + path + ": no such file");
  }
  if (std::filesystem::is_directory(path, error)) {
    return Status::InvalidArgument("cannot read " + what + " " + path + ": it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Unavailable("cannot read " + what + " " + path + ": " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) {
    return Status::Unavailable("cannot read " + what + " " + path);
  }
  return text.str();
}

Result<policy::Policy> LoadPolicyFile(const std::string& path) {
  PGVEIL_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path, "policy"));
  return policy::LoadPolicy(text, path);
}

Result<policy::SchemaSnapshot> LoadSnapshotFile(const std::string& path) {
  PGVEIL_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path, "snapshot"));
  Result<policy::SchemaSnapshot> snapshot = policy::SnapshotFromJson(text);
  if (!snapshot.ok()) {
    return snapshot.status().WithContext(path);
  }
  return snapshot;
}

Result<std::vector<policy::MigrationFile>> ReadMigrations(const std::string& directory) {
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error)) {
    return Status::NotFound("cannot read migrations " + directory + ": not a directory");
  }
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
    if (entry.path().extension() == ".sql" && entry.is_regular_file(error)) {
      names.push_back(entry.path().filename().string());
    }
  }
  if (error) {
    return Status::Unavailable("cannot read migrations " + directory + ": " + error.message());
  }
  std::sort(names.begin(), names.end());
  std::string prefix = directory;
  while (prefix.size() > 1 && prefix.back() == '/') {
    prefix.pop_back();
  }
  std::vector<policy::MigrationFile> files;
  for (const std::string& name : names) {
    std::string path = prefix;
    path += "/";
    path += name;
    PGVEIL_ASSIGN_OR_RETURN(std::string text, ReadTextFile(path, "migration"));
    files.push_back({path, std::move(text)});
  }
  return files;
}

policy::CalendarDate Today() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

int ReportErrorLines(const Status& status) {
  std::istringstream lines(status.message());
  std::string line;
  while (std::getline(lines, line)) LogLine("error", "error", line);
  return ExitCodeFor(status);
}

}  // namespace pgveil::cli
