// datagen/shop_facts.cc
//
// Facts shared between tables (see shop_rows.h): a customer's person,
// address and e-mail, a product's SKU, barcode and price, and the small
// distributions several tables use.

#include "datagen/decoys.h"
#include "datagen/online_identity.h"
#include "datagen/shop_rows.h"

namespace pgveil::datagen {

Person CustomerPerson(uint64_t seed, int64_t id) {
  Rng rng = Rng::ForRow(seed, kCustomerPersonStream, static_cast<uint64_t>(id));
  return RandomPerson(rng);
}

Address CustomerAddress(uint64_t seed, int64_t id, const Person& person) {
  Rng rng = Rng::ForRow(seed, kCustomerAddressStream, static_cast<uint64_t>(id));
  return RandomAddress(rng, *person.locale);
}

void AppendCustomerEmail(uint64_t seed, int64_t id, const Person& person, std::string* out) {
  Rng rng = Rng::ForRow(seed, kCustomerEmailStream, static_cast<uint64_t>(id));
  AppendEmail(rng, person, out);
}

Product ProductOf(uint64_t seed, int64_t id) {
  Rng rng = Rng::ForRow(seed, kProductStream, static_cast<uint64_t>(id));
  Product p;
  AppendSku(rng, &p.sku);
  AppendEan13(rng, &p.ean13);
  // Prices end in .99, .95, .00 or .50 like real shops.
  constexpr int64_t kEndings[] = {99, 95, 0, 50, 99, 49};
  p.price_cents = rng.Between(3, 400) * 100 + rng.Pick(kEndings);
  return p;
}

int64_t PickCustomer(Rng& rng, int64_t customers) {
  // Three in ten orders come from the most loyal tenth of the customers.
  if (customers >= 10 && rng.Chance(0.3)) return rng.Between(1, customers / 10);
  return rng.Between(1, customers);
}

std::string_view CurrencyOf(Rng& rng, Country country) {
  if (rng.Chance(0.15)) return rng.Chance(0.5) ? "EUR" : "USD";
  switch (country) {
    case Country::kUS:
      return "USD";
    case Country::kCA:
      return "CAD";
    case Country::kGB:
      return "GBP";
    case Country::kDE:
    case Country::kFR:
    case Country::kES:
    case Country::kIT:
    case Country::kPT:
    case Country::kNL:
    case Country::kGR:
      return "EUR";
    case Country::kBR:
      return "BRL";
    case Country::kPL:
      return "PLN";
    case Country::kSE:
      return "SEK";
    case Country::kIS:
      return "ISK";
    case Country::kTR:
      return "TRY";
    case Country::kRU:
      return "RUB";
    case Country::kCN:
      return "CNY";
    case Country::kJP:
      return "JPY";
    case Country::kKR:
      return "KRW";
    case Country::kVN:
      return "VND";
    case Country::kIN:
      return "INR";
    case Country::kSA:
      return "SAR";
    case Country::kEG:
      return "EGP";
    case Country::kIL:
      return "ILS";
  }
  return "EUR";
}

}  // namespace pgveil::datagen
