// reports/check_common.cc
//
// Shared helpers of the check writers. PostgreSQL identifiers may contain
// any character but NUL, including newlines and escape sequences, and a
// report must not let one of them forge a line or recolour a terminal; the
// UTF-8 helpers here are the one place that is handled.

#include "reports/check_common.h"

#include <algorithm>

#include <fmt/format.h>

namespace pgveil::reports {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed UTF-8 sequence at text[i] (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF), or 0 when ill-formed.
size_t SequenceLength(std::string_view text, size_t i, char32_t* code_point) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char lead = byte(i);
  size_t n = 0;
  char32_t cp = 0;
  if (lead < 0x80) {
    *code_point = lead;
    return 1;
  } else if (lead >= 0xC2 && lead <= 0xDF) {
    n = 2;
    cp = lead & 0x1F;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    n = 3;
    cp = lead & 0x0F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    n = 4;
    cp = lead & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (byte(i + k) & 0x3F);
  }
  bool overlong = (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return 0;
  *code_point = cp;
  return n;
}

std::string Clean(std::string_view text, bool replace_controls) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t n = SequenceLength(text, i, &cp);
    if (n == 0) {
      out += kReplacement;
      ++i;
      continue;
    }
    bool control = cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
    if (replace_controls && control) {
      out += kReplacement;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

}  // namespace

std::string_view SeverityName(Severity severity) {
  return severity == Severity::kError ? "error" : "warning";
}

std::string TableOf(const Violation& violation) {
  const ColumnRef& c = violation.column;
  if (c.schema.empty() && c.table.empty()) return "";
  return c.schema.empty() ? c.table : c.schema + "." + c.table;
}

std::string SubjectOf(const Violation& violation) {
  std::string subject = TableOf(violation);
  if (!violation.column.column.empty()) {
    subject += (subject.empty() ? "" : ".") + violation.column.column;
  }
  if (violation.path) subject += (subject.empty() ? "" : " ") + *violation.path;
  return subject;
}

std::string HeadlineOf(const Violation& violation) {
  std::string subject = SubjectOf(violation);
  if (subject.empty() || violation.message.find(subject) != std::string::npos) {
    return violation.message;
  }
  return subject + ": " + violation.message;
}

std::string AnnotationOf(const Violation& violation) {
  return HeadlineOf(violation) + (violation.is_new ? " (new since the baseline)" : "");
}

std::string AnchorFile(const CheckResult& result, const Violation& violation) {
  return violation.location.file.empty() ? result.policy_file : violation.location.file;
}

int AnchorLine(const Violation& violation) {
  return violation.location.line >= 1 ? violation.location.line : 1;
}

std::string FingerprintOf(const Violation& violation) {
  if (!violation.fingerprint.empty()) return violation.fingerprint;
  return fmt::format("{}|{}{}|{}", violation.rule, violation.column.ToString(),
                     violation.path ? "#" + *violation.path : "",
                     violation.category ? IdOf(*violation.category) : "");
}

std::vector<const Violation*> ErrorsThenWarnings(const CheckResult& result) {
  std::vector<const Violation*> ordered;
  ordered.reserve(result.violations.size());
  for (Severity severity : {Severity::kError, Severity::kWarning}) {
    for (const Violation& v : result.violations) {
      if (v.severity == severity) ordered.push_back(&v);
    }
  }
  return ordered;
}

std::string CountOf(int n, std::string_view singular) {
  return fmt::format("{} {}{}", n, singular, n == 1 ? "" : "s");
}

std::string ValidUtf8(std::string_view text) { return Clean(text, false); }

std::string Printable(std::string_view text) { return Clean(text, true); }

std::string MarkupEscape(std::string_view raw, std::string_view apostrophe) {
  std::string out;
  for (char c : Printable(raw)) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += apostrophe;
        break;
      default:
        out += c;
    }
  }
  return out;
}

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    size_t n = SequenceLength(text, i, &cp);
    bool wide = (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
                (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
                (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
                (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
                (cp >= 0x20000 && cp <= 0x3FFFD);
    width += wide ? 2 : 1;
    i += n == 0 ? 1 : n;
  }
  return width;
}

// Text inside a Markdown code span in a table cell: "|" escaped (GFM
// unescapes it before parsing the span), delimited by one backtick more than
// the longest run inside, padded when the content touches a backtick.
std::string MarkdownCode(std::string_view raw) {
  std::string text;
  size_t run = 0;
  size_t longest = 0;
  for (char c : Printable(raw)) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '|') text += '\\';
    text += c;
  }
  if (text.empty()) return "";
  std::string fence(longest + 1, '`');
  bool pad = text.front() == '`' || text.back() == '`' || text.front() == ' ' || text.back() == ' ';
  return pad ? fence + " " + text + " " + fence : fence + text + fence;
}

// Prose in a table cell: every character Markdown could act on is
// backslash-escaped, so "<col>" shows as text, not as an HTML tag.
std::string MarkdownText(std::string_view raw) {
  static constexpr std::string_view kActive = "\\`*_[]<>|~&#!";
  std::string out;
  for (char c : Printable(raw)) {
    if (kActive.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace pgveil::reports
