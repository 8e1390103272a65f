#include "policy/anon_label.h"

#include <algorithm>
#include <cctype>
#include <utility>

namespace pgveil::policy {
namespace {

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return lower;
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

// Consumes `words` (case-insensitive, separated by any whitespace).
bool ConsumeWords(std::string_view* text, std::initializer_list<std::string_view> words) {
  std::string_view rest = *text;
  for (std::string_view word : words) {
    rest = Trim(rest);
    if (rest.size() < word.size() || Lower(rest.substr(0, word.size())) != word) {
      return false;
    }
    rest.remove_prefix(word.size());
    if (!rest.empty() && !std::isspace(static_cast<unsigned char>(rest.front()))) {
      return false;
    }
  }
  *text = Trim(rest);
  return true;
}

// The pgveil transformer for an anon function (without schema), by prefix
// where anon has a family (generalize_int4range, random_date_between, ...).
std::optional<std::string> TransformerForFunction(const std::string& function) {
  static constexpr std::pair<std::string_view, std::string_view> kExact[] = {
      {"fake_email", "email"},
      {"partial_email", "email"},
      {"random_email", "email"},
      {"fake_first_name", "fake_first_name"},
      {"fake_last_name", "fake_last_name"},
      {"fake_city", "fake_city"},
      {"fake_address", "fake_street"},
      {"random_phone", "phone"},
      {"partial", "phone"},
      {"dnoise", "date_shift"},
      {"hash", "hash"},
      {"digest", "hash"},
      {"noise", "numeric_noise"},
      {"fake_iban", "iban"},
      {"random_date", "date_shift"},
      {"random_date_between", "date_shift"},
  };
  for (const auto& [name, transformer] : kExact) {
    if (function == name) {
      return std::string(transformer);
    }
  }
  if (function.starts_with("generalize_")) {
    return "date_generalize";
  }
  return std::nullopt;
}

// 'text' with '' for a quote -> text; a bare word or number as it is.
std::string UnquoteValue(std::string_view value) {
  value = Trim(value);
  // Casts such as 'x'::text keep only the literal.
  if (value.size() >= 2 && value.front() == '\'') {
    std::string text;
    for (size_t i = 1; i < value.size(); ++i) {
      if (value[i] == '\'') {
        if (i + 1 < value.size() && value[i + 1] == '\'') {
          text += '\'';
          ++i;
          continue;
        }
        break;
      }
      text += value[i];
    }
    return text;
  }
  size_t cast = value.find("::");
  return std::string(cast == std::string_view::npos ? value : value.substr(0, cast));
}

}  // namespace

AnonTranslation TranslateAnonLabel(std::string_view label) {
  AnonTranslation result;
  std::string_view text = Trim(label);
  if (ConsumeWords(&text, {"masked", "with", "value"})) {
    if (Lower(Trim(text)) == "null") {
      result.outcome = AnonTranslation::Outcome::kTranslated;
      result.transformer = "null";
      return result;
    }
    result.outcome = AnonTranslation::Outcome::kTranslated;
    result.transformer = "constant";
    result.params["value"] = UnquoteValue(text);
    return result;
  }
  if (!ConsumeWords(&text, {"masked", "with", "function"})) {
    return result;
  }
  size_t paren = text.find('(');
  std::string qualified(Trim(text.substr(0, paren)));
  qualified.erase(std::remove(qualified.begin(), qualified.end(), '"'), qualified.end());
  std::string function = Lower(qualified);
  size_t dot = function.rfind('.');
  std::string bare = dot == std::string::npos ? function : function.substr(dot + 1);
  result.function = function;
  std::optional<std::string> transformer = TransformerForFunction(bare);
  if (!transformer) {
    result.outcome = AnonTranslation::Outcome::kUnknownFunction;
    return result;
  }
  result.outcome = AnonTranslation::Outcome::kTranslated;
  result.transformer = *transformer;
  return result;
}

}  // namespace pgveil::policy
