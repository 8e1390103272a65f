// datagen/copy_writer.cc

#include "datagen/copy_writer.h"

#include "datagen/date_time.h"
#include "datagen/format_util.h"

namespace pgveil::datagen {

void AppendCopyEscaped(std::string_view value, std::string* out) {
  size_t start = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    const char* escape = nullptr;
    switch (c) {
      case '\\':
        escape = "\\\\";
        break;
      case '\t':
        escape = "\\t";
        break;
      case '\n':
        escape = "\\n";
        break;
      case '\r':
        escape = "\\r";
        break;
      default:
        continue;
    }
    out->append(value.substr(start, i - start));
    out->append(escape);
    start = i + 1;
  }
  out->append(value.substr(start));
}

CopyWriter::CopyWriter(Sink& sink, size_t columns) : sink_(sink), columns_(columns) {
  buffer_.reserve(kMaxChunk + (kMaxChunk >> 2));
}

void CopyWriter::Separator() {
  if (fields_in_row_++ > 0) buffer_.push_back('\t');
}

void CopyWriter::Text(std::string_view value) {
  Separator();
  AppendCopyEscaped(value, &buffer_);
}

void CopyWriter::Raw(std::string_view value) {
  Separator();
  buffer_.append(value);
}

void CopyWriter::Null() {
  Separator();
  buffer_.append("\\N");
}

void CopyWriter::Int(int64_t value) {
  Separator();
  AppendInt(value, &buffer_);
}

void CopyWriter::Bool(bool value) {
  Separator();
  buffer_.push_back(value ? 't' : 'f');
}

void CopyWriter::Fixed(int64_t scaled, int decimals) {
  Separator();
  AppendFixed(scaled, decimals, &buffer_);
}

void CopyWriter::Timestamp(int64_t unix_seconds) {
  Separator();
  AppendTimestamp(unix_seconds, &buffer_);
}

std::string& CopyWriter::BeginField() {
  Separator();
  return buffer_;
}

Status CopyWriter::EndRow() {
  PGVEIL_CHECK(fields_in_row_ == columns_);
  buffer_.push_back('\n');
  fields_in_row_ = 0;
  ++rows_;
  if (buffer_.size() > kMaxChunk) {
    // The row just written would overflow the chunk: send what came before it.
    PGVEIL_CHECK(buffer_.size() - row_start_ <= kMaxChunk);
    if (Status s = Flush(row_start_); !s.ok()) return s;
  } else if (buffer_.size() > kMaxChunk - (kMaxChunk >> 4)) {
    if (Status s = Flush(buffer_.size()); !s.ok()) return s;
  }
  row_start_ = buffer_.size();
  return status_;
}

Status CopyWriter::Flush(size_t up_to) {
  if (status_.ok() && up_to > 0) {
    status_ = sink_.CopyData(std::string_view(buffer_).substr(0, up_to));
  }
  buffer_.erase(0, up_to);
  return status_;
}

Status CopyWriter::Finish() {
  PGVEIL_CHECK(fields_in_row_ == 0);
  Status s = Flush(buffer_.size());
  row_start_ = 0;
  return s;
}

}  // namespace pgveil::datagen
