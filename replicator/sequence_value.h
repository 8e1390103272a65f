// replicator/sequence_value.h
//
// A sequence's state as the source has it: what a target sets so that its
// writes after a cutover continue where the source's are.
#pragma once

#include <string>

namespace pgveil::replicator {

struct SequenceValue {
  std::string name;        // format('%I.%I'): quoted, qualified
  std::string last_value;  // a bigint's text
  bool is_called = false;
};

}  // namespace pgveil::replicator
