#include "policy/migration_anchors.h"

#include <catch2/catch.hpp>

#include "policy/sql_tokenizer.h"

namespace pgveil::policy {
namespace {

std::string Where(const MigrationAnchors& anchors, const ColumnRef& column) {
  std::optional<SourceLocation> at = anchors.ForColumn(column);
  if (!at) {
    return "none";
  }
  return at->file + ":" + std::to_string(at->line) + ":" + std::to_string(at->column);
}

}  // namespace

TEST_CASE("the tokenizer skips comments and strings and keeps positions", "[policy]") {
  auto statements = SplitSqlStatements(
      "-- CREATE TABLE fake (a int);\n"
      "/* outer /* nested; */ still comment; */ SELECT 'it''s; here', $$ a; b $$,\n"
      "  $fn$ x $$ y; $fn$, E'\\'; ', \"Odd \"\"Name\"\"\" ; SELECT ü.x");
  REQUIRE(statements.size() == 2);
  const auto& first = statements[0];
  REQUIRE(first.size() == 10);
  CHECK(first[0].text == "SELECT");
  CHECK(first[0].line == 2);
  CHECK(first[0].column == 42);
  CHECK(first[1].kind == SqlToken::Kind::kString);
  CHECK(first[1].text == "it's; here");
  CHECK(first[3].text == " a; b ");
  CHECK(first[5].text == " x $$ y; ");
  CHECK(first[7].kind == SqlToken::Kind::kString);
  CHECK(first[9].kind == SqlToken::Kind::kIdentifier);
  CHECK(first[9].text == "Odd \"Name\"");
  CHECK(first[9].line == 3);
  CHECK(first[9].column == 31);
  // Columns count code points: "ü" is one.
  REQUIRE(statements[1].size() == 4);
  CHECK(statements[1][3].text == "x");
  CHECK(statements[1][3].column == 57);
}

TEST_CASE("CREATE TABLE and ALTER TABLE ADD COLUMN anchor their columns", "[policy]") {
  MigrationAnchors anchors = FindMigrationAnchors(
      {{"m/001.sql",
        "CREATE TABLE IF NOT EXISTS Customers (\n"
        "  id serial PRIMARY KEY,\n"
        "  \"E-Mail\" text CHECK (length(\"E-Mail\") > 3), CONSTRAINT c UNIQUE (id),\n"
        "  created timestamptz DEFAULT now()\n"
        ");\n"
        "CREATE UNLOGGED TABLE crm.\"Leads\" (phone text, LIKE customers);\n"},
       {"m/002.sql",
        "ALTER TABLE ONLY public.customers ADD COLUMN backup_email text,\n"
        "  ADD IF NOT EXISTS fax text, ADD CONSTRAINT x CHECK (true);\n"
        "alter table if exists crm.\"Leads\" add column \"Phone 2\" text;\n"
        "ALTER TABLE customers ADD PRIMARY KEY (id);\n"}});
  CHECK(Where(anchors, {"public", "customers", "id"}) == "m/001.sql:2:3");
  CHECK(Where(anchors, {"public", "customers", "E-Mail"}) == "m/001.sql:3:3");
  CHECK(Where(anchors, {"public", "customers", "created"}) == "m/001.sql:4:3");
  CHECK(Where(anchors, {"crm", "Leads", "phone"}) == "m/001.sql:6:36");
  CHECK(Where(anchors, {"public", "customers", "backup_email"}) == "m/002.sql:1:46");
  CHECK(Where(anchors, {"public", "customers", "fax"}) == "m/002.sql:2:21");
  CHECK(Where(anchors, {"crm", "Leads", "Phone 2"}) == "m/002.sql:3:46");
  CHECK(Where(anchors, {"public", "customers", "c"}) == "none");
  CHECK(Where(anchors, {"public", "customers", "primary"}) == "none");
  CHECK(Where(anchors, {"public", "customers", "x"}) == "none");
  CHECK(Where(anchors, {"public", "customers", "like"}) == "none");
}

TEST_CASE("the last statement that created a column wins; renames move anchors", "[policy]") {
  MigrationAnchors anchors = FindMigrationAnchors(
      {{"001.sql", "CREATE TABLE t (a int, b int);"},
       {"002.sql", "ALTER TABLE t DROP COLUMN a;\nALTER TABLE t ADD COLUMN a text;"},
       {"003.sql", "ALTER TABLE t RENAME COLUMN b TO c;\nALTER TABLE t RENAME TO u;"}});
  CHECK(Where(anchors, {"public", "u", "a"}) == "002.sql:2:26");
  CHECK(Where(anchors, {"public", "u", "c"}) == "003.sql:1:34");
  CHECK(Where(anchors, {"public", "t", "a"}) == "none");
  CHECK(Where(anchors, {"public", "u", "b"}) == "none");
}

TEST_CASE("a JSONB path is anchored at the literal that wrote its key", "[policy]") {
  MigrationAnchors anchors = FindMigrationAnchors(
      {{"001.sql", "CREATE TABLE customers (profile jsonb);\n"},
       {"002.sql",
        "UPDATE customers\n"
        "   SET profile = jsonb_set(profile, '{contact,alt_phone}', '\"555\"');\n"
        "INSERT INTO other VALUES ('{\"phone\": 1}');\n"}});
  ColumnRef profile{"public", "customers", "profile"};
  std::optional<SourceLocation> path = anchors.ForPath(profile, "$.contact.alt_phone");
  REQUIRE(path);
  CHECK(path->file == "002.sql");
  CHECK(path->line == 2);
  // "phone" is not a whole word of "alt_phone", and other tables do not count.
  std::optional<SourceLocation> phone = anchors.ForPath(profile, "$.contact.phone");
  REQUIRE(phone);
  CHECK(phone->file == "001.sql");
}

}  // namespace pgveil::policy
