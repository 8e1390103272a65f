// datagen/json_writer.h
//
// JsonWriter appends compact JSON text to a string: objects, arrays and
// scalars, with commas placed and strings escaped (quote, backslash and
// control characters; other UTF-8 passes through). It is a streaming
// writer with no tree, so a JSONB document costs one string append per
// token; numbers are printed from integers (see format_util.h).
//
// The caller nests Begin/End calls correctly and puts Key() before every
// value inside an object; at most 16 levels deep.
//
// Thread-safety: one writer per string.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"

namespace pgveil::datagen {

class JsonWriter {
 public:
  // `out` must outlive the writer; text is appended to it.
  explicit JsonWriter(std::string* out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);

  void String(std::string_view value);
  void Int(int64_t value);
  void Fixed(int64_t scaled, int decimals);
  void Bool(bool value);
  void Null();

  // Key + scalar in one call.
  void Field(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }

 private:
  void BeforeValue();
  void Open(char bracket);
  void Close(char bracket);

  std::string* out_;
  int depth_ = 0;
  bool has_items_[16] = {};
  bool after_key_ = false;
};

}  // namespace pgveil::datagen
