// datagen/labelled_truth_test.cc
//
// Labels a user writes for their own database: parsing, and the scores a
// scan gets against them.

#include "datagen/labelled_truth.h"

#include <catch2/catch.hpp>

namespace pgveil::datagen {
namespace {

Finding At(std::string table, std::string column, Category category,
           std::optional<std::string> path = std::nullopt) {
  Finding f;
  f.column = ColumnRef{"public", std::move(table), std::move(column)};
  f.path = std::move(path);
  f.category = category;
  return f;
}

}  // namespace

TEST_CASE("labels parse columns, paths and none", "[datagen]") {
  auto truth = ParseLabelledTruth(R"({"source": "x", "columns": {
      "public.customer.email": "email", "public.genre.name": "none",
      "s.a.b.c": "phone"},
    "paths": {"public.events.payload $.user.ip": "ip_address"}})");
  REQUIRE(truth.ok());
  CHECK(truth->columns.size() == 3);
  CHECK(truth->columns.at(ColumnRef{"public", "genre", "name"}) == std::nullopt);
  CHECK(truth->columns.at(ColumnRef{"s", "a.b", "c"}) == Category::kPhone);
  CHECK(truth->paths.at({ColumnRef{"public", "events", "payload"}, "$.user.ip"}) ==
        Category::kIpAddress);
}

TEST_CASE("labels that do not parse name the key", "[datagen]") {
  auto bad_category = ParseLabelledTruth(R"({"columns": {"public.t.c": "emial"}})");
  REQUIRE_FALSE(bad_category.ok());
  CHECK(bad_category.status().message().find("public.t.c") != std::string::npos);
  CHECK_FALSE(ParseLabelledTruth(R"({"columns": {"t.c": "email"}})").ok());
  CHECK_FALSE(ParseLabelledTruth(R"({"paths": {"public.t.c": "email"}})").ok());
  CHECK_FALSE(ParseLabelledTruth("{").ok());
}

TEST_CASE("unlisted columns are not scored and any finding's category counts", "[datagen]") {
  auto truth = ParseLabelledTruth(R"({"columns": {
      "public.customer.email": "email", "public.customer.phone": "phone",
      "public.genre.name": "none", "public.staff.login": "username"}})");
  REQUIRE(truth.ok());
  std::vector<Finding> findings = {
      At("customer", "email", Category::kUrl), At("customer", "email", Category::kEmail),
      At("genre", "name", Category::kPersonName), At("staff", "login", Category::kPersonName),
      At("store", "manager", Category::kPersonName)};  // not labelled: not scored
  Evaluation score = EvaluateLabelled(*truth, findings);
  CHECK(score.columns.true_positives == 2);
  CHECK(score.columns.false_positives == 1);
  CHECK(score.columns.false_negatives == 1);
  CHECK(score.category_correct == 1);
  CHECK(score.category_total == 2);
  CHECK(score.mistakes.size() == 3);
}

}  // namespace pgveil::datagen
