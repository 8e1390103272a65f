// reports/scan_report.h
//
// Writers for the result of `pgveil scan`: a text table for people and the
// JSON document of DESIGN.md ("scan --format json") for programs. Both are
// deterministic for a given ScanResult (findings are already sorted) and
// hold redacted evidence only.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "core/scan_result.h"

namespace pgveil::reports {

std::string ScanJson(const ScanResult& result);

// `color`: wrap categories and confidences in ANSI colours (only when the
// output is a terminal and NO_COLOR is not set; the caller decides).
std::string ScanText(const ScanResult& result, bool color);

}  // namespace pgveil::reports
