// The libFuzzer entry point of one target; CMake compiles this file once per
// target with PGVEIL_FUZZ_TARGET set to the target's function.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  PGVEIL_FUZZ_TARGET(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
