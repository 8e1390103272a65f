// datagen/clinic_schema.h
//
// The clinic's schema as data (see table_spec.h): a hospital group with a
// German hospital information system, HR in German, French and Japanese,
// patient registries in Spanish, Brazilian Portuguese, Turkish and Russian,
// a camelCase patient portal, an interface log of FHIR messages, a legacy
// Polish import with obfuscated column names, and reference tables full of
// hospital decoys. Each Col()'s category list is its truth; the reasoning
// is in datagen/DESIGN.md ("The clinic").
//
// Thread-safety: constant data after first use.
#pragma once

#include <string_view>
#include <vector>

#include "datagen/table_spec.h"

namespace pgveil::datagen {

// Every table, in creation order (parents before children of foreign keys).
const std::vector<TableSpec>& ClinicTables();

const TableSpec& ClinicTable(std::string_view schema, std::string_view name);

// personal.dienstplan is LIST-partitioned by shift: one partition per
// value, plus a DEFAULT partition that holds the rare on-call shift 'R'.
inline constexpr std::string_view kDutyShifts = "FSN";

namespace internal {
// The tables of clinic_schema.cc and clinic_schema_more.cc.
void AppendClinicHospitalTables(std::vector<TableSpec>* tables);
void AppendClinicSiteTables(std::vector<TableSpec>* tables);
}  // namespace internal

}  // namespace pgveil::datagen
