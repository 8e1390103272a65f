// datagen/saas_schema.cc
//
// A multi-tenant issue tracker, as its ORM would lay it out. Most text
// columns are called name, title, label or key and hold things, not
// people: workspaces, projects, issues, release codenames, languages,
// feature flags. Versions and build numbers are everywhere, four-part ones
// (10.2.0.15) among them; enumerations (plan, role, status, channel) fill
// many columns; event payloads nest objects in arrays three and four levels
// deep. Personal data is sparse: a user table, billing contacts, a few
// actor fields in events, and a column a later migration added.

#include "datagen/saas_schema.h"
#include "core/status.h"

namespace pgveil::datagen {
namespace {

using C = Category;
using internal::Added;
using internal::Col;
using internal::Json;
using internal::Table;

void AppendAccountTables(std::vector<TableSpec>* tables) {
  std::vector<TableSpec>& t = *tables;
  t.push_back(Table("app", "workspaces", TableKind::kTable, 300, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("name", "text NOT NULL"),
                        Col("slug", "text NOT NULL"),
                        Col("plan", "text NOT NULL"),
                        Col("region", "text NOT NULL"),
                        Col("seats", "integer NOT NULL"),
                        Json("settings",
                             {
                                 {"$.theme", {}},
                                 {"$.limits.storage_gb", {}},
                                 {"$.limits.api_rate", {}},
                                 {"$.features[*].key", {}},
                                 {"$.features[*].enabled", {}},
                                 {"$.features[*].rollout", {}},
                             }),
                        Col("created_at", "timestamptz NOT NULL"),
                        Added("billing_phone", "text", {C::kPhone}),
                    }));
  t.push_back(Table("app", "users", TableKind::kTable, 1500, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("workspace_id", "bigint NOT NULL"),
                        Col("display_name", "text NOT NULL", {C::kPersonName}),
                        Col("email", "text NOT NULL", {C::kEmail}),
                        Col("username", "text NOT NULL", {C::kUsername}),
                        Col("role", "text NOT NULL"),
                        Col("locale", "text NOT NULL"),
                        Col("time_zone", "text NOT NULL"),
                        Col("password_digest", "text", {C::kSecret}),
                        Col("last_sign_in_ip", "text", {C::kIpAddress}),
                        Col("mfa_phone", "text", {C::kPhone}),
                        Col("created_at", "timestamptz NOT NULL"),
                        Added("recovery_email", "text", {C::kEmail}),
                    }));
  t.push_back(Table("app", "billing_contacts", TableKind::kTable, 120, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("workspace_id", "bigint NOT NULL"),
                        Col("contact_name", "text", {C::kPersonName}),
                        Col("invoice_email", "text NOT NULL", {C::kEmail}),
                        Col("phone", "text", {C::kPhone}),
                        Col("postcode", "text", {C::kPostalCode}),
                        Col("country", "char(2) NOT NULL"),
                        Col("currency", "char(3) NOT NULL"),
                        Col("tax_exempt", "boolean NOT NULL"),
                    }));
  t.push_back(Table("app", "api_tokens", TableKind::kTable, 400, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("user_id", "bigint NOT NULL"),
                        Col("label", "text NOT NULL"),
                        Col("token", "text NOT NULL", {C::kSecret}),
                        Col("scopes", "text[] NOT NULL"),
                        Col("last_used_at", "timestamptz"),
                    }));
  t.push_back(Table("app", "languages", TableKind::kTable, 30, "",
                    {
                        Col("code", "text PRIMARY KEY"),
                        Col("name", "text NOT NULL"),
                        Col("native_name", "text NOT NULL"),
                        Col("rtl", "boolean NOT NULL"),
                    }));
}

void AppendProductTables(std::vector<TableSpec>* tables) {
  std::vector<TableSpec>& t = *tables;
  t.push_back(Table("app", "projects", TableKind::kTable, 900, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("workspace_id", "bigint NOT NULL"),
                        Col("key", "text NOT NULL"),
                        Col("name", "text NOT NULL"),
                        Col("status", "text NOT NULL"),
                        Col("visibility", "text NOT NULL"),
                        Col("description", "text"),
                    }));
  t.push_back(Table("app", "issues", TableKind::kTable, 6000, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("project_id", "bigint NOT NULL"),
                        Col("title", "text NOT NULL"),
                        Col("label", "text"),
                        Col("priority", "text NOT NULL"),
                        Col("state", "text NOT NULL"),
                        Col("assignee_id", "bigint"),
                        Col("estimate", "integer"),
                        Col("found_in_version", "text"),
                    }));
  t.push_back(Table("app", "releases", TableKind::kTable, 500, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("project_id", "bigint NOT NULL"),
                        Col("name", "text NOT NULL"),
                        Col("version", "text NOT NULL"),
                        Col("build", "text NOT NULL"),
                        Col("commit_sha", "text NOT NULL"),
                        Col("channel", "text NOT NULL"),
                        Col("released_at", "timestamptz"),
                    }));
  t.push_back(Table("app", "devices", TableKind::kTable, 1200, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("user_id", "bigint NOT NULL"),
                        Col("platform", "text NOT NULL"),
                        Col("app_version", "text NOT NULL"),
                        Col("os_version", "text NOT NULL"),
                        Col("model", "text NOT NULL"),
                        Col("last_seen_at", "timestamptz NOT NULL"),
                    }));
  t.push_back(Table("app", "feature_flags", TableKind::kTable, 40, "",
                    {
                        Col("key", "text PRIMARY KEY"),
                        Col("title", "text NOT NULL"),
                        Col("owner_team", "text NOT NULL"),
                        Col("rollout_percent", "integer NOT NULL"),
                        Col("min_version", "text"),
                    }));
  t.push_back(Table("app", "events", TableKind::kTable, 8000, "",
                    {
                        Col("id", "bigint PRIMARY KEY"),
                        Col("workspace_id", "bigint NOT NULL"),
                        Col("kind", "text NOT NULL"),
                        Col("occurred_at", "timestamptz NOT NULL"),
                        Json("payload",
                             {
                                 {"$.actor.id", {}},
                                 {"$.actor.type", {}},
                                 {"$.actor.name", {C::kPersonName}},
                                 {"$.actor.email", {C::kEmail}},
                                 {"$.context.app.name", {}},
                                 {"$.context.app.version", {}},
                                 {"$.context.app.build", {}},
                                 {"$.context.client.ip", {C::kIpAddress}},
                                 {"$.context.client.os", {}},
                                 {"$.context.flags[*].key", {}},
                                 {"$.context.flags[*].variant", {}},
                                 {"$.target.type", {}},
                                 {"$.target.id", {}},
                                 {"$.target.title", {}},
                                 {"$.changes[*].field", {}},
                                 {"$.changes[*].from", {}},
                                 {"$.changes[*].to", {}},
                                 {"$.labels[*].name", {}},
                                 {"$.labels[*].color", {}},
                             }),
                    }));
}

}  // namespace

const std::vector<TableSpec>& SaasTables() {
  static const std::vector<TableSpec> tables = [] {
    std::vector<TableSpec> t;
    AppendAccountTables(&t);
    AppendProductTables(&t);
    return t;
  }();
  return tables;
}

const TableSpec& SaasTable(std::string_view schema, std::string_view name) {
  return FindTable(SaasTables(), schema, name);
}

}  // namespace pgveil::datagen
