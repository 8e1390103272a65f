#include "tests/support/scratch_dir.h"

#include <stdlib.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <mutex>
#include <vector>

namespace pgveil::testing {
namespace {

// Every directory handed out; removed when the registry is destroyed at exit.
class Registry {
 public:
  void Add(std::string path) {
    std::lock_guard<std::mutex> lock(mutex_);
    paths_.push_back(std::move(path));
  }
  ~Registry() {
    for (const std::string& path : paths_) {
      std::error_code ignored;
      std::filesystem::remove_all(path, ignored);
    }
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> paths_;
};

Registry& Dirs() {
  static Registry registry;
  return registry;
}

}  // namespace

std::string ScratchDir(const std::string& name) {
  std::string pattern = "/tmp/pgveil-" + name + "-XXXXXX";
  REQUIRE(mkdtemp(pattern.data()) != nullptr);
  Dirs().Add(pattern);
  return pattern;
}

}  // namespace pgveil::testing
