#include "replicator/rows_event.h"

#include <catch2/catch.hpp>

namespace pgveil::replicator::events {
namespace {

Rows Decoded(const std::string& json) {
  std::optional<Result<Rows>> rows = DecodeRows(json);
  REQUIRE(rows.has_value());
  INFO((rows->ok() ? "" : rows->status().message()));
  REQUIRE(rows->ok());
  return std::move(*rows).value();
}

}  // namespace

TEST_CASE("a rows event is read whatever its key order, spacing and unknown keys", "[replicator]") {
  const Rows rows = Decoded(R"( { "transactions" : [ { "changes" : [ { "new" : [ "1" , null ] ,
      "op" : "insert", "later": {"nested": [1, 2.5e3, true, false, null, "x"]} } ],
      "part" : 0 , "lsn" : "0/10" } ] , "columns" : [ {"key": true, "type_oid": 23, "type": "integer",
      "name": "id"}, {"name": "note", "type": "text", "type_oid": 25, "key": false} ],
      "identity" : "d", "table" : "t", "schema" : "s", "type" : "rows", "v" : 2 } )");
  CHECK(rows.table.schema == "s");
  REQUIRE(rows.table.columns.size() == 2);
  CHECK(rows.table.columns[0].key);
  CHECK(rows.table.columns[0].type_oid == 23);
  REQUIRE(rows.transactions.size() == 1);
  CHECK(rows.transactions[0].lsn == 0x10);
  CHECK_FALSE(rows.transactions[0].commit.has_value());
  REQUIRE(rows.transactions[0].changes.size() == 1);
  const pgoutput::Tuple& row = rows.transactions[0].changes[0].row;
  REQUIRE(row.size() == 2);
  CHECK(row[0].data == "1");
  CHECK(row[1].kind == pgoutput::TupleValue::Kind::kNull);
}

TEST_CASE("a rows event's strings are unescaped, surrogate pairs included", "[replicator]") {
  const Rows rows = Decoded(
      R"({"v":2,"type":"rows","schema":"s","table":"t","identity":"f","columns":[)"
      R"({"name":"a","type":"text","type_oid":25,"key":false}],"transactions":[{"lsn":"0/1",)"
      R"("part":0,"changes":[{"op":"insert","new":["\"\\\/\b\f\n\r\t \u00e9\u4e2d\ud83d\ude00"]}]}]})");
  CHECK(rows.transactions[0].changes[0].row[0].data ==
        "\"\\/\b\f\n\r\t \xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80");
}

TEST_CASE("a rows event that is not well-formed JSON is refused as such", "[replicator]") {
  const std::string head =
      R"({"v":2,"type":"rows","schema":"s","table":"t","identity":"d","columns":[],)";
  const std::vector<std::string> broken = {
      head + R"("transactions":[{"lsn":"0/1","part":0,"changes":[]}])",     // unclosed
      head + R"("transactions":[{"lsn":"0/1","part":0,"changes":[]}]} x)",  // trailing bytes
      head + R"("x":"\ud83d","transactions":[])" + "}",                     // lone surrogate
      head + R"("x":"\q","transactions":[])" + "}",                         // unknown escape
      head + "\"x\":\"tab\tinside\",\"transactions\":[]}",                  // raw control byte
      head + "\"x\":\"\xC3\x28\",\"transactions\":[]}",                     // invalid UTF-8
      head + "\"x\":" + std::string(100, '[') + std::string(100, ']') + ",\"transactions\":[]}",
  };
  for (const std::string& json : broken) {
    INFO(json.substr(head.size()));
    std::optional<Result<Rows>> rows = DecodeRows(json);
    REQUIRE(rows.has_value());
    REQUIRE_FALSE(rows->ok());
    CHECK(rows->status().message() == "a change event that is not JSON");
  }
}

TEST_CASE("another event kind is left to the general reader", "[replicator]") {
  CHECK_FALSE(DecodeRows(R"({"columns":["a"],"v":2,"type":"copy"})").has_value());
  CHECK_FALSE(DecodeRows("[]").has_value());
  CHECK_FALSE(DecodeRows("not json").has_value());
}

TEST_CASE("invalid UTF-8 in a value travels as U+FFFD", "[replicator]") {
  Rows rows;
  rows.table = {"s", "t", 'd', {{"a", "text", 25, true}}};
  RowChange insert;
  insert.row = {{pgoutput::TupleValue::Kind::kText, "caf\xE9 ok"}};
  rows.transactions = {{0x1, 0, {insert}, std::nullopt}};
  std::string json;
  EncodeRows(rows, &json);
  CHECK(Decoded(json).transactions[0].changes[0].row[0].data == "caf\xEF\xBF\xBD ok");
}

}  // namespace pgveil::replicator::events
