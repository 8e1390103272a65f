#include "masking/json_path.h"

#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

Status BadPath(size_t position, std::string_view what) {
  return Status::InvalidArgument("bad JSON path at character " + std::to_string(position + 1) +
                                 ": " + std::string(what));
}

// Reads a quoted name starting at the quote `text[*pos]`.
Result<std::string> ReadQuoted(std::string_view text, size_t* pos) {
  const char quote = text[*pos];
  std::string name;
  for (size_t i = *pos + 1; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      name.push_back(text[++i]);
    } else if (text[i] == quote) {
      *pos = i + 1;
      return name;
    } else {
      name.push_back(text[i]);
    }
  }
  return BadPath(*pos, "unterminated quoted name");
}

}  // namespace

Result<std::vector<PathStep>> ParseJsonPath(std::string_view path) {
  if (path.empty() || path[0] != '$') {
    return BadPath(0, "a path starts with '$'");
  }
  std::vector<PathStep> steps;
  size_t pos = 1;
  while (pos < path.size()) {
    PathStep step;
    if (path[pos] == '.') {
      ++pos;
      if (pos >= path.size()) {
        return BadPath(pos, "a name must follow '.'");
      }
      if (path[pos] == '*') {
        step.kind = PathStep::Kind::kAnyKey;
        ++pos;
      } else if (path[pos] == '"' || path[pos] == '\'') {
        PGVEIL_ASSIGN_OR_RETURN(step.key, ReadQuoted(path, &pos));
      } else {
        const size_t start = pos;
        while (pos < path.size() && path[pos] != '.' && path[pos] != '[') {
          const char c = path[pos];
          if (c == '"' || c == '\'' || c == ']' || c == ' ') {
            return BadPath(pos, "quote names with spaces or punctuation: $.\"odd key\"");
          }
          ++pos;
        }
        if (pos == start) {
          return BadPath(pos, "empty name");
        }
        step.key = std::string(path.substr(start, pos - start));
      }
    } else if (path[pos] == '[') {
      ++pos;
      if (pos >= path.size()) {
        return BadPath(pos, "unterminated '['");
      }
      if (path[pos] == '*') {
        step.kind = PathStep::Kind::kAnyIndex;
        ++pos;
      } else if (path[pos] == '"' || path[pos] == '\'') {
        PGVEIL_ASSIGN_OR_RETURN(step.key, ReadQuoted(path, &pos));
      } else {
        const size_t start = pos;
        uint64_t index = 0;
        while (pos < path.size() && IsAsciiDigit(path[pos]) && pos - start < 18) {
          index = index * 10 + static_cast<uint64_t>(path[pos] - '0');
          ++pos;
        }
        if (pos == start) {
          return BadPath(pos, "expected an index, '*' or a quoted name");
        }
        step.kind = PathStep::Kind::kIndex;
        step.index = index;
      }
      if (pos >= path.size() || path[pos] != ']') {
        return BadPath(pos, "expected ']'");
      }
      ++pos;
    } else {
      return BadPath(pos, "expected '.' or '['");
    }
    steps.push_back(std::move(step));
  }
  return steps;
}

JsonPathTrie::JsonPathTrie() : nodes_(1) {}

int JsonPathTrie::Child(int node, const PathStep& step) {
  auto next = static_cast<int>(nodes_.size());
  Node& current = nodes_[static_cast<size_t>(node)];
  int* slot = nullptr;
  switch (step.kind) {
    case PathStep::Kind::kKey: {
      auto [it, inserted] = current.members.emplace(step.key, next);
      if (!inserted) {
        return it->second;
      }
      nodes_.emplace_back();
      return next;
    }
    case PathStep::Kind::kIndex: {
      auto [it, inserted] = current.elements.emplace(step.index, next);
      if (!inserted) {
        return it->second;
      }
      nodes_.emplace_back();
      return next;
    }
    case PathStep::Kind::kAnyKey:
      slot = &current.any_member;
      break;
    case PathStep::Kind::kAnyIndex:
      slot = &current.any_element;
      break;
  }
  if (*slot >= 0) {
    return *slot;
  }
  *slot = next;
  nodes_.emplace_back();
  return next;
}

Status JsonPathTrie::Add(const std::vector<PathStep>& steps, int rule) {
  int node = kRoot;
  for (const PathStep& step : steps) {
    node = Child(node, step);
  }
  Node& end = nodes_[static_cast<size_t>(node)];
  if (end.rule >= 0) {
    return Status::InvalidArgument("the same path has two rules");
  }
  end.rule = rule;
  return Status::Ok();
}

void JsonPathTrie::MatchMember(int node, std::string_view key, std::vector<int>* out) const {
  const Node& current = nodes_[static_cast<size_t>(node)];
  if (!current.members.empty()) {
    auto it = current.members.find(key);
    if (it != current.members.end()) {
      out->push_back(it->second);
    }
  }
  if (current.any_member >= 0) {
    out->push_back(current.any_member);
  }
}

void JsonPathTrie::MatchElement(int node, uint64_t index, std::vector<int>* out) const {
  const Node& current = nodes_[static_cast<size_t>(node)];
  if (!current.elements.empty()) {
    auto it = current.elements.find(index);
    if (it != current.elements.end()) {
      out->push_back(it->second);
    }
  }
  if (current.any_element >= 0) {
    out->push_back(current.any_element);
  }
}

}  // namespace pgveil::masking
