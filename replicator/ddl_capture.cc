#include "replicator/ddl_capture.h"

#include <nlohmann/json.hpp>

#include "core/identifier.h"

namespace pgveil::replicator {
namespace {

// One JSON array describing the tables whose oids `oids` (an SQL oid[]
// expression) lists: plain and partitioned tables, not partitions (their
// rows are published as their root's), not temporary or unlogged ones
// (they are not in the WAL).
std::string DescriptionSql(const std::string& oids) {
  return R"SQL(
SELECT coalesce(jsonb_agg(jsonb_build_object(
  'oid', c.oid::bigint, 'schema', n.nspname, 'name', c.relname,
  'columns', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                'attnum', a.attnum, 'name', a.attname,
                'type', format_type(a.atttypid, a.atttypmod),
                'not_null', a.attnotnull, 'generated', a.attgenerated <> '') ORDER BY a.attnum), '[]')
              FROM pg_catalog.pg_attribute a
              WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped),
  'primary_key', (SELECT coalesce(jsonb_agg(a.attname ORDER BY k.ord), '[]')
                  FROM pg_catalog.pg_index i
                  CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_catalog.pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                  WHERE i.indrelid = c.oid AND i.indisprimary),
  'indexes', (SELECT coalesce(jsonb_agg(pg_catalog.pg_get_indexdef(i.indexrelid)
                                        ORDER BY i.indexrelid), '[]')
              FROM pg_catalog.pg_index i
              WHERE i.indrelid = c.oid AND NOT EXISTS (
                SELECT 1 FROM pg_catalog.pg_constraint x WHERE x.conindid = i.indexrelid)),
  'constraints', (SELECT coalesce(jsonb_agg(jsonb_build_object(
                    'name', x.conname, 'definition', pg_catalog.pg_get_constraintdef(x.oid),
                    'references', coalesce((SELECT format('%s.%s', rn.nspname, rc.relname)
                                            FROM pg_catalog.pg_class rc
                                            JOIN pg_catalog.pg_namespace rn ON rn.oid = rc.relnamespace
                                            WHERE rc.oid = x.confrelid), ''))
                    ORDER BY x.conname), '[]')
                  FROM pg_catalog.pg_constraint x
                  WHERE x.conrelid = c.oid AND x.contype IN ('u', 'f', 'c', 'x'))
) ORDER BY c.oid), '[]')
FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
WHERE c.oid = ANY()SQL" +
         oids + R"SQL() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND c.relpersistence = 'p' AND n.nspname <> 'pgveil')SQL";
}

std::string FunctionName(std::string_view slot, std::string_view what) {
  return "pgveil." + QuoteIdent(std::string(slot) + "_" + std::string(what));
}

std::string TriggerName(std::string_view slot, std::string_view what) {
  return QuoteIdent(std::string(slot) + "_" + std::string(what));
}

// Errors inside the triggers become warnings: a failing capture must never
// block a migration on production. The replicator still sees every new
// column in the stream's Relation messages and stops on it.
//
// The message is emitted after the EXCEPTION block, not inside it: the
// block is a subtransaction, and logical decoding merges a subtransaction's
// changes with its parent's by LSN, so a message emitted there could reach
// the stream after the first row change that follows the DDL (seen on
// PostgreSQL 15) — the rows of a new table before its description.
std::string InstallSql(std::string_view slot, std::string_view publication) {
  const std::string prefix = QuoteLiteral(DdlMessagePrefix(slot));
  const std::string pub = QuoteLiteral(publication);
  return "CREATE SCHEMA IF NOT EXISTS pgveil;\n"
         "CREATE OR REPLACE FUNCTION " +
         FunctionName(slot, "ddl") +
         R"SQL(() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $pgveil$
DECLARE
  touched oid[];
  joining record;
  body jsonb;
BEGIN
  BEGIN
  SELECT array_agg(DISTINCT coalesce(i.indrelid, cmd.objid)) INTO touched
  FROM pg_event_trigger_ddl_commands() cmd
  LEFT JOIN pg_index i ON i.indexrelid = cmd.objid
  WHERE cmd.classid = 'pg_class'::regclass AND NOT cmd.in_extension
    AND cmd.schema_name IS DISTINCT FROM 'pgveil';
  IF touched IS NULL THEN RETURN; END IF;
  -- A table joins the publication once it has a replica identity: in a
  -- publication without one, PostgreSQL would refuse its UPDATE and DELETE.
  FOR joining IN
    SELECT DISTINCT c.oid FROM pg_class c
    WHERE c.oid = ANY(touched)
      AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relpersistence = 'p'
      AND (c.relreplident = 'f' OR EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.oid
           AND CASE c.relreplident WHEN 'd' THEN i.indisprimary WHEN 'i' THEN i.indisreplident
               ELSE false END))
      AND NOT EXISTS (SELECT 1 FROM pg_publication_rel pr JOIN pg_publication p ON p.oid = pr.prpubid
                      WHERE p.pubname = )SQL" +
         pub + R"SQL( AND pr.prrelid = c.oid)
      AND EXISTS (SELECT 1 FROM pg_publication p WHERE p.pubname = )SQL" +
         pub + R"SQL()
  LOOP
    EXECUTE format('ALTER PUBLICATION %I ADD TABLE %s', )SQL" +
         pub + R"SQL(, joining.oid::regclass);
  END LOOP;
  )SQL" + DescriptionSql("touched") +
         R"SQL( INTO body;
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pgveil: schema change capture failed (%); the replicator will stop on this change', SQLSTATE;
    RETURN;
  END;
  IF jsonb_array_length(body) > 0 THEN
    PERFORM pg_logical_emit_message(true, )SQL" +
         prefix + R"SQL(, jsonb_build_object('tables', body)::text);
  END IF;
END
$pgveil$;
CREATE OR REPLACE FUNCTION )SQL" +
         FunctionName(slot, "drop") +
         R"SQL(() RETURNS event_trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $pgveil$
DECLARE
  body jsonb;
BEGIN
  BEGIN
    SELECT jsonb_agg(jsonb_build_object('oid', objid::bigint, 'schema', schema_name, 'name', object_name))
    INTO body FROM pg_event_trigger_dropped_objects()
    WHERE object_type = 'table' AND original AND NOT is_temporary AND schema_name <> 'pgveil';
  EXCEPTION WHEN OTHERS THEN
    RAISE WARNING 'pgveil: schema change capture failed (%)', SQLSTATE;
    RETURN;
  END;
  IF body IS NOT NULL THEN
    PERFORM pg_logical_emit_message(true, )SQL" +
         prefix + R"SQL(, jsonb_build_object('dropped', body)::text);
  END IF;
END
$pgveil$;
)SQL" + "DROP EVENT TRIGGER IF EXISTS " +
         TriggerName(slot, "ddl") + ";\nCREATE EVENT TRIGGER " + TriggerName(slot, "ddl") +
         " ON ddl_command_end EXECUTE FUNCTION " + FunctionName(slot, "ddl") +
         "();\nDROP EVENT TRIGGER IF EXISTS " + TriggerName(slot, "drop") +
         ";\nCREATE EVENT TRIGGER " + TriggerName(slot, "drop") + " ON sql_drop EXECUTE FUNCTION " +
         FunctionName(slot, "drop") + "();\n";
}

Status Malformed(const std::string& what) {
  return Status::InvalidArgument("schema change message: " + what);
}

template <typename T>
Result<T> Field(const nlohmann::json& object, const char* key, const char* what) {
  auto found = object.find(key);
  if (found == object.end()) {
    return Malformed(std::string(what) + " has no \"" + key + "\"");
  }
  try {
    return found->get<T>();
  } catch (const nlohmann::json::exception&) {
    return Malformed(std::string("\"") + key + "\" of " + what + " has the wrong type");
  }
}

Result<SourceTable> ParseTable(const nlohmann::json& item, bool names_only) {
  if (!item.is_object()) return Malformed("a table is not an object");
  SourceTable table;
  PGVEIL_ASSIGN_OR_RETURN(table.oid, Field<uint32_t>(item, "oid", "a table"));
  PGVEIL_ASSIGN_OR_RETURN(table.schema, Field<std::string>(item, "schema", "a table"));
  PGVEIL_ASSIGN_OR_RETURN(table.name, Field<std::string>(item, "name", "a table"));
  if (names_only) return table;
  PGVEIL_ASSIGN_OR_RETURN(auto columns, Field<nlohmann::json>(item, "columns", "a table"));
  if (!columns.is_array()) return Malformed("columns is not a list");
  for (const auto& column : columns) {
    if (!column.is_object()) return Malformed("a column is not an object");
    SourceColumn parsed;
    PGVEIL_ASSIGN_OR_RETURN(parsed.attnum, Field<int>(column, "attnum", "a column"));
    PGVEIL_ASSIGN_OR_RETURN(parsed.name, Field<std::string>(column, "name", "a column"));
    PGVEIL_ASSIGN_OR_RETURN(parsed.type, Field<std::string>(column, "type", "a column"));
    PGVEIL_ASSIGN_OR_RETURN(parsed.not_null, Field<bool>(column, "not_null", "a column"));
    PGVEIL_ASSIGN_OR_RETURN(parsed.generated, Field<bool>(column, "generated", "a column"));
    table.columns.push_back(std::move(parsed));
  }
  PGVEIL_ASSIGN_OR_RETURN(table.primary_key,
                          Field<std::vector<std::string>>(item, "primary_key", "a table"));
  PGVEIL_ASSIGN_OR_RETURN(table.indexes,
                          Field<std::vector<std::string>>(item, "indexes", "a table"));
  PGVEIL_ASSIGN_OR_RETURN(auto constraints, Field<nlohmann::json>(item, "constraints", "a table"));
  if (!constraints.is_array()) return Malformed("constraints is not a list");
  for (const auto& constraint : constraints) {
    if (!constraint.is_object()) return Malformed("a constraint is not an object");
    SourceConstraint parsed;
    PGVEIL_ASSIGN_OR_RETURN(parsed.name, Field<std::string>(constraint, "name", "a constraint"));
    PGVEIL_ASSIGN_OR_RETURN(parsed.definition,
                            Field<std::string>(constraint, "definition", "a constraint"));
    PGVEIL_ASSIGN_OR_RETURN(parsed.references,
                            Field<std::string>(constraint, "references", "a constraint"));
    table.constraints.push_back(std::move(parsed));
  }
  return table;
}

Result<std::vector<SourceTable>> ParseTables(const nlohmann::json& list, bool names_only) {
  if (!list.is_array()) return Malformed("tables is not a list");
  std::vector<SourceTable> tables;
  for (const auto& item : list) {
    PGVEIL_ASSIGN_OR_RETURN(SourceTable table, ParseTable(item, names_only));
    tables.push_back(std::move(table));
  }
  return tables;
}

}  // namespace

std::string TablesToJson(const std::vector<SourceTable>& tables) {
  nlohmann::json list = nlohmann::json::array();
  for (const SourceTable& table : tables) {
    nlohmann::json columns = nlohmann::json::array();
    for (const SourceColumn& c : table.columns) {
      columns.push_back({{"attnum", c.attnum},
                         {"name", c.name},
                         {"type", c.type},
                         {"not_null", c.not_null},
                         {"generated", c.generated}});
    }
    nlohmann::json constraints = nlohmann::json::array();
    for (const SourceConstraint& c : table.constraints) {
      constraints.push_back(
          {{"name", c.name}, {"definition", c.definition}, {"references", c.references}});
    }
    list.push_back({{"oid", table.oid},
                    {"schema", table.schema},
                    {"name", table.name},
                    {"columns", columns},
                    {"primary_key", table.primary_key},
                    {"indexes", table.indexes},
                    {"constraints", constraints}});
  }
  return list.dump();
}

std::string DdlMessagePrefix(std::string_view slot) { return "pgveil.ddl." + std::string(slot); }

Status InstallDdlCapture(pg::Connection& source, std::string_view slot,
                         std::string_view publication) {
  PGVEIL_ASSIGN_OR_RETURN(
      auto rows, source.Query("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
  if (rows.empty() || !rows[0][0] || *rows[0][0] != "t") {
    return Status::PermissionDenied(
        "capturing schema changes needs event triggers, which only a superuser can create; "
        "without them a new table is not streamed (new columns are still stopped at)");
  }
  return source.Execute("BEGIN;" + InstallSql(slot, publication) + "COMMIT;")
      .WithContext("installing the schema change triggers on the source");
}

Status RefreshDdlCapture(pg::Connection& source, std::string_view slot,
                         std::string_view publication) {
  PGVEIL_ASSIGN_OR_RETURN(
      auto rows, source.Query("SELECT count(*) FROM pg_event_trigger WHERE evtname = " +
                              QuoteLiteral(std::string(slot) + "_ddl") +
                              " AND (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"));
  if (rows.empty() || !rows[0][0] || *rows[0][0] == "0") return Status::Ok();
  return source.Execute("BEGIN;" + InstallSql(slot, publication) + "COMMIT;")
      .WithContext("updating the schema change triggers on the source");
}

Status RemoveDdlCapture(pg::Connection& source, std::string_view slot) {
  std::string sql = "DROP EVENT TRIGGER IF EXISTS " + TriggerName(slot, "ddl") +
                    "; DROP EVENT TRIGGER IF EXISTS " + TriggerName(slot, "drop") +
                    "; DROP FUNCTION IF EXISTS " + FunctionName(slot, "ddl") +
                    "(); DROP FUNCTION IF EXISTS " + FunctionName(slot, "drop") +
                    "(); DO $pgveil$ BEGIN IF to_regnamespace('pgveil') IS NOT NULL AND NOT EXISTS "
                    "(SELECT 1 FROM pg_depend WHERE refobjid = to_regnamespace('pgveil')::oid) "
                    "THEN DROP SCHEMA pgveil; END IF; END $pgveil$;";
  return source.Execute(sql).WithContext("removing the schema change triggers from the source");
}

Result<SchemaChange> ParseSchemaChange(std::string_view content) {
  nlohmann::json document = nlohmann::json::parse(content, nullptr, /*allow_exceptions=*/false);
  if (!document.is_object()) return Malformed("not a JSON object");
  SchemaChange change;
  if (auto tables = document.find("tables"); tables != document.end()) {
    PGVEIL_ASSIGN_OR_RETURN(change.tables, ParseTables(*tables, /*names_only=*/false));
  }
  if (auto dropped = document.find("dropped"); dropped != document.end()) {
    PGVEIL_ASSIGN_OR_RETURN(change.dropped, ParseTables(*dropped, /*names_only=*/true));
  }
  return change;
}

Result<std::vector<SourceTable>> DescribeTables(pg::Connection& source,
                                                const std::vector<uint32_t>& oids,
                                                const std::string& snapshot) {
  std::string list;
  for (uint32_t oid : oids) list += (list.empty() ? "" : ",") + std::to_string(oid);
  if (!snapshot.empty()) {
    PGVEIL_RETURN_IF_ERROR(source
                               .Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY; SET "
                                        "TRANSACTION SNAPSHOT " +
                                        QuoteLiteral(snapshot))
                               .WithContext("describing the copied tables"));
  }
  auto rows = source.Query(DescriptionSql("'{" + list + "}'::oid[]"));
  if (!snapshot.empty()) (void)source.Execute("COMMIT");
  if (!rows.ok()) return rows.status().WithContext("describing the copied tables");
  if (rows->empty() || !(*rows)[0][0]) return std::vector<SourceTable>{};
  nlohmann::json document = nlohmann::json::parse(*(*rows)[0][0], nullptr, false);
  return ParseTables(document, /*names_only=*/false);
}

}  // namespace pgveil::replicator
