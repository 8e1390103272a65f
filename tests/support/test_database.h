// tests/support/test_database.h
//
// Databases for integration tests, in the throwaway cluster ci/test.sh
// starts (its DSN is in PGVEIL_TEST_DSN). A missing server is a test
// failure, never a skip.
#pragma once

#include <string>
#include <vector>

#include "datagen/generator.h"

namespace pgveil::testing {

// DSN of the test cluster's maintenance database; FAILs the test when
// PGVEIL_TEST_DSN is not set.
std::string ServerDsn();

// Drops and recreates database `name`; returns its DSN.
std::string FreshDatabase(const std::string& name);

// FreshDatabase(name) loaded with the generated shop database.
std::string ShopDatabase(const std::string& name, const datagen::GeneratorOptions& options);

// FreshDatabase(name) loaded with the generated clinic database.
std::string ClinicDatabase(const std::string& name, const datagen::GeneratorOptions& options);

// FreshDatabase(name) loaded with psql from `files` (paths relative to the
// source tree), in order, with ON_ERROR_STOP=0 as their upstream documents:
// statements that need what the test cluster lacks (roles to own objects)
// fail and the rest goes on. REQUIREs that psql ran.
std::string SqlFilesDatabase(const std::string& name, const std::vector<std::string>& files);

// FreshDatabase(name) loaded with the generated SaaS product.
std::string SaasDatabase(const std::string& name, const datagen::GeneratorOptions& options);

// Runs SQL on `dsn`, REQUIREing success.
void Exec(const std::string& dsn, const std::string& sql);

// `dsn` reaching the same server over TCP on 127.0.0.1 (password auth).
std::string TcpDsn(const std::string& dsn);

}  // namespace pgveil::testing
