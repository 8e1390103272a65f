// datagen/sql_script_sink.h
//
// SqlScriptSink writes the generated database as a script psql can load
// (`psql -v ON_ERROR_STOP=1 -f shop.sql`): each statement followed by ";",
// table data as `COPY ... FROM stdin;` blocks ending with `\.`.
//
// Thread-safety: one sink per output; `*out` must outlive the sink and is
// not closed by it.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "datagen/generator.h"

namespace pgveil::datagen {

class SqlScriptSink : public Sink {
 public:
  // Writes to `out` (an open stdio stream, e.g. stdout or a file).
  explicit SqlScriptSink(std::FILE* out) : out_(out) {}

  Status Sql(std::string_view statement) override;
  Status BeginCopy(std::string_view schema, std::string_view table,
                   const std::vector<std::string>& columns) override;
  Status CopyData(std::string_view rows) override;
  Status EndCopy() override;

  // Bytes written so far.
  uint64_t bytes() const { return bytes_; }

 private:
  Status Write(std::string_view text);

  std::FILE* out_;
  bool in_copy_ = false;
  uint64_t bytes_ = 0;
};

}  // namespace pgveil::datagen
