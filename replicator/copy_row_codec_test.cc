#include "replicator/copy_row_codec.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace pgveil::replicator {
namespace {

std::string Unescape(std::string_view raw) {
  std::string scratch;
  return std::string(UnescapeCopyField(raw, &scratch));
}

std::string Escape(std::string_view value) {
  std::string out;
  AppendCopyField(value, &out);
  return out;
}

}  // namespace

TEST_CASE("a COPY row splits at tabs, keeps empty fields and drops the newline", "[replicator]") {
  std::vector<std::string_view> fields;
  SplitCopyRow("1\talice@example.com\t\\N\t\n", &fields);
  REQUIRE(fields.size() == 4);
  CHECK(fields[0] == "1");
  CHECK(fields[1] == "alice@example.com");
  CHECK(fields[2] == kCopyNull);
  CHECK(fields[3].empty());

  SplitCopyRow("", &fields);
  REQUIRE(fields.size() == 1);
  CHECK(fields[0].empty());

  SplitCopyRow("only\n", &fields);
  REQUIRE(fields.size() == 1);
  CHECK(fields[0] == "only");
}

TEST_CASE("escaped tabs and newlines stay inside their field", "[replicator]") {
  std::vector<std::string_view> fields;
  SplitCopyRow("a\\tb\tc\\nd\\\\\n", &fields);
  REQUIRE(fields.size() == 2);
  CHECK(Unescape(fields[0]) == "a\tb");
  CHECK(Unescape(fields[1]) == "c\nd\\");
}

TEST_CASE("every escape COPY FROM accepts is unescaped", "[replicator]") {
  CHECK(Unescape("plain") == "plain");
  CHECK(Unescape("\\b\\f\\n\\r\\t\\v") == "\b\f\n\r\t\v");
  CHECK(Unescape("\\\\N") == "\\N");  // the text \N, not NULL
  CHECK(Unescape("\\101\\60x") == "A0x");
  CHECK(Unescape("\\7") == std::string(1, '\7'));
  CHECK(Unescape("\\x41\\x4a\\x7") == "AJ\x07");
  CHECK(Unescape("\\xg") == "xg");                       // \x without a hex digit is a plain x
  CHECK(Unescape("\\q\\.") == "q.");                     // any other character stands for itself
  CHECK(Unescape("end\\") == "end\\");                   // a trailing backslash is kept
  CHECK(Unescape("caf\xc3\xa9\\t") == "caf\xc3\xa9\t");  // UTF-8 passes through
}

TEST_CASE("escaping is the inverse of unescaping", "[replicator]") {
  CHECK(Escape("plain") == "plain");
  CHECK(Escape("a\tb\nc\\d\re") == "a\\tb\\nc\\\\d\\re");
  CHECK(Escape("\\N") == "\\\\N");
  CHECK(Escape("\b\f\v") == "\\b\\f\\v");
  std::string every_byte;
  for (int c = 1; c < 256; ++c) every_byte.push_back(static_cast<char>(c));
  std::string escaped = Escape(every_byte);
  CHECK(escaped.find('\t') == std::string::npos);
  CHECK(escaped.find('\n') == std::string::npos);
  CHECK(Unescape(escaped) == every_byte);
}

TEST_CASE("unescaping reuses the scratch buffer and leaves plain fields alone", "[replicator]") {
  std::string scratch;
  std::string_view raw = "no escapes";
  CHECK(UnescapeCopyField(raw, &scratch).data() == raw.data());
  CHECK(UnescapeCopyField("x\\ty", &scratch) == "x\ty");
  CHECK(UnescapeCopyField("\\\\", &scratch) == "\\");
}

}  // namespace pgveil::replicator
