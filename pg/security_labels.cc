#include "pg/security_labels.h"

#include "core/identifier.h"
#include "pg/connection_impl.h"

namespace pgveil::pg {

Result<std::vector<ColumnLabel>> ReadColumnLabels(Connection& connection,
                                                  const std::string& provider) {
  const std::string sql = R"SQL(
SELECT n.nspname, c.relname, a.attname, s.label
FROM pg_seclabel s
JOIN pg_class c ON c.oid = s.objoid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = s.objsubid
WHERE s.classoid = 'pg_catalog.pg_class'::regclass AND s.objsubid > 0 AND NOT a.attisdropped
  AND s.provider = )SQL" + QuoteLiteral(provider) +
                          "\nORDER BY n.nspname, c.relname, a.attnum";
  try {
    pqxx::read_transaction tx(connection.impl().connection);
    std::vector<ColumnLabel> labels;
    for (const auto& row : tx.exec(sql)) {
      labels.push_back({{row[0].c_str(), row[1].c_str(), row[2].c_str()}, row[3].c_str()});
    }
    return labels;
  } catch (const std::exception& e) {
    return FromException(e, "reading " + provider + " security labels");
  }
}

}  // namespace pgveil::pg
