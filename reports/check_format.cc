// reports/check_format.cc
//
// The public face of the check writers (reports/check_report.h): format
// names as `pgveil check --format` accepts them, and the dispatch to the
// writer of each format, one file per format (check_<format>.cc).

#include "reports/check_report.h"

#include <array>
#include <utility>

#include "reports/check_common.h"

namespace pgveil::reports {
namespace {

constexpr std::array<std::pair<std::string_view, CheckFormat>, 6> kFormats = {{
    {"text", CheckFormat::kText},
    {"json", CheckFormat::kJson},
    {"sarif", CheckFormat::kSarif},
    {"junit", CheckFormat::kJunit},
    {"github", CheckFormat::kGithub},
    {"gitlab", CheckFormat::kGitlab},
}};

}  // namespace

std::optional<CheckFormat> CheckFormatFromName(std::string_view name) {
  for (const auto& [format_name, format] : kFormats) {
    if (format_name == name) return format;
  }
  return std::nullopt;
}

std::string RenderCheck(const CheckResult& result, CheckFormat format,
                        const CheckRenderOptions& options) {
  switch (format) {
    case CheckFormat::kText:
      return CheckText(result, options.color);
    case CheckFormat::kJson:
      return CheckJson(result);
    case CheckFormat::kSarif:
      return CheckSarif(result);
    case CheckFormat::kJunit:
      return CheckJunit(result);
    case CheckFormat::kGithub:
      return CheckGithub(result, options.github_annotation_cap);
    case CheckFormat::kGitlab:
      return CheckGitlab(result);
  }
  return CheckText(result, options.color);
}

}  // namespace pgveil::reports
