#include "dictionaries/detector_spec.h"

#include <set>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "dictionaries/embedded.h"

namespace pgveil::dictionaries {
namespace {

Status ErrorAt(std::string_view source, const YAML::Mark& mark, std::string_view what) {
  return Status::InvalidArgument(
      fmt::format("{}:{}:{}: {}", source, mark.line + 1, mark.column + 1, what));
}

Result<DetectorSpec> ParseOne(const YAML::Node& node, std::string_view source) {
  if (!node.IsMap()) return ErrorAt(source, node.Mark(), "a detector must be a mapping");
  DetectorSpec spec;
  spec.line = node.Mark().line + 1;
  spec.source = source;
  for (const auto& field : node) {
    std::string key = field.first.as<std::string>();
    const YAML::Node& value = field.second;
    if (key == "id") {
      spec.id = value.as<std::string>();
    } else if (key == "category") {
      auto category = CategoryFromId(value.as<std::string>());
      if (!category)
        return ErrorAt(source, value.Mark(), "unknown category '" + value.as<std::string>() + "'");
      spec.category = *category;
    } else if (key == "pattern") {
      spec.pattern = value.as<std::string>();
    } else if (key == "prefilter") {
      spec.prefilter = value.as<std::string>();
    } else if (key == "validator") {
      spec.validator = value.as<std::string>();
    } else if (key == "caseless") {
      spec.caseless = value.as<bool>();
    } else if (key == "min_ratio") {
      spec.min_ratio = value.as<double>();
      if (spec.min_ratio <= 0 || spec.min_ratio > 1)
        return ErrorAt(source, value.Mark(), "min_ratio must be in (0, 1]");
    } else if (key == "embedded") {
      spec.embedded = value.as<bool>();
    } else {
      return ErrorAt(source, field.first.Mark(), "unknown field '" + key + "'");
    }
  }
  if (spec.id.empty()) return ErrorAt(source, node.Mark(), "detector without an id");
  if (spec.pattern.empty())
    return ErrorAt(source, node.Mark(), "detector '" + spec.id + "' has no pattern");
  if (spec.prefilter.empty()) spec.prefilter = spec.pattern;
  if (!node["category"])
    return ErrorAt(source, node.Mark(), "detector '" + spec.id + "' has no category");
  return spec;
}

}  // namespace

Result<std::vector<DetectorSpec>> ParseDetectorSpecs(std::string_view text,
                                                     std::string_view source) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    const YAML::Node list = root["detectors"];
    if (!list || !list.IsSequence()) {
      return Status::InvalidArgument(fmt::format("{}: expected a 'detectors' list", source));
    }
    std::vector<DetectorSpec> specs;
    std::set<std::string> ids;
    for (const auto& node : list) {
      PGVEIL_ASSIGN_OR_RETURN(DetectorSpec spec, ParseOne(node, source));
      if (!ids.insert(spec.id).second)
        return ErrorAt(source, node.Mark(), "duplicate detector id '" + spec.id + "'");
      specs.push_back(std::move(spec));
    }
    return specs;
  } catch (const YAML::Exception& e) {
    return ErrorAt(source, e.mark, e.msg);
  }
}

Result<std::vector<DetectorSpec>> EmbeddedDetectorSpecs() {
  return ParseDetectorSpecs(embedded::detectors, "dictionaries/data/detectors.yaml");
}

}  // namespace pgveil::dictionaries
