// No collisions over one million distinct inputs for every transformer
// whose registry entry claims Uniqueness::kPreserving at default
// parameters: fpe_digits, fpe_alnum, fpe_int, uuid, hash (full length),
// email, ip (and keep, trivially). The others make no such claim and are
// not tested for it: phone, credit_card, iban and fake_* draw from keyed
// hashes into small spaces, date_shift and numeric_noise can land two
// values on one, and null, constant, postal_generalize, date_generalize
// and age_cap are lossy by design.

#include <catch2/catch.hpp>

#include <cstdio>
#include <random>
#include <string>
#include <unordered_set>

#include "masking/test_support.h"

namespace pgveil::masking {
namespace {

using testing::Make;

constexpr int kInputs = 1'000'000;

// Masks kInputs distinct inputs from `generate(i)` and counts distinct
// outputs.
template <typename Generate>
size_t DistinctOutputs(std::string_view name, const ParamMap& params, Generate generate) {
  auto transformer = Make(name, params);
  std::unordered_set<std::string> outputs;
  outputs.reserve(kInputs);
  MaskedValue out;
  std::string input;
  for (int i = 0; i < kInputs; ++i) {
    generate(i, &input);
    Status status = transformer->Apply(input, &out);
    if (!status.ok()) {
      FAIL(name << ": " << status.message());
    }
    outputs.insert(out.text);
  }
  return outputs.size();
}

TEST_CASE("fpe_digits: no collisions over a million 16-digit numbers", "[masking][unique]") {
  CHECK(FindTransformerSpec("fpe_digits")->uniqueness == Uniqueness::kPreserving);
  const size_t distinct = DistinctOutputs("fpe_digits", {}, [](int i, std::string* input) {
    char buffer[24];
    std::snprintf(buffer, sizeof(buffer), "4%015lld", static_cast<long long>(i) * 7919);
    input->assign(buffer);
  });
  CHECK(distinct == kInputs);
}

TEST_CASE("fpe_alnum: no collisions over a million codes", "[masking][unique]") {
  const size_t distinct =
      DistinctOutputs("fpe_alnum", {{"alphabet", "upper"}}, [](int i, std::string* input) {
        static constexpr char kSymbols[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        input->assign("AB-");
        for (int k = 0, v = i; k < 5; ++k, v /= 36) {
          input->push_back(kSymbols[v % 36]);
        }
      });
  CHECK(distinct == kInputs);
}

TEST_CASE("fpe_int: no collisions over a million ids, and a full permutation of int2",
          "[masking][unique]") {
  const size_t distinct = DistinctOutputs(
      "fpe_int", {}, [](int i, std::string* input) { *input = std::to_string(i + 1); });
  CHECK(distinct == kInputs);

  auto small = Make("fpe_int", {{"min", "-32768"}, {"max", "32767"}});
  std::vector<bool> seen(65536, false);
  MaskedValue out;
  for (int v = -32768; v <= 32767; ++v) {
    REQUIRE(small->Apply(std::to_string(v), &out).ok());
    const int result = std::stoi(out.text);
    REQUIRE(result >= -32768);
    REQUIRE(result <= 32767);
    const int index = result + 32768;
    seen[static_cast<size_t>(index)] = true;
  }
  CHECK(std::count(seen.begin(), seen.end(), true) == 65536);
}

TEST_CASE("uuid: no collisions over a million random UUIDs", "[masking][unique]") {
  std::mt19937_64 rng(11);
  const size_t distinct = DistinctOutputs("uuid", {}, [&rng](int, std::string* input) {
    const uint64_t high = (rng() & 0xFFFFFFFFFFFF0FFFull) | 0x4000;
    const uint64_t low = (rng() & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;
    char buffer[40];
    std::snprintf(buffer, sizeof(buffer), "%08llx-%04llx-%04llx-%04llx-%012llx",
                  static_cast<unsigned long long>(high >> 32),
                  static_cast<unsigned long long>((high >> 16) & 0xFFFF),
                  static_cast<unsigned long long>(high & 0xFFFF),
                  static_cast<unsigned long long>(low >> 48),
                  static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
    input->assign(buffer);
  });
  // The generator could repeat a UUID only with probability ~2^-83.
  CHECK(distinct == kInputs);
}

TEST_CASE("hash at full length: no collisions over a million values", "[masking][unique]") {
  const size_t distinct = DistinctOutputs(
      "hash", {}, [](int i, std::string* input) { *input = "customer-" + std::to_string(i); });
  CHECK(distinct == kInputs);
  CHECK(DescribeTransformer("hash", {{"length", "8"}})->uniqueness == Uniqueness::kNotGuaranteed);
}

TEST_CASE("email: no collisions over a million addresses", "[masking][unique]") {
  const size_t mapped = DistinctOutputs("email", {}, [](int i, std::string* input) {
    *input = "user" + std::to_string(i) + "@domain" + std::to_string(i % 100) + ".com";
  });
  CHECK(mapped == kInputs);
}

TEST_CASE("ip: no collisions over a million IPv4 addresses", "[masking][unique]") {
  const size_t distinct = DistinctOutputs("ip", {}, [](int i, std::string* input) {
    const uint32_t address = 0x0A000000u + static_cast<uint32_t>(i) * 13u;
    *input = std::to_string(address >> 24) + "." + std::to_string((address >> 16) & 255) + "." +
             std::to_string((address >> 8) & 255) + "." + std::to_string(address & 255);
  });
  CHECK(distinct == kInputs);
}

}  // namespace
}  // namespace pgveil::masking
