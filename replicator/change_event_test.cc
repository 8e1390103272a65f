#include "replicator/change_event.h"

#include <catch2/catch.hpp>

#include <set>

namespace pgveil::replicator::events {
namespace {

pgoutput::TupleValue Text(const std::string& text) {
  return {pgoutput::TupleValue::Kind::kText, text};
}
pgoutput::TupleValue Null() { return {}; }
pgoutput::TupleValue Unchanged() { return {pgoutput::TupleValue::Kind::kUnchanged, ""}; }

// Part 2 of a transaction that ends in it, then the first part of the next.
Rows SampleRows() {
  Rows rows;
  rows.table = {"Kunden Daten", "Ähnliche.Kontakte", 'd',
                {{"id", "integer", 23, true}, {"email", "text", 25, false}, {"notes", "text", 25, false}}};
  RowChange insert;
  insert.row = {Text("1"), Text("masked@example.org"), Null()};
  RowChange update;
  update.op = RowChange::Op::kUpdate;
  update.old_kind = 'K';
  update.old_row = {Text("1"), Null(), Null()};
  update.row = {Text("2"), Text("quote \" and \\ and\nnewline"), Unchanged()};
  RowChange remove;
  remove.op = RowChange::Op::kDelete;
  remove.old_kind = 'K';
  remove.old_row = {Text("2"), Null(), Null()};
  rows.transactions = {
      {0x16B374D848, 2, {insert, update, remove}, Commit{0x16B374D848, 0x16B374D900, 123456, 3}},
      {0x16B374DA00, 0, {insert}, std::nullopt}};
  return rows;
}

}  // namespace

TEST_CASE("row changes survive encoding: values, NULLs, unchanged TOAST, old keys", "[replicator]") {
  Result<Event> decoded = Decode(Encode(SampleRows()));
  REQUIRE(decoded.ok());
  const Rows& rows = std::get<Rows>(*decoded);
  const Rows expected = SampleRows();
  REQUIRE(rows.transactions.size() == 2);
  CHECK(rows.transactions[0].lsn == 0x16B374D848);
  CHECK(rows.transactions[0].part == 2);
  REQUIRE(rows.transactions[0].commit.has_value());
  CHECK(rows.transactions[0].commit->lsn == 0x16B374D848);
  CHECK(rows.transactions[0].commit->end_lsn == 0x16B374D900);
  CHECK(rows.transactions[0].commit->commit_time == 123456);
  CHECK(rows.transactions[0].commit->parts == 3);
  CHECK(rows.transactions[1].lsn == 0x16B374DA00);
  CHECK_FALSE(rows.transactions[1].commit.has_value());
  CHECK(rows.transactions[1].changes.size() == 1);
  CHECK(LastCommit(*decoded) == &*rows.transactions[0].commit);
  CHECK(rows.table.schema == "Kunden Daten");
  CHECK(rows.table.name == "Ähnliche.Kontakte");
  REQUIRE(rows.table.columns.size() == 3);
  CHECK(rows.table.columns[0].key);
  CHECK(rows.table.columns[1].type == "text");
  REQUIRE(rows.transactions[0].changes.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    const RowChange& got = rows.transactions[0].changes[i];
    const RowChange& want = expected.transactions[0].changes[i];
    CHECK(got.op == want.op);
    CHECK(got.old_kind == want.old_kind);
    REQUIRE(got.row.size() == want.row.size());
    for (size_t c = 0; c < got.row.size(); ++c) {
      CHECK(got.row[c].kind == want.row[c].kind);
      CHECK(got.row[c].data == want.row[c].data);
    }
    REQUIRE(got.old_row.size() == want.old_row.size());
    for (size_t c = 0; c < got.old_row.size(); ++c) CHECK(got.old_row[c].data == want.old_row[c].data);
  }
}

TEST_CASE("every event kind round-trips and has its own subject and id", "[replicator]") {
  const std::vector<Event> all = {
      SampleRows(),
      Truncate{0x10, 0, {{"public", "orders"}}, true, false},
      SchemaChange{0x10, 1, R"({"tables":[]})"},
      Commit{0x10, 0x48, 123456, 3},
      Sequences{99, {{"\"public\".\"orders_id_seq\"", "42", true}}},
      SnapshotBegin{0x20, "pgveil_0123456789abcdef", "ab12", "strict"},
      SchemaSql{0x20, "pre-data", 0, 2, "CREATE TABLE t (a int);"},
      CopyRows{0x20, {"public", "orders"}, 7, {"id", "email"}, "1\tx@example.org\n"},
      SnapshotEnd{0x20, "[]", {{"public", "totals"}}, {}, 1000}};
  std::set<std::string> subjects, ids;
  for (const Event& event : all) {
    const std::string text = Encode(event);
    Result<Event> decoded = Decode(text);
    INFO(text.substr(0, 40));
    REQUIRE(decoded.ok());
    CHECK(decoded->index() == event.index());
    CHECK(Encode(*decoded) == text);
    subjects.insert(Subject("S", event));
    ids.insert(MessageId(event, text));
  }
  CHECK(subjects.size() == all.size());
  CHECK(ids.size() == all.size());
  CHECK(Subject("S", SampleRows()) == "S.row.Kunden%20Daten.%C3%84hnliche%2EKontakte");
  CHECK(Subject("S", all[7]) == "S.copy.public.orders");
  const std::string rows = Encode(SampleRows());
  CHECK(MessageId(SampleRows(), rows).starts_with("16B374D848.2."));
  CHECK(MessageId(SampleRows(), rows) == MessageId(SampleRows(), rows));
  // The same first transaction gathered with fewer after it is another message.
  Rows fewer = SampleRows();
  fewer.transactions.pop_back();
  CHECK(MessageId(fewer, Encode(fewer)) != MessageId(SampleRows(), rows));
}

TEST_CASE("a malformed event is InvalidArgument naming the field, never a value", "[replicator]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"not json", "not JSON"},
      {"[]", "not a JSON object"},
      {R"({"v":1,"type":"commit"})", "another version"},
      {R"({"v":2,"type":"gossip"})", "unknown type"},
      {R"({"v":2,"type":"commit","lsn":"secret-value","end_lsn":"0/1","commit_time":1,"parts":1})",
       "\"lsn\" is not an LSN"},
      {R"({"v":2,"type":"rows","schema":"s","table":"t","identity":"d",)"
       R"("columns":[{"name":"a","type":"text","type_oid":25,"key":true}],"transactions":[{"lsn":"0/1","part":0,"changes":[{"op":"insert","new":["x","y"]}]}]})",
       "width"},
      {R"({"v":2,"type":"rows","schema":"s","table":"t","identity":"d",)"
       R"("columns":[{"name":"a","type":"text","type_oid":25,"key":true}],"transactions":[{"lsn":"0/1","part":0,"changes":[{"op":"insert","new":[7]}]}]})",
       "neither a string nor null"},
      {R"({"v":2,"type":"rows","schema":"s","table":"t","identity":"d",)"
       R"("columns":[],"transactions":[{"lsn":"0/1","part":0,"changes":[{"op":"update","new":[],"unchanged":[5]}]}]})",
       "\"unchanged\" names no column"},
      {R"({"v":2,"type":"rows","schema":"s","table":"t","identity":"d","columns":[],"transactions":[]})",
       "\"transactions\" is empty"},
      {R"({"v":2,"type":"rows","schema":"s","table":"t","identity":"d","columns":[],)"
       R"("transactions":[{"lsn":"0/1","part":0,"changes":[],"commit":{"end_lsn":"secret-value"}}]})",
       "\"commit\": \"end_lsn\" is not an LSN"},
      {R"({"v":2,"type":"copy","snapshot":"0/1","schema":"s","table":"t","chunk":0,"columns":[],)"
       R"("rows":"half a row"})",
       "ends mid-row"},
  };
  for (const auto& [text, expected] : cases) {
    INFO(text);
    Result<Event> decoded = Decode(text);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.status().code() == StatusCode::kInvalidArgument);
    CHECK(decoded.status().message().find(expected) != std::string::npos);
    CHECK(decoded.status().message().find("secret-value") == std::string::npos);
  }
}

}  // namespace pgveil::replicator::events
