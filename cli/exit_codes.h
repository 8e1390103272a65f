// cli/exit_codes.h
//
// The exit codes of DESIGN.md, and how a Status maps onto them. Errors
// outrank findings: a run that hit an error exits 2 or 3 even if it also
// found violations.
#pragma once

#include "core/status.h"

namespace pgveil::cli {

inline constexpr int kExitClean = 0;     // nothing that fails the gate
inline constexpr int kExitFindings = 1;  // violations, drift
inline constexpr int kExitUsage = 2;     // bad flag, unreadable or invalid configuration
inline constexpr int kExitRuntime = 3;   // database unreachable, permission denied, I/O

inline int ExitCodeFor(const Status& status) {
  switch (status.code()) {
    case StatusCode::kOk:
      return kExitClean;
    case StatusCode::kInvalidArgument:
    case StatusCode::kNotFound:
      return kExitUsage;
    case StatusCode::kGateFailed:
      return kExitFindings;
    default:
      return kExitRuntime;
  }
}

}  // namespace pgveil::cli
