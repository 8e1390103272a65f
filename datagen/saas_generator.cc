// datagen/saas_generator.cc
//
// GenerateSaas and SaasTruth: schema, tables, data, then post-data, in the
// order pg_dump would restore them.

#include <fmt/format.h>

#include "datagen/generator.h"
#include "datagen/saas_rows.h"
#include "datagen/saas_schema.h"
#include "datagen/table_writer.h"

namespace pgveil::datagen {
namespace {

constexpr TableWriter<SaasContext> kWriters[] = {
    {"app", "workspaces", WriteWorkspaces},
    {"app", "users", WriteUsers},
    {"app", "billing_contacts", WriteBillingContacts},
    {"app", "api_tokens", WriteApiTokens},
    {"app", "languages", WriteLanguages},
    {"app", "projects", WriteProjects},
    {"app", "issues", WriteIssues},
    {"app", "releases", WriteReleases},
    {"app", "devices", WriteDevices},
    {"app", "feature_flags", WriteFeatureFlags},
    {"app", "events", WriteEvents},
};

Status PostData(double scale, Sink& sink) {
  for (const std::string& statement : MigrationSql(SaasTables(), scale)) {
    PGVEIL_RETURN_IF_ERROR(sink.Sql(statement));
  }
  constexpr std::string_view kStatements[] = {
      "ALTER TABLE app.users ADD CONSTRAINT users_workspace_fk FOREIGN KEY (workspace_id) "
      "REFERENCES app.workspaces",
      "ALTER TABLE app.projects ADD CONSTRAINT projects_workspace_fk FOREIGN KEY (workspace_id) "
      "REFERENCES app.workspaces",
      "ALTER TABLE app.issues ADD CONSTRAINT issues_project_fk FOREIGN KEY (project_id) "
      "REFERENCES app.projects",
      "CREATE UNIQUE INDEX users_email_idx ON app.users (lower(email))",
      "CREATE INDEX events_payload_idx ON app.events USING gin (payload jsonb_path_ops)",
      "ANALYZE",
  };
  for (std::string_view statement : kStatements) {
    PGVEIL_RETURN_IF_ERROR(sink.Sql(statement));
  }
  return Status::Ok();
}

}  // namespace

Status GenerateSaas(const GeneratorOptions& options, Sink& sink) {
  PGVEIL_RETURN_IF_ERROR(CheckScale(options.scale));
  SaasContext ctx;
  ctx.seed = options.seed;
  ctx.workspaces = RowCount(SaasTable("app", "workspaces"), options.scale);
  ctx.users = RowCount(SaasTable("app", "users"), options.scale);
  ctx.projects = RowCount(SaasTable("app", "projects"), options.scale);

  PGVEIL_RETURN_IF_ERROR(sink.Sql("SET client_encoding = 'UTF8'"));
  PGVEIL_RETURN_IF_ERROR(sink.Sql("CREATE SCHEMA app"));
  for (const TableSpec& table : SaasTables()) {
    PGVEIL_RETURN_IF_ERROR(
        sink.Sql(CreateTableSql(table)).WithContext("creating " + table.schema + "." + table.name));
  }
  for (const TableSpec& table : SaasTables()) {
    PGVEIL_RETURN_IF_ERROR(CopyTable(table, kWriters, ctx, options.scale, sink)
                               .WithContext("loading " + table.schema + "." + table.name));
  }
  return PostData(options.scale, sink).WithContext("post-data");
}

std::vector<TruthEntry> SaasTruth(const GeneratorOptions& options) {
  (void)options;  // the schema and its truth do not depend on seed or scale
  return TruthOf(SaasTables());
}

}  // namespace pgveil::datagen
