// reports/check_common.h
//
// What the `pgveil check` writers share: how a violation is named in one
// line, where it is anchored when its location is partly unknown, the order
// errors and warnings are shown in, and the text hygiene every format needs
// (valid UTF-8, no terminal control characters), and the per-format writers
// RenderCheck dispatches to. Internal to reports/; the public entry points
// are in reports/check_report.h.
//
// Thread-safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/violation.h"

namespace pgveil::reports {

// "error" or "warning".
std::string_view SeverityName(Severity severity);

// "schema.table.column", "schema.table" for a table-level violation, with
// " $.json.path" appended for a path; what the violation is about.
std::string SubjectOf(const Violation& violation);

// "schema.table", or "" when the violation names no table.
std::string TableOf(const Violation& violation);

// The message prefixed with its subject ("public.t.c: message"), for formats
// that have no separate column field. A message that already names the
// subject is left as it is.
std::string HeadlineOf(const Violation& violation);

// HeadlineOf, plus " (new since the baseline)" for a new column or path:
// the message of an annotation (SARIF, GitHub, GitLab).
std::string AnnotationOf(const Violation& violation);

// The file to anchor an annotation at: the violation's location, else the
// policy file (core/violation.h: "else the policy file").
std::string AnchorFile(const CheckResult& result, const Violation& violation);

// The 1-based line to anchor at; 1 when unknown, since CI systems require a
// line and the top of the file is the honest fallback.
int AnchorLine(const Violation& violation);

// The violation's fingerprint; when the producer left it empty, its
// unhashed input "rule|schema.table.column[#path]|category", which is just
// as stable.
std::string FingerprintOf(const Violation& violation);

// All errors in their given order, then all warnings in theirs.
std::vector<const Violation*> ErrorsThenWarnings(const CheckResult& result);

// "1 error", "2 errors".
std::string CountOf(int n, std::string_view singular);

// `text` with every ill-formed UTF-8 sequence replaced by U+FFFD.
std::string ValidUtf8(std::string_view text);

// ValidUtf8, and C0/C1 control characters and DEL shown as U+FFFD, so an
// identifier cannot move a terminal's cursor or end a line in any format.
std::string Printable(std::string_view text);

// Printable `raw` with & < > " and ' as character references, for XML and
// HTML text and attributes. `apostrophe` is "&apos;" (XML) or "&#39;"
// (HTML 4 knows no &apos;).
std::string MarkupEscape(std::string_view raw, std::string_view apostrophe);

// Markdown table cells (GitHub-flavoured): MarkdownCode puts `raw` in a code
// span ("|" escaped, fenced by one backtick more than the longest run
// inside); MarkdownText backslash-escapes everything Markdown could act on,
// so "<col>" shows as text, not as an HTML tag.
std::string MarkdownCode(std::string_view raw);
std::string MarkdownText(std::string_view raw);

// Columns `text` (valid UTF-8) takes in a terminal: one per code point, two
// for East Asian wide characters.
size_t DisplayWidth(std::string_view text);

// The writers behind RenderCheck, one per file (check_<format>.cc).
std::string CheckText(const CheckResult& result, bool color);
std::string CheckJson(const CheckResult& result);
std::string CheckSarif(const CheckResult& result);
std::string CheckJunit(const CheckResult& result);
std::string CheckGithub(const CheckResult& result, size_t annotation_cap);
std::string CheckGitlab(const CheckResult& result);

}  // namespace pgveil::reports
