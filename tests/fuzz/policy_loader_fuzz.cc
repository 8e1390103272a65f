// Policy files are written by hand and reviewed by people: any text at all
// must give a Policy or located errors, one per line, each starting with
// "file:line:column: " so an editor can jump to it; past the first
// PolicyErrors::kMaxReported, one last line "file: N more errors not shown".
#include <cctype>
#include <string>

#include "core/status.h"
#include "policy/policy_loader.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {
namespace {

constexpr std::string_view kFile = "fuzz.yaml";

// "fuzz.yaml:12:3: ..." — the file, a line and a column, both numbers.
bool Located(std::string_view line) {
  if (!line.starts_with(kFile) || line.size() <= kFile.size() || line[kFile.size()] != ':') {
    return false;
  }
  line.remove_prefix(kFile.size() + 1);
  for (int part = 0; part < 2; ++part) {
    size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) {
      ++digits;
    }
    if (digits == 0 || digits == line.size() || line[digits] != ':') return false;
    line.remove_prefix(digits + 1);
  }
  return line.starts_with(" ");
}

}  // namespace

void FuzzPolicyLoader(std::string_view data) {
  auto loaded = policy::LoadPolicy(data, std::string(kFile));
  if (loaded.ok()) return;
  PGVEIL_CHECK(loaded.status().code() == StatusCode::kInvalidArgument);
  std::string_view message = loaded.status().message();
  PGVEIL_CHECK(!message.empty());
  int lines = 0;
  while (!message.empty()) {
    size_t end = message.find('\n');
    std::string_view line = message.substr(0, end);
    const bool last = end == std::string_view::npos;
    const bool summary =
        last && line.starts_with(std::string(kFile) + ": ") && line.ends_with(" not shown");
    PGVEIL_CHECK(Located(line) || summary);
    PGVEIL_CHECK(++lines <= 21);
    message.remove_prefix(last ? message.size() : end + 1);
  }
}

}  // namespace pgveil::fuzz
