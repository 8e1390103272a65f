// replicator/branch.h
//
// Branches of a masked replica: databases cut from it on its own server
// with CREATE DATABASE ... TEMPLATE replica STRATEGY FILE_COPY, one per
// developer or pull request, dropped after use or once their TTL has run
// out (replicator/DESIGN.md, "Branches").
//
//   - A branch is cut only from a replica whose copy is complete and whose
//     last schema gate did not fail, and only at a transaction boundary of
//     its stream (branch_lock.h): it holds whole source transactions up to
//     one LSN, the applied LSN its own copy of the state row records.
//   - Its provenance (replica, source, LSN, policy sha256 and mode,
//     created-at, TTL, creator) is JSON in its database comment, which any
//     session on the server can read (pg_shdescription): `branch list`
//     reads it from there, the compliance report from inside the branch.
//   - The branch's state row says "branch" and names no slot, so no
//     `replicate` ever resumes a stream into it.
//   - Commands on the branches of one replica take its branch lock in turn:
//     two creates of one name give one branch and one clear error. Only
//     databases that carry a branch's provenance are ever dropped.
//
// Thread-safety: plain functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace pgveil::replicator {

struct BranchOptions {
  std::string replica_dsn;
  int64_t ttl_seconds = 0;  // create: 0 never expires
  int wait_seconds = 30;    // how long sessions may take to leave the replica
  bool force = false;       // drop, reset, gc: end the sessions connected to the branch
};

struct Branch {
  std::string name;
  std::string dsn;      // the branch's connection string, without a password
  std::string replica;  // the replica's database name
  std::string source;   // the replica's source, without a password
  std::string lsn;      // the replica's applied LSN the branch was cut at
  std::string policy_sha256;
  std::string policy_mode;
  std::string created_at;  // ISO 8601, UTC
  std::string reset_at;    // "" until reset
  std::string expires_at;  // "" when it never expires
  int64_t ttl_seconds = 0;
  std::string creator;  // current_user of the command that created it
  bool expired = false;
  int64_t bytes = 0;   // list: pg_database_size
  double seconds = 0;  // create, reset: from the request to the branch being ready
};

// `branch` as JSON: with `full`, what `branch create|list --format json`
// print (name, DSN, provenance, whether it expired, bytes); without, the
// provenance its database comment keeps.
std::string BranchJson(const Branch& branch, bool full);

Result<Branch> CreateBranch(const std::string& name, const BranchOptions& options);

// Drops branch `name` and cuts it again from the replica's current state,
// keeping its creation time, expiry and creator.
Result<Branch> ResetBranch(const std::string& name, const BranchOptions& options);

// The replica's branches, by name.
Result<std::vector<Branch>> ListBranches(const BranchOptions& options);

Status DropBranch(const std::string& name, const BranchOptions& options);

struct CollectedBranches {
  std::vector<std::string> dropped;
  std::vector<std::string> in_use;  // expired, but sessions were connected (without force)
};

// Drops the replica's branches whose TTL has run out.
Result<CollectedBranches> CollectExpiredBranches(const BranchOptions& options);

// The provenance of the database `dsn` connects to when it is a branch
// (name and provenance set, nothing else); nullopt when it is none.
Result<std::optional<Branch>> BranchOfDatabase(const std::string& dsn);

}  // namespace pgveil::replicator
