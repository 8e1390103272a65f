#include <nlohmann/json.hpp>

#include "core/version.h"
#include "reports/scan_report.h"

namespace pgveil::reports {

std::string ScanJson(const ScanResult& result) {
  using nlohmann::ordered_json;
  ordered_json doc;
  doc["tool"] = {{"name", "pgveil"}, {"version", kVersion}};
  doc["scan"] = {{"database", result.parameters.database},
                 {"sample_percent", result.parameters.sample_percent},
                 {"seed", result.parameters.seed},
                 {"tables", result.tables},
                 {"columns", result.columns_scanned},
                 {"rows_sampled", result.rows_sampled},
                 {"duration_ms", result.duration_ms}};
  ordered_json columns = ordered_json::array();
  for (const ColumnSummary& c : result.columns) {
    ordered_json entry = {{"schema", c.column.schema}, {"table", c.column.table},
                         {"column", c.column.column}, {"data_type", c.data_type},
                         {"rows_sampled", c.rows_sampled}, {"non_null", c.non_null}};
    if (c.invalid_utf8 > 0) entry["invalid_utf8"] = c.invalid_utf8;
    columns.push_back(std::move(entry));
  }
  doc["columns"] = std::move(columns);
  ordered_json findings = ordered_json::array();
  for (const Finding& f : result.findings) {
    const QuasiIdentifier* quasi =
        f.path ? nullptr : FindQuasiIdentifier(result.quasi_identifiers, f.column);
    findings.push_back(
        {{"schema", f.column.schema},
         {"table", f.column.table},
         {"column", f.column.column},
         {"path", f.path ? ordered_json(*f.path) : ordered_json(nullptr)},
         {"category", IdOf(f.category)},
         {"confidence", f.confidence},
         {"match_ratio", f.match_ratio},
         {"values_sampled", f.values_sampled},
         {"signals", f.signals},
         {"evidence", f.evidence},
         {"quasi_identifier",
          quasi != nullptr ? ordered_json(QuasiKindId(quasi->kind)) : ordered_json(nullptr)}});
  }
  doc["findings"] = std::move(findings);
  ordered_json quasi_identifiers = ordered_json::array();
  for (const QuasiIdentifier& q : result.quasi_identifiers) {
    quasi_identifiers.push_back({{"schema", q.column.schema},
                                 {"table", q.column.table},
                                 {"column", q.column.column},
                                 {"kind", QuasiKindId(q.kind)},
                                 {"signals", q.signals}});
  }
  doc["quasi_identifiers"] = std::move(quasi_identifiers);
  ordered_json skipped = ordered_json::array();
  for (const SkippedTable& s : result.skipped) {
    skipped.push_back({{"schema", s.schema}, {"table", s.table}, {"reason", s.reason}});
  }
  doc["skipped"] = std::move(skipped);
  // Invalid UTF-8 in identifiers cannot occur (the catalog is UTF-8), and
  // evidence is redacted ASCII-or-first-code-point; replace keeps dump total.
  return doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pgveil::reports
