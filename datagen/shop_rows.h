// datagen/shop_rows.h
//
// The row writers, one per generated table, and the facts several tables
// share (a customer's person, address and e-mail; a product's SKU, price
// and barcode). Every writer streams RowCount() rows of its table into a
// CopyWriter whose columns are TableSpec::CopyColumns(), in that order.
//
// Each row i of a table draws from Rng::ForRow(seed, <table stream>, i);
// shared facts draw from their own streams keyed by the entity id, which is
// what lets public.orders ship to the customer's own address and
// public.events carry the customer's own e-mail without any lookup table.
//
// Thread-safety: pure functions apart from the writer.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.h"
#include "datagen/address.h"
#include "datagen/copy_writer.h"
#include "datagen/person.h"

namespace pgveil::datagen {

// Row counts every writer may need for foreign keys.
struct ShopContext {
  uint64_t seed = 1;
  int64_t customers = 0;
  int64_t products = 0;
  int64_t orders = 0;
  int64_t accounts = 0;
  int64_t contacts = 0;
  int64_t employees = 0;
};

// Stream ids: one per table and one per shared fact. Changing one changes
// the generated data for every seed.
enum Stream : uint64_t {
  kCustomerPersonStream = 1,
  kCustomerAddressStream,
  kCustomerEmailStream,
  kProductStream,
  kCustomersRows,
  kProductsRows,
  kOrdersRows,
  kAuditRows,
  kEventsRows,
  kTicketsRows,
  kAttributesRows,
  kCredentialsRows,
  kEmployeesRows,
  kAccountsRows,
  kInvoicesRows,
  kContactsRows,
  kDevicesRows,
};

// Facts about customer `id` (1-based), identical wherever they are used.
Person CustomerPerson(uint64_t seed, int64_t id);
Address CustomerAddress(uint64_t seed, int64_t id, const Person& person);
void AppendCustomerEmail(uint64_t seed, int64_t id, const Person& person, std::string* out);

struct Product {
  std::string sku;
  std::string ean13;
  int64_t price_cents = 0;
};
Product ProductOf(uint64_t seed, int64_t id);

// A customer id skewed towards regulars: the first tenth of the customers
// place about four times as many orders as the rest.
int64_t PickCustomer(Rng& rng, int64_t customers);

// The ISO 4217 currency a customer from `country` usually pays in.
std::string_view CurrencyOf(Rng& rng, Country country);

Status WriteCustomers(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteProducts(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteOrders(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteAuditLog(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteEvents(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteSupportTickets(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteCustomerAttributes(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteApiCredentials(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteEmployees(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteBillingAccounts(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteBillingInvoices(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteCrmContacts(const ShopContext& ctx, int64_t rows, CopyWriter& out);
Status WriteCrmDevices(const ShopContext& ctx, int64_t rows, CopyWriter& out);

// Builds customers.profile for a customer (JSON text, not COPY-escaped).
void AppendCustomerProfile(Rng& rng, uint64_t seed, int64_t id, const Person& person,
                           const Address& address, std::string* out);

}  // namespace pgveil::datagen
