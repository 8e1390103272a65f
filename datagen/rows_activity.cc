// datagen/rows_activity.cc
//
// Activity tables: public.audit_log (UUIDs, hex digests and versions as
// decoys, client IPs as text), public.events (partitioned by month; a JSONB
// payload that carries the customer's e-mail) and public.support_tickets
// (free text in the customer's language that embeds e-mail addresses and
// phone numbers in part of the rows).

#include "datagen/catalog.h"
#include "datagen/decoys.h"
#include "datagen/format_util.h"
#include "datagen/free_text.h"
#include "datagen/json_writer.h"
#include "datagen/network.h"
#include "datagen/nullable_field.h"
#include "datagen/shop_rows.h"
#include "datagen/shop_schema.h"

namespace pgveil::datagen {
namespace {

using SV = std::string_view;

constexpr SV kAuditEvents[] = {
    "login",          "logout",         "password_reset",  "order.create",   "order.cancel",
    "profile.update", "address.update", "export.download", "api_key.rotate", "login.failed"};
constexpr uint32_t kAuditWeights[] = {30, 12, 3, 20, 3, 10, 5, 2, 1, 14};

constexpr SV kEventKinds[] = {"page_view", "search",   "add_to_cart",
                              "checkout",  "purchase", "signup"};
constexpr uint32_t kEventWeights[] = {50, 15, 15, 8, 7, 5};
constexpr SV kUtmSources[] = {"newsletter", "google", "instagram", "tiktok", "affiliate"};
constexpr SV kUtmCampaigns[] = {"spring_sale", "black_friday", "retarget_q3", "brand"};
constexpr SV kQueues[] = {"tier1", "billing", "returns", "logistics"};
constexpr SV kTicketStatuses[] = {"open", "pending", "solved", "closed"};

void Slug(SV name, std::string* out) {
  for (char c : name) {
    if (c >= 'A' && c <= 'Z')
      out->push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
      out->push_back(c);
    else if (!out->empty() && out->back() != '-')
      out->push_back('-');
  }
}

}  // namespace

Status WriteAuditLog(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text;
  for (int64_t i = 1; i <= rows; ++i) {
    Rng rng = Rng::ForRow(ctx.seed, kAuditRows, static_cast<uint64_t>(i));
    text.clear();
    AppendUuid(rng, &text);
    out.Raw(text);
    out.Timestamp(RandomInstant(rng, {2024, 1, 1}, {2024, 12, 31}));
    if (rng.Chance(0.8))
      out.Int(PickCustomer(rng, ctx.customers));
    else
      out.Null();
    out.Raw(kAuditEvents[rng.Weighted(kAuditWeights)]);
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) { AppendUuid(rng, &field); });
    BuiltRawOrNull(rng, 0.8, text, out,
                   [&](std::string& field) { AppendHexDigest(rng, 32, &field); });
    BuiltRawOrNull(rng, 0.5, text, out,
                   [&](std::string& field) { AppendHexDigest(rng, 16, &field); });
    text.clear();
    AppendVersion(rng, &text);
    out.Text(text);
    BuiltRawOrNull(rng, 0.9, text, out, [&](std::string& field) {
      if (rng.Chance(0.75))
        AppendIpv4(rng, true, &field);
      else
        AppendIpv6(rng, &field);
    });
    BuiltTextOrNull(rng, 0.85, text, out,
                    [&](std::string& field) { AppendUserAgent(rng, &field); });
    out.Int(rng.Between(2, 1800));
    out.Bool(rng.Chance(0.93));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteEvents(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string text, payload, name;
  for (int64_t i = 1; i <= rows; ++i) {
    Rng rng = Rng::ForRow(ctx.seed, kEventsRows, static_cast<uint64_t>(i));
    // About 1 % land after the monthly partitions, in the DEFAULT partition.
    const CivilDate first{kEventsYear, 1, 1};
    const int64_t at = rng.Chance(0.01)
                           ? RandomInstant(rng, {kEventsYear + 1, 1, 1}, {kEventsYear + 1, 2, 28})
                           : RandomInstant(rng, first, {kEventsYear, 12, 31});
    const bool known = rng.Chance(0.7);
    const int64_t customer = known ? PickCustomer(rng, ctx.customers) : 0;
    const SV kind = kEventKinds[rng.Weighted(kEventWeights)];

    out.Int(i);
    out.Timestamp(at);
    if (known)
      out.Int(customer);
    else
      out.Null();
    out.Raw(kind);

    payload.clear();
    JsonWriter json(&payload);
    json.BeginObject();
    json.Field("type", kind);
    const int64_t product_id = rng.Between(1, ctx.products);
    name.clear();
    AppendProductName(ctx.seed, product_id, &name);
    text = "/p/";
    Slug(name, &text);
    json.Field("page", kind == "search" ? SV("/search") : SV(text));
    text.clear();
    AppendUuid(rng, &text);
    json.Field("session", text);
    if (known) {
      json.Key("user");
      json.BeginObject();
      json.Key("id");
      json.Int(customer);
      if (rng.Chance(0.75)) {
        text.clear();
        AppendCustomerEmail(ctx.seed, customer, CustomerPerson(ctx.seed, customer), &text);
        json.Field("email", text);
      }
      json.EndObject();
    }
    if (rng.Chance(0.6)) {
      text.clear();
      AppendIp(rng, 0.7, &text);
      json.Field("ip", text);
    }
    if (rng.Chance(0.3)) {
      json.Key("utm");
      json.BeginObject();
      json.Field("source", rng.Pick(kUtmSources));
      json.Field("campaign", rng.Pick(kUtmCampaigns));
      json.EndObject();
    }
    if (kind == "add_to_cart" || kind == "checkout" || kind == "purchase") {
      json.Key("items");
      json.BeginArray();
      int64_t amount = 0;
      for (int n = static_cast<int>(rng.Between(1, 3)); n > 0; --n) {
        const Product product = ProductOf(ctx.seed, rng.Between(1, ctx.products));
        const int64_t qty = rng.Between(1, 3);
        amount += qty * product.price_cents;
        json.BeginObject();
        json.Field("sku", product.sku);
        json.Key("qty");
        json.Int(qty);
        json.Key("price");
        json.Fixed(product.price_cents, 2);
        json.EndObject();
      }
      json.EndArray();
      if (kind == "purchase") {
        json.Key("amount");
        json.Fixed(amount, 2);
      }
    }
    if (rng.Chance(0.4)) {
      text.clear();
      AppendVersion(rng, &text);
      json.Field("app_version", text);
    }
    json.EndObject();
    out.Text(payload);
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

Status WriteSupportTickets(const ShopContext& ctx, int64_t rows, CopyWriter& out) {
  std::string order_number, product;
  for (int64_t id = 1; id <= rows; ++id) {
    Rng rng = Rng::ForRow(ctx.seed, kTicketsRows, static_cast<uint64_t>(id));
    const bool known = rng.Chance(0.95);
    const int64_t customer = known ? PickCustomer(rng, ctx.customers) : 0;
    const Person person = known ? CustomerPerson(ctx.seed, customer) : RandomPerson(rng);
    order_number.clear();
    AppendOrderNumber(ctx.seed, rng.Between(1, ctx.orders), &order_number);
    product.clear();
    AppendProductName(ctx.seed, rng.Between(1, ctx.products), &product);
    Ticket ticket;
    ComposeTicket(rng, person, order_number, product, &ticket);

    out.Int(id);
    if (known)
      out.Int(customer);
    else
      out.Null();
    out.Text(ticket.subject);
    out.Text(ticket.body);
    out.Raw(ticket.language);
    out.Raw(rng.Pick(kTicketStatuses));
    out.Int(rng.Between(1, 4));
    out.Raw(rng.Pick(kQueues));
    out.Timestamp(RandomInstant(rng, {2023, 1, 1}, {2024, 12, 31}));
    PGVEIL_RETURN_IF_ERROR(out.EndRow());
  }
  return Status::Ok();
}

}  // namespace pgveil::datagen
