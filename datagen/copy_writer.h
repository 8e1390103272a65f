// datagen/copy_writer.h
//
// CopyWriter turns generated rows into PostgreSQL COPY text format and hands
// them to a Sink in chunks of at most 1 MiB, always ending on a row
// boundary. Fields are escaped as COPY requires (backslash, tab, newline,
// carriage return); NULL is \N.
//
// Usage per row: any number of field calls, then EndRow(). The writer
// checks that every row has exactly the declared number of fields (a bug
// otherwise: it aborts). The first Sink error is kept and returned by
// EndRow()/Finish(); later rows are dropped.
//
// Thread-safety: one writer per COPY; `sink` must outlive the writer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "datagen/generator.h"

namespace pgveil::datagen {

class CopyWriter {
 public:
  static constexpr size_t kMaxChunk = size_t{1} << 20;

  CopyWriter(Sink& sink, size_t columns);

  // Text escaped for COPY.
  void Text(std::string_view value);
  // Bytes known to need no escaping (digits, ASCII codes, timestamps).
  void Raw(std::string_view value);
  void Null();
  void Int(int64_t value);
  void Bool(bool value);
  // `scaled` / 10^decimals, e.g. Fixed(1999, 2) -> 19.99.
  void Fixed(int64_t scaled, int decimals);
  void Timestamp(int64_t unix_seconds);

  // Opens a field and returns the row buffer; append the field's text to it,
  // escaped with AppendCopyEscaped unless it needs no escaping. Valid until
  // the next call on this writer.
  std::string& BeginField();

  Status EndRow();
  // Flushes what is left. Call once, after the last row.
  Status Finish();

  int64_t rows() const { return rows_; }

 private:
  void Separator();
  Status Flush(size_t up_to);

  Sink& sink_;
  const size_t columns_;
  size_t fields_in_row_ = 0;
  size_t row_start_ = 0;
  int64_t rows_ = 0;
  std::string buffer_;
  Status status_;
};

// Appends `value` to `*out` with COPY text escaping.
void AppendCopyEscaped(std::string_view value, std::string* out);

}  // namespace pgveil::datagen
