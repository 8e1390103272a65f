// datagen/generator.h
//
// pgveil's own test databases: deterministic, realistic and deliberately
// hard to scan, each with the right answer (which columns and JSONB paths
// hold which PII categories) to score a scan against. There are two, built
// differently on purpose, so that a scanner tuned on one is judged on the
// other:
//
// - the shop (GenerateShop, ShopTruth): an online shop holding people from
//   two dozen countries in their own scripts (Latin with diacritics,
//   Cyrillic, Greek, Han, Kana, Hangul, Arabic, Hebrew), identifiers with
//   valid check digits, PII behind obfuscated column names, in JSONB
//   documents, inside free text and in a schema with quoted non-ASCII
//   identifiers, and decoys everywhere: order numbers that look like
//   phones, 16-digit references that fail Luhn, EAN-13 barcodes, SKUs,
//   versions, UUIDs, hex hashes, colour words that are also given names.
// - the clinic (GenerateClinic, ClinicTruth): a hospital group whose tables
//   and columns are named in German, Spanish, French, Portuguese, Turkish,
//   Polish, Japanese and Russian, in SAP-style abbreviations, camelCase and
//   meaningless names (f1, attr_3, payload); health data, religion and
//   medical-record numbers; FHIR documents with nested arrays; and
//   hospital decoys: tube barcodes, accession numbers, PZNs, ICD-10 codes,
//   phone-shaped appointment numbers, badge transponders, device serials,
//   a building's coordinates in a configuration table.
// - the SaaS product (GenerateSaas, SaasTruth): a multi-tenant issue
//   tracker whose many name, title, label and key columns hold things, not
//   people (workspaces, projects, issues, release codenames, languages,
//   feature flags); enumerations everywhere; four-part versions that parse
//   as IPv4 addresses, build numbers and commit hashes in columns and in
//   JSONB event payloads nested several levels deep with arrays of
//   objects; and sparse personal data (users from every locale, billing
//   contacts whose phones are bare digits, an actor inside each event).
//
// DESIGN.md inside this module lists every table of both and the reasoning
// behind the truth.
//
// Determinism: every value comes from datagen::Rng, seeded from
// GeneratorOptions::seed; the same options give byte-identical output on
// every platform. Memory stays bounded at any scale: rows are generated one
// at a time and handed to the Sink in chunks of at most 1 MiB.
//
// Thread-safety: the Generate and Truth functions are pure apart from the
// Sink; concurrent calls with different sinks are fine.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/category.h"
#include "core/schema.h"
#include "core/status.h"

namespace pgveil::datagen {

struct GeneratorOptions {
  uint64_t seed = 1;  // same seed => byte-identical output
  // Shop: 1.0 => about 2,000 customers / 6,000 orders (a few MB); 1000 => a few GB.
  // Clinic: 1.0 => about 2,500 inpatients / 5,000 cases (a few MB).
  double scale = 1.0;
};

// Receives the database as it is generated. Implemented by pg/ (libpq COPY)
// and by SqlScriptSink (a psql-loadable script). A non-OK Status from any
// method stops generation and is returned by the Generate function with
// context.
class Sink {
 public:
  virtual ~Sink() = default;
  // One statement, without a trailing semicolon: DDL, ALTER, ANALYZE, ...
  virtual Status Sql(std::string_view statement) = 0;
  // Starts COPY into `schema`.`table` (names unquoted, as in the catalog) for
  // `columns` (unquoted). The implementation quotes identifiers.
  virtual Status BeginCopy(std::string_view schema, std::string_view table,
                           const std::vector<std::string>& columns) = 0;
  // Whole lines in COPY text format (tab-separated, \N for NULL, backslash
  // escapes), in chunks of at most 1 MiB.
  virtual Status CopyData(std::string_view rows) = 0;
  virtual Status EndCopy() = 0;
};

// The right answer for one column (path empty) or one JSONB leaf path.
// Empty categories => not PII. For a JSONB column the path-less entry holds
// the union of its paths' categories.
struct TruthEntry {
  ColumnRef column;
  std::optional<std::string> path;  // canonical, e.g. "$.contact.phones[*]", "$.\"odd key\""
  std::vector<Category> categories;
};

// Streams the shop into `sink`: CREATE SCHEMA/TABLE, data via
// COPY, then post-data (indexes, foreign keys, the "newly added" empty
// columns via ALTER TABLE ... ADD COLUMN, a materialized view, ANALYZE).
// Returns InvalidArgument for a scale that is not positive and finite,
// otherwise the first error the sink reports, with the table as context.
Status GenerateShop(const GeneratorOptions& options, Sink& sink);

// The right answer for every column of every generated table (partitioned
// tables once, on the parent; the materialized view included) and every
// JSONB leaf path, sorted by schema, table, column, path.
std::vector<TruthEntry> ShopTruth(const GeneratorOptions& options);

// Streams the clinic into `sink`: CREATE SCHEMA/TABLE (one table
// LIST-partitioned), data via COPY, then post-data (the "newly added" empty
// columns, identity restarts, foreign keys, indexes, comments, ANALYZE).
// Errors as for GenerateShop.
Status GenerateClinic(const GeneratorOptions& options, Sink& sink);

// The right answer for every column of every clinic table (the partitioned
// table once, on the parent) and every JSONB leaf path, sorted like
// ShopTruth.
std::vector<TruthEntry> ClinicTruth(const GeneratorOptions& options);

// Streams the SaaS product into `sink`: CREATE SCHEMA/TABLE, data via COPY,
// then post-data (the "newly added" empty columns, foreign keys, indexes,
// ANALYZE). Errors as for GenerateShop.
Status GenerateSaas(const GeneratorOptions& options, Sink& sink);

// The right answer for every column and JSONB leaf path of the SaaS
// product, sorted like ShopTruth.
std::vector<TruthEntry> SaasTruth(const GeneratorOptions& options);

// {"entries":[{"schema":..,"table":..,"column":..,"path":null|"$..",
//  "categories":["email"]}]}, entries in the order given.
std::string TruthToJson(const std::vector<TruthEntry>& truth);

}  // namespace pgveil::datagen
