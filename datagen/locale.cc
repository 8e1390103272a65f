// datagen/locale.cc
//
// The locale registry: lookup by country and the weighted draw that decides
// where a generated person comes from.

#include "datagen/locale.h"

#include <array>

#include "core/status.h"

namespace pgveil::datagen {
namespace {

// In Country order, so LocaleOf can index directly.
const std::array<const Locale*, 24>& Registry() {
  static const std::array<const Locale*, 24> registry = {
      &kLocaleUS, &kLocaleCA, &kLocaleGB, &kLocaleDE, &kLocaleFR, &kLocaleES,
      &kLocaleIT, &kLocalePT, &kLocaleBR, &kLocaleNL, &kLocalePL, &kLocaleSE,
      &kLocaleIS, &kLocaleTR, &kLocaleRU, &kLocaleGR, &kLocaleCN, &kLocaleJP,
      &kLocaleKR, &kLocaleVN, &kLocaleIN, &kLocaleSA, &kLocaleEG, &kLocaleIL};
  return registry;
}

struct Table {
  std::array<Locale, 24> locales;
  std::array<uint32_t, 24> weights;
};

const Table& Locales() {
  static const Table table = [] {
    Table t{};
    for (size_t i = 0; i < Registry().size(); ++i) {
      t.locales[i] = *Registry()[i];
      PGVEIL_CHECK(static_cast<size_t>(t.locales[i].country) == i);
      t.weights[i] = t.locales[i].weight;
    }
    return t;
  }();
  return table;
}

}  // namespace

std::span<const Locale> AllLocales() { return Locales().locales; }

const Locale& LocaleOf(Country country) { return Locales().locales[static_cast<size_t>(country)]; }

const Locale& PickLocale(Rng& rng) {
  const Table& table = Locales();
  return table.locales[rng.Weighted(table.weights)];
}

NameForms SplitName(std::string_view entry) {
  const size_t bar = entry.find('|');
  if (bar == std::string_view::npos) return {entry, entry};
  return {entry.substr(0, bar), entry.substr(bar + 1)};
}

}  // namespace pgveil::datagen
