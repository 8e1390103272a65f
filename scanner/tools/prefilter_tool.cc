// scanner/tools/prefilter_tool.cc
//
// Build step: compiles the embedded detectors' prefilters into one Hyperscan
// database and writes it, serialised, as a C++ source defining
// pgveil::embedded::prefilters (see scanner/prefilter_database.h).
//
//   pgveil-prefilters OUT.cc

#include <cstdio>
#include <fstream>
#include <string>

#include "dictionaries/detector_spec.h"
#include "scanner/prefilter_database.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: pgveil-prefilters OUT.cc\n");
    return 2;
  }
  auto specs = pgveil::dictionaries::EmbeddedDetectorSpecs();
  auto bytes = specs.ok() ? pgveil::scanner::SerializePrefilters(*specs)
                          : pgveil::Result<std::string>(specs.status());
  if (!bytes.ok()) {
    std::fprintf(stderr, "pgveil-prefilters: %s\n", bytes.status().message().c_str());
    return 3;
  }
  std::ofstream out(argv[1], std::ios::binary | std::ios::trunc);
  out << "#include <string_view>\nnamespace pgveil::embedded {\nextern const std::string_view "
         "prefilters(\n";
  constexpr size_t kBytesPerLine = 64;
  char hex[8];
  for (size_t i = 0; i < bytes->size(); i += kBytesPerLine) {
    out << "    \"";
    for (size_t j = i; j < i + kBytesPerLine && j < bytes->size(); ++j) {
      std::snprintf(hex, sizeof hex, "\\x%02x", static_cast<unsigned char>((*bytes)[j]));
      out << hex;
    }
    out << "\"\n";
  }
  out << "    , " << bytes->size() << ");\n}  // namespace pgveil::embedded\n";
  out.close();
  if (!out) {
    std::fprintf(stderr, "pgveil-prefilters: cannot write %s\n", argv[1]);
    return 3;
  }
  return 0;
}
