#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <string>

#include "masking/formats.h"
#include "masking/test_support.h"

namespace pgveil::masking {
namespace {

using testing::Make;
using testing::MaskStatus;
using testing::MaskText;

std::string MaskJson(std::string_view document, std::string_view paths) {
  return MaskText("json", document, {{"paths", std::string(paths)}});
}

nlohmann::json Parse(const std::string& text) { return nlohmann::json::parse(text); }

TEST_CASE("json applies rules per path and keeps the rest", "[masking][json]") {
  const std::string out = MaskJson(
      R"({"contact": {"email": "jane@example.com", "phones": ["+1 415 555 0123", "+1 415 555 0199"]},
          "ssn": "123-45-6789", "plan": "gold", "score": 12345678901234567890.125, "ok": true})",
      R"({"$.contact.email": "email", "$.contact.phones[*]": "phone", "$.ssn": "delete"})");
  INFO(out);
  const nlohmann::json doc = Parse(out);
  CHECK(IsValidEmailAddress(doc["contact"]["email"].get<std::string>()));
  CHECK(doc["contact"]["email"] != "jane@example.com");
  REQUIRE(doc["contact"]["phones"].size() == 2);
  CHECK(doc["contact"]["phones"][0] != "+1 415 555 0123");
  CHECK(doc["contact"]["phones"][0].get<std::string>().starts_with("+1 "));
  CHECK(!doc.contains("ssn"));
  CHECK(doc["plan"] == "gold");
  CHECK(doc["ok"] == true);
  // Numbers no rule touches keep their exact text.
  CHECK(out.find("12345678901234567890.125") != std::string::npos);
}

TEST_CASE("json quoted keys, indexes, member wildcards and set", "[masking][json]") {
  const std::string out = MaskJson(
      R"({"odd key": "x", "list": [10, 20, 30], "m": {"a": "1", "b": "2"}, "note": {"deep": [1]}})",
      R"({"$.\"odd key\"": {"transform": "constant", "value": "y"},
          "$.list[1]": "delete",
          "$.m.*": {"transform": "constant", "value": "z"},
          "$['note']": {"transform": "set", "value": {"redacted": true}}})");
  INFO(out);
  const nlohmann::json doc = Parse(out);
  CHECK(doc["odd key"] == "y");
  CHECK(doc["list"] == nlohmann::json::array({10, 30}));
  CHECK(doc["m"]["a"] == "z");
  CHECK(doc["m"]["b"] == "z");
  CHECK(doc["note"]["redacted"] == true);
}

TEST_CASE("json rule on a container masks every scalar below it", "[masking][json]") {
  const std::string out =
      MaskJson(R"({"address": {"street": "Main 1", "geo": [1.5, 2.5]}, "id": 7})",
               R"({"$.address": "hash"})");
  const nlohmann::json doc = Parse(out);
  CHECK(doc["address"]["street"].get<std::string>().size() == 64);
  CHECK(doc["address"]["geo"][0].is_string());
  CHECK(doc["id"] == 7);
}

TEST_CASE("json keeps types where the output allows", "[masking][json]") {
  const std::string out =
      MaskJson(R"({"age": 95, "n": null, "amount": 100.00, "flag": false})",
               R"({"$.age": "age_cap", "$.n": "null", "$.amount": "numeric_noise",
                                       "$.flag": "keep"})");
  INFO(out);
  const nlohmann::json doc = Parse(out);
  CHECK(doc["age"] == 90);
  CHECK(doc["n"].is_null());
  CHECK(doc["amount"].is_number());
  CHECK(doc["flag"] == false);
}

TEST_CASE("json nested domains: explicit domains match the column", "[masking][json]") {
  const std::string column = MaskText("email", "jane@example.com", {}, "public.users.email");
  const std::string out =
      MaskJson(R"({"email": "jane@example.com"})",
               R"({"$.email": {"transform": "email", "domain": "public.users.email"}})");
  CHECK(Parse(out)["email"] == column);
  const std::string default_domain =
      MaskJson(R"({"email": "jane@example.com"})", R"({"$.email": "email"})");
  CHECK(Parse(default_domain)["email"] != column);
}

TEST_CASE("json rejects bad documents with an error, not a crash", "[masking][json]") {
  const ParamMap params = {{"paths", R"({"$.a": "hash"})"}};
  Status invalid = MaskStatus("json", R"({"a": "secret" "b"})", params);
  CHECK(invalid.code() == StatusCode::kInvalidArgument);
  CHECK(invalid.message().find("not valid JSON") != std::string::npos);
  CHECK(invalid.message().find("secret") == std::string::npos);
  CHECK(MaskStatus("json", "\"abc\xFF\"", params).code() == StatusCode::kInvalidArgument);

  const std::string deep = std::string(10'000, '[') + std::string(10'000, ']');
  Status too_deep = MaskStatus("json", deep, params);
  CHECK(too_deep.code() == StatusCode::kInvalidArgument);
  CHECK(too_deep.message().find("deeper than 1000") != std::string::npos);
  const std::string deep_objects = [] {
    std::string text;
    for (int i = 0; i < 10'000; ++i) {
      text += "{\"a\":";
    }
    text += "1";
    text += std::string(10'000, '}');
    return text;
  }();
  CHECK(MaskStatus("json", deep_objects, params).code() == StatusCode::kInvalidArgument);
  // Within the limit, deep documents work.
  const std::string ok_deep = std::string(900, '[') + std::string(900, ']');
  CHECK(MaskStatus("json", ok_deep, params).ok());
}

TEST_CASE("json nested errors carry the rule's path", "[masking][json]") {
  Status status =
      MaskStatus("json", R"({"email": "not-an-email"})", {{"paths", R"({"$.email": "email"})"}});
  CHECK(status.message() == "json: $.email: email: not an email address: no '@'");
  MaskedValue out;
  REQUIRE(MaskStatus("json", R"({"email": "not-an-email"})",
                     {{"paths", R"({"$.email": {"transform": "email", "on_invalid": "null"}})"}},
                     &out)
              .ok());
  CHECK(out.text == R"({"email":null})");
}

TEST_CASE("json rule parameters are validated at creation", "[masking][json]") {
  auto create = [](std::string_view paths) {
    return CreateTransformer("json", {{"paths", std::string(paths)}}, "d", testing::TestKeys());
  };
  CHECK(!create(R"([1])").ok());
  CHECK(!create(R"({"a.b": "hash"})").ok());
  CHECK(!create(R"({"$.a": "emial"})").ok());
  CHECK(create(R"({"$.a": "emial"})").status().message().find("did you mean 'email'") !=
        std::string::npos);
  CHECK(!create(R"({"$.a": {"transform": "email", "keep_domian": true}})").ok());
  CHECK(!create(R"({"$.a": {"transform": "set"}})").ok());
  CHECK(!create(R"({"$.a": "hash", "$['a']": "keep"})").ok());
  CHECK(create(R"({"$": "keep"})").ok());
}

}  // namespace
}  // namespace pgveil::masking
