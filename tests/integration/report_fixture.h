// tests/integration/report_fixture.h
//
// The compliance report as a team produces it, shared by the report tests:
// the generated shop database, a policy drafted by `pgveil bootstrap` with
// a suppression added, a schema snapshot taken as the baseline, then a
// migration (a new column holding e-mail addresses), then `pgveil report
// --baseline` in every format and `pgveil scan` beside it. Built once per
// test process, on first use; every command must exit 0.
#pragma once

#include <string>

#include "datagen/generator.h"

namespace pgveil::testing {

struct ShopReports {
  datagen::GeneratorOptions generator;
  std::string dsn;
  std::string dir;       // holds everything below
  std::string policy;    // pgveil.yaml
  std::string baseline;  // baseline.json, from before the migration
  std::string html;
  std::string markdown;
  std::string json;
  std::string scan_json;
  std::string scan_text;
};

const ShopReports& ShopReportRun();

// The whole file; FAILs when it cannot be read.
std::string ReadWholeFile(const std::string& path);

}  // namespace pgveil::testing
