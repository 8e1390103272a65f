// datagen/saas_schema.h
//
// The SaaS product's tables (see GenerateSaas in generator.h): the one
// description its DDL, COPY column lists and truth are derived from.
//
// Thread-safety: the table list is built once, on first use, and is
// immutable after that.
#pragma once

#include <string_view>
#include <vector>

#include "datagen/table_spec.h"

namespace pgveil::datagen {

const std::vector<TableSpec>& SaasTables();

// Aborts when the table does not exist (a bug in the generator).
const TableSpec& SaasTable(std::string_view schema, std::string_view name);

}  // namespace pgveil::datagen
