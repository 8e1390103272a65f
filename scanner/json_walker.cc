#include "scanner/json_walker.h"

#include <simdjson.h>

#include <charconv>

namespace pgveil::scanner {
namespace {

bool IsIdentifier(std::string_view key) {
  if (key.empty()) return false;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string PathStep(std::string_view key) {
  if (IsIdentifier(key)) return "." + std::string(key);
  std::string step = ".\"";
  for (char c : key) {
    if (c == '"' || c == '\\') step += '\\';
    step += c;
  }
  step += '"';
  return step;
}

struct JsonWalker::Impl {
  simdjson::dom::parser parser;
  std::string path;
  char number[32];

  void Visit(simdjson::dom::element element, std::string_view key, std::string_view parent,
             const Visitor& visit) {
    using simdjson::dom::element_type;
    switch (element.type()) {
      case element_type::OBJECT: {
        simdjson::dom::object object;
        if (element.get(object) != simdjson::SUCCESS) return;
        for (auto field : object) {
          size_t mark = path.size();
          path += PathStep(field.key);
          Visit(field.value, field.key, key, visit);
          path.resize(mark);
        }
        return;
      }
      case element_type::ARRAY: {
        simdjson::dom::array array;
        if (element.get(array) != simdjson::SUCCESS) return;
        for (auto item : array) {
          size_t mark = path.size();
          path += "[*]";
          Visit(item, key, parent, visit);
          path.resize(mark);
        }
        return;
      }
      case element_type::STRING:
        Emit<std::string_view>(element, key, parent, visit);
        return;
      case element_type::INT64:
        Emit<int64_t>(element, key, parent, visit);
        return;
      case element_type::UINT64:
        Emit<uint64_t>(element, key, parent, visit);
        return;
      case element_type::DOUBLE:
        Emit<double>(element, key, parent, visit);
        return;
      case element_type::BOOL:
      case element_type::NULL_VALUE:
        return;
    }
  }

  template <typename T>
  void Emit(simdjson::dom::element element, std::string_view key, std::string_view parent,
            const Visitor& visit) {
    T value;
    if (element.get(value) != simdjson::SUCCESS) return;
    if constexpr (std::is_same_v<T, std::string_view>) {
      visit(path, key, parent, value);
    } else {
      auto [end, ec] = std::to_chars(number, number + sizeof(number), value);
      if (ec == std::errc())
        visit(path, key, parent, std::string_view(number, static_cast<size_t>(end - number)));
    }
  }
};

JsonWalker::JsonWalker() : impl_(std::make_unique<Impl>()) {}
JsonWalker::~JsonWalker() = default;

Status JsonWalker::Walk(std::string_view json, const Visitor& visit) {
  simdjson::dom::element root;
  simdjson::error_code error = impl_->parser.parse(json.data(), json.size(), true).get(root);
  if (error == simdjson::DEPTH_ERROR)
    return Status::InvalidArgument("JSON nested deeper than 1024 levels");
  if (error) return Status::InvalidArgument("malformed JSON");
  impl_->path = "$";
  impl_->Visit(root, "", "", visit);
  return Status::Ok();
}

}  // namespace pgveil::scanner
