#include "scanner/json_walker.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace pgveil::scanner {
namespace {

std::vector<std::string> Leaves(const std::string& json) {
  JsonWalker walker;
  std::vector<std::string> leaves;
  Status status =
      walker.Walk(json, [&](std::string_view path, std::string_view key, std::string_view parent,
                            std::string_view value) {
        leaves.push_back(std::string(path) + " " + std::string(parent) + "/" + std::string(key) +
                         "=" + std::string(value));
      });
  REQUIRE(status.ok());
  return leaves;
}

}  // namespace

TEST_CASE("paths are canonical: plain keys, quoted odd keys, [*] for arrays", "[scanner]") {
  auto leaves = Leaves(R"({"contact":{"email":"a","phones":["1","2"]},"E-Mail":"b","say \"hi\"":"c",
                          "items":[{"sku":"x"},{"sku":"y"}],"n":42,"ok":true,"none":null})");
  CHECK(leaves ==
        std::vector<std::string>{"$.contact.email contact/email=a",
                                 "$.contact.phones[*] contact/phones=1",
                                 "$.contact.phones[*] contact/phones=2", "$.\"E-Mail\" /E-Mail=b",
                                 "$.\"say \\\"hi\\\"\" /say \"hi\"=c",
                                 "$.items[*].sku items/sku=x", "$.items[*].sku items/sku=y",
                                 "$.n /n=42"});
}

TEST_CASE("root scalars and root arrays have paths too", "[scanner]") {
  CHECK(Leaves(R"("x")") == std::vector<std::string>{"$ /=x"});
  CHECK(Leaves(R"([1.5, [2]])") == std::vector<std::string>{"$[*] /=1.5", "$[*][*] /=2"});
}

TEST_CASE("PathStep quotes keys that are not identifiers", "[scanner]") {
  CHECK(PathStep("email") == ".email");
  CHECK(PathStep("_x1") == "._x1");
  CHECK(PathStep("1st") == ".\"1st\"");
  CHECK(PathStep("téléphone") == ".\"téléphone\"");
  CHECK(PathStep("a\\b") == ".\"a\\\\b\"");
}

TEST_CASE("malformed and too-deep documents are errors, not crashes", "[scanner]") {
  JsonWalker walker;
  int visits = 0;
  auto count = [&](std::string_view, std::string_view, std::string_view, std::string_view) {
    ++visits;
  };
  CHECK(walker.Walk("{\"a\":", count).message() == "malformed JSON");
  CHECK(walker.Walk(std::string(5000, '[') + std::string(5000, ']'), count).message() ==
        "JSON nested deeper than 1024 levels");
  CHECK(walker.Walk("\xff\xfe", count).message() == "malformed JSON");
  CHECK(visits == 0);
}

}  // namespace pgveil::scanner
