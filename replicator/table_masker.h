// replicator/table_masker.h
//
// A TableMasker applies one TablePlan to COPY rows: it splits a row into
// fields, passes `keep` fields through as raw bytes, unescapes each masked
// field, runs it through the column's transformer and escapes the result.
// NULL stays NULL (every transformer maps NULL to NULL). A table without a
// masked column is passed through row by row without being parsed.
//
// The masker owns clones of the plan's transformers, a ValueCache per
// column whose transformer is deterministic (value_cache.h), and its
// scratch buffers, so after the first rows it allocates only for values
// longer than any before.
//
// Errors name the column and the transformer, never the value: a value a
// transformer rejects (with on_invalid: error) stops the copy.
//
// Thread-safety: not thread-safe; each copy worker builds its own. The
// TablePlan must outlive the masker.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "masking/transformer.h"
#include "replicator/masking_plan.h"
#include "replicator/value_cache.h"

namespace pgveil::replicator {

class TableMasker {
 public:
  explicit TableMasker(const TablePlan& plan);

  // Appends the masked form of `row` (one COPY text row, newline included
  // or not) to `*out`, newline included. On error `*out` may hold part of
  // the row; the caller abandons the COPY.
  Status MaskRow(std::string_view row, std::string* out);

  bool masks_anything() const { return masks_anything_; }

 private:
  const TablePlan& plan_;
  bool masks_anything_ = false;
  std::vector<std::unique_ptr<masking::Transformer>> transformers_;  // null: keep
  std::vector<std::unique_ptr<ValueCache>> caches_;  // null: keep, or not deterministic
  std::vector<std::string_view> fields_;
  std::string scratch_;
  masking::MaskedValue masked_;
};

}  // namespace pgveil::replicator
