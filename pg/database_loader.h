// pg/database_loader.h
//
// DatabaseLoader writes a generated database (datagen::GenerateShop) into a
// real PostgreSQL database: statements as they come, table data through
// COPY FROM STDIN. It has its own libpq connection because libpqxx 6.4 has
// no way to send raw COPY text.
//
// Used by `pgveil demo` and the integration tests; never by a scan, which
// does not write.
//
// Thread-safety: one loader per thread.
#pragma once

#include <memory>
#include <string>

#include "core/status.h"
#include "datagen/generator.h"

namespace pgveil::pg {

class DatabaseLoader : public datagen::Sink {
 public:
  static Result<std::unique_ptr<DatabaseLoader>> Open(const std::string& dsn);
  ~DatabaseLoader() override;

  Status Sql(std::string_view statement) override;
  Status BeginCopy(std::string_view schema, std::string_view table,
                   const std::vector<std::string>& columns) override;
  Status CopyData(std::string_view rows) override;
  Status EndCopy() override;

 private:
  struct Impl;
  explicit DatabaseLoader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::pg
