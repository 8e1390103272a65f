// datagen/free_text.cc

#include "datagen/free_text.h"

#include "datagen/catalog.h"
#include "datagen/decoys.h"
#include "datagen/format_util.h"
#include "datagen/online_identity.h"
#include "datagen/phone.h"
#include "datagen/ticket_phrases.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

// Appends `phrase` with its placeholders replaced.
void Fill(SV phrase, SV order, SV product, SV email, SV phone, std::string* out) {
  size_t pos = 0;
  while (pos < phrase.size()) {
    const size_t open = phrase.find('{', pos);
    if (open == SV::npos) break;
    const size_t close = phrase.find('}', open);
    out->append(phrase.substr(pos, open - pos));
    const SV name = phrase.substr(open + 1, close - open - 1);
    if (name == "order")
      out->append(order);
    else if (name == "product")
      out->append(product);
    else if (name == "email")
      out->append(email);
    else if (name == "phone")
      out->append(phone);
    pos = close + 1;
  }
  out->append(phrase.substr(pos));
}

constexpr SV kNoteTemplates[] = {
    "Prefers {colour} variants; asked about {sku}.",
    "Called about order {order}, resolved.",
    "App crash reported on version {version}, forwarded to mobile team.",
    "VIP since {year}. Gift wrap every time, colour {colour}.",
    "Asked for restock of {sku} in {colour}.",
    "Chargeback on order {order} withdrawn.",
    "Loyalty points corrected (+{points}).",
    "{lorem}",
    "Bulk order inquiry, quoted 12% discount.",
    "Do not send paper catalogue.",
};

struct GiftTemplate {
  SV language;
  SV text;  // {to} and {from}
};
constexpr GiftTemplate kGiftTemplates[] = {
    {"en", "Happy birthday, {to}! Love, {from}"},
    {"en", "For {to}, with love from {from}"},
    {"en", "Merry Christmas {to} — {from}"},
    {"de", "Alles Gute zum Geburtstag, {to}! Dein {from}"},
    {"de", "Für {to}, von {from}"},
    {"fr", "Joyeux anniversaire {to} ! Bises, {from}"},
    {"es", "¡Feliz cumpleaños, {to}! Un abrazo, {from}"},
    {"it", "Tanti auguri {to}! {from}"},
    {"pt", "Parabéns, {to}! Beijos, {from}"},
    {"nl", "Gefeliciteerd {to}! Liefs, {from}"},
};

constexpr SV kCrmPlain[] = {
    "Angebot per Post verschickt.",      "Termin auf nächste Woche verschoben.",
    "Kunde wünscht keine Werbung mehr.", "Reklamation an Lager weitergeleitet.",
    "Zahlungserinnerung versendet.",     "Rahmenvertrag verlängert bis 12/2026.",
};
constexpr SV kCrmPhone[] = {
    "Rückruf erbeten unter {phone}.",
    "Kunde bittet um Rückruf: {phone}",
    "Neue Mobilnummer {phone}, bitte im System ändern.",
    "Erreichbar Mo–Fr 9–17 Uhr unter {phone}.",
};

}  // namespace

void ComposeTicket(Rng& rng, const Person& customer, SV order_number, SV product, Ticket* out) {
  const TicketPhrases& p = PhrasesFor(customer.locale->language);
  out->language = p.language;
  std::string email, phone;
  const bool with_email = rng.Chance(kTicketEmailRate);
  const bool with_phone = rng.Chance(kTicketPhoneRate);
  if (with_email) AppendEmail(rng, customer, &email);
  if (with_phone) {
    AppendPhone(rng, *customer.locale, nullptr,
                rng.Chance(0.7) ? PhoneKind::kMobile : PhoneKind::kLandline, PhoneStyle::kAsTyped,
                &phone);
  }
  Fill(p.subjects[rng.Below(p.subjects.size())], order_number, product, "", "", &out->subject);

  std::string& b = out->body;
  b.append(p.greetings[rng.Below(p.greetings.size())]);
  b.append("\n\n");
  const size_t first = rng.Below(p.problems.size());
  Fill(p.problems[first], order_number, product, "", "", &b);
  if (p.problems.size() > 1 && rng.Chance(0.3)) {
    b.push_back(' ');
    Fill(p.problems[(first + 1 + rng.Below(p.problems.size() - 1)) % p.problems.size()],
         order_number, product, "", "", &b);
  }
  if (with_email) {
    b.push_back(' ');
    Fill(p.email_lines[rng.Below(p.email_lines.size())], "", "", email, "", &b);
  }
  if (with_phone) {
    b.push_back(rng.Chance(0.5) ? ' ' : '\n');
    Fill(p.phone_lines[rng.Below(p.phone_lines.size())], "", "", "", phone, &b);
  }
  b.append("\n\n");
  b.append(p.closings[rng.Below(p.closings.size())]);
}

void AppendCustomerNote(Rng& rng, uint64_t seed, std::string* out) {
  const SV note = rng.Pick(kNoteTemplates);
  size_t pos = 0;
  while (pos < note.size()) {
    const size_t open = note.find('{', pos);
    if (open == SV::npos) break;
    const size_t close = note.find('}', open);
    out->append(note.substr(pos, open - pos));
    const SV name = note.substr(open + 1, close - open - 1);
    if (name == "colour")
      out->append(rng.Pick(ColourWords()));
    else if (name == "sku")
      AppendSku(rng, out);
    else if (name == "order")
      AppendOrderNumber(seed, rng.Between(1, 6000000), out);
    else if (name == "version")
      AppendVersion(rng, out);
    else if (name == "year")
      AppendInt(rng.Between(2012, 2023), out);
    else if (name == "points")
      AppendInt(rng.Between(50, 5000), out);
    else if (name == "lorem")
      AppendLorem(rng, static_cast<int>(rng.Between(6, 20)), out);
    pos = close + 1;
  }
  out->append(note.substr(pos));
}

void AppendGiftMessage(Rng& rng, const Person& sender, std::string* out) {
  const Person recipient = RandomPerson(rng, *sender.locale);
  // A template in the sender's language, English when there is none.
  size_t matching = 0;
  for (const GiftTemplate& t : kGiftTemplates) matching += t.language == sender.locale->language;
  const SV language = matching > 0 ? sender.locale->language : SV("en");
  if (matching == 0) {
    for (const GiftTemplate& t : kGiftTemplates) matching += t.language == "en";
  }
  size_t pick = rng.Below(matching);
  SV message;
  for (const GiftTemplate& t : kGiftTemplates) {
    if (t.language == language && pick-- == 0) message = t.text;
  }
  const size_t to = message.find("{to}");
  const size_t from = message.find("{from}");
  const std::string to_name(recipient.given), from_name(sender.given);
  std::string text(message);
  // Replace the later placeholder first so the earlier offset stays valid.
  if (to > from) {
    text.replace(to, 4, to_name);
    text.replace(from, 6, from_name);
  } else {
    text.replace(from, 6, from_name);
    text.replace(to, 4, to_name);
  }
  out->append(text);
}

void AppendCrmNote(Rng& rng, const Person& contact, bool with_phone, std::string* out) {
  if (!with_phone) {
    out->append(rng.Pick(kCrmPlain));
    return;
  }
  std::string phone;
  AppendPhone(rng, *contact.locale, nullptr,
              rng.Chance(0.6) ? PhoneKind::kMobile : PhoneKind::kLandline, PhoneStyle::kAsTyped,
              &phone);
  Fill(rng.Pick(kCrmPhone), "", "", "", phone, out);
  if (rng.Chance(0.4)) {
    out->push_back(' ');
    out->append(rng.Pick(kCrmPlain));
  }
}

}  // namespace pgveil::datagen
