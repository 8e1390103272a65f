// core/version.h
//
// The version pgveil reports, from the top-level CMake project version.
#pragma once

#include <string_view>

namespace pgveil {

inline constexpr std::string_view kVersion = PGVEIL_VERSION;

}  // namespace pgveil
