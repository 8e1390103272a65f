#include "tests/support/test_database.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <regex>

#include "core/identifier.h"
#include "pg/connection.h"
#include "pg/database_loader.h"

namespace pgveil::testing {

std::string ServerDsn() {
  const char* dsn = std::getenv("PGVEIL_TEST_DSN");
  if (dsn == nullptr || dsn[0] == '\0') {
    FAIL("PGVEIL_TEST_DSN is not set: run the tests through ci/test.sh, which starts PostgreSQL");
  }
  return dsn;
}

void Exec(const std::string& dsn, const std::string& sql) {
  auto connection = pg::Connection::Open(dsn);
  REQUIRE(connection.ok());
  Status status = (*connection)->Execute(sql);
  INFO(status.message());
  REQUIRE(status.ok());
}

std::string FreshDatabase(const std::string& name) {
  std::string server = ServerDsn();
  Exec(server, "DROP DATABASE IF EXISTS " + QuoteIdent(name) + " WITH (FORCE)");
  Exec(server, "CREATE DATABASE " + QuoteIdent(name));
  return server + " dbname=" + QuoteLiteral(name);
}

std::string SqlFilesDatabase(const std::string& name, const std::vector<std::string>& files) {
  std::string dsn = FreshDatabase(name);
  for (const std::string& file : files) {
    std::string command = "psql -X -q -v ON_ERROR_STOP=0 -d " + QuoteShellWord(dsn) + " -f " +
                          QuoteShellWord(std::string(PGVEIL_SOURCE_DIR) + "/" + file) +
                          " >/dev/null 2>&1 </dev/null";
    INFO("loading " << file);
    REQUIRE(std::system(command.c_str()) == 0);
  }
  return dsn;
}

namespace {

using Generator = Status (*)(const datagen::GeneratorOptions&, datagen::Sink&);

std::string GeneratedDatabase(const std::string& name, const datagen::GeneratorOptions& options,
                              Generator generate) {
  std::string dsn = FreshDatabase(name);
  auto loader = pg::DatabaseLoader::Open(dsn);
  REQUIRE(loader.ok());
  Status loaded = generate(options, **loader);
  INFO(loaded.message());
  REQUIRE(loaded.ok());
  return dsn;
}

}  // namespace

std::string ShopDatabase(const std::string& name, const datagen::GeneratorOptions& options) {
  return GeneratedDatabase(name, options, datagen::GenerateShop);
}

std::string ClinicDatabase(const std::string& name, const datagen::GeneratorOptions& options) {
  return GeneratedDatabase(name, options, datagen::GenerateClinic);
}

std::string SaasDatabase(const std::string& name, const datagen::GeneratorOptions& options) {
  return GeneratedDatabase(name, options, datagen::GenerateSaas);
}

std::string TcpDsn(const std::string& dsn) {
  return std::regex_replace(dsn, std::regex("host=\\S+"), "host=127.0.0.1");
}

}  // namespace pgveil::testing
