// reports/check_text.cc
//
// The check report for people at a terminal or reading a CI log:
//
//   pgveil check: policy pgveil.yaml, strict mode, 12 tables and 80 columns checked
//
//   Errors (2)
//   public.customers
//     backup_email  unmasked-pii  email  ...message...  (db/migrations/0042.sql:3)  NEW
//
//   Warnings (1)
//   ...
//   How to fix
//     unmasked-pii: give the column or path a masking transformer ...
//
//   2 errors, 1 warning
//
// Errors come first because they fail the build; within each section
// violations are grouped by table, then column. Fields are aligned by display
// width. Colour (red errors, yellow warnings, bold headings) only when the
// caller asks for it: it alone knows whether stdout is a terminal and whether
// NO_COLOR is set.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <tuple>
#include <vector>

#include "reports/check_common.h"
#include "reports/check_rules.h"

namespace pgveil::reports {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kReset = "\x1b[0m";

class Painter {
 public:
  explicit Painter(bool color) : color_(color) {}

  std::string operator()(std::string_view text, std::string_view style) const {
    if (!color_ || text.empty()) return std::string(text);
    return fmt::format("{}{}{}", style, text, kReset);
  }
  std::string operator()(std::string_view text, std::string_view style1,
                         std::string_view style2) const {
    if (!color_ || text.empty()) return std::string(text);
    return fmt::format("{}{}{}{}", style1, style2, text, kReset);
  }

 private:
  bool color_;
};

// The aligned fields of one violation line; all already Printable.
struct Row {
  const Violation* violation;
  std::array<std::string, 3> fields;  // column[ path], rule, category
  std::string tail;                   // message  (file:line)
};

std::string LocationText(const SourceLocation& location) {
  if (location.file.empty()) return "";
  if (location.line <= 0) return fmt::format("({})", location.file);
  return fmt::format("({}:{})", location.file, location.line);
}

Row MakeRow(const Violation& v) {
  std::string subject = v.column.column.empty() ? "(table)" : v.column.column;
  if (v.path) subject += " " + *v.path;
  std::string tail = v.message;
  std::string location = LocationText(v.location);
  if (!location.empty()) tail += "  " + location;
  return Row{
      &v,
      {Printable(subject), Printable(v.rule), v.category ? std::string(IdOf(*v.category)) : "-"},
      Printable(tail)};
}

std::string Pad(const std::string& text, size_t width) {
  size_t have = DisplayWidth(text);
  return text + std::string(width > have ? width - have : 0, ' ');
}

// One section: a heading, then table headings with their aligned rows.
void AppendSection(std::vector<const Violation*> violations, Severity severity,
                   const Painter& paint, std::string* out) {
  if (violations.empty()) return;
  std::stable_sort(violations.begin(), violations.end(),
                   [](const Violation* a, const Violation* b) {
                     return std::tie(a->column.schema, a->column.table, a->column.column) <
                            std::tie(b->column.schema, b->column.table, b->column.column);
                   });
  std::vector<Row> rows;
  std::array<size_t, 3> widths{};
  for (const Violation* v : violations) {
    rows.push_back(MakeRow(*v));
    for (size_t i = 0; i < widths.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(rows.back().fields[i]));
    }
  }
  bool errors = severity == Severity::kError;
  std::string_view accent = errors ? kRed : kYellow;
  std::string title = fmt::format("{} ({})", errors ? "Errors" : "Warnings", violations.size());
  *out += "\n" + paint(title, kBold, accent) + "\n";
  std::string current_table;
  bool first = true;
  for (const Row& row : rows) {
    std::string table = Printable(TableOf(*row.violation));
    if (first || table != current_table) {
      *out += paint(table.empty() ? "(policy)" : table, kBold) + "\n";
      current_table = table;
      first = false;
    }
    std::string line = "  " + Pad(row.fields[0], widths[0]) + "  ";
    line += paint(row.fields[1], accent) + Pad("", widths[1] - DisplayWidth(row.fields[1])) + "  ";
    line += Pad(row.fields[2], widths[2]) + "  " + row.tail;
    if (row.violation->is_new) line += "  " + paint("NEW", kBold);
    *out += line + "\n";
  }
}

void AppendFixes(const CheckResult& result, std::string* out) {
  std::vector<const CheckRule*> rules = RulesUsedBy(result);
  if (rules.empty()) return;
  *out += "\nHow to fix\n";
  for (const CheckRule* rule : rules) *out += fmt::format("  {}: {}\n", rule->id, rule->fix);
}

}  // namespace

std::string CheckText(const CheckResult& result, bool color) {
  Painter paint(color);
  std::string out =
      paint(fmt::format("pgveil check: policy {}, {} mode, {} and {} checked",
                        Printable(result.policy_file), Printable(result.mode),
                        CountOf(result.tables, "table"), CountOf(result.columns, "column")),
            kBold) +
      "\n";
  std::vector<const Violation*> errors;
  std::vector<const Violation*> warnings;
  for (const Violation* v : ErrorsThenWarnings(result)) {
    (v->severity == Severity::kError ? errors : warnings).push_back(v);
  }
  AppendSection(errors, Severity::kError, paint, &out);
  AppendSection(warnings, Severity::kWarning, paint, &out);
  AppendFixes(result, &out);
  std::string warning_count = CountOf(result.Warnings(), "warning");
  if (result.Errors() > 0) {
    out +=
        "\n" + paint(CountOf(result.Errors(), "error") + ", " + warning_count, kBold, kRed) + "\n";
  } else if (result.Warnings() > 0) {
    out += "\n" + paint("Policy check passed: no errors, " + warning_count, kBold, kGreen) + "\n";
  } else {
    out += "\n" + paint("Policy check passed: no violations", kBold, kGreen) + "\n";
  }
  return out;
}

}  // namespace pgveil::reports
