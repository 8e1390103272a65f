// datagen/shop_schema.h
//
// The shop's schema as data (see table_spec.h): every table and the
// materialized view, their columns, and the PII categories each column and
// JSONB leaf path truly holds. The reasoning behind each truth entry is in
// datagen/DESIGN.md.
//
// Thread-safety: constant data after first use.
#pragma once

#include <string_view>
#include <vector>

#include "datagen/table_spec.h"

namespace pgveil::datagen {

// Every table, in creation order (parents before children of foreign keys).
const std::vector<TableSpec>& ShopTables();

const TableSpec& ShopTable(std::string_view schema, std::string_view name);

namespace internal {
// Appends the remaining tables (shop_schema_more.cc).
void AppendMoreShopTables(std::vector<TableSpec>* tables);
}  // namespace internal

// The monthly partitions of public.events: [first_month, first_month + 12).
inline constexpr int kEventsYear = 2024;
inline constexpr int kEventPartitions = 12;

}  // namespace pgveil::datagen
