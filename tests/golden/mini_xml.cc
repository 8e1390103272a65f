// tests/golden/mini_xml.cc
//
// Recursive descent over the subset described in mini_xml.h. Errors are
// reported as exceptions internally and turned into the *error string at the
// entry point; the reader is test support, not product code.

#include "tests/golden/mini_xml.h"

#include <stdexcept>

namespace pgveil::testing {
namespace {

class Reader {
 public:
  explicit Reader(std::string_view doc) : doc_(doc) {}

  XmlElement Document() {
    CheckCharacters();
    if (doc_.starts_with("<?xml")) {
      size_t end = doc_.find("?>");
      if (end == std::string_view::npos) Fail("unterminated XML declaration");
      pos_ = end + 2;
    }
    SkipSpace();
    XmlElement root = Element();
    SkipSpace();
    if (pos_ != doc_.size()) Fail("content after the root element");
    return root;
  }

  [[noreturn]] void Fail(const std::string& what) const {
    throw std::runtime_error("offset " + std::to_string(pos_) + ": " + what);
  }

 private:
  // Valid UTF-8 and XML 1.0 Char only: tab, LF, CR and U+0020 upwards,
  // without U+FFFE and U+FFFF.
  void CheckCharacters() {
    for (size_t i = 0; i < doc_.size();) {
      auto b = [&](size_t k) { return static_cast<unsigned char>(doc_[k]); };
      unsigned char c = b(i);
      size_t n = c < 0x80                   ? 1
                 : (c >= 0xC2 && c <= 0xDF) ? 2
                 : (c >= 0xE0 && c <= 0xEF) ? 3
                 : (c >= 0xF0 && c <= 0xF4) ? 4
                                            : 0;
      if (n == 0 || i + n > doc_.size()) {
        pos_ = i;
        Fail("ill-formed UTF-8");
      }
      for (size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) {
          pos_ = i;
          Fail("ill-formed UTF-8");
        }
      }
      bool control = n == 1 && c < 0x20 && c != '\t' && c != '\n' && c != '\r';
      bool nonchar = n == 3 && c == 0xEF && b(i + 1) == 0xBF && b(i + 2) >= 0xBE;
      if (control || nonchar) {
        pos_ = i;
        Fail("character not allowed in XML 1.0");
      }
      i += n;
    }
  }

  bool AtEnd() const { return pos_ >= doc_.size(); }
  char Peek() const { return AtEnd() ? '\0' : doc_[pos_]; }

  void Expect(char c) {
    if (Peek() != c) Fail(std::string("expected '") + c + "'");
    ++pos_;
  }

  void SkipSpace() {
    while (!AtEnd() && (Peek() == ' ' || Peek() == '\n' || Peek() == '\t' || Peek() == '\r')) {
      ++pos_;
    }
  }

  std::string Name() {
    size_t start = pos_;
    auto name_char = [](char c, bool first) {
      bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
      return letter || (!first && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
    };
    while (!AtEnd() && name_char(Peek(), pos_ == start)) ++pos_;
    if (pos_ == start) Fail("expected a name");
    return std::string(doc_.substr(start, pos_ - start));
  }

  // After '&': one of the predefined entities or a character reference.
  std::string Reference() {
    size_t semicolon = doc_.find(';', pos_);
    if (semicolon == std::string_view::npos || semicolon - pos_ > 10) Fail("bad reference");
    std::string_view ref = doc_.substr(pos_, semicolon - pos_);
    pos_ = semicolon + 1;
    if (ref == "amp") return "&";
    if (ref == "lt") return "<";
    if (ref == "gt") return ">";
    if (ref == "quot") return "\"";
    if (ref == "apos") return "'";
    if (ref.starts_with("#")) {
      bool hex = ref.starts_with("#x");
      std::string digits(ref.substr(hex ? 2 : 1));
      if (digits.empty()) Fail("empty character reference");
      unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
      if (cp != 0x9 && cp != 0xA && cp != 0xD && cp < 0x20) Fail("forbidden character reference");
      if (cp < 0x80) return std::string(1, static_cast<char>(cp));
      Fail("non-ASCII character references are not needed here");
    }
    Fail("unknown entity &" + std::string(ref) + ";");
  }

  std::string AttributeValue() {
    char quote = Peek();
    if (quote != '"' && quote != '\'') Fail("attribute value must be quoted");
    ++pos_;
    std::string value;
    while (Peek() != quote) {
      if (AtEnd()) Fail("unterminated attribute value");
      char c = doc_[pos_++];
      if (c == '<') Fail("raw '<' in an attribute value");
      value += c == '&' ? Reference() : std::string(1, c);
    }
    ++pos_;
    return value;
  }

  XmlElement Element() {
    Expect('<');
    XmlElement element;
    element.name = Name();
    while (true) {
      bool had_space = Peek() == ' ' || Peek() == '\n' || Peek() == '\t';
      SkipSpace();
      if (Peek() == '/' || Peek() == '>') break;
      if (!had_space) Fail("attributes must be separated by white space");
      std::string key = Name();
      if (element.Attribute(key)) Fail("duplicate attribute " + key);
      SkipSpace();
      Expect('=');
      SkipSpace();
      element.attributes.emplace_back(key, AttributeValue());
    }
    if (Peek() == '/') {
      ++pos_;
      Expect('>');
      return element;
    }
    Expect('>');
    while (true) {
      if (AtEnd()) Fail("unterminated element <" + element.name + ">");
      if (doc_.substr(pos_).starts_with("</")) break;
      if (doc_.substr(pos_).starts_with("<!") || doc_.substr(pos_).starts_with("<?")) {
        Fail("comments, CDATA and processing instructions are not expected");
      }
      if (Peek() == '<') {
        element.children.push_back(Element());
        continue;
      }
      if (doc_.substr(pos_).starts_with("]]>")) Fail("']]>' in character data");
      char c = doc_[pos_++];
      element.text += c == '&' ? Reference() : std::string(1, c);
    }
    pos_ += 2;
    if (Name() != element.name) Fail("end tag does not match <" + element.name + ">");
    SkipSpace();
    Expect('>');
    return element;
  }

  std::string_view doc_;
  size_t pos_ = 0;
};

void Collect(const XmlElement& element, std::string_view name,
             std::vector<const XmlElement*>* out) {
  for (const XmlElement& child : element.children) {
    if (child.name == name) out->push_back(&child);
    Collect(child, name, out);
  }
}

}  // namespace

std::optional<std::string> XmlElement::Attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes) {
    if (k == key) return v;
  }
  return std::nullopt;
}

std::vector<const XmlElement*> XmlElement::FindAll(std::string_view element_name) const {
  std::vector<const XmlElement*> out;
  Collect(*this, element_name, &out);
  return out;
}

std::optional<XmlElement> ParseXml(std::string_view document, std::string* error) {
  try {
    return Reader(document).Document();
  } catch (const std::exception& e) {
    *error = e.what();
    return std::nullopt;
  }
}

}  // namespace pgveil::testing
