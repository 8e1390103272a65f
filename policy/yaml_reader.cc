#include "policy/yaml_reader.h"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "masking/param_values.h"

namespace pgveil::policy::internal {

SourceLocation PolicyErrors::LocationOf(const YAML::Mark& mark) const {
  if (mark.line < 0 || mark.column < 0) {
    return FileStart();
  }
  return {file_, mark.line + 1, mark.column + 1};
}

SourceLocation PolicyErrors::LocationOf(const YAML::Node& node,
                                        const SourceLocation& fallback) const {
  if (!node.IsDefined() || node.IsNull()) {
    return fallback;
  }
  const YAML::Mark mark = node.Mark();
  if (mark.line < 0 || mark.column < 0) {
    return fallback;
  }
  return LocationOf(mark);
}

bool PolicyErrors::SpellsNull(const YAML::Node& value, const SourceLocation& key) const {
  if (!value.IsDefined() || !value.IsNull()) {
    return false;
  }
  const YAML::Mark mark = value.Mark();
  if (mark.pos < 0 || mark.line + 1 != key.line) {
    return false;
  }
  std::string_view rest = source_.substr(std::min(static_cast<size_t>(mark.pos), source_.size()));
  for (std::string_view word : {"null", "Null", "NULL"}) {
    if (!rest.starts_with(word)) {
      continue;
    }
    if (rest.size() == word.size()) {
      return true;
    }
    char next = rest[word.size()];
    return next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == ',' ||
           next == '}' || next == '#';
  }
  return false;
}

void PolicyErrors::Add(const SourceLocation& where, std::string message) {
  // Messages quote names from the policy, which may hold any bytes. A control
  // character (a newline above all) would break "one error per line" and
  // could drive the terminal, so each is written as \xNN.
  std::string printable;
  for (char c : message) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f) {
      printable += fmt::format("\\x{:02x}", byte);
    } else {
      printable += c;
    }
  }
  messages_.push_back({where, std::move(printable)});
}

Status PolicyErrors::ToStatus() const {
  if (messages_.empty()) {
    return Status::Ok();
  }
  std::vector<Entry> sorted = messages_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.where.line, a.where.column) < std::tie(b.where.line, b.where.column);
  });
  std::string text;
  for (size_t i = 0; i < sorted.size() && i < kMaxReported; ++i) {
    if (i > 0) {
      text += '\n';
    }
    text += fmt::format("{}:{}:{}: {}", sorted[i].where.file, sorted[i].where.line,
                        sorted[i].where.column, sorted[i].message);
  }
  if (sorted.size() > kMaxReported) {
    const size_t more = sorted.size() - kMaxReported;
    text += fmt::format("\n{}: {} more error{} not shown", file_, more, more == 1 ? "" : "s");
  }
  return Status::InvalidArgument(text);
}

std::vector<MapEntry> ReadMap(const YAML::Node& map, PolicyErrors& errors) {
  std::vector<MapEntry> entries;
  std::map<std::string, SourceLocation> seen;
  for (auto it = map.begin(); it != map.end(); ++it) {
    SourceLocation key_location = errors.LocationOf(it->first.Mark());
    if (!it->first.IsScalar()) {
      errors.Add(key_location, "a key must be a plain name, not a list or a map");
      continue;
    }
    MapEntry entry{it->first.Scalar(), key_location, it->second,
                   errors.LocationOf(it->second, key_location)};
    auto [first, inserted] = seen.emplace(entry.key, key_location);
    if (!inserted) {
      errors.Add(key_location, fmt::format("duplicate key '{}' (first at {}:{})", entry.key,
                                           first->second.line, first->second.column));
      continue;
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string WithSuggestion(std::string_view name, std::span<const std::string_view> candidates) {
  std::string text = "'" + std::string(name) + "'";
  std::string_view closest = masking::ClosestName(name, candidates);
  if (!closest.empty()) {
    text += "; did you mean '" + std::string(closest) + "'?";
  }
  return text;
}

bool CheckKeys(const std::vector<MapEntry>& entries, std::span<const std::string_view> allowed,
               std::string_view where, PolicyErrors& errors) {
  bool ok = true;
  for (const MapEntry& entry : entries) {
    if (std::find(allowed.begin(), allowed.end(), entry.key) != allowed.end()) {
      continue;
    }
    std::string message = "unknown key '" + entry.key + "' in " + std::string(where);
    std::string_view closest = masking::ClosestName(entry.key, allowed);
    if (!closest.empty()) {
      message += "; did you mean '" + std::string(closest) + "'?";
    } else {
      std::string list;
      for (std::string_view key : allowed) {
        list += (list.empty() ? "" : ", ") + std::string(key);
      }
      message += " (allowed: " + list + ")";
    }
    errors.Add(entry.key_location, message);
    ok = false;
  }
  return ok;
}

std::optional<std::string> ScalarOf(const MapEntry& entry, std::string_view what,
                                    PolicyErrors& errors) {
  if (entry.value.IsScalar()) {
    return entry.value.Scalar();
  }
  if (!entry.value.IsDefined() || entry.value.IsNull()) {
    errors.Add(entry.value_location, std::string(what) + " has no value");
  } else {
    errors.Add(entry.value_location, std::string(what) + " must be a single value");
  }
  return std::nullopt;
}

}  // namespace pgveil::policy::internal
