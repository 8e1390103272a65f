// WriteDraftPolicy: the YAML text of a bootstrapped policy. Layout follows
// DESIGN.md's example: one line per column, flow maps for rules, block
// style for json rules and their paths, comments after or above a rule.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "policy/bootstrap.h"

namespace pgveil::policy {
namespace {

// YAML 1.1/1.2 words a plain scalar would not read back as the same string.
bool IsReservedWord(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static constexpr std::string_view kWords[] = {"null", "~",   "true", "false", "yes",  "no",
                                                "on",   "off", "y",    "n",     ".nan", ".inf"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

std::string Flow(const TransformerChoice& choice, const std::optional<std::string>& domain) {
  std::string text = "{transform: " + YamlScalar(choice.transformer);
  for (const auto& [name, value] : choice.params) {
    text += ", " + YamlScalar(name) + ": " + YamlScalar(value);
  }
  if (domain) {
    text += ", domain: " + YamlScalar(*domain);
  }
  return text + "}";
}

void AppendComment(std::string* out, const std::string& comment) {
  if (!comment.empty()) {
    *out += "   # " + comment;
  }
  *out += "\n";
}

void WriteColumn(const DraftColumn& column, std::string* out) {
  for (const std::string& note : column.notes) {
    *out += "    # " + note + "\n";
  }
  const std::string key = "    " + YamlScalar(column.name) + ":";
  if (!column.choice) {
    *out += key + " keep";
    AppendComment(out, column.comment);
    return;
  }
  if (column.choice->transformer != "json") {
    *out += key + " " + Flow(*column.choice, column.domain);
    AppendComment(out, column.comment);
    return;
  }
  *out += key;
  AppendComment(out, column.comment);
  *out += "      transform: json\n";
  for (const auto& [name, value] : column.choice->params) {
    *out += "      " + YamlScalar(name) + ": " + YamlScalar(value) + "\n";
  }
  if (column.domain) {
    *out += "      domain: " + YamlScalar(*column.domain) + "\n";
  }
  *out += "      paths:\n";
  for (const DraftPathRule& path : column.paths) {
    // Paths are always quoted: `$`, `[*]` and `"` mean something to YAML.
    std::string quoted = "\"";
    for (char c : path.path) {
      if (c == '"' || c == '\\') {
        quoted += '\\';
      }
      quoted += c;
    }
    *out += "        " + quoted + "\": " + Flow(path.choice, std::nullopt);
    AppendComment(out, path.comment);
  }
}

}  // namespace

std::string YamlScalar(std::string_view text) {
  bool plain = !text.empty() && !IsReservedWord(text) && text.front() != '-' &&
               text.front() != '.' && std::all_of(text.begin(), text.end(), [](char c) {
                 return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' ||
                        c == '-' || c == '/';
               });
  if (plain) {
    return std::string(text);
  }
  std::string quoted = "\"";
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      quoted += '\\';
      quoted += c;
    } else if (u < 0x20 || u == 0x7f) {
      quoted += fmt::format("\\x{:02x}", u);
    } else {
      quoted += c;
    }
  }
  return quoted + "\"";
}

std::string WriteDraftPolicy(const DraftPolicy& draft) {
  std::string database;
  for (char c : draft.database) {
    database += static_cast<unsigned char>(c) < 0x20 ? '?' : c;
  }
  std::string out = fmt::format(
      "# pgveil policy for database {}, drafted by `pgveil bootstrap`.\n"
      "#\n"
      "# Every table and column the gate checks is listed. Columns where the scan found\n"
      "# personal data have a transformer suited to what was found (the comment gives the\n"
      "# category, the confidence and redacted evidence); everything else is keep. Review\n"
      "# it, commit it beside your migrations, and run `pgveil check` in CI.\n"
      "version: 1\n"
      "mode: strict                 # strict: every column needs a rule\n"
      "key: {{env: PGVEIL_KEY}}       # the masking secret comes from here, never from this "
      "file\n",
      database);
  if (draft.tables.empty()) {
    out += "tables: {}\n";
    return out;
  }
  out += "tables:\n";
  for (const DraftTable& table : draft.tables) {
    out += "  " + YamlScalar(FormatTableName(table.name)) + ":\n";
    for (const DraftColumn& column : table.columns) {
      WriteColumn(column, &out);
    }
  }
  return out;
}

}  // namespace pgveil::policy
