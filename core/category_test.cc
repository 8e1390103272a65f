#include "core/category.h"

#include <catch2/catch.hpp>

namespace pgveil {

TEST_CASE("every category round-trips through its canonical id", "[core]") {
  for (const CategoryInfo& info : AllCategories()) {
    CHECK(InfoOf(info.category).id == info.id);
    REQUIRE(CategoryFromId(info.id).has_value());
    CHECK(*CategoryFromId(info.id) == info.category);
  }
  CHECK_FALSE(CategoryFromId("shoe_size").has_value());
}

TEST_CASE("categories carry HIPAA letters and GDPR special flags", "[core]") {
  CHECK(InfoOf(Category::kEmail).hipaa_identifier == 'F');
  CHECK(InfoOf(Category::kNationalId).hipaa_identifier == 'G');
  CHECK(InfoOf(Category::kHealth).gdpr_special);
  CHECK(InfoOf(Category::kCriminalRecord).gdpr_special);
  CHECK_FALSE(InfoOf(Category::kPhone).gdpr_special);
}

}  // namespace pgveil
