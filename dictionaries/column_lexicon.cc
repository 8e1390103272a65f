#include "dictionaries/column_lexicon.h"

#include <sstream>

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "dictionaries/embedded.h"

namespace pgveil::dictionaries {
namespace {

std::vector<std::string> Tokens(const std::string& phrase) {
  std::istringstream in(phrase);
  std::vector<std::string> tokens;
  for (std::string token; in >> token;) tokens.push_back(token);
  return tokens;
}

Status ErrorAt(std::string_view source, const YAML::Mark& mark, std::string_view what) {
  return Status::InvalidArgument(
      fmt::format("{}:{}:{}: {}", source, mark.line + 1, mark.column + 1, what));
}

}  // namespace

Result<ColumnLexicon> ParseColumnLexicon(std::string_view text, std::string_view source) {
  try {
    YAML::Node root = YAML::Load(std::string(text));
    ColumnLexicon lexicon;
    for (const auto& entry : root["categories"]) {
      std::string id = entry.first.as<std::string>();
      auto category = CategoryFromId(id);
      if (!category) return ErrorAt(source, entry.first.Mark(), "unknown category '" + id + "'");
      for (const auto& phrase : entry.second) {
        std::vector<std::string> tokens = Tokens(phrase.as<std::string>());
        if (tokens.empty()) return ErrorAt(source, phrase.Mark(), "empty phrase");
        lexicon.phrases.push_back({std::move(tokens), *category});
      }
    }
    for (const auto& token : root["negative"])
      lexicon.negative_tokens.insert(token.as<std::string>());
    for (const auto& token : root["value_keys"])
      lexicon.value_keys.insert(token.as<std::string>());
    for (const auto& phrase : root["negative_phrases"]) {
      lexicon.negative_phrases.push_back(Tokens(phrase.as<std::string>()));
    }
    for (const auto& phrase : root["generic_names"]) {
      std::string text;
      for (const std::string& token : Tokens(phrase.as<std::string>())) {
        text += (text.empty() ? "" : " ") + token;
      }
      lexicon.generic_names.insert(std::move(text));
    }
    for (const auto& word : root["person_entities"])
      lexicon.person_entities.insert(word.as<std::string>());
    for (const auto& word : root["table_qualifiers"])
      lexicon.table_qualifiers.insert(word.as<std::string>());
    for (const auto& word : root["version_words"])
      lexicon.version_words.insert(word.as<std::string>());
    return lexicon;
  } catch (const YAML::Exception& e) {
    return ErrorAt(source, e.mark, e.msg);
  }
}

Result<ColumnLexicon> EmbeddedColumnLexicon() {
  return ParseColumnLexicon(embedded::column_names, "dictionaries/data/column_names.yaml");
}

}  // namespace pgveil::dictionaries
