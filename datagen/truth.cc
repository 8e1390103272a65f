// datagen/truth.cc
//
// ShopTruth and TruthToJson: the right answer, read straight from the
// schema description in shop_schema.cc (ClinicTruth is in clinic_generator.cc).

#include <nlohmann/json.hpp>

#include "datagen/generator.h"
#include "datagen/shop_schema.h"

namespace pgveil::datagen {

std::vector<TruthEntry> ShopTruth(const GeneratorOptions& options) {
  (void)options;  // the schema and its truth do not depend on seed or scale
  return TruthOf(ShopTables());
}

std::string TruthToJson(const std::vector<TruthEntry>& truth) {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const TruthEntry& e : truth) {
    nlohmann::ordered_json entry;
    entry["schema"] = e.column.schema;
    entry["table"] = e.column.table;
    entry["column"] = e.column.column;
    entry["path"] = e.path ? nlohmann::ordered_json(*e.path) : nlohmann::ordered_json(nullptr);
    nlohmann::ordered_json categories = nlohmann::ordered_json::array();
    for (Category c : e.categories) categories.push_back(std::string(IdOf(c)));
    entry["categories"] = std::move(categories);
    entries.push_back(std::move(entry));
  }
  nlohmann::ordered_json root;
  root["entries"] = std::move(entries);
  // error_handler_t::replace: never throws, even on malformed UTF-8 (there is none).
  return root.dump(1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace pgveil::datagen
