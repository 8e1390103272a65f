// datagen/generator.cc
//
// GenerateShop: schema, data, post-data, in the order pg_dump would restore
// them, so constraints and indexes are built once over loaded data.

#include "datagen/generator.h"

#include <fmt/format.h>

#include "datagen/shop_rows.h"
#include "datagen/shop_schema.h"
#include "datagen/table_writer.h"

namespace pgveil::datagen {
namespace {

constexpr TableWriter<ShopContext> kWriters[] = {
    {"public", "customers", WriteCustomers},
    {"public", "products", WriteProducts},
    {"public", "orders", WriteOrders},
    {"public", "audit_log", WriteAuditLog},
    {"public", "events", WriteEvents},
    {"public", "support_tickets", WriteSupportTickets},
    {"public", "customer_attributes", WriteCustomerAttributes},
    {"public", "api_credentials", WriteApiCredentials},
    {"public", "employees", WriteEmployees},
    {"billing", "accounts", WriteBillingAccounts},
    {"billing", "invoices", WriteBillingInvoices},
    {"CRM Daten", "Kunden Kontakte", WriteCrmContacts},
    {"CRM Daten", "Geräte", WriteCrmDevices},
};

Status CreatePartitions(const TableSpec& table, Sink& sink) {
  const std::string parent = QualifiedName(table.schema, table.name);
  for (int m = 1; m <= kEventPartitions; ++m) {
    const int next_year = m == 12 ? kEventsYear + 1 : kEventsYear;
    const int next_month = m == 12 ? 1 : m + 1;
    PGVEIL_RETURN_IF_ERROR(sink.Sql(fmt::format(
        "CREATE TABLE {} PARTITION OF {} FOR VALUES FROM ('{}-{:02}-01 00:00:00+00') TO "
        "('{}-{:02}-01 00:00:00+00')",
        QualifiedName(table.schema, fmt::format("{}_{}_{:02}", table.name, kEventsYear, m)), parent,
        kEventsYear, m, next_year, next_month)));
  }
  return sink.Sql(fmt::format("CREATE TABLE {} PARTITION OF {} DEFAULT",
                              QualifiedName(table.schema, table.name + "_default"), parent));
}

// Everything after the data: the migration that added two columns, identity
// sequences moved past the loaded ids, foreign keys, indexes, the view.
Status PostData(double scale, Sink& sink) {
  for (const std::string& statement : MigrationSql(ShopTables(), scale)) {
    PGVEIL_RETURN_IF_ERROR(sink.Sql(statement));
  }
  constexpr std::string_view kStatements[] = {
      "ALTER TABLE public.orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) "
      "REFERENCES public.customers",
      "ALTER TABLE public.orders ADD CONSTRAINT orders_product_fk FOREIGN KEY (product_id) "
      "REFERENCES public.products",
      "ALTER TABLE public.audit_log ADD CONSTRAINT audit_log_actor_fk FOREIGN KEY (actor_id) "
      "REFERENCES public.customers",
      "ALTER TABLE public.events ADD CONSTRAINT events_customer_fk FOREIGN KEY (customer_id) "
      "REFERENCES public.customers",
      "ALTER TABLE public.support_tickets ADD CONSTRAINT support_tickets_customer_fk FOREIGN KEY "
      "(customer_id) REFERENCES public.customers",
      "ALTER TABLE public.customer_attributes ADD CONSTRAINT customer_attributes_c2_fk FOREIGN KEY "
      "(c2) REFERENCES public.customers",
      "ALTER TABLE public.api_credentials ADD CONSTRAINT api_credentials_owner_fk FOREIGN KEY "
      "(owner_id) REFERENCES public.customers",
      "ALTER TABLE public.employees ADD CONSTRAINT employees_manager_fk FOREIGN KEY (manager_id) "
      "REFERENCES public.employees",
      "ALTER TABLE billing.accounts ADD CONSTRAINT accounts_customer_fk FOREIGN KEY (customer_id) "
      "REFERENCES public.customers",
      "ALTER TABLE billing.invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) "
      "REFERENCES billing.accounts",
      "ALTER TABLE \"CRM Daten\".\"Geräte\" ADD CONSTRAINT \"Geräte_Kontakt_fk\" FOREIGN KEY "
      "(\"Kontakt-ID\") REFERENCES \"CRM Daten\".\"Kunden Kontakte\"",
      "CREATE UNIQUE INDEX orders_order_no_key ON public.orders (order_no)",
      "CREATE INDEX orders_customer_id_idx ON public.orders (customer_id)",
      "CREATE INDEX orders_ordered_at_idx ON public.orders (ordered_at)",
      "CREATE INDEX customers_email_idx ON public.customers (lower(email))",
      "CREATE INDEX events_customer_id_idx ON public.events (customer_id)",
      "CREATE INDEX audit_log_occurred_at_idx ON public.audit_log (occurred_at)",
      "CREATE INDEX support_tickets_customer_id_idx ON public.support_tickets (customer_id)",
      "CREATE INDEX \"Kunden Kontakte_Nachname_idx\" ON \"CRM Daten\".\"Kunden Kontakte\" "
      "(\"Nachname\")",
      "COMMENT ON COLUMN public.customers.c1 IS 'legacy import field, see OPS-112'",
      "COMMENT ON TABLE \"CRM Daten\".\"Kunden Kontakte\" IS 'Import aus dem Alt-CRM (2019)'",
      "CREATE MATERIALIZED VIEW public.customer_value AS SELECT c.customer_id, c.email, "
      "count(o.order_id) AS order_count, coalesce(sum(o.total), 0) AS revenue, "
      "max(o.ordered_at) AS last_order_at FROM public.customers c LEFT JOIN public.orders o "
      "ON o.customer_id = c.customer_id GROUP BY c.customer_id, c.email",
      "ANALYZE",
  };
  for (std::string_view statement : kStatements) PGVEIL_RETURN_IF_ERROR(sink.Sql(statement));
  return Status::Ok();
}

}  // namespace

Status GenerateShop(const GeneratorOptions& options, Sink& sink) {
  PGVEIL_RETURN_IF_ERROR(CheckScale(options.scale));
  ShopContext ctx;
  ctx.seed = options.seed;
  ctx.customers = RowCount(ShopTable("public", "customers"), options.scale);
  ctx.products = RowCount(ShopTable("public", "products"), options.scale);
  ctx.orders = RowCount(ShopTable("public", "orders"), options.scale);
  ctx.accounts = RowCount(ShopTable("billing", "accounts"), options.scale);
  ctx.contacts = RowCount(ShopTable("CRM Daten", "Kunden Kontakte"), options.scale);
  ctx.employees = RowCount(ShopTable("public", "employees"), options.scale);

  PGVEIL_RETURN_IF_ERROR(sink.Sql("SET client_encoding = 'UTF8'"));
  PGVEIL_RETURN_IF_ERROR(sink.Sql("CREATE SCHEMA billing"));
  PGVEIL_RETURN_IF_ERROR(sink.Sql("CREATE SCHEMA \"CRM Daten\""));
  for (const TableSpec& table : ShopTables()) {
    if (table.kind == TableKind::kMaterializedView) continue;
    const std::string name = table.schema + "." + table.name;
    const std::string_view partition_by =
        table.kind == TableKind::kPartitioned ? "RANGE (occurred_at)" : "";
    PGVEIL_RETURN_IF_ERROR(
        sink.Sql(CreateTableSql(table, partition_by)).WithContext("creating " + name));
    if (table.kind == TableKind::kPartitioned) {
      PGVEIL_RETURN_IF_ERROR(CreatePartitions(table, sink).WithContext("partitioning " + name));
    }
  }
  for (const TableSpec& table : ShopTables()) {
    if (table.kind == TableKind::kMaterializedView) continue;
    PGVEIL_RETURN_IF_ERROR(CopyTable(table, kWriters, ctx, options.scale, sink)
                               .WithContext("loading " + table.schema + "." + table.name));
  }
  return PostData(options.scale, sink).WithContext("post-data");
}

}  // namespace pgveil::datagen
