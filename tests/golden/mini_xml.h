// tests/golden/mini_xml.h
//
// A deliberately strict, minimal XML 1.0 reader for the JUnit report tests:
// elements, attributes, character data and the five predefined entities plus
// numeric character references; an optional <?xml …?> declaration. Anything
// else (comments, CDATA, DOCTYPE) is rejected, as are a raw "<" or "&" in
// data, "]]>" in text, a duplicate attribute, a mismatched end tag, content
// after the root, ill-formed UTF-8 and characters XML 1.0 forbids. What it
// accepts, any XML parser accepts, and with the same values.
//
// Thread-safety: pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pgveil::testing {

struct XmlElement {
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;  // decoded, in order
  std::vector<XmlElement> children;
  std::string text;  // all character data directly inside, decoded

  // The attribute's decoded value, or nullopt.
  std::optional<std::string> Attribute(std::string_view key) const;
  // Every descendant (depth first, document order) named `element_name`.
  std::vector<const XmlElement*> FindAll(std::string_view element_name) const;
};

// Parses `document`; on malformed input returns nullopt and sets *error to
// "offset N: what is wrong".
std::optional<XmlElement> ParseXml(std::string_view document, std::string* error);

}  // namespace pgveil::testing
