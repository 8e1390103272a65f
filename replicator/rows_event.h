// replicator/rows_event.h
//
// The Rows event's JSON, written and read without building a tree: it is
// nearly all of a stream's bytes, and every applier reads all of it. The
// format is change_event.h's; keys are read in any order, unknown ones are
// skipped, and nothing is trusted (any bytes, any size, any depth).
//
// Thread-safety: pure functions.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "replicator/change_event.h"

namespace pgveil::replicator::events {

// The error for an event of another format version than kVersion.
Status OtherVersion(int64_t version);

// Appends `rows` as a version kVersion event. Invalid UTF-8 in a name or
// value (a SQL_ASCII source) is written as U+FFFD.
void EncodeRows(const Rows& rows, std::string* out);

// `json` as a Rows event; nullopt when its "type" is another one, which
// Decode reads in full. Errors name the field at fault, never a value.
std::optional<Result<Rows>> DecodeRows(std::string_view json);

}  // namespace pgveil::replicator::events
