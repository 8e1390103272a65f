// masking/test_support.h
//
// Helpers shared by the masking unit tests: fixed keys, and one-call
// wrappers that build a transformer through the registry and mask a value.
// Test-only; not part of pgveil_masking.
#pragma once

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "masking/key_ring.h"
#include "masking/registry.h"

namespace pgveil::masking::testing {

// Two unrelated keys, for key-separation tests.
inline const KeyRing& TestKeys() {
  static const KeyRing keys = KeyRing::FromSecret("test secret, never used in production").value();
  return keys;
}
inline const KeyRing& OtherKeys() {
  static const KeyRing keys = KeyRing::FromSecret("a different secret for the same tests").value();
  return keys;
}

inline constexpr std::string_view kDomain = "public.customers.column";

inline std::unique_ptr<Transformer> Make(std::string_view name, const ParamMap& params = {},
                                         std::string_view domain = kDomain,
                                         const KeyRing& keys = TestKeys()) {
  Result<std::unique_ptr<Transformer>> transformer = CreateTransformer(name, params, domain, keys);
  if (!transformer.ok()) {
    FAIL("creating " << name << ": " << transformer.status().message());
  }
  return std::move(transformer).value();
}

// Masks `in` and returns the text; fails the test on error or NULL output.
inline std::string MaskText(Transformer& transformer, std::string_view in) {
  MaskedValue out;
  Status status = transformer.Apply(in, &out);
  if (!status.ok()) {
    FAIL("masking with " << transformer.name() << ": " << status.message());
  }
  if (out.is_null) {
    FAIL("masking with " << transformer.name() << " gave NULL");
  }
  return out.text;
}

inline std::string MaskText(std::string_view name, std::string_view in, const ParamMap& params = {},
                            std::string_view domain = kDomain, const KeyRing& keys = TestKeys()) {
  auto transformer = Make(name, params, domain, keys);
  return MaskText(*transformer, in);
}

// The Status of masking `in`, for bad-input tests.
inline Status MaskStatus(std::string_view name, std::optional<std::string_view> in,
                         const ParamMap& params = {}, MaskedValue* out = nullptr) {
  auto transformer = Make(name, params);
  MaskedValue local;
  return transformer->Apply(in, out != nullptr ? out : &local);
}

}  // namespace pgveil::masking::testing
