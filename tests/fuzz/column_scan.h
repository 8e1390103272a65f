// tests/fuzz/column_scan.h
//
// One ColumnScanner (embedded detectors and dictionaries, loaded once) for
// the fuzz targets that scan whole columns, as the scan pipeline does.
//
// Thread-safety: one thread, like the targets.
#pragma once

#include <string>

#include "core/sample.h"
#include "core/schema.h"
#include "scanner/column_scanner.h"

namespace pgveil::fuzz {

// Scans `sample` as a column named `name` of type `type` ("text", "jsonb")
// in a table public.fuzzed.
scanner::ColumnScan ScanColumn(const std::string& name, const std::string& type,
                               const ColumnSample& sample);

}  // namespace pgveil::fuzz
