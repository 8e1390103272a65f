// reports/compliance_svg.cc
//
// The charts of the HTML compliance page, as inline SVG: categories by
// count (horizontal bars), overall coverage (a donut drawn with dashed
// circle strokes) and coverage per table (stacked bars). Each chart is an
// <svg role="img"> labelled by its own <title>, and each bar or slice has a
// <title> with its exact figure, so the charts read out loud and show the
// numbers on hover; the tables below them hold the same data.
//
// Colours come from the stylesheet's classes (masked, kept, suppressed,
// uncovered, bar, special), so the charts print as they show. Coordinates
// are written with one decimal, which keeps the output deterministic.

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <numbers>

#include "reports/compliance_html.h"
#include "reports/compliance_text.h"

namespace pgveil::reports {
namespace {

// The category chart sits in a column beside the donut; the table chart
// spans the page, so it is drawn wider to keep its text the same size.
constexpr double kWidth = 640;
constexpr double kWideWidth = 1120;
constexpr double kLabelWidth = 250;  // right edge of the labels
constexpr double kValueRoom = 56;    // space after the longest bar for its value

std::string Open(std::string_view css_class, double width, double height, std::string_view id,
                 std::string_view title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"{}\" viewBox=\"0 0 {:.0f} {:.0f}\" "
      "role=\"img\" aria-labelledby=\"{}\"><title id=\"{}\">{}</title>",
      css_class, width, height, id, id, HtmlEscape(title));
}

// At most `max` code points of `text`, with an ellipsis when cut.
std::string Shorten(const std::string& text, size_t max) {
  size_t points = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (points++ == max) return text.substr(0, i) + "\u2026";
  }
  return text;
}

struct Segment {
  std::string_view css_class;
  int value;
};

std::array<Segment, 4> Segments(const CoverageCounts& c) {
  return {{{"masked", c.masked},
           {"kept", c.kept},
           {"suppressed", c.suppressed},
           {"uncovered", c.uncovered}}};
}

}  // namespace

std::string BarChartSvg(const std::vector<ChartBar>& bars, std::string_view id,
                        std::string_view title) {
  constexpr double kRow = 26;
  constexpr double kBar = 16;
  const double height = 8 + kRow * static_cast<double>(bars.size());
  int max = 1;
  for (const ChartBar& bar : bars) max = std::max(max, bar.value);
  const double scale = (kWidth - kLabelWidth - 8 - kValueRoom) / max;
  std::string out = Open("bars", kWidth, height, id, title);
  for (size_t i = 0; i < bars.size(); ++i) {
    const ChartBar& bar = bars[i];
    const double y = 4 + kRow * static_cast<double>(i);
    const double length = std::max(2.0, bar.value * scale);
    out += fmt::format(
        "<g><title>{}: {}</title><text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" "
        "font-size=\"13\">{}</text><rect class=\"bar{}\" x=\"{:.1f}\" y=\"{:.1f}\" "
        "width=\"{:.1f}\" height=\"{:.1f}\" rx=\"3\"/><text class=\"value\" x=\"{:.1f}\" "
        "y=\"{:.1f}\">{}</text></g>",
        HtmlEscape(bar.label), bar.value, kLabelWidth, y + kBar - 3,
        HtmlEscape(Shorten(bar.label, 34)), bar.highlight ? " special" : "", kLabelWidth + 8, y,
        length, kBar, kLabelWidth + 14 + length, y + kBar - 3, bar.value);
  }
  return out + "</svg>";
}

std::string CoverageDonutSvg(const CoverageCounts& counts, std::string_view id,
                             std::string_view title) {
  constexpr double kSize = 220;
  constexpr double kCenter = kSize / 2;
  constexpr double kRadius = 80;
  constexpr double kStroke = 30;
  const double circumference = 2 * std::numbers::pi * kRadius;
  std::string out = Open("donut", kSize, kSize, id, title);
  out += fmt::format(
      "<circle class=\"track\" cx=\"{0:.1f}\" cy=\"{0:.1f}\" r=\"{1:.1f}\" "
      "stroke-width=\"{2:.1f}\"/>",
      kCenter, kRadius, kStroke);
  const int total = counts.Total();
  double offset = 0;
  for (const Segment& s : Segments(counts)) {
    if (s.value == 0 || total == 0) continue;
    const double length = circumference * s.value / total;
    out += fmt::format(
        "<circle class=\"{0}\" cx=\"{1:.1f}\" cy=\"{1:.1f}\" r=\"{2:.1f}\" "
        "stroke-width=\"{3:.1f}\" stroke-dasharray=\"{4:.1f} {5:.1f}\" "
        "stroke-dashoffset=\"{6:.1f}\" transform=\"rotate(-90 {1:.1f} {1:.1f})\">"
        "<title>{0}: {7}</title></circle>",
        s.css_class, kCenter, kRadius, kStroke, length, circumference - length, -offset, s.value);
    offset += length;
  }
  out += fmt::format(
      "<text class=\"center\" x=\"{0:.1f}\" y=\"{1:.1f}\" text-anchor=\"middle\">{2}</text>"
      "<text class=\"center-label\" x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">"
      "masked</text>",
      kCenter, kCenter + 6, total == 0 ? "\u2014" : PercentText(counts.Percent()), kCenter + 26);
  return out + "</svg>";
}

std::string TableCoverageSvg(const std::vector<TableCoverage>& tables, size_t max_tables,
                             std::string_view id, std::string_view title) {
  std::vector<const TableCoverage*> shown;
  shown.reserve(tables.size());
  for (const TableCoverage& t : tables) shown.push_back(&t);
  std::stable_sort(shown.begin(), shown.end(), [](const TableCoverage* a, const TableCoverage* b) {
    int exposed_a = a->pii.kept + a->pii.uncovered;
    int exposed_b = b->pii.kept + b->pii.uncovered;
    if (exposed_a != exposed_b) return exposed_a > exposed_b;
    return a->pii.Total() > b->pii.Total();
  });
  if (shown.size() > max_tables) shown.resize(max_tables);
  constexpr double kRow = 24;
  constexpr double kBar = 15;
  int max = 1;
  for (const TableCoverage* t : shown) max = std::max(max, t->pii.Total());
  const double scale = (kWideWidth - kLabelWidth - 8 - kValueRoom) / max;
  std::string out =
      Open("bars wide", kWideWidth, 8 + kRow * static_cast<double>(shown.size()), id, title);
  for (size_t i = 0; i < shown.size(); ++i) {
    const TableCoverage& t = *shown[i];
    const std::string name = TableName(t.schema, t.table);
    const double y = 4 + kRow * static_cast<double>(i);
    out += fmt::format(
        "<g><title>{}: {} masked, {} kept, {} suppressed, {} uncovered</title>"
        "<text x=\"{:.1f}\" y=\"{:.1f}\" text-anchor=\"end\" font-size=\"12.5\">{}</text>",
        HtmlEscape(name), t.pii.masked, t.pii.kept, t.pii.suppressed, t.pii.uncovered, kLabelWidth,
        y + kBar - 3, HtmlEscape(Shorten(name, 36)));
    double x = kLabelWidth + 8;
    for (const Segment& s : Segments(t.pii)) {
      if (s.value == 0) continue;
      const double length = s.value * scale;
      out += fmt::format(
          "<rect class=\"{}\" x=\"{:.1f}\" y=\"{:.1f}\" width=\"{:.1f}\" height=\"{:.1f}\"/>",
          s.css_class, x, y, length, kBar);
      x += length;
    }
    out += fmt::format("<text class=\"value\" x=\"{:.1f}\" y=\"{:.1f}\">{}</text></g>", x + 6,
                       y + kBar - 3, PercentText(t.pii.Percent()));
  }
  return out + "</svg>";
}

}  // namespace pgveil::reports
