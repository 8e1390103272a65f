#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {

const std::vector<NamedFuzzTarget>& AllFuzzTargets() {
  static const std::vector<NamedFuzzTarget> targets = {
      {"policy_loader", &FuzzPolicyLoader},
      {"json_walker", &FuzzJsonWalker},
      {"copy_row_codec", &FuzzCopyRowCodec},
      {"sql_tokenizer", &FuzzSqlTokenizer},
      {"pgoutput", &FuzzPgoutput},
      {"change_event", &FuzzChangeEvent},
      {"conninfo", &FuzzConnInfo},
      {"value_detector", &FuzzValueDetector},
  };
  return targets;
}

}  // namespace pgveil::fuzz
