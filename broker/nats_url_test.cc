#include "broker/nats_url.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace pgveil::broker {

TEST_CASE("a sink names one or more NATS servers", "[broker]") {
  auto one = ParseNatsUrl("nats://127.0.0.1:4222");
  REQUIRE(one.ok());
  CHECK(*one == std::vector<std::string>{"nats://127.0.0.1:4222"});
  auto three = ParseNatsUrl("nats://a:4222,b:4223,nats://c:4224");
  REQUIRE(three.ok());
  CHECK(*three == std::vector<std::string>{"nats://a:4222", "nats://b:4223", "nats://c:4224"});
}

TEST_CASE("a bad sink address says what is wrong and what is expected", "[broker]") {
  for (const auto& [url, why] : std::vector<std::pair<std::string, std::string>>{
           {"127.0.0.1:4222", "must start with nats://"},
           {"kafka://a:1", "must start with nats://"},
           {"nats://", "no server"},
           {"nats://a", "a host and a port"},
           {"nats://a:", "a host and a port"},
           {"nats://a:42x", "a port is a number"},
           {"nats://user:secret@a:4222", "credentials"},
       }) {
    INFO(url);
    auto parsed = ParseNatsUrl(url);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == StatusCode::kInvalidArgument);
    CHECK(parsed.status().message().find(why) != std::string::npos);
    CHECK(parsed.status().message().find("nats://host:port") != std::string::npos);
    CHECK(parsed.status().message().find("secret") == std::string::npos);
  }
}

TEST_CASE("stream names are what JetStream and subjects accept", "[broker]") {
  CHECK(ValidateStreamName("PGVEIL").ok());
  CHECK(ValidateStreamName("shop_changes-1").ok());
  for (const std::string& bad :
       std::vector<std::string>{"", "a.b", "a b", "a*", "a>", std::string(33, 'a')}) {
    INFO(bad);
    CHECK(ValidateStreamName(bad).code() == StatusCode::kInvalidArgument);
  }
}

}  // namespace pgveil::broker
