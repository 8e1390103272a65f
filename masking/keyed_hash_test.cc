#include "masking/keyed_hash.h"

#include <catch2/catch.hpp>

#include <string>

#include "masking/text_util.h"

namespace pgveil::masking {
namespace {

std::string Hex(const KeyedHash::Digest& digest) {
  std::string out;
  AppendHex(digest, 64, &out);
  return out;
}

std::vector<uint8_t> Bytes(std::string_view text) { return {text.begin(), text.end()}; }

TEST_CASE("KeyedHash is HMAC-SHA256 (RFC 4231 test cases 1, 2 and 6)", "[masking][hmac]") {
  KeyedHash case1 = KeyedHash::Create(std::vector<uint8_t>(20, 0x0b)).value();
  CHECK(Hex(case1.Mac("Hi There")) ==
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  KeyedHash case2 = KeyedHash::Create(Bytes("Jefe")).value();
  CHECK(Hex(case2.Mac("what do ya want for nothing?")) ==
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // A 131-byte key is hashed first.
  KeyedHash case6 = KeyedHash::Create(std::vector<uint8_t>(131, 0xaa)).value();
  CHECK(Hex(case6.Mac("Test Using Larger Than Block-Size Key - Hash Key First")) ==
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
}

TEST_CASE("KeyedHash parts, copies and reuse agree", "[masking][hmac]") {
  KeyedHash hash = KeyedHash::Create(Bytes("a key of some length")).value();
  const std::string whole = Hex(hash.Mac("hello, world"));
  hash.Begin();
  hash.Update("hello, ");
  hash.Update("world");
  CHECK(Hex(hash.Finish()) == whole);
  KeyedHash copy = hash;
  CHECK(Hex(copy.Mac("hello, world")) == whole);
  CHECK(Hex(hash.Mac("hello, world")) == whole);
  CHECK(Hex(hash.Mac("hello, world!")) != whole);
  CHECK(DigestPrefix64(hash.Mac("x")) == DigestPrefix64(copy.Mac("x")));
}

}  // namespace
}  // namespace pgveil::masking
