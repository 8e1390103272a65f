// datagen/json_writer.cc

#include "datagen/json_writer.h"

#include "core/json_string.h"
#include "datagen/format_util.h"

namespace pgveil::datagen {

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
