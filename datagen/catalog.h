// datagen/catalog.h
//
// The shop's product catalogue vocabulary, all of it non-personal: product
// names ("Amber Trail Runner 2"), colour words of which several are also
// given names (Rose, Amber, Olive, Hazel, Ruby, Ivy, Violet, Jade), brands
// that carry surnames ("Schmidt & Söhne", "Hartmann Outdoor"), categories.
// A product's name is a pure function of (seed, product id), so order
// lines and tickets can mention products without a lookup table.
//
// Thread-safety: pure functions; constant data.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "datagen/rng.h"

namespace pgveil::datagen {

std::span<const std::string_view> ColourWords();
std::span<const std::string_view> Brands();

// The category of product `product_id` under `seed` ("shoes", "bags", ...).
std::string_view ProductCategory(uint64_t seed, int64_t product_id);

// Appends the name of product `product_id` under `seed`.
void AppendProductName(uint64_t seed, int64_t product_id, std::string* out);

// A sentence or two of marketing copy, sometimes lorem ipsum.
void AppendProductDescription(Rng& rng, std::string_view product_name, std::string* out);

// `words` words of lorem ipsum, capitalised, ending with a full stop.
void AppendLorem(Rng& rng, int words, std::string* out);

}  // namespace pgveil::datagen
