// datagen/test_recording_sink.h
//
// Test-only: a Sink that records every statement and COPY stream of a
// generated database and hashes the whole stream, helpers to read the
// recorded COPY text back, and the truth as JSON answers by column, for
// generator_test.cc and clinic_generator_test.cc.
#pragma once

#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "datagen/generator.h"
#include "datagen/table_spec.h"

namespace pgveil::datagen::testing {

struct Copy {
  std::string schema, table;
  std::vector<std::string> columns;
  std::string data;
};

// Records everything and hashes the stream (FNV-1a over every call).
class RecordingSink : public Sink {
 public:
  Status Sql(std::string_view statement) override {
    statements.emplace_back(statement);
    Mix("S", statement);
    return Status::Ok();
  }
  Status BeginCopy(std::string_view schema, std::string_view table,
                   const std::vector<std::string>& columns) override {
    copies.push_back({std::string(schema), std::string(table), columns, {}});
    Mix("B", std::string(schema) + "." + std::string(table));
    for (const std::string& c : columns) Mix("C", c);
    return Status::Ok();
  }
  Status CopyData(std::string_view rows) override {
    max_chunk = std::max(max_chunk, rows.size());
    if (rows.empty() || rows.back() != '\n') chunks_end_on_rows = false;
    copies.back().data.append(rows);
    Mix("D", rows);
    return Status::Ok();
  }
  Status EndCopy() override {
    Mix("E", "");
    return Status::Ok();
  }

  const Copy& Table(std::string_view schema, std::string_view table) const {
    for (const Copy& c : copies) {
      if (c.schema == schema && c.table == table) return c;
    }
    FAIL("no COPY for " << schema << "." << table);
    return copies.front();
  }

  std::vector<std::string> statements;
  std::vector<Copy> copies;
  uint64_t hash = 1469598103934665603ULL;
  uint64_t bytes = 0;
  size_t max_chunk = 0;
  bool chunks_end_on_rows = true;

 private:
  void Mix(std::string_view tag, std::string_view text) {
    for (std::string_view part : {tag, text}) {
      for (char c : part) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
      bytes += part.size();
    }
  }
};

// Splits COPY text into rows of unescaped fields; nullopt for \N.
inline std::vector<std::vector<std::optional<std::string>>> Rows(const std::string& data) {
  std::vector<std::vector<std::optional<std::string>>> rows(1);
  std::string field;
  bool is_null = false;
  for (size_t i = 0; i < data.size(); ++i) {
    const char c = data[i];
    if (c == '\t' || c == '\n') {
      rows.back().push_back(is_null ? std::nullopt : std::optional<std::string>(field));
      field.clear();
      is_null = false;
      if (c == '\n') rows.emplace_back();
    } else if (c == '\\') {
      const char e = data[++i];
      if (e == 'N')
        is_null = true;
      else
        field.push_back(e == 't' ? '\t' : e == 'n' ? '\n' : e == 'r' ? '\r' : e);
    } else {
      field.push_back(c);
    }
  }
  rows.pop_back();
  return rows;
}

inline size_t ColumnIndex(const Copy& copy, std::string_view column) {
  for (size_t i = 0; i < copy.columns.size(); ++i) {
    if (copy.columns[i] == column) return i;
  }
  FAIL("no column " << column);
  return 0;
}

// The non-NULL values of `column` in `copy`.
inline std::vector<std::string> NonNullValues(const Copy& copy, std::string_view column) {
  const size_t index = ColumnIndex(copy, column);
  std::vector<std::string> values;
  for (const auto& row : Rows(copy.data)) {
    if (row[index]) values.push_back(*row[index]);
  }
  return values;
}

inline void CollectPaths(const nlohmann::json& value, const std::string& path,
                         std::set<std::string>* out) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.items()) {
      bool plain = !key.empty() && !(key[0] >= '0' && key[0] <= '9');
      for (char c : key) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') plain = false;
      }
      CollectPaths(child, path + (plain ? "." + key : ".\"" + key + "\""), out);
    }
  } else if (value.is_array()) {
    for (const auto& child : value) CollectPaths(child, path + "[*]", out);
  } else {
    out->insert(path);
  }
}

// CHECKs, for every JSONB column of `tables`, that the leaf paths its
// generated documents in `sink` hold are exactly the paths `truth` lists
// for it. Returns how many JSONB columns were checked.
inline int CheckTruthPaths(const RecordingSink& sink, const std::vector<TableSpec>& tables,
                           const std::vector<TruthEntry>& truth) {
  int json_columns = 0;
  for (const TableSpec& table : tables) {
    for (const ColumnSpec& column : table.columns) {
      if (column.paths.empty()) continue;
      ++json_columns;
      INFO(table.schema << "." << table.name << "." << column.name);
      std::set<std::string> seen;
      for (const std::string& doc :
           NonNullValues(sink.Table(table.schema, table.name), column.name)) {
        CollectPaths(nlohmann::json::parse(doc), "$", &seen);
      }
      std::set<std::string> listed;
      for (const TruthEntry& e : truth) {
        if (e.column == ColumnRef{table.schema, table.name, column.name} && e.path) {
          listed.insert(*e.path);
        }
      }
      CHECK(seen == listed);
    }
  }
  return json_columns;
}

inline bool Luhn(std::string digits) {
  int sum = 0;
  for (size_t i = 0; i < digits.size(); ++i) {
    int d = digits[digits.size() - 1 - i] - '0';
    if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return sum % 10 == 0;
}

inline std::string DigitsOnly(const std::string& s) {
  std::string d;
  for (char c : s) {
    if (c >= '0' && c <= '9') d.push_back(c);
  }
  return d;
}

// The truth through its JSON form, as categories by "schema.table.column"
// (with " $.path" for JSONB paths).
inline std::map<std::string, std::vector<std::string>> TruthAnswers(
    const std::vector<TruthEntry>& truth) {
  const nlohmann::json json = nlohmann::json::parse(TruthToJson(truth));
  std::map<std::string, std::vector<std::string>> answers;
  for (const auto& e : json.at("entries")) {
    const std::string key = e.at("schema").get<std::string>() + "." +
                            e.at("table").get<std::string>() + "." +
                            e.at("column").get<std::string>() +
                            (e.at("path").is_null() ? "" : " " + e.at("path").get<std::string>());
    answers[key] = e.at("categories").get<std::vector<std::string>>();
  }
  return answers;
}

// `generate` (GenerateShop or GenerateClinic) rejects a scale that is not
// positive, and a sink's error comes back with the table it was loading,
// `first_table`, the first one written.
template <typename Generate>
void CheckBadScaleAndSinkErrors(Generate generate, const std::string& first_table) {
  RecordingSink sink;
  CHECK(generate({1, 0.0}, sink).code() == StatusCode::kInvalidArgument);
  CHECK(generate({1, -2.0}, sink).code() == StatusCode::kInvalidArgument);

  class FailingSink : public RecordingSink {
   public:
    Status CopyData(std::string_view) override { return Status::Unavailable("disk full"); }
  } failing;
  const Status s = generate({1, 0.01}, failing);
  CHECK(s.code() == StatusCode::kUnavailable);
  CHECK(s.message() == "loading " + first_table + ": disk full");
}

}  // namespace pgveil::datagen::testing
