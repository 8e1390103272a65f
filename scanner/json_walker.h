// scanner/json_walker.h
//
// JsonWalker visits every leaf of a JSON document (a sampled json/jsonb
// value) with its canonical path, so each path gets its own statistics and
// verdict. Canonical paths: "$" is the root, ".key" a plain key, `."odd key"`
// a key that is not an identifier (quotes and backslashes escaped), "[*]" any
// array element — `$.contact.phones[*]`, `$."E-Mail"`.
//
// Strings are visited as their text; numbers as their shortest decimal form;
// booleans and nulls are not visited (they cannot hold PII).
//
// Thread-safety: a JsonWalker owns a reusable parser; one per thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/status.h"

namespace pgveil::scanner {

// ".key" or `."odd key"`: the path step for an object member named `key`.
std::string PathStep(std::string_view key);

class JsonWalker {
 public:
  // `path`: canonical path of the leaf; `key`: the innermost object key above
  // it ("" at the root or directly in a root array); `parent`: the key of the
  // object that holds `key` ("phones" for `$.phones[*].number`, "" if none);
  // `value`: its text. The views are valid only during the call.
  using Visitor = std::function<void(std::string_view path, std::string_view key,
                                     std::string_view parent, std::string_view value)>;

  JsonWalker();
  ~JsonWalker();

  // Returns InvalidArgument ("malformed JSON" / "JSON nested deeper than
  // 1024 levels") without visiting anything when `json` is not a document.
  Status Walk(std::string_view json, const Visitor& visit);

 private:
  struct Impl;  // simdjson stays out of this header
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::scanner
