// datagen/ticket_phrases.h
//
// Hand-written phrases for support tickets in the shop's languages. A
// phrase may contain the placeholders {order} (an order number), {product}
// (a product name), {email} and {phone}; free_text.cc fills them in.
//
// Thread-safety: constant data.
#pragma once

#include <span>
#include <string_view>

namespace pgveil::datagen {

struct TicketPhrases {
  std::string_view language;  // ISO 639-1
  std::span<const std::string_view> subjects;
  std::span<const std::string_view> greetings;
  std::span<const std::string_view> problems;     // {order}, {product}
  std::span<const std::string_view> email_lines;  // contain {email}
  std::span<const std::string_view> phone_lines;  // contain {phone}
  std::span<const std::string_view> closings;
};

// Phrases for `language`; English when the language has none.
const TicketPhrases& PhrasesFor(std::string_view language);

}  // namespace pgveil::datagen
