#include "scanner/text_fold.h"

#include <catch2/catch.hpp>

namespace pgveil::scanner {

TEST_CASE("folding makes Turkish dotted and dotless i meet plain i", "[scanner][unicode]") {
  CHECK(FoldForMatching("İSİM") == "isim");
  CHECK(FoldForMatching("ısım") == "isim");
  CHECK(FoldForMatching("Soyadı") == "soyadi");
}

TEST_CASE("folding removes combining marks and case", "[scanner][unicode]") {
  CHECK(FoldForMatching("Téléphone") == "telephone");
  CHECK(FoldForMatching("Te\u0301le\u0301phone") == "telephone");  // decomposed accents
  CHECK(FoldForMatching("STRASSE") == "strasse");
  CHECK(FoldForMatching("Straße") == "strasse");
  CHECK(FoldForMatching("ФАМИЛИЯ") == "фамилия");
  CHECK(FoldForMatching("Ἀθῆναι") == "αθηναι");
  CHECK(FoldForMatching("電話") == "電話");
}

TEST_CASE("NFKC turns full-width digits and letters into ASCII", "[scanner][unicode]") {
  std::string buffer;
  CHECK(NormalizeForDetection("４１１１　１１１１", &buffer) == "4111 1111");
  CHECK(NormalizeForDetection("ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ", &buffer) == "jane@example.com");
  std::string ascii = "plain ascii";
  CHECK(NormalizeForDetection(ascii, &buffer).data() == ascii.data());  // no copy on the fast path
}

TEST_CASE("invalid UTF-8 is recognised, never folded into something else", "[scanner][unicode]") {
  CHECK(ValidUtf8("héllo 👋 مرحبا שלום"));
  CHECK_FALSE(ValidUtf8("\xff\xfe"));
  CHECK_FALSE(ValidUtf8("abc\xc3"));       // truncated sequence
  CHECK_FALSE(ValidUtf8("\xed\xa0\x80"));  // UTF-16 surrogate
  CHECK_FALSE(ValidUtf8("\xc0\xaf"));      // overlong
  CHECK(FoldForMatching("\xff\xfeX") == "");
}

}  // namespace pgveil::scanner
