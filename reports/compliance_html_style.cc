// reports/compliance_html_style.cc
//
// The stylesheet of the HTML compliance page. System fonts only (the file
// must not fetch anything), colours that keep their meaning in grey-scale
// print (green masked, amber kept, slate suppressed, red uncovered, purple
// for GDPR special categories, each also named in text), and print rules:
// A4 pages, repeated table headers, no row split across pages, the contents
// list hidden, colours printed as on screen.
//
// The text holds no "<" or "&", so it is valid character data in the
// page's <style> element when the page is read as XML.

#include "reports/compliance_html.h"

namespace pgveil::reports {
namespace {

constexpr std::string_view kStylesheet = R"CSS(
:root {
  --ink: #1d2430; --muted: #5b6577; --line: #d8dde6; --paper: #ffffff; --band: #f3f5f9;
  --accent: #1f5fa8; --masked: #2e7d32; --kept: #b26a00; --suppressed: #607d8b;
  --uncovered: #c62828; --special: #6a1b9a;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: var(--ink); background: var(--paper);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
    "Liberation Sans", "DejaVu Sans", sans-serif;
}
main { max-width: 1180px; margin: 0 auto; padding: 0 28px 48px; }
header.report {
  background: linear-gradient(135deg, #18324f, #1f5fa8); color: #fff; padding: 28px 0 22px;
}
header.report .inner { max-width: 1180px; margin: 0 auto; padding: 0 28px; }
header.report h1 { margin: 0 0 4px; font-size: 28px; font-weight: 650; letter-spacing: -0.01em; }
header.report .database { font-size: 18px; opacity: 0.92; }
header.report dl {
  display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 16px 0 0;
  font-size: 13px; opacity: 0.95;
}
header.report dt { font-weight: 600; }
header.report dd { margin: 0; overflow-wrap: anywhere; }
code, .mono {
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono",
    "DejaVu Sans Mono", monospace;
  font-size: 0.88em;
}
td code, th code { overflow-wrap: break-word; }
td ul { margin: 0; padding-left: 16px; }
td li { margin: 0 0 2px; }
.headline {
  margin: 24px 0 18px; padding: 14px 18px; border-left: 5px solid var(--accent);
  background: var(--band); font-size: 17px; border-radius: 4px;
}
.tiles {
  display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 12px; margin: 0 0 20px;
  padding: 0; list-style: none;
}
.tile {
  border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; background: #fff;
}
.tile .figure { display: block; font-size: 30px; font-weight: 700; line-height: 1.15; }
.tile .label { color: var(--muted); font-size: 13px; }
.tile.good .figure { color: var(--masked); }
.tile.bad .figure { color: var(--uncovered); }
.tile.warn .figure { color: var(--kept); }
.tile.special .figure { color: var(--special); }
.charts { display: grid; grid-template-columns: 3fr 2fr; gap: 20px; align-items: start; }
figure { margin: 0 0 18px; border: 1px solid var(--line); border-radius: 8px; padding: 14px; }
figcaption { font-weight: 600; margin-bottom: 8px; }
figure svg { display: block; width: 100%; height: auto; }
figure svg.donut { max-width: 240px; margin: 8px auto 0; }
svg text { font-family: inherit; fill: var(--ink); }
svg .bar { fill: var(--accent); }
svg .bar.special { fill: var(--special); }
svg .masked { fill: var(--masked); stroke: var(--masked); }
svg .kept { fill: var(--kept); stroke: var(--kept); }
svg .suppressed { fill: var(--suppressed); stroke: var(--suppressed); }
svg .uncovered { fill: var(--uncovered); stroke: var(--uncovered); }
svg .track { fill: none; stroke: #e8ebf0; }
svg circle.masked, svg circle.kept, svg circle.suppressed, svg circle.uncovered { fill: none; }
svg .value { fill: var(--muted); font-size: 12px; }
svg .center { font-size: 26px; font-weight: 700; }
svg .center-label { fill: var(--muted); font-size: 12px; }
ul.legend { list-style: none; padding: 0; margin: 8px 0 0; display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; }
ul.legend li::before {
  content: ""; display: inline-block; width: 11px; height: 11px; margin-right: 6px;
  border-radius: 2px; vertical-align: -1px; background: currentColor;
}
ul.legend li span { color: var(--ink); }
ul.legend .masked { color: var(--masked); }
ul.legend .kept { color: var(--kept); }
ul.legend .suppressed { color: var(--suppressed); }
ul.legend .uncovered { color: var(--uncovered); }
nav.contents { margin: 8px 0 8px; font-size: 14px; }
nav.contents ol { display: flex; flex-wrap: wrap; gap: 4px 18px; padding: 0; margin: 0; list-style: none; }
nav.contents a { color: var(--accent); text-decoration: none; }
section { margin-top: 34px; }
h2 { font-size: 21px; margin: 0 0 6px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
h3 { font-size: 16px; margin: 18px 0 6px; }
p.lead { color: var(--muted); margin: 4px 0 12px; }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; margin: 6px 0 10px; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; color: var(--muted); }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
thead th { background: var(--band); font-weight: 600; border-bottom: 2px solid var(--line); }
tbody th { font-weight: 500; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total th, tr.total td { font-weight: 700; border-top: 2px solid var(--line); }
tr.special-row { background: #f7f0fb; }
tr.possible-row { color: var(--muted); }
.badge {
  display: inline-block; padding: 1px 8px; border-radius: 10px; font-size: 12px;
  font-weight: 600; white-space: nowrap; border: 1px solid transparent;
}
.badge.pass, .badge.masked, .badge.active { background: #e6f4ea; color: #1b5e20; border-color: #b7dfc0; }
.badge.fail, .badge.uncovered, .badge.expired, .badge.error { background: #fdecea; color: #b71c1c; border-color: #f5c2c0; }
.badge.kept, .badge.warning, .badge.unused { background: #fff4e0; color: #8a4f00; border-color: #f3d19c; }
.badge.suppressed, .badge.not-found, .badge.not-assessed, .badge.possible { background: #eef1f4; color: #455a64; border-color: #d3dae0; }
.badge.special { background: #f3e5f5; color: #4a148c; border-color: #dcc0e3; }
.badge.anonymous { background: #e6f4ea; color: #1b5e20; border-color: #b7dfc0; }
.badge.pseudonymous { background: #fff4e0; color: #8a4f00; border-color: #f3d19c; }
.badge.personal { background: #fdecea; color: #b71c1c; border-color: #f5c2c0; }
.verdict { font-size: 1.15em; margin: 0.5em 0 0.75em; }
.badge.new { background: #e3f0fd; color: #0d47a1; border-color: #bcd6f5; }
.placeholder { border: 1px dashed #b0b8c4; background: #fafbfc; border-radius: 6px; padding: 10px 14px; }
.placeholder li { margin: 3px 0; }
.todo { color: var(--kept); font-weight: 600; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 40px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--line); padding-top: 10px; }
@media (max-width: 860px) {
  .tiles { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .charts { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  header.report { padding: 14px 0 12px; }
  header.report .inner { padding: 0; }
  nav.contents { display: none; }
  .tiles { grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 8px; }
  .tile .figure { font-size: 22px; }
  .charts { grid-template-columns: 3fr 2fr; }
  figure, .tile, .headline { break-inside: avoid; }
  section { margin-top: 18px; }
  h2, h3, caption { break-after: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table { font-size: 9pt; }
  a { color: inherit; text-decoration: none; }
}
)CSS";

}  // namespace

std::string_view ComplianceStylesheet() { return kStylesheet; }

}  // namespace pgveil::reports
