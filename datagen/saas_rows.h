// datagen/saas_rows.h
//
// The SaaS product's row writers, one per table. Every writer streams
// RowCount() rows of its table into a CopyWriter whose columns are
// TableSpec::CopyColumns(), in that order; row i draws from
// Rng::ForRow(seed, <table stream>, i) and nothing else, so memory stays at
// one COPY buffer at any scale. Foreign keys only point at rows that exist.
//
// Thread-safety: pure functions apart from the writer.
#pragma once

#include <cstdint>

#include "core/status.h"
#include "datagen/copy_writer.h"

namespace pgveil::datagen {

// Row counts the writers need for foreign keys.
struct SaasContext {
  uint64_t seed = 1;
  int64_t workspaces = 0;
  int64_t users = 0;
  int64_t projects = 0;
};

// Stream ids, one per table, disjoint from the shop's and the clinic's.
// Changing one changes the generated data for every seed.
enum SaasStream : uint64_t {
  kWorkspaceRows = 201,
  kUserRows,
  kBillingContactRows,
  kApiTokenRows,
  kLanguageRows,
  kProjectRows,
  kIssueRows,
  kReleaseRows,
  kDeviceRows,
  kFeatureFlagRows,
  kEventRows,
};

Status WriteWorkspaces(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteUsers(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteBillingContacts(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteApiTokens(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteLanguages(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteProjects(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteIssues(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteReleases(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteDevices(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteFeatureFlags(const SaasContext& ctx, int64_t rows, CopyWriter& out);
Status WriteEvents(const SaasContext& ctx, int64_t rows, CopyWriter& out);

}  // namespace pgveil::datagen
