#include "core/redaction.h"

#include <catch2/catch.hpp>

namespace pgveil {

TEST_CASE("emails keep only first letters and the top-level domain", "[core]") {
  CHECK(Redact("jane.doe@example.com") == "j***@e***.com");
  CHECK(Redact("élodie@exemple.fr") == "é***@e***.fr");
}

TEST_CASE("number-like values keep their shape, not their digits", "[core]") {
  CHECK(Redact("4111 1111 1111 1111") == "#### #### #### ####");
  CHECK(Redact("123-45-6789") == "###-##-####");
  CHECK(Redact("DE89370400440532013000") == "DE####################");
  CHECK(Redact("+49 30 1234567") == "+## ## #######");
}

TEST_CASE("text keeps its first code point only", "[core]") {
  CHECK(Redact("Ségolène") == "S***");
  CHECK(Redact("Дмитрий") == "Д***");
  CHECK(Redact("王小明") == "王***");
  CHECK(Redact("") == "");
}

TEST_CASE("long values are cut", "[core]") {
  std::string digits(200, '7');
  std::string redacted = Redact(digits);
  CHECK(redacted.size() < 40);
  CHECK(redacted.find('7') == std::string::npos);
}

}  // namespace pgveil
