// cli/throwaway_cluster.h
//
// A PostgreSQL cluster that lives as long as this object: started by the
// project's ci/pg.sh (the same script the tests use) in a fresh temporary
// directory, stopped and deleted on destruction.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"

namespace pgveil::cli {

class ThrowawayCluster {
 public:
  // Runs `pg.sh start DIR`. The script is found at $PGVEIL_PG_SCRIPT, else
  // beside an installed binary (../share/pgveil/pg.sh), else as ci/pg.sh in
  // the source tree pgveil was built from.
  static Result<std::unique_ptr<ThrowawayCluster>> Start();
  ~ThrowawayCluster();

  // libpq DSN of the cluster's `postgres` database.
  const std::string& dsn() const { return dsn_; }

 private:
  ThrowawayCluster(std::string script, std::string dir, std::string dsn)
      : script_(std::move(script)), dir_(std::move(dir)), dsn_(std::move(dsn)) {}
  std::string script_;
  std::string dir_;
  std::string dsn_;
};

}  // namespace pgveil::cli
