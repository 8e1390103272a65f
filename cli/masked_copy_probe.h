// cli/masked_copy_probe.h
//
// What `pgveil report --target` and `pgveil check --target` share: measure
// k-anonymity (and l-diversity of the policy's sensitive columns) on the
// masked copy for every table the scan found quasi-identifiers in and the
// policy copies (pg/anonymity_probe.h). The quasi-identifiers were found on
// the source; the masked copy has the same tables and columns, holding the
// masked values the verdict is about.
#pragma once

#include <string>
#include <vector>

#include "core/anonymity.h"
#include "core/scan_result.h"
#include "core/schema.h"
#include "core/status.h"
#include "policy/policy.h"

namespace pgveil::cli {

// One measurement per table with quasi-identifiers, in catalog order, the
// columns in table order. Fails only when the target cannot be reached; a
// table it lacks is reported as not measured.
Result<std::vector<TableAnonymity>> MeasureMaskedCopy(const std::string& target_dsn,
                                                      const Catalog& source_catalog,
                                                      const ScanResult& scan,
                                                      const policy::Policy& policy);

}  // namespace pgveil::cli
