// datagen/saas_generator_test.cc
//
// Whole-database properties of GenerateSaas and SaasTruth: determinism,
// truth that covers every JSONB leaf that occurs, and the decoys and
// formats the truth relies on (versions that parse as IPv4, bare-digit
// phones, commit hashes).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "datagen/generator.h"
#include "datagen/saas_schema.h"
#include "datagen/test_recording_sink.h"

namespace pgveil::datagen {
namespace {

using testing::CheckTruthPaths;
using testing::ColumnIndex;
using testing::Copy;
using testing::NonNullValues;
using testing::RecordingSink;
using testing::Rows;

RecordingSink Generate(uint64_t seed, double scale) {
  RecordingSink sink;
  const Status s = GenerateSaas({seed, scale}, sink);
  INFO(s.message());
  REQUIRE(s.ok());
  return sink;
}

bool IsDottedQuad(const std::string& v) {
  int parts = 1, digits = 0, value = 0;
  for (char c : v) {
    if (c == '.') {
      if (digits == 0 || value > 255) return false;
      ++parts;
      digits = value = 0;
    } else if (c >= '0' && c <= '9') {
      ++digits;
      value = value * 10 + (c - '0');
    } else {
      return false;
    }
  }
  return parts == 4 && digits > 0 && value <= 255;
}

}  // namespace

TEST_CASE("saas: the same seed gives byte-identical output", "[datagen]") {
  const RecordingSink a = Generate(42, 0.25);
  const RecordingSink b = Generate(42, 0.25);
  const RecordingSink c = Generate(43, 0.25);
  CHECK(a.bytes > 200000);
  CHECK(a.hash == b.hash);
  CHECK(a.hash != c.hash);
}

TEST_CASE("saas: truth lists every JSONB leaf path that occurs, and each listed path occurs",
          "[datagen]") {
  const RecordingSink sink = Generate(5, 0.5);
  const std::vector<TruthEntry> truth = SaasTruth({5, 0.5});
  CheckTruthPaths(sink, SaasTables(), truth);
}

TEST_CASE("saas: decoys keep the shapes that make them decoys", "[datagen]") {
  const RecordingSink sink = Generate(3, 0.5);
  for (const std::string& v : NonNullValues(sink.Table("app", "devices"), "app_version")) {
    CHECK(IsDottedQuad(v));  // every app version also parses as an IPv4 address
  }
  for (const std::string& v : NonNullValues(sink.Table("app", "releases"), "commit_sha")) {
    CHECK(v.size() == 40);
  }
  for (const std::string& v : NonNullValues(sink.Table("app", "billing_contacts"), "phone")) {
    CHECK(v.find_first_not_of("0123456789") == std::string::npos);
    CHECK(v.size() >= 9);
    CHECK(v.size() <= 15);
  }
}

}  // namespace pgveil::datagen
