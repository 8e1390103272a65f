// dictionaries/embedded.h
//
// The raw bytes of dictionaries/data/*, compiled in by pgveil_embed() (see
// cmake/pgveil.cmake). Only the loaders in this module read these.
#pragma once

#include <string_view>

namespace pgveil::embedded {

extern const std::string_view given_names;
extern const std::string_view surnames;
extern const std::string_view cities;
extern const std::string_view street_words;
extern const std::string_view street_suffixes;
extern const std::string_view not_names;
extern const std::string_view company_suffixes;
extern const std::string_view column_names;
extern const std::string_view detectors;

}  // namespace pgveil::embedded
