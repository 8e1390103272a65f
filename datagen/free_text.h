// datagen/free_text.h
//
// Free text as it sits in real shop databases. Support tickets in the
// customer's language that embed an e-mail address or a phone number
// inside a sentence in part of the rows (the rest mention only order
// numbers and products); internal notes on customers that are decoys
// (order numbers, SKUs, versions, colour words, lorem ipsum, never a
// person's data); gift messages that name people; CRM call notes with phone
// numbers.
//
// Thread-safety: pure functions of their arguments.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "datagen/person.h"
#include "datagen/rng.h"

namespace pgveil::datagen {

struct Ticket {
  std::string_view language;  // ISO 639-1 of the phrases used
  std::string subject;
  std::string body;  // several lines, '\n'-separated
};

// Rates at which a ticket body embeds the customer's e-mail address and,
// independently, a phone number: about 45 % of bodies carry at least one.
inline constexpr double kTicketEmailRate = 0.28;
inline constexpr double kTicketPhoneRate = 0.24;

// Writes a ticket by `customer` about `order_number` and `product`.
void ComposeTicket(Rng& rng, const Person& customer, std::string_view order_number,
                   std::string_view product, Ticket* out);

// A staff note on a customer record: no personal data, plenty of decoys.
void AppendCustomerNote(Rng& rng, uint64_t seed, std::string* out);

// "Happy birthday Anna! Love, Tom" in the sender's language.
void AppendGiftMessage(Rng& rng, const Person& sender, std::string* out);

// Rate at which a German CRM call note carries a phone number.
inline constexpr double kCrmNotePhoneRate = 0.45;

// A German call-centre note about `contact`; with `with_phone` it carries a
// phone number of the contact.
void AppendCrmNote(Rng& rng, const Person& contact, bool with_phone, std::string* out);

}  // namespace pgveil::datagen
