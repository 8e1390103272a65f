#include "pg/catalog_reader.h"

#include <map>

#include "pg/connection_impl.h"

namespace pgveil::pg {
namespace {

constexpr const char* kUserRelations = R"SQL(
  c.relkind IN ('r', 'p', 'm', 'v', 'f')
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
)SQL";

std::string RelationsSql() {
  return std::string(R"SQL(
SELECT c.oid, n.nspname, c.relname, c.relkind, c.relispartition, c.reltuples::float8,
       pg_relation_size(c.oid) / current_setting('block_size')::int8,
       pn.nspname || '.' || pc.relname,
       obj_description(c.oid, 'pg_class'),
       has_table_privilege(c.oid, 'SELECT')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_inherits i ON c.relispartition AND i.inhrelid = c.oid
LEFT JOIN pg_class pc ON pc.oid = i.inhparent
LEFT JOIN pg_namespace pn ON pn.oid = pc.relnamespace
WHERE)SQL") +
         kUserRelations + "ORDER BY n.nspname, c.relname";
}

std::string ColumnsSql() {
  return std::string(R"SQL(
SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),
       CASE WHEN t.typtype = 'd' THEN bt.typname ELSE t.typname END,
       CASE WHEN t.typtype = 'd' THEN bt.typcategory ELSE t.typcategory END,
       CASE WHEN a.atttypmod > 4 AND t.typname IN ('varchar', 'bpchar') THEN a.atttypmod - 4 END,
       a.attnotnull, pg_get_expr(d.adbin, d.adrelid), a.attgenerated <> '', a.attidentity <> '',
       col_description(a.attrelid, a.attnum),
       has_column_privilege(a.attrelid, a.attnum, 'SELECT')
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attnum > 0 AND NOT a.attisdropped AND)SQL") +
         kUserRelations + "ORDER BY a.attrelid, a.attnum";
}

constexpr const char* kUniqueKeysSql = R"SQL(
SELECT i.indrelid, i.indisprimary, i.indnkeyatts,
       '{' || array_to_string(i.indkey::int2[], ',') || '}'  -- int2vector casts to "[0:n]={...}"
FROM pg_index i
WHERE i.indisunique AND i.indexprs IS NULL AND i.indpred IS NULL
)SQL";

constexpr const char* kForeignKeysSql = R"SQL(
SELECT con.conrelid, con.conkey[1], con.confrelid, con.confkey[1]
FROM pg_constraint con
WHERE con.contype = 'f' AND cardinality(con.conkey) = 1
)SQL";

RelationKind KindOf(char relkind, bool is_partition) {
  switch (relkind) {
    case 'p':
      return RelationKind::kPartitionedTable;
    case 'm':
      return RelationKind::kMaterializedView;
    case 'v':
      return RelationKind::kView;
    case 'f':
      return RelationKind::kForeignTable;
    default:
      return is_partition ? RelationKind::kPartition : RelationKind::kTable;
  }
}

std::optional<std::string> OptionalText(const pqxx::field& field) {
  if (field.is_null()) return std::nullopt;
  return std::string(field.c_str());
}

// "{1,3}" -> {1, 3}
std::vector<int> ParseInt2Array(const std::string& text) {
  std::vector<int> values;
  int current = 0;
  bool in_number = false;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      current = current * 10 + (c - '0');
      in_number = true;
    } else if (in_number) {
      values.push_back(current);
      current = 0;
      in_number = false;
    }
  }
  return values;
}

// The four queries, inside `tx`.
Catalog ReadCatalogIn(pqxx::transaction_base& tx, Connection& connection) {
  Catalog catalog;
  catalog.database = connection.database();
  std::map<uint32_t, size_t> by_oid;
  for (const auto& row : tx.exec(RelationsSql())) {
    TableInfo table;
    table.oid = row[0].as<uint32_t>();
    table.schema = row[1].c_str();
    table.name = row[2].c_str();
    table.kind = KindOf(row[3].c_str()[0], row[4].as<bool>());
    table.reltuples = row[5].as<double>();
    table.relpages = row[6].as<int64_t>();
    table.parent = OptionalText(row[7]);
    table.comment = OptionalText(row[8]);
    table.can_select = row[9].as<bool>();
    by_oid[table.oid] = catalog.tables.size();
    catalog.tables.push_back(std::move(table));
  }
  // A partitioned table has no rows of its own: its size is its partitions'.
  std::map<std::string, TableInfo*> by_name;
  for (TableInfo& table : catalog.tables) by_name[table.QualifiedName()] = &table;
  for (const TableInfo& part : catalog.tables) {
    auto parent = part.parent ? by_name.find(*part.parent) : by_name.end();
    if (parent == by_name.end()) continue;
    parent->second->reltuples =
        std::max(parent->second->reltuples, 0.0) + std::max(part.reltuples, 0.0);
    parent->second->relpages += part.relpages;
  }
  std::map<std::pair<uint32_t, int>, ColumnInfo*> columns;
  for (const auto& row : tx.exec(ColumnsSql())) {
    auto it = by_oid.find(row[0].as<uint32_t>());
    if (it == by_oid.end()) continue;
    TableInfo& table = catalog.tables[it->second];
    ColumnInfo column;
    column.attnum = row[1].as<int>();
    column.name = row[2].c_str();
    column.data_type = row[3].c_str();
    column.type_name = row[4].c_str();
    column.type_category = row[5].c_str()[0];
    if (!row[6].is_null()) column.max_length = row[6].as<int>();
    column.not_null = row[7].as<bool>();
    column.default_expr = OptionalText(row[8]);
    column.generated = row[9].as<bool>();
    column.identity = row[10].as<bool>();
    column.comment = OptionalText(row[11]);
    if (!row[12].as<bool>())
      table.can_select = false;  // column privileges short of the whole table
    table.columns.push_back(std::move(column));
  }
  for (TableInfo& table : catalog.tables) {
    for (ColumnInfo& column : table.columns) columns[{table.oid, column.attnum}] = &column;
  }
  for (const auto& row : tx.exec(kUniqueKeysSql)) {
    uint32_t relid = row[0].as<uint32_t>();
    bool primary = row[1].as<bool>();
    std::vector<int> keys = ParseInt2Array(row[3].c_str());
    keys.resize(std::min<size_t>(keys.size(), row[2].as<size_t>()));
    for (int attnum : keys) {
      auto it = columns.find({relid, attnum});
      if (it == columns.end()) continue;
      if (primary) it->second->primary_key = true;
      if (keys.size() == 1) it->second->unique = true;
    }
  }
  for (const auto& row : tx.exec(kForeignKeysSql)) {
    auto from = columns.find({row[0].as<uint32_t>(), row[1].as<int>()});
    auto to_table = by_oid.find(row[2].as<uint32_t>());
    auto to = columns.find({row[2].as<uint32_t>(), row[3].as<int>()});
    if (from == columns.end() || to_table == by_oid.end() || to == columns.end()) continue;
    const TableInfo& target = catalog.tables[to_table->second];
    from->second->references = ColumnRef{target.schema, target.name, to->second->name};
  }
  return catalog;
}

}  // namespace

Result<Catalog> ReadCatalog(Connection& connection) {
  try {
    pqxx::read_transaction tx(connection.impl().connection);
    return ReadCatalogIn(tx, connection);
  } catch (const std::exception& e) {
    return FromException(e, "reading the catalog");
  }
}

Result<Catalog> ReadCatalog(Connection& connection, const std::string& snapshot) {
  try {
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(connection.impl().connection);
    tx.exec("SET TRANSACTION SNAPSHOT " + tx.quote(snapshot));
    return ReadCatalogIn(tx, connection);
  } catch (const std::exception& e) {
    return FromException(e, "reading the catalog in snapshot " + snapshot);
  }
}

}  // namespace pgveil::pg
