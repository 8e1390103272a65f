// tests/support/test_cluster.h
//
// A PostgreSQL cluster of the test's own, for tests that need more than the
// one cluster ci/test.sh starts (the replicator's source and target): started
// with ci/pg.sh in a fresh temporary directory, stopped and deleted when the
// object is destroyed. Starting one takes a second or two.
#pragma once

#include <memory>
#include <string>

namespace pgveil::testing {

class TestCluster {
 public:
  // Starts a cluster; FAILs the test when ci/pg.sh does not succeed.
  static std::unique_ptr<TestCluster> Start();
  ~TestCluster();
  TestCluster(const TestCluster&) = delete;
  TestCluster& operator=(const TestCluster&) = delete;

  // DSN of the cluster's `postgres` database (unix socket, trust).
  const std::string& dsn() const { return dsn_; }
  // DSN of database `name` on this cluster.
  std::string DatabaseDsn(const std::string& name) const;
  // Drops and recreates database `name`; returns its DSN.
  std::string FreshDatabase(const std::string& name) const;

  // Stops the server as a crash would (pg_ctl -m immediate), and starts it
  // again (crash recovery); FAIL when either does not succeed.
  void Crash() const;
  void Restart() const;

 private:
  TestCluster(std::string dir, std::string dsn) : dir_(std::move(dir)), dsn_(std::move(dsn)) {}
  std::string dir_;
  std::string dsn_;
};

}  // namespace pgveil::testing
