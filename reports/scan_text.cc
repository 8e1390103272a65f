#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "reports/check_common.h"
#include "reports/scan_report.h"

namespace pgveil::reports {
namespace {

std::string Pad(std::string_view s, size_t width) {
  std::string out(s);
  out.append(width > DisplayWidth(s) ? width - DisplayWidth(s) : 0, ' ');
  return out;
}

std::string Join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) out += (out.empty() ? "" : std::string(separator)) + item;
  return out;
}

}  // namespace

std::string ScanText(const ScanResult& result, bool color) {
  using Row = std::array<std::string, 6>;
  std::vector<Row> rows = {{"TABLE", "COLUMN / PATH", "CATEGORY", "CONF", "MATCH", "EVIDENCE"}};
  for (const Finding& f : result.findings) {
    rows.push_back({f.column.schema + "." + f.column.table,
                    f.column.column + (f.path ? " " + *f.path : ""), std::string(IdOf(f.category)),
                    fmt::format("{:.2f}", f.confidence),
                    fmt::format("{:.0f}%", f.match_ratio * 100), Join(f.evidence, ", ")});
  }
  std::array<size_t, 6> widths{};
  for (const Row& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  std::string out;
  for (size_t r = 0; r < rows.size(); ++r) {
    std::string line;
    for (size_t i = 0; i < rows[r].size(); ++i) {
      std::string cell = i + 1 == rows[r].size() ? rows[r][i] : Pad(rows[r][i], widths[i] + 2);
      if (color && r > 0 && i == 2) cell = "\x1b[1;33m" + cell + "\x1b[0m";
      if (color && r == 0) cell = "\x1b[1m" + cell + "\x1b[0m";
      line += cell;
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  if (result.findings.empty()) out = "No PII found.\n";
  if (!result.quasi_identifiers.empty()) {
    out += "\nQuasi-identifiers (identify people in combination):\n";
    for (const QuasiIdentifier& q : result.quasi_identifiers) {
      out += fmt::format("  {}  {}  {}\n", q.column.ToString(), QuasiKindId(q.kind),
                         Join(q.signals, ", "));
    }
  }
  for (const ColumnSummary& c : result.columns) {
    if (c.invalid_utf8 == 0) continue;
    out += fmt::format("{} values of {} were not valid UTF-8 and were not scanned\n",
                       c.invalid_utf8, c.column.ToString());
  }
  for (const SkippedTable& s : result.skipped) {
    out += fmt::format("skipped {}.{}: {}\n", s.schema, s.table, s.reason);
  }
  out += fmt::format(
      "\n{} findings in {} tables, {} columns; {} rows sampled ({}%, seed {}) in {} ms\n",
      result.findings.size(), result.tables, result.columns_scanned, result.rows_sampled,
      result.parameters.sample_percent, result.parameters.seed, result.duration_ms);
  return out;
}

}  // namespace pgveil::reports
