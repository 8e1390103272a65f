// scanner/prefilter_database.h
//
// The one Hyperscan database that holds every detector's prefilter (see
// dictionaries/detector_spec.h), with each pattern's id its detector's index.
// Compiling it takes a sizeable share of a short scan's time, so the build
// compiles it once (tools/prefilter_tool.cc) and embeds the serialised bytes
// in the binary; at run time they are used when they were built from the
// same detectors, by the same Hyperscan, for a CPU this one can run, and
// compiled afresh otherwise.
//
// Thread-safety: pure functions; a database may be shared by every thread.
#pragma once

#include <hs/hs.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "dictionaries/detector_spec.h"

namespace pgveil::scanner {

struct HyperscanDatabaseFree {
  void operator()(hs_database_t* database) const { hs_free_database(database); }
};
using PrefilterDatabase = std::unique_ptr<hs_database_t, HyperscanDatabaseFree>;

// Compiles the prefilters of `specs`. InvalidArgument names the detector's
// file:line when Hyperscan rejects its pattern.
Result<PrefilterDatabase> CompilePrefilters(const std::vector<dictionaries::DetectorSpec>& specs);

// The database for `specs`, serialised and tagged with what it was built
// from.
Result<std::string> SerializePrefilters(const std::vector<dictionaries::DetectorSpec>& specs);

// The database in `serialized` (from SerializePrefilters), or nullptr when it
// was built from other detectors or another Hyperscan, or for a CPU this one
// cannot run.
PrefilterDatabase LoadPrefilters(std::string_view serialized,
                                 const std::vector<dictionaries::DetectorSpec>& specs);

}  // namespace pgveil::scanner
