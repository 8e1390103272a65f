// datagen/rows_orders.cc
//
// public.products (nothing personal: names, colours, versions, EAN-13) and
// public.orders, where the personal data (shipping address, coordinates,
// client IP, the card number under the obfuscated name attr_x, gift
// messages) sits next to decoys (ten-digit order numbers, 16-digit payment
// references that fail Luhn, EAN-13 barcodes, tracking numbers).

#include "datagen/catalog.h"
#include "datagen/decoys.h"
#include "datagen/finance.h"
#include "datagen/format_util.h"
#include "datagen/free_text.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"
#include "datagen/shop_rows.h"

namespace pgveil::datagen {
namespace {

std::string_view OrderStatus(Rng& rng) {
  constexpr std::string_view kStatuses[] = {"delivered", "shipped",  "processing",
                                            "cancelled", "returned", "pending"};
  constexpr uint32_t kWeights[] = {60, 15, 8, 7, 5, 5};
  return kStatuses[rng.Weighted(kWeights)];
}

}  // namespace

Status WriteProducts(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string name, text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kProductsRows, static_cast<uint64_t>(id));
    const Product product = ProductOf(ctx.seed, id);
    name.clear();
    AppendProductName(ctx.seed, id, &name);
    out.Int(id);
    out.Text(product.sku);
    out.Text(name);
    if (rng.Chance(0.8))
      out.Text(rng.Pick(Brands()));
    else
      out.Null();
    out.Text(ProductCategory(ctx.seed, id));
    if (rng.Chance(0.7))
      out.Text(rng.Pick(ColourWords()));
    else
      out.Null();
    BuiltTextOrNull(rng, 0.4, text, out, [&](std::string& field) { AppendVersion(rng, &field); });
    out.Raw(product.ean13);
    out.Fixed(product.price_cents, 2);
    if (rng.Chance(0.9))
      out.Int(rng.Between(40, 4000));
    else
      out.Null();
    out.Bool(rng.Chance(0.9));
    BuiltTextOrNull(rng, 0.8, text, out, [&](std::string& field) {
      field = "https://cdn.example.com/p/";
      for (char c : product.sku)
        field.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
      field += ".jpg";
    });
    BuiltTextOrNull(rng, 0.7, text, out,
                    [&](std::string& field) { AppendProductDescription(rng, name, &field); });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteOrders(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kOrdersRows, static_cast<uint64_t>(id));
    const int64_t customer = PickCustomer(rng, ctx.customers);
    const Person person = CustomerPerson(ctx.seed, customer);
    const int64_t product_id = rng.Between(1, ctx.products);
    const Product product = ProductOf(ctx.seed, product_id);
    const int64_t quantity = rng.Chance(0.7) ? 1 : rng.Between(2, 5);
    const std::string_view status = OrderStatus(rng);

    out.Int(id);
    out.Int(customer);
    text.clear();
    AppendOrderNumber(ctx.seed, id, &text);
    out.Raw(text);
    out.Int(product_id);
    out.Text(product.sku);
    out.Int(quantity);
    out.Fixed(product.price_cents, 2);
    out.Fixed(product.price_cents * quantity + (rng.Chance(0.3) ? 495 : 0), 2);
    out.Raw(CurrencyOf(rng, person.locale->country));
    out.Raw(status);
    out.Timestamp(RandomInstant(rng, {2022, 1, 1}, {2024, 12, 31}));

    const double where = rng.Unit();
    if (where < 0.95) {
      // Mostly the customer's own address; sometimes a gift to someone else.
      const Address address = where < 0.75 ? CustomerAddress(ctx.seed, customer, person)
                                           : RandomAddress(rng, *person.locale);
      out.Text(address.street);
      out.Text(address.city->name);
      out.Text(address.postal_code);
      out.Raw(person.locale->code);
    } else {  // digital goods
      out.Null();
      out.Null();
      out.Null();
      out.Null();
    }
    if (rng.Chance(0.45)) {
      const MicroDegrees at = RandomCoordinates(rng, person.locale->country);
      out.Fixed(at.lat, 6);
      out.Fixed(at.lon, 6);
    } else {
      out.Null();
      out.Null();
    }
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) { AppendIp(rng, 0.7, &field); });
    BuiltRawOrNull(rng, 0.6, text, out, [&](std::string& field) { AppendCardNumber(rng, &field); });
    text.clear();
    AppendNonLuhnReference(rng, &text);
    out.Raw(text);
    out.Raw(product.ean13);
    if (status != "pending" && status != "processing" && status != "cancelled" && rng.Chance(0.9)) {
      text.clear();
      AppendTrackingNumber(rng, &text);
      out.Raw(text);
    } else {
      out.Null();
    }
    BuiltTextOrNull(rng, 0.15, text, out,
                    [&](std::string& field) { AppendGiftMessage(rng, person, &field); });
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
