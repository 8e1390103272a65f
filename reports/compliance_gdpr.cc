// reports/compliance_gdpr.cc
//
// The parts of a GDPR Art. 30(1) record of processing a database can
// evidence: (c) the categories of personal data it holds, with Art. 9
// special categories and Art. 10 criminal data marked, and (g) the technical
// measures the masking policy applies to them. What a database cannot know
// (purposes, data subjects, recipients, retention, organisational measures)
// is left to the writers' placeholders.

#include <algorithm>
#include <map>
#include <set>

#include "masking/registry.h"
#include "reports/compliance_model.h"

namespace pgveil::reports {
namespace {

using Location = std::pair<ColumnRef, std::optional<std::string>>;

// What the pseudo-methods that are not transformers do.
std::string_view PseudoMethodSummary(const std::string& method) {
  if (method == "skip") return "the table is not copied at all";
  if (method == "delete") return "the JSON member or element is removed";
  if (method == "set") return "the JSON value is replaced by a fixed value";
  return "";
}

}  // namespace

GdprSection BuildGdprSection(const std::vector<InventoryRow>& inventory,
                             const policy::Policy& policy) {
  GdprSection section;
  section.key_source = policy.key.Describe();

  struct CategoryAcc {
    std::set<Location> locations;
    std::set<Location> exposed;
    std::set<std::string> tables;
    std::set<std::string> methods;
  };
  std::map<Category, CategoryAcc> categories;
  std::map<std::string, std::set<Location>> measures;
  for (const InventoryRow& row : inventory) {
    if (row.possible) continue;
    CategoryAcc& acc = categories[row.category];
    Location location{row.column, row.path};
    acc.locations.insert(location);
    acc.tables.insert(row.column.schema + "." + row.column.table);
    Protection p = row.treatment.protection;
    if (p == Protection::kKept || p == Protection::kUncovered) acc.exposed.insert(location);
    if (p == Protection::kMasked) {
      acc.methods.insert(row.treatment.method);
      measures[row.treatment.method].insert(location);
    }
  }

  for (const auto& [category, acc] : categories) {
    GdprCategory entry;
    entry.category = category;
    entry.label = std::string(CategoryLabel(category));
    entry.article = std::string(GdprArticle(category));
    entry.locations = static_cast<int>(acc.locations.size());
    entry.exposed = static_cast<int>(acc.exposed.size());
    entry.tables.assign(acc.tables.begin(), acc.tables.end());
    entry.methods.assign(acc.methods.begin(), acc.methods.end());
    section.categories.push_back(std::move(entry));
  }

  for (const auto& [method, locations] : measures) {
    TechnicalMeasure measure;
    measure.method = method;
    measure.locations = static_cast<int>(locations.size());
    if (const masking::TransformerSpec* spec = masking::FindTransformerSpec(method)) {
      measure.summary = std::string(spec->summary);
      measure.keyed = spec->keyed;
      measure.uniqueness = std::string(masking::UniquenessName(spec->uniqueness));
    } else {
      measure.summary = std::string(PseudoMethodSummary(method));
    }
    section.measures.push_back(std::move(measure));
  }
  return section;
}

}  // namespace pgveil::reports
