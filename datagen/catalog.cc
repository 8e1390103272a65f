// datagen/catalog.cc

#include "datagen/catalog.h"

#include "datagen/format_util.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr uint64_t kProductNameStream = 0x70726f64;  // "prod"

constexpr SV kColours[] = {"Rose", "Amber",   "Olive",    "Hazel", "Ruby",     "Ivy",   "Violet",
                           "Jade", "Coral",   "Sienna",   "Navy",  "Charcoal", "Ivory", "Sage",
                           "Teal", "Mustard", "Burgundy", "Sand",  "Slate",    "Black", "White"};
constexpr SV kBrands[] = {
    "Schmidt & Söhne", "Hartmann Outdoor", "Fjällgård Co.", "Maison Dubois",   "Rossi Calzature",
    "Nordwind",        "Acme Goods",       "Blue Harbor",   "Kowalski Design", "Tanaka Works",
    "Lindqvist Form",  "García Hermanos",  "Veil Basics",   "Contoso Sport"};
struct Noun {
  SV name;
  SV category;
};
constexpr Noun kNouns[] = {{"Trail Runner", "shoes"},
                           {"Canvas Backpack", "bags"},
                           {"Denim Jacket", "outerwear"},
                           {"Wool Scarf", "accessories"},
                           {"Leather Wallet", "accessories"},
                           {"Chronograph Watch", "watches"},
                           {"Rain Shell", "outerwear"},
                           {"Travel Mug", "home"},
                           {"Linen Shirt", "outerwear"},
                           {"Hiking Boot", "shoes"},
                           {"Tote Bag", "bags"},
                           {"Beanie", "accessories"},
                           {"Desk Lamp", "home"},
                           {"Yoga Mat", "sport"},
                           {"Sunglasses", "accessories"},
                           {"Cotton Hoodie", "kids"}};
constexpr SV kAdjectives[] = {"Classic",  "Urban", "Alpine",   "Coastal",
                              "Everyday", "Pro",   "Heritage", "Lightweight"};
constexpr SV kLorem[] = {"lorem",        "ipsum",      "dolor",      "sit",    "amet",
                         "consectetur",  "adipiscing", "elit",       "sed",    "do",
                         "eiusmod",      "tempor",     "incididunt", "ut",     "labore",
                         "et",           "dolore",     "magna",      "aliqua", "enim",
                         "ad",           "minim",      "veniam",     "quis",   "nostrud",
                         "exercitation", "ullamco",    "laboris",    "nisi"};
constexpr SV kClaims[] = {"Water-resistant and built to last.",
                          "Made from recycled materials.",
                          "Machine washable at 30°C.",
                          "Two-year warranty included.",
                          "Fits true to size.",
                          "Limited edition colourway."};

// A product's noun is its stream's first draw, so its category can be
// looked up without building the name.
const Noun& ProductNoun(Rng& rng) { return rng.Pick(kNouns); }

}  // namespace

std::span<const std::string_view> ColourWords() { return kColours; }
std::span<const std::string_view> Brands() { return kBrands; }

std::string_view ProductCategory(uint64_t seed, int64_t product_id) {
  Rng rng = Rng::ForRow(seed, kProductNameStream, static_cast<uint64_t>(product_id));
  return ProductNoun(rng).category;
}

void AppendProductName(uint64_t seed, int64_t product_id, std::string* out) {
  Rng rng = Rng::ForRow(seed, kProductNameStream, static_cast<uint64_t>(product_id));
  const Noun& noun = ProductNoun(rng);
  out->append(rng.Chance(0.6) ? rng.Pick(kColours) : rng.Pick(kAdjectives));
  out->push_back(' ');
  out->append(noun.name);
  if (rng.Chance(0.3)) {
    out->push_back(' ');
    AppendInt(rng.Between(2, 9), out);
  }
}

void AppendLorem(Rng& rng, int words, std::string* out) {
  for (int i = 0; i < words; ++i) {
    SV word = rng.Pick(kLorem);
    if (i == 0) {
      out->push_back(static_cast<char>(word[0] - 'a' + 'A'));
      word.remove_prefix(1);
    } else {
      out->push_back(' ');
    }
    out->append(word);
  }
  out->push_back('.');
}

void AppendProductDescription(Rng& rng, std::string_view product_name, std::string* out) {
  if (rng.Chance(0.3)) {
    AppendLorem(rng, static_cast<int>(rng.Between(8, 30)), out);
    return;
  }
  out->append("The ");
  out->append(product_name);
  out->append(" in ");
  out->append(rng.Pick(kColours));
  out->append(". ");
  out->append(rng.Pick(kClaims));
  if (rng.Chance(0.5)) {
    out->push_back(' ');
    out->append(rng.Pick(kClaims));
  }
}

}  // namespace pgveil::datagen
