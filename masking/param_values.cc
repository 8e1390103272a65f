#include "masking/param_values.h"

#include <algorithm>
#include <charconv>
#include <vector>

#include "masking/formats.h"

namespace pgveil::masking {
namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string Quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

std::string ChoiceList(std::string_view choices) {
  std::string list;
  size_t start = 0;
  while (start <= choices.size()) {
    size_t bar = choices.find('|', start);
    if (bar == std::string_view::npos) {
      bar = choices.size();
    }
    if (!list.empty()) {
      list += ", ";
    }
    list += Quoted(choices.substr(start, bar - start));
    start = bar + 1;
  }
  return list;
}

bool IsChoice(std::string_view choices, std::string_view value) {
  size_t start = 0;
  while (start <= choices.size()) {
    size_t bar = choices.find('|', start);
    if (bar == std::string_view::npos) {
      bar = choices.size();
    }
    if (choices.substr(start, bar - start) == value) {
      return true;
    }
    start = bar + 1;
  }
  return false;
}

}  // namespace

std::string_view ClosestName(std::string_view name, std::span<const std::string_view> candidates) {
  std::string_view best;
  size_t best_distance = std::max<size_t>(2, name.size() / 3) + 1;
  for (std::string_view candidate : candidates) {
    size_t distance = EditDistance(name, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  return best;
}

Result<ParamValues> ParamValues::Parse(std::string_view transformer,
                                       std::span<const ParamSpec> specs, const ParamMap& given) {
  const std::string where = " for transformer " + std::string(transformer);
  std::vector<std::string_view> names;
  for (const ParamSpec& spec : specs) {
    names.push_back(spec.name);
  }
  for (const auto& [name, value] : given) {
    if (std::find(names.begin(), names.end(), name) != names.end()) {
      continue;
    }
    std::string message = "unknown parameter " + Quoted(name) + where;
    std::string_view suggestion = ClosestName(name, names);
    if (!suggestion.empty()) {
      message += "; did you mean " + Quoted(suggestion) + "?";
    } else if (names.empty()) {
      message += "; it takes no parameters";
    } else {
      std::string list;
      for (std::string_view known : names) {
        list += (list.empty() ? "" : ", ") + std::string(known);
      }
      message += "; it takes: " + list;
    }
    return Status::InvalidArgument(message);
  }

  ParamValues result;
  for (const ParamSpec& spec : specs) {
    Value value;
    value.type = spec.type;
    auto it = given.find(std::string(spec.name));
    value.given = it != given.end();
    if (!value.given && spec.required) {
      return Status::InvalidArgument("parameter " + Quoted(spec.name) + " is required" + where);
    }
    value.text = value.given ? it->second : std::string(spec.default_value);
    const std::string what = "parameter " + Quoted(spec.name) + where;
    switch (spec.type) {
      case ParamType::kBool:
        if (value.text == "true") {
          value.flag = true;
        } else if (value.text != "false") {
          return Status::InvalidArgument(what + " must be true or false");
        }
        break;
      case ParamType::kInt: {
        if (!value.given && value.text.empty()) {
          break;
        }
        const char* begin = value.text.data();
        const char* end = begin + value.text.size();
        auto [ptr, error] = std::from_chars(begin, end, value.number);
        if (error != std::errc() || ptr != end) {
          return Status::InvalidArgument(what + " must be a whole number");
        }
        if (value.number < spec.min || value.number > spec.max) {
          return Status::InvalidArgument(what + " must be between " + std::to_string(spec.min) +
                                         " and " + std::to_string(spec.max));
        }
        break;
      }
      case ParamType::kEnum:
        if (!IsChoice(spec.choices, value.text)) {
          return Status::InvalidArgument(what + " must be one of " + ChoiceList(spec.choices));
        }
        break;
      case ParamType::kJson:
        if (value.given && !IsValidJson(value.text)) {
          return Status::InvalidArgument(what + " is not valid JSON");
        }
        break;
      case ParamType::kString:
        break;
    }
    result.values_.emplace(std::string(spec.name), std::move(value));
  }
  return result;
}

const ParamValues::Value& ParamValues::Find(std::string_view name, ParamType type) const {
  auto it = values_.find(name);
  PGVEIL_CHECK(it != values_.end());
  const bool compatible = it->second.type == type ||
                          (type == ParamType::kString && it->second.type != ParamType::kInt &&
                           it->second.type != ParamType::kBool);
  PGVEIL_CHECK(compatible);
  return it->second;
}

bool ParamValues::GetBool(std::string_view name) const { return Find(name, ParamType::kBool).flag; }

int64_t ParamValues::GetInt(std::string_view name) const {
  return Find(name, ParamType::kInt).number;
}

const std::string& ParamValues::GetString(std::string_view name) const {
  return Find(name, ParamType::kString).text;
}

bool ParamValues::WasGiven(std::string_view name) const {
  auto it = values_.find(name);
  PGVEIL_CHECK(it != values_.end());
  return it->second.given;
}

}  // namespace pgveil::masking
