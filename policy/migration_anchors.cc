#include "policy/migration_anchors.h"

#include "masking/json_path.h"
#include "policy/sql_tokenizer.h"

namespace pgveil::policy {
namespace {

using Tokens = std::vector<SqlToken>;

std::string Lower(std::string_view text) {
  std::string lower(text);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return lower;
}

bool IsWord(const Tokens& tokens, size_t i, std::string_view keyword) {
  return i < tokens.size() && tokens[i].kind == SqlToken::Kind::kWord &&
         Lower(tokens[i].text) == keyword;
}

bool IsSymbol(const Tokens& tokens, size_t i, char symbol) {
  return i < tokens.size() && tokens[i].kind == SqlToken::Kind::kSymbol &&
         tokens[i].text[0] == symbol;
}

bool IsName(const Tokens& tokens, size_t i) {
  return i < tokens.size() &&
         (tokens[i].kind == SqlToken::Kind::kWord || tokens[i].kind == SqlToken::Kind::kIdentifier);
}

// PostgreSQL folds unquoted identifiers (ASCII letters only under UTF-8).
std::string NameOf(const SqlToken& token) {
  return token.kind == SqlToken::Kind::kWord ? Lower(token.text) : token.text;
}

// Skips the keywords of `words` in order when all are there: "if not exists".
size_t SkipWords(const Tokens& tokens, size_t i, std::initializer_list<std::string_view> words) {
  size_t j = i;
  for (std::string_view word : words) {
    if (!IsWord(tokens, j, word)) {
      return i;
    }
    ++j;
  }
  return j;
}

// [schema.]table at `*i`; advances past it. nullopt when there is no name.
std::optional<TableName> ReadTableName(const Tokens& tokens, size_t* i) {
  std::vector<std::string> parts;
  while (IsName(tokens, *i)) {
    parts.push_back(NameOf(tokens[*i]));
    ++*i;
    if (!IsSymbol(tokens, *i, '.')) {
      break;
    }
    ++*i;
  }
  if (parts.empty()) {
    return std::nullopt;
  }
  if (parts.size() == 1) {
    return TableName{"public", parts[0]};
  }
  return TableName{parts[parts.size() - 2], parts.back()};  // database.schema.table too
}

SourceLocation At(const std::string& file, const SqlToken& token) {
  return {file, token.line, token.column};
}

class AnchorBuilder {
 public:
  AnchorBuilder(std::map<ColumnRef, SourceLocation>* columns,
                std::map<TableName, std::vector<MigrationAnchors::Literal>>* literals)
      : columns_(columns), literals_(literals) {}

  void Statement(const std::string& file, const Tokens& tokens) {
    size_t i = 0;
    if (IsWord(tokens, 0, "create")) {
      CreateTable(file, tokens);
    } else if (IsWord(tokens, 0, "alter") && IsWord(tokens, 1, "table")) {
      AlterTable(file, tokens);
    } else if (IsWord(tokens, 0, "insert") && IsWord(tokens, 1, "into")) {
      i = 2;
      Writes(file, tokens, i);
    } else if (IsWord(tokens, 0, "update")) {
      i = SkipWords(tokens, 1, {"only"});
      Writes(file, tokens, i);
    }
  }

 private:
  void CreateTable(const std::string& file, const Tokens& tokens) {
    size_t i = 1;
    i = SkipWords(tokens, i, {"global"});
    i = SkipWords(tokens, i, {"local"});
    for (std::string_view kind : {"temp", "temporary", "unlogged"}) {
      i = SkipWords(tokens, i, {kind});
    }
    if (!IsWord(tokens, i, "table")) {
      return;
    }
    i = SkipWords(tokens, i + 1, {"if", "not", "exists"});
    std::optional<TableName> table = ReadTableName(tokens, &i);
    if (!table || !IsSymbol(tokens, i, '(')) {
      return;  // AS, OF, PARTITION OF: no column list
    }
    int depth = 0;
    bool element_start = true;
    for (; i < tokens.size(); ++i) {
      if (IsSymbol(tokens, i, '(')) {
        ++depth;
        if (depth == 1) {
          element_start = true;
        }
        continue;
      }
      if (IsSymbol(tokens, i, ')')) {
        if (--depth == 0) {
          break;
        }
        continue;
      }
      if (depth == 1 && IsSymbol(tokens, i, ',')) {
        element_start = true;
        continue;
      }
      if (depth == 1 && element_start) {
        element_start = false;
        static constexpr std::string_view kNotColumns[] = {
            "constraint", "primary", "unique", "check", "foreign", "exclude", "like"};
        bool constraint = false;
        for (std::string_view word : kNotColumns) {
          constraint = constraint || IsWord(tokens, i, word);
        }
        if (!constraint && IsName(tokens, i)) {
          (*columns_)[{table->schema, table->name, NameOf(tokens[i])}] = At(file, tokens[i]);
        }
      }
    }
  }

  void AlterTable(const std::string& file, const Tokens& tokens) {
    size_t i = SkipWords(tokens, 2, {"if", "exists"});
    i = SkipWords(tokens, i, {"only"});
    std::optional<TableName> table = ReadTableName(tokens, &i);
    if (!table) {
      return;
    }
    if (IsSymbol(tokens, i, '*')) {
      ++i;
    }
    // Actions are separated by top-level commas.
    while (i < tokens.size()) {
      size_t end = i;
      for (int depth = 0; end < tokens.size(); ++end) {
        if (IsSymbol(tokens, end, '(')) {
          ++depth;
        }
        if (IsSymbol(tokens, end, ')')) {
          --depth;
        }
        if (depth == 0 && IsSymbol(tokens, end, ',')) {
          break;
        }
      }
      Action(file, tokens, i, *table);
      i = end + 1;
    }
  }

  void Action(const std::string& file, const Tokens& tokens, size_t i, const TableName& table) {
    if (IsWord(tokens, i, "add")) {
      size_t j = SkipWords(tokens, i + 1, {"column"});
      j = SkipWords(tokens, j, {"if", "not", "exists"});
      static constexpr std::string_view kNotColumns[] = {"constraint", "primary", "unique",
                                                         "check",      "foreign", "exclude"};
      for (std::string_view word : kNotColumns) {
        if (j == i + 1 && IsWord(tokens, j, word)) {
          return;
        }
      }
      if (IsName(tokens, j)) {
        (*columns_)[{table.schema, table.name, NameOf(tokens[j])}] = At(file, tokens[j]);
      }
      return;
    }
    if (!IsWord(tokens, i, "rename")) {
      return;
    }
    if (IsWord(tokens, i + 1, "to") && IsName(tokens, i + 2)) {
      RenameTable(table, TableName{table.schema, NameOf(tokens[i + 2])});
      return;
    }
    if (IsWord(tokens, i + 1, "constraint")) {
      return;
    }
    size_t j = SkipWords(tokens, i + 1, {"column"});
    if (IsName(tokens, j) && IsWord(tokens, j + 1, "to") && IsName(tokens, j + 2)) {
      columns_->erase({table.schema, table.name, NameOf(tokens[j])});
      (*columns_)[{table.schema, table.name, NameOf(tokens[j + 2])}] = At(file, tokens[j + 2]);
    }
  }

  void RenameTable(const TableName& from, const TableName& to) {
    std::map<ColumnRef, SourceLocation> moved;
    for (auto it = columns_->begin(); it != columns_->end();) {
      if (it->first.schema == from.schema && it->first.table == from.name) {
        moved[{to.schema, to.name, it->first.column}] = it->second;
        it = columns_->erase(it);
      } else {
        ++it;
      }
    }
    for (auto& [column, location] : moved) {
      (*columns_)[column] = location;
    }
    auto literals = literals_->find(from);
    if (literals != literals_->end()) {
      auto& target = (*literals_)[to];
      target.insert(target.end(), literals->second.begin(), literals->second.end());
      literals_->erase(from);
    }
  }

  void Writes(const std::string& file, const Tokens& tokens, size_t i) {
    std::optional<TableName> table = ReadTableName(tokens, &i);
    if (!table) {
      return;
    }
    for (; i < tokens.size(); ++i) {
      if (tokens[i].kind == SqlToken::Kind::kString) {
        (*literals_)[*table].push_back({tokens[i].text, At(file, tokens[i])});
      }
    }
  }

  std::map<ColumnRef, SourceLocation>* columns_;
  std::map<TableName, std::vector<MigrationAnchors::Literal>>* literals_;
};

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// `key` appears in `text` as a whole word.
bool NamesKey(const std::string& text, const std::string& key) {
  for (size_t at = text.find(key); at != std::string::npos; at = text.find(key, at + 1)) {
    bool starts = at == 0 || !IsKeyChar(text[at - 1]);
    bool ends = at + key.size() == text.size() || !IsKeyChar(text[at + key.size()]);
    if (starts && ends) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::optional<SourceLocation> MigrationAnchors::ForColumn(const ColumnRef& column) const {
  auto it = columns_.find(column);
  if (it == columns_.end()) {
    return std::nullopt;
  }
  return it->second;
}

std::optional<SourceLocation> MigrationAnchors::ForPath(const ColumnRef& column,
                                                        const std::string& path) const {
  Result<std::vector<masking::PathStep>> steps = masking::ParseJsonPath(path);
  std::string key;
  if (steps.ok()) {
    for (const masking::PathStep& step : *steps) {
      if (step.kind == masking::PathStep::Kind::kKey) {
        key = step.key;
      }
    }
  }
  auto literals = literals_.find(TableName{column.schema, column.table});
  if (!key.empty() && literals != literals_.end()) {
    for (auto it = literals->second.rbegin(); it != literals->second.rend(); ++it) {
      if (NamesKey(it->text, key)) {
        return it->location;
      }
    }
  }
  return ForColumn(column);
}

MigrationAnchors FindMigrationAnchors(const std::vector<MigrationFile>& files) {
  MigrationAnchors anchors;
  AnchorBuilder builder(&anchors.columns_, &anchors.literals_);
  for (const MigrationFile& file : files) {
    for (const Tokens& statement : SplitSqlStatements(file.text)) {
      builder.Statement(file.path, statement);
    }
  }
  return anchors;
}

}  // namespace pgveil::policy
