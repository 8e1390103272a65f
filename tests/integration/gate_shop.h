// tests/integration/gate_shop.h
//
// What the gate's integration tests share: a shop database built by
// migrations (the first applied and written to a temporary migrations
// folder), the migration a developer adds next, and small file helpers.
#pragma once

#include <string>
#include <vector>

#include "tests/support/process.h"
#include "tests/support/scratch_dir.h"

namespace pgveil::testing {

void WriteFile(const std::string& path, const std::string& text);
std::string ReadFile(const std::string& path);

// `text` with `line` inserted after the line that contains `anchor`.
std::string InsertAfter(const std::string& text, const std::string& anchor,
                        const std::string& line);

// Adds customers.backup_email and the JSONB key $.contact.alt_phone, with
// data; the column on line 3, the key's literal on line 5.
extern const char* const kBackupMigration;

// A database with the first migration applied and 200 customers; its
// migrations folder holds that migration; `policy` is where a test writes
// pgveil.yaml.
struct Shop {
  std::string dsn;
  std::string dir;
  std::string migrations;
  std::string policy;
};

Shop MakeShop(const std::string& name);

// `pgveil check` on the shop with its policy and migrations, plus `extra`.
ProcessResult CheckShop(const Shop& shop, const std::vector<std::string>& extra = {});

}  // namespace pgveil::testing
