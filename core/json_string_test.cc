#include "core/json_string.h"

#include <catch2/catch.hpp>

namespace pgveil {

TEST_CASE("JSON string literals escape what JSON requires and nothing else", "[core]") {
  auto literal = [](std::string_view value) {
    std::string out;
    AppendJsonString(value, &out);
    return out;
  };
  CHECK(literal("") == "\"\"");
  CHECK(literal("plain") == "\"plain\"");
  CHECK(literal("say \"hi\"\\") == "\"say \\\"hi\\\"\\\\\"");
  CHECK(literal("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
  CHECK(literal(std::string_view("\x01\x1f", 2)) == "\"\\u0001\\u001f\"");
  CHECK(literal("Müller 王") == "\"Müller 王\"");
}

}  // namespace pgveil
