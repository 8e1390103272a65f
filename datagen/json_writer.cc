// datagen/json_writer.cc

#include "datagen/json_writer.h"

#include "datagen/format_util.h"

namespace pgveil::datagen {

void AppendJsonString(std::string_view value, std::string* out) {
  out->push_back('"');
  size_t start = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(value[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out->append(value.substr(start, i - start));
    start = i + 1;
    switch (c) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\r':
        out->append("\\r");
        break;
      default:
        out->append("\\u00");
        out->push_back("0123456789abcdef"[c >> 4]);
        out->push_back("0123456789abcdef"[c & 15]);
        break;
    }
  }
  out->append(value.substr(start));
  out->push_back('"');
}

void JsonWriter::BeforeValue() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (depth_ > 0) {
    if (has_items_[depth_ - 1]) out_->push_back(',');
    has_items_[depth_ - 1] = true;
  }
}

void JsonWriter::Open(char bracket) {
  BeforeValue();
  PGVEIL_CHECK(depth_ < 16);
  out_->push_back(bracket);
  has_items_[depth_++] = false;
}

void JsonWriter::Close(char bracket) {
  PGVEIL_CHECK(depth_ > 0 && !after_key_);
  --depth_;
  out_->push_back(bracket);
}

void JsonWriter::Key(std::string_view key) {
  PGVEIL_CHECK(depth_ > 0 && !after_key_);
  if (has_items_[depth_ - 1]) out_->push_back(',');
  has_items_[depth_ - 1] = true;
  AppendJsonString(key, out_);
  out_->push_back(':');
  after_key_ = true;
}

void JsonWriter::String(std::string_view value) {
  BeforeValue();
  AppendJsonString(value, out_);
}

void JsonWriter::Int(int64_t value) {
  BeforeValue();
  AppendInt(value, out_);
}

void JsonWriter::Fixed(int64_t scaled, int decimals) {
  BeforeValue();
  AppendFixed(scaled, decimals, out_);
}

void JsonWriter::Bool(bool value) {
  BeforeValue();
  out_->append(value ? "true" : "false");
}

void JsonWriter::Null() {
  BeforeValue();
  out_->append("null");
}

}  // namespace pgveil::datagen
