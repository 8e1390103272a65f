#include "replicator/pgoutput.h"

#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace pgveil::replicator::pgoutput {
namespace {

// Builds messages the way the server's pq_send* functions do.
class Bytes {
 public:
  explicit Bytes(char type) { out_.push_back(type); }
  Bytes& U8(uint8_t v) { return Int(v, 1); }
  Bytes& U16(uint16_t v) { return Int(v, 2); }
  Bytes& U32(uint32_t v) { return Int(v, 4); }
  Bytes& U64(uint64_t v) { return Int(v, 8); }
  Bytes& Tag(char c) {
    out_.push_back(c);
    return *this;
  }
  Bytes& Str(std::string_view s) {
    out_.append(s);
    out_.push_back('\0');
    return *this;
  }
  Bytes& Raw(std::string_view s) {
    out_.append(s);
    return *this;
  }
  // A 't' (or 'b') value: kind, Int32 length, bytes.
  Bytes& Value(std::string_view s, char kind = 't') {
    Tag(kind).U32(static_cast<uint32_t>(s.size()));
    return Raw(s);
  }
  std::string str() const { return out_; }

 private:
  Bytes& Int(uint64_t v, int size) {
    for (int i = size - 1; i >= 0; --i) out_.push_back(static_cast<char>(v >> (8 * i)));
    return *this;
  }
  std::string out_;
};

template <typename T>
T DecodeAs(const std::string& message) {
  Result<Event> event = Decode(message);
  INFO((event.ok() ? std::string("ok") : event.status().message()));
  REQUIRE(event.ok());
  REQUIRE(std::holds_alternative<T>(*event));
  return std::get<T>(*event);
}

std::string DecodeError(const std::string& message) {
  Result<Event> event = Decode(message);
  REQUIRE_FALSE(event.ok());
  CHECK(event.status().code() == StatusCode::kInvalidArgument);
  return event.status().message();
}

constexpr std::string_view kMarker = "alice@example.com";

// One valid message of every kind and shape, with kMarker in the tuple
// values.
std::vector<std::string> ValidMessages() {
  auto row = [](Bytes& b) -> Bytes& {
    return b.U16(4).Value(kMarker).Tag('n').Tag('u').Value(std::string("\0\x01", 2), 'b');
  };
  std::vector<std::string> messages;
  messages.push_back(Bytes('B').U64(0x16B374D848).U64(1234).U32(77).str());
  messages.push_back(Bytes('C').U8(0).U64(10).U64(20).U64(30).str());
  messages.push_back(Bytes('O').U64(5).Str("origin").str());
  messages.push_back(Bytes('R')
                         .U32(16384)
                         .Str("public")
                         .Str("users")
                         .Tag('f')
                         .U16(2)
                         .U8(1)
                         .Str("id")
                         .U32(23)
                         .U32(0xFFFFFFFF)
                         .U8(0)
                         .Str("email")
                         .U32(25)
                         .U32(0xFFFFFFFF)
                         .str());
  messages.push_back(Bytes('Y').U32(90000).Str("").Str("mood").str());
  Bytes insert('I');
  messages.push_back(row(insert.U32(16384).Tag('N')).str());
  Bytes update('U');
  messages.push_back(row(update.U32(16384).Tag('N')).str());
  Bytes update_key('U');
  messages.push_back(row(update_key.U32(16384).Tag('K').U16(1).Value(kMarker).Tag('N')).str());
  Bytes update_old('U');
  messages.push_back(row(row(update_old.U32(16384).Tag('O')).Tag('N')).str());
  Bytes del('D');
  messages.push_back(row(del.U32(16384).Tag('O')).str());
  messages.push_back(Bytes('T').U32(2).U8(3).U32(16384).U32(16390).str());
  messages.push_back(Bytes('M')
                         .U8(1)
                         .U64(99)
                         .Str("pgveil")
                         .U32(static_cast<uint32_t>(kMarker.size()))
                         .Raw(kMarker)
                         .str());
  return messages;
}

}  // namespace

TEST_CASE("LSNs parse and format as PostgreSQL writes them", "[replicator]") {
  for (std::string_view text : {"0/0", "16/B374D848", "FFFFFFFF/FFFFFFFF"}) {
    Result<Lsn> lsn = ParseLsn(text);
    REQUIRE(lsn.ok());
    CHECK(FormatLsn(*lsn) == text);
  }
  CHECK(ParseLsn("16/B374D848").value() == 0x16B374D848u);
  CHECK(ParseLsn("0000016/b374d848").value() == 0x16B374D848u);
  CHECK(FormatLsn(0x100000000u) == "1/0");
  for (std::string_view bad :
       {"", "1/", "/1", "123456789/0", "G/0", "1/2/3", "1", "-1/0", " 1/0"}) {
    INFO(bad);
    Result<Lsn> lsn = ParseLsn(bad);
    REQUIRE_FALSE(lsn.ok());
    CHECK(lsn.status().code() == StatusCode::kInvalidArgument);
  }
}

TEST_CASE("Begin, Commit and Origin carry their positions and times", "[replicator]") {
  Begin begin = DecodeAs<Begin>(Bytes('B').U64(0x16B374D848).U64(-5).U32(0xFFFFFFF0).str());
  CHECK(begin.final_lsn == 0x16B374D848u);
  CHECK(begin.commit_time == -5);
  CHECK(begin.xid == 0xFFFFFFF0u);

  Commit commit = DecodeAs<Commit>(Bytes('C').U8(0).U64(10).U64(20).U64(30).str());
  CHECK(commit.flags == 0);
  CHECK(commit.commit_lsn == 10);
  CHECK(commit.end_lsn == 20);
  CHECK(commit.commit_time == 30);

  Origin origin = DecodeAs<Origin>(Bytes('O').U64(0xFFFFFFFFFFFFFFFF).Str("node_a").str());
  CHECK(origin.lsn == 0xFFFFFFFFFFFFFFFFu);
  CHECK(origin.name == "node_a");
}

TEST_CASE("Relation describes columns, key flags and replica identity", "[replicator]") {
  Relation rel = DecodeAs<Relation>(Bytes('R')
                                        .U32(16384)
                                        .Str("public")
                                        .Str("users")
                                        .Tag('i')
                                        .U16(2)
                                        .U8(1)
                                        .Str("id")
                                        .U32(23)
                                        .U32(0xFFFFFFFF)
                                        .U8(0)
                                        .Str("name")
                                        .U32(1043)
                                        .U32(68)
                                        .str());
  CHECK(rel.oid == 16384);
  CHECK(rel.schema == "public");
  CHECK(rel.name == "users");
  CHECK(rel.replica_identity == 'i');
  REQUIRE(rel.columns.size() == 2);
  CHECK(rel.columns[0].key);
  CHECK(rel.columns[0].name == "id");
  CHECK(rel.columns[0].type_oid == 23);
  CHECK(rel.columns[0].type_modifier == -1);
  CHECK_FALSE(rel.columns[1].key);
  CHECK(rel.columns[1].name == "name");
  CHECK(rel.columns[1].type_oid == 1043);
  CHECK(rel.columns[1].type_modifier == 68);

  Relation catalog = DecodeAs<Relation>(Bytes('R').U32(1).Str("").Str("t").Tag('n').U16(0).str());
  CHECK(catalog.schema.empty());
  CHECK(catalog.columns.empty());
  CHECK(catalog.replica_identity == 'n');
}

TEST_CASE("Type names a user-defined type, empty namespace for pg_catalog", "[replicator]") {
  Type type = DecodeAs<Type>(Bytes('Y').U32(90000).Str("").Str("mood").str());
  CHECK(type.oid == 90000);
  CHECK(type.schema.empty());
  CHECK(type.name == "mood");
  CHECK(DecodeAs<Type>(Bytes('Y').U32(1).Str("app").Str("t").str()).schema == "app");
}

TEST_CASE("Insert carries text, binary, NULL and unchanged-TOAST values", "[replicator]") {
  Insert insert = DecodeAs<Insert>(Bytes('I')
                                       .U32(16384)
                                       .Tag('N')
                                       .U16(5)
                                       .Value("42")
                                       .Tag('n')
                                       .Tag('u')
                                       .Value("")
                                       .Value(std::string("\0\xff", 2), 'b')
                                       .str());
  CHECK(insert.relation == 16384);
  REQUIRE(insert.row.size() == 5);
  CHECK(insert.row[0].kind == TupleValue::Kind::kText);
  CHECK(insert.row[0].data == "42");
  CHECK(insert.row[1].kind == TupleValue::Kind::kNull);
  CHECK(insert.row[1].data.empty());
  CHECK(insert.row[2].kind == TupleValue::Kind::kUnchanged);
  CHECK(insert.row[2].data.empty());
  CHECK(insert.row[3].kind == TupleValue::Kind::kText);
  CHECK(insert.row[3].data.empty());
  CHECK(insert.row[4].kind == TupleValue::Kind::kBinary);
  CHECK(insert.row[4].data == std::string("\0\xff", 2));

  CHECK(DecodeAs<Insert>(Bytes('I').U32(7).Tag('N').U16(0).str()).row.empty());
}

TEST_CASE("Update with no old tuple, with the old key and with the old row", "[replicator]") {
  Update plain = DecodeAs<Update>(Bytes('U').U32(10).Tag('N').U16(2).Value("1").Tag('u').str());
  CHECK(plain.relation == 10);
  CHECK(plain.old_kind == 0);
  CHECK(plain.old_row.empty());
  REQUIRE(plain.row.size() == 2);
  CHECK(plain.row[0].data == "1");
  CHECK(plain.row[1].kind == TupleValue::Kind::kUnchanged);

  Update key = DecodeAs<Update>(Bytes('U')
                                    .U32(11)
                                    .Tag('K')
                                    .U16(2)
                                    .Value("1")
                                    .Tag('n')
                                    .Tag('N')
                                    .U16(2)
                                    .Value("2")
                                    .Value("x")
                                    .str());
  CHECK(key.relation == 11);
  CHECK(key.old_kind == 'K');
  REQUIRE(key.old_row.size() == 2);
  CHECK(key.old_row[0].data == "1");
  CHECK(key.old_row[1].kind == TupleValue::Kind::kNull);
  REQUIRE(key.row.size() == 2);
  CHECK(key.row[0].data == "2");
  CHECK(key.row[1].data == "x");

  Update old = DecodeAs<Update>(
      Bytes('U').U32(12).Tag('O').U16(1).Value("before").Tag('N').U16(1).Value("after").str());
  CHECK(old.old_kind == 'O');
  REQUIRE(old.old_row.size() == 1);
  CHECK(old.old_row[0].data == "before");
  REQUIRE(old.row.size() == 1);
  CHECK(old.row[0].data == "after");
}

TEST_CASE("Delete carries the old key or the old row", "[replicator]") {
  Delete key = DecodeAs<Delete>(Bytes('D').U32(5).Tag('K').U16(1).Value("7").str());
  CHECK(key.relation == 5);
  CHECK(key.old_kind == 'K');
  REQUIRE(key.old_row.size() == 1);
  CHECK(key.old_row[0].data == "7");

  Delete old = DecodeAs<Delete>(Bytes('D').U32(5).Tag('O').U16(2).Value("7").Tag('n').str());
  CHECK(old.old_kind == 'O');
  REQUIRE(old.old_row.size() == 2);
  CHECK(old.old_row[1].kind == TupleValue::Kind::kNull);

  CHECK_THAT(DecodeError(Bytes('D').U32(5).Tag('N').U16(0).str()),
             Catch::Contains("unexpected tuple tag at byte 5"));
}

TEST_CASE("Truncate lists its relations and options", "[replicator]") {
  Truncate both = DecodeAs<Truncate>(Bytes('T').U32(3).U8(3).U32(1).U32(2).U32(0xFFFFFFFF).str());
  CHECK(both.options == (Truncate::kCascade | Truncate::kRestartIdentity));
  CHECK(both.relations == std::vector<uint32_t>{1, 2, 0xFFFFFFFF});

  Truncate cascade = DecodeAs<Truncate>(Bytes('T').U32(1).U8(1).U32(9).str());
  CHECK(cascade.options == Truncate::kCascade);
  CHECK(cascade.relations == std::vector<uint32_t>{9});

  Truncate restart = DecodeAs<Truncate>(Bytes('T').U32(1).U8(2).U32(9).str());
  CHECK(restart.options == Truncate::kRestartIdentity);

  CHECK(DecodeAs<Truncate>(Bytes('T').U32(0).U8(0).str()).relations.empty());
}

TEST_CASE("Message is transactional or not, with prefix and raw content", "[replicator]") {
  Message tx = DecodeAs<Message>(
      Bytes('M').U8(1).U64(0x10).Str("pgveil").U32(3).Raw(std::string("a\0b", 3)).str());
  CHECK(tx.transactional);
  CHECK(tx.lsn == 0x10);
  CHECK(tx.prefix == "pgveil");
  CHECK(tx.content == std::string("a\0b", 3));

  Message plain = DecodeAs<Message>(Bytes('M').U8(0).U64(0).Str("").U32(0).str());
  CHECK_FALSE(plain.transactional);
  CHECK(plain.prefix.empty());
  CHECK(plain.content.empty());
}

TEST_CASE("malformed messages name the kind and the offset", "[replicator]") {
  CHECK(DecodeError("") == "pgoutput unknown message: truncated at byte 0");
  CHECK(DecodeError("Z") == "pgoutput unknown message: unknown message type at byte 0");
  CHECK(DecodeError(Bytes('B').U64(1).U64(2).str()) ==
        "pgoutput Begin message: truncated at byte 17");
  CHECK(DecodeError(Bytes('B').U64(1).U64(2).U32(3).U8(0).str()) ==
        "pgoutput Begin message: trailing bytes at byte 21");
  CHECK(DecodeError(Bytes('O').U64(1).Raw("name").str()) ==
        "pgoutput Origin message: string without NUL terminator at byte 9");
  CHECK(DecodeError(Bytes('I').U32(1).Tag('N').U16(1).Tag('x').str()) ==
        "pgoutput Insert message: unknown tuple value kind at byte 8");
  CHECK(DecodeError(Bytes('I').U32(1).Tag('K').U16(0).str()) ==
        "pgoutput Insert message: unexpected tuple tag at byte 5");
  CHECK(DecodeError(Bytes('I').U32(1).Tag('N').U16(1).Tag('t').U32(0xFFFFFFFF).str()) ==
        "pgoutput Insert message: negative length at byte 9");
  CHECK(DecodeError(Bytes('I').U32(1).Tag('N').U16(1).Tag('t').U32(5).Raw("abcd").str()) ==
        "pgoutput Insert message: length past the end at byte 9");
  CHECK(DecodeError(Bytes('U').U32(1).Tag('X').U16(0).str()) ==
        "pgoutput Update message: unexpected tuple tag at byte 5");
  CHECK(DecodeError(Bytes('U').U32(1).Tag('K').U16(0).Tag('O').U16(0).str()) ==
        "pgoutput Update message: unexpected tuple tag at byte 8");
  CHECK(DecodeError(Bytes('U').U32(1).Tag('O').U16(0).str()) ==
        "pgoutput Update message: truncated at byte 8");
  CHECK(DecodeError(Bytes('R').U32(1).Str("s").Str("t").Tag('x').U16(0).str()) ==
        "pgoutput Relation message: unknown replica identity at byte 9");
  CHECK(DecodeError(Bytes('M').U8(0).U64(0).Str("p").U32(0x80000000).str()) ==
        "pgoutput Message message: negative length at byte 12");
}

TEST_CASE("counts that cannot fit are refused before anything is allocated", "[replicator]") {
  // Each would ask for gigabytes if trusted; under ASan that fails loudly.
  CHECK(DecodeError(Bytes('T').U32(0xFFFFFFFF).U8(0).U32(1).str()) ==
        "pgoutput Truncate message: count past the end at byte 1");
  CHECK(DecodeError(Bytes('T').U32(2).U8(0).U32(1).str()) ==
        "pgoutput Truncate message: count past the end at byte 1");
  CHECK(DecodeError(Bytes('I').U32(1).Tag('N').U16(0xFFFF).Tag('n').str()) ==
        "pgoutput Insert message: count past the end at byte 6");
  CHECK(DecodeError(Bytes('I').U32(1).Tag('N').U16(3).Tag('n').Tag('n').str()) ==
        "pgoutput Insert message: count past the end at byte 6");
  // Two relation columns need at least 20 bytes; 19 are left.
  CHECK(DecodeError(
            Bytes('R').U32(1).Str("").Str("").Tag('d').U16(2).Raw(std::string(19, 'a')).str()) ==
        "pgoutput Relation message: count past the end at byte 8");
}

TEST_CASE("truncated and mutated messages are errors without values, never crashes",
          "[replicator]") {
  std::vector<std::string> messages = ValidMessages();
  for (const std::string& message : messages) {
    REQUIRE(Decode(message).ok());
    for (size_t length = 0; length < message.size(); ++length) {
      INFO("message type " << message[0] << ", prefix of " << length << " bytes");
      std::string error = DecodeError(message.substr(0, length));
      CHECK(error.find(kMarker) == std::string::npos);
      CHECK_THAT(error, Catch::Contains(" at byte "));
    }
  }

  std::mt19937 random(20240601);
  int decoded = 0;
  int refused = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string message = messages[random() % messages.size()];
    int flips = 1 + static_cast<int>(random() % 4);
    for (int i = 0; i < flips; ++i) {
      message[random() % message.size()] = static_cast<char>(random() & 0xFF);
    }
    if (random() % 8 == 0) message.push_back(static_cast<char>(random() & 0xFF));
    Result<Event> event = Decode(message);
    if (event.ok()) {
      ++decoded;
      continue;
    }
    ++refused;
    INFO("round " << round);
    REQUIRE(event.status().code() == StatusCode::kInvalidArgument);
    CHECK(event.status().message().find(kMarker) == std::string::npos);
  }
  // Both outcomes occur, so the mutations reach past the first checks.
  CHECK(decoded > 0);
  CHECK(refused > 0);
}

}  // namespace pgveil::replicator::pgoutput
