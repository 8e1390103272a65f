// datagen/table_writer.h
//
// A TableWriter pairs a generated table with the function that writes its
// rows; CopyTable streams one table to a Sink as one COPY. The shop and the
// clinic each keep a constant array of these, over their own context
// (ShopContext, ClinicContext: the row counts foreign keys need).
//
// Thread-safety: CopyTable is pure apart from the Sink.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/status.h"
#include "datagen/copy_writer.h"
#include "datagen/generator.h"
#include "datagen/table_spec.h"

namespace pgveil::datagen {

template <typename Context>
struct TableWriter {
  std::string_view schema;  // unquoted, as in the TableSpec
  std::string_view table;
  Status (*write)(const Context& ctx, int64_t rows, CopyWriter& out);
};

// Writes RowCount(table, scale) rows of `table` to `sink` as one COPY with
// its writer from `writers`. A table without a writer is a bug: it aborts.
template <typename Context>
Status CopyTable(const TableSpec& table,
                 std::type_identity_t<std::span<const TableWriter<Context>>> writers,
                 const Context& ctx, double scale, Sink& sink) {
  const TableWriter<Context>* writer = nullptr;
  for (const TableWriter<Context>& w : writers) {
    if (w.schema == table.schema && w.table == table.name) {
      writer = &w;
      break;
    }
  }
  PGVEIL_CHECK(writer != nullptr);
  const std::vector<std::string> columns = table.CopyColumns();
  PGVEIL_RETURN_IF_ERROR(sink.BeginCopy(table.schema, table.name, columns));
  CopyWriter out(sink, columns.size());
  PGVEIL_RETURN_IF_ERROR(writer->write(ctx, RowCount(table, scale), out));
  PGVEIL_RETURN_IF_ERROR(out.Finish());
  return sink.EndCopy();
}

}  // namespace pgveil::datagen
