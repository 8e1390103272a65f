#include "pg/anonymity_probe.h"

#include <catch2/catch.hpp>

namespace pgveil::pg {

TEST_CASE("the k-anonymity query quotes every name and samples on request", "[pg]") {
  AnonymityQuery query{
      "Klinik \"Süd\"", "Patient Records", {"ZIP Code", "Geschlecht"}, {"diag\"nosis"}, 5};
  CHECK(AnonymitySql(query, std::nullopt, 42) ==
        "SELECT count(*), coalesce(min(n), 0), coalesce(sum(n) FILTER (WHERE n < 5), 0), "
        "coalesce(sum(n), 0), coalesce(min(l0) FILTER (WHERE l0 > 0), 0) FROM (SELECT count(*) "
        "AS n, count(DISTINCT \"diag\"\"nosis\") AS l0 FROM \"Klinik \"\"Süd\"\"\".\"Patient "
        "Records\" GROUP BY \"ZIP Code\", \"Geschlecht\") AS classes");
  CHECK_THAT(AnonymitySql(query, 12.5, 7),
             Catch::Contains("FROM \"Klinik \"\"Süd\"\"\".\"Patient Records\" TABLESAMPLE "
                             "BERNOULLI (12.500000) REPEATABLE (7) GROUP BY"));
}

}  // namespace pgveil::pg
