// replicator/work_dir.h
//
// A WorkDir is a private temporary directory (mode 0700, from mkdtemp) for
// the schema archive and its lists, removed with its contents when the
// WorkDir goes.
//
// Thread-safety: not shared.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>

#include "core/status.h"

namespace pgveil::replicator {

class WorkDir {
 public:
  static Result<WorkDir> Create() {
    std::error_code error;
    std::string pattern =
        (std::filesystem::temp_directory_path(error) / "pgveil-replicate-XXXXXX").string();
    if (error || mkdtemp(pattern.data()) == nullptr) {
      return Status::Unavailable("cannot create a temporary directory for the schema dump");
    }
    return WorkDir(pattern);
  }
  WorkDir(WorkDir&& other) noexcept : path_(std::move(other.path_)) { other.path_.clear(); }
  WorkDir(const WorkDir&) = delete;
  WorkDir& operator=(const WorkDir&) = delete;
  ~WorkDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  const std::string& path() const { return path_; }

 private:
  explicit WorkDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};


}  // namespace pgveil::replicator
