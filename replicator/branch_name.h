// replicator/branch_name.h
//
// What a branch may be called and how long it may live, checked before
// anything touches a server.
//
// A branch name is a database name that needs no quoting anywhere a
// developer pastes it (a DSN, a URL, a shell, a CI variable): 1 to 63 bytes
// (PostgreSQL's NAMEDATALEN - 1) of lower-case ASCII letters, digits, `_`
// and `-`, starting with a letter. `postgres`, `template0`, `template1`
// and names starting with `pg_` are refused; so is the replica's own name
// (checked where it is known, branch.cc).
//
// A TTL is a whole number and a unit: `90s`, `30m`, `48h`, `7d`, `2w`.
//
// Thread-safety: plain functions.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"

namespace pgveil::replicator {

// OK, or InvalidArgument saying what is wrong with `name`.
Status ValidateBranchName(const std::string& name);

// The seconds `ttl` stands for; InvalidArgument naming the accepted forms.
Result<int64_t> ParseTtl(const std::string& ttl);

}  // namespace pgveil::replicator
