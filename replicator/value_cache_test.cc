#include "replicator/value_cache.h"

#include <catch2/catch.hpp>

#include <string>

namespace pgveil::replicator {
namespace {

masking::MaskedValue Masked(std::string text) {
  masking::MaskedValue value;
  value.text = std::move(text);
  return value;
}

}  // namespace

TEST_CASE("a repeated value is answered from the cache, NULL outputs included", "[replicator]") {
  ValueCache cache;
  CHECK(cache.Find("Anna") == nullptr);
  cache.Insert("Anna", Masked("Greta"));
  masking::MaskedValue null_output;
  null_output.is_null = true;
  cache.Insert("", null_output);
  const masking::MaskedValue* hit = cache.Find("Anna");
  REQUIRE(hit != nullptr);
  CHECK(hit->text == "Greta");
  REQUIRE(cache.Find("") != nullptr);
  CHECK(cache.Find("")->is_null);
  CHECK(cache.Find("anna") == nullptr);  // exact bytes only
}

TEST_CASE("long values are never cached", "[replicator]") {
  ValueCache cache;
  std::string long_value(ValueCache::kMaxValueBytes + 1, 'x');
  cache.Insert(long_value, Masked("y"));
  CHECK(cache.Find(long_value) == nullptr);
}

TEST_CASE("a column of distinct values turns the cache off", "[replicator]") {
  ValueCache cache;
  for (int64_t i = 0; i < ValueCache::kProbeLookups; ++i) {
    std::string value = "user" + std::to_string(i) + "@example.com";
    if (cache.Find(value) == nullptr) cache.Insert(value, Masked("masked"));
  }
  CHECK_FALSE(cache.enabled());
  cache.Insert("again@example.com", Masked("masked"));
  CHECK(cache.Find("again@example.com") == nullptr);
}

TEST_CASE("a column of few values keeps the cache on, within its bound", "[replicator]") {
  ValueCache cache;
  int hits = 0;
  for (int64_t i = 0; i < 3 * ValueCache::kProbeLookups; ++i) {
    std::string value = "city" + std::to_string(i % 100);
    if (cache.Find(value) != nullptr) {
      ++hits;
    } else {
      cache.Insert(value, Masked("town"));
    }
  }
  CHECK(cache.enabled());
  CHECK(hits == 3 * ValueCache::kProbeLookups - 100);
}

}  // namespace pgveil::replicator
