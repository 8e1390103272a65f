#include "tests/support/test_cluster.h"

#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "core/identifier.h"
#include "tests/support/test_database.h"

namespace pgveil::testing {
namespace {

std::string Script() { return std::string(PGVEIL_SOURCE_DIR) + "/ci/pg.sh"; }

void RunScript(const std::string& verb, const std::string& dir) {
  std::string command = QuoteShellWord(Script()) + " " + verb + " " + QuoteShellWord(dir);
  INFO(command);
  REQUIRE(std::system(command.c_str()) == 0);
}

}  // namespace

std::unique_ptr<TestCluster> TestCluster::Start() {
  std::string dir = (std::filesystem::temp_directory_path() / "pgveil-cluster-XXXXXX").string();
  REQUIRE(mkdtemp(dir.data()) != nullptr);
  std::string command = QuoteShellWord(Script()) + " start " + QuoteShellWord(dir);
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[512];
  while (size_t n = fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  int rc = pclose(pipe);
  INFO(command);
  REQUIRE(rc == 0);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  REQUIRE(!out.empty());
  return std::unique_ptr<TestCluster>(new TestCluster(dir, out));
}

TestCluster::~TestCluster() {
  std::string command = QuoteShellWord(Script()) + " stop " + QuoteShellWord(dir_);
  if (std::system(command.c_str()) != 0) {
    std::fprintf(stderr, "could not stop the test cluster in %s\n", dir_.c_str());
  }
}

void TestCluster::Crash() const { RunScript("crash", dir_); }

void TestCluster::Restart() const { RunScript("restart", dir_); }

std::string TestCluster::DatabaseDsn(const std::string& name) const {
  return dsn_ + " dbname=" + QuoteLiteral(name);
}

std::string TestCluster::FreshDatabase(const std::string& name) const {
  Exec(dsn_, "DROP DATABASE IF EXISTS " + QuoteIdent(name) + " WITH (FORCE)");
  Exec(dsn_, "CREATE DATABASE " + QuoteIdent(name));
  return DatabaseDsn(name);
}

}  // namespace pgveil::testing
