// cli/new_column_judge.h
//
// How the stream judges a column that reaches it without a rule: exactly as
// `pgveil check` judges a new, empty column, on its table, name and type
// alone (the scanner with no sampled values), with the rule a drafted
// policy would give it. The replicator gets it as a plain function, so it
// stays free of the scanner.
//
// Thread-safety: the judge holds its own scanner context; call it from one
// thread.
#pragma once

#include "core/status.h"
#include "replicator/stream_relation.h"

namespace pgveil::cli {

// The judge, or the scanner's error when its dictionaries do not load.
Result<replicator::NewColumnJudge> MakeNewColumnJudge();

}  // namespace pgveil::cli
