// pg/security_labels.h
//
// Reads the security labels one provider put on columns (pg_seclabel), as
// PostgreSQL Anonymizer declares its masking rules:
//
//   SECURITY LABEL FOR anon ON COLUMN customers.email
//     IS 'MASKED WITH FUNCTION anon.fake_email()';
//
// One set-based query, whatever the number of columns. Reading pg_seclabel
// needs no privilege and no loaded provider; a database without labels
// returns an empty list.
//
// Thread-safety: uses the caller's Connection; one call at a time per
// connection.
#pragma once

#include <string>
#include <vector>

#include "core/schema.h"
#include "core/status.h"
#include "pg/connection.h"

namespace pgveil::pg {

struct ColumnLabel {
  ColumnRef column;
  std::string label;
};

// The labels `provider` put on columns of user tables, sorted by schema,
// table and attnum.
Result<std::vector<ColumnLabel>> ReadColumnLabels(Connection& connection,
                                                  const std::string& provider);

}  // namespace pgveil::pg
