#include "tests/integration/gate_shop.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/test_database.h"

namespace pgveil::testing {

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  REQUIRE(out.good());
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string InsertAfter(const std::string& text, const std::string& anchor,
                        const std::string& line) {
  size_t at = text.find(anchor);
  REQUIRE(at != std::string::npos);
  size_t end = text.find('\n', at);
  REQUIRE(end != std::string::npos);
  return text.substr(0, end + 1) + line + "\n" + text.substr(end + 1);
}

namespace {

constexpr const char* kInitMigration = R"SQL(-- The shop's first schema.
CREATE TABLE customers (
  id serial PRIMARY KEY,
  email text NOT NULL UNIQUE,
  status text NOT NULL DEFAULT 'active',
  profile jsonb
);
)SQL";

constexpr const char* kSeed = R"SQL(
INSERT INTO customers (email, profile)
SELECT 'customer' || g || '@example.com',
       jsonb_build_object('contact', jsonb_build_object(
         'email', 'c' || g || '@mail.example.org',
         'phone', '+1 415 555 ' || lpad((1000 + g)::text, 4, '0')))
FROM generate_series(1, 200) g;
)SQL";

}  // namespace

const char* const kBackupMigration = R"SQL(-- Customers may give a second address and phone.
ALTER TABLE customers
  ADD COLUMN backup_email text;
UPDATE customers
   SET profile = jsonb_set(profile, '{contact,alt_phone}',
                           to_jsonb('+1 212 555 ' || lpad(id::text, 4, '0')));
UPDATE customers SET backup_email = 'backup' || id || '@example.net' WHERE id % 2 = 0;
)SQL";

Shop MakeShop(const std::string& name) {
  Shop shop;
  shop.dsn = FreshDatabase(name);
  shop.dir = ScratchDir(name);
  shop.migrations = shop.dir + "/migrations";
  shop.policy = shop.dir + "/pgveil.yaml";
  std::filesystem::create_directory(shop.migrations);
  WriteFile(shop.migrations + "/001_init.sql", kInitMigration);
  Exec(shop.dsn, kInitMigration);
  Exec(shop.dsn, kSeed);
  return shop;
}

ProcessResult CheckShop(const Shop& shop, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"check",     "--dsn",        shop.dsn,       "--policy",
                                   shop.policy, "--migrations", shop.migrations};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunPgveil(args);
}

}  // namespace pgveil::testing
