#include "scanner/prefilter_database.h"

#include <cstdlib>

#include <fmt/format.h>

namespace pgveil::scanner {
namespace {

// What a serialised database was built from: the Hyperscan version and, per
// detector, its prefilter and flags. FNV-1a: stable across builds and runs.
std::string Fingerprint(const std::vector<dictionaries::DetectorSpec>& specs) {
  uint64_t hash = 14695981039346656037ull;
  auto add = [&](std::string_view bytes) {
    for (unsigned char c : bytes) hash = (hash ^ c) * 1099511628211ull;
    hash = (hash ^ 0xff) * 1099511628211ull;  // separates fields
  };
  add(hs_version());
  for (const auto& spec : specs) {
    add(spec.prefilter);
    add(spec.caseless ? "i" : "");
  }
  return fmt::format("{:016x}", hash);
}

}  // namespace

Result<PrefilterDatabase> CompilePrefilters(const std::vector<dictionaries::DetectorSpec>& specs) {
  std::vector<const char*> patterns;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < specs.size(); ++i) {
    patterns.push_back(specs[i].prefilter.c_str());
    flags.push_back(HS_FLAG_SINGLEMATCH | HS_FLAG_PREFILTER |
                    (specs[i].caseless ? HS_FLAG_CASELESS : 0u));
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* database = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_multi(patterns.data(), flags.data(), ids.data(),
                       static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &database,
                       &error) == HS_SUCCESS) {
    return PrefilterDatabase(database);
  }
  std::string message = error && error->message ? error->message : "unknown error";
  int index = error ? error->expression : -1;
  hs_free_compile_error(error);
  if (index >= 0 && static_cast<size_t>(index) < specs.size()) {
    const auto& spec = specs[static_cast<size_t>(index)];
    return Status::InvalidArgument(fmt::format("{}:{}: detector '{}': Hyperscan rejects the pattern: {}",
                                               spec.source, spec.line, spec.id, message));
  }
  return Status::Internal("compiling detector patterns: " + message);
}

Result<std::string> SerializePrefilters(const std::vector<dictionaries::DetectorSpec>& specs) {
  PGVEIL_ASSIGN_OR_RETURN(PrefilterDatabase database, CompilePrefilters(specs));
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(database.get(), &bytes, &length) != HS_SUCCESS) {
    return Status::Internal("serialising the detector patterns failed");
  }
  std::string out = Fingerprint(specs) + std::string(bytes, length);
  std::free(bytes);
  return out;
}

PrefilterDatabase LoadPrefilters(std::string_view serialized,
                                 const std::vector<dictionaries::DetectorSpec>& specs) {
  const std::string fingerprint = Fingerprint(specs);
  if (!serialized.starts_with(fingerprint)) return nullptr;
  serialized.remove_prefix(fingerprint.size());
  hs_database_t* database = nullptr;
  // Hyperscan checks the version and the platform itself.
  if (hs_deserialize_database(serialized.data(), serialized.size(), &database) != HS_SUCCESS) {
    return nullptr;
  }
  return PrefilterDatabase(database);
}

}  // namespace pgveil::scanner
