// datagen/sql_script_sink.cc

#include "datagen/sql_script_sink.h"

#include <cerrno>
#include <cstring>

#include "datagen/shop_schema.h"

namespace pgveil::datagen {

Status SqlScriptSink::Write(std::string_view text) {
  if (text.empty()) return Status::Ok();
  if (std::fwrite(text.data(), 1, text.size(), out_) != text.size()) {
    return Status::Unavailable(std::string("writing the SQL script: ") + std::strerror(errno));
  }
  bytes_ += text.size();
  return Status::Ok();
}

Status SqlScriptSink::Sql(std::string_view statement) {
  if (in_copy_) return Status::Internal("SQL statement inside a COPY block");
  PGVEIL_RETURN_IF_ERROR(Write(statement));
  return Write(";\n");
}

Status SqlScriptSink::BeginCopy(std::string_view schema, std::string_view table,
                                const std::vector<std::string>& columns) {
  if (in_copy_) return Status::Internal("COPY started inside a COPY block");
  std::string line = "COPY " + QualifiedName(schema, table) + " (";
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) line += ", ";
    line += QuoteIdent(columns[i]);
  }
  line += ") FROM stdin;\n";
  in_copy_ = true;
  return Write(line);
}

Status SqlScriptSink::CopyData(std::string_view rows) {
  if (!in_copy_) return Status::Internal("COPY data outside a COPY block");
  return Write(rows);
}

Status SqlScriptSink::EndCopy() {
  if (!in_copy_) return Status::Internal("COPY ended twice");
  in_copy_ = false;
  return Write("\\.\n");
}

}  // namespace pgveil::datagen
