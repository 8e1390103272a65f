#include "policy/sql_tokenizer.h"

namespace pgveil::policy {
namespace {

bool IsWordStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

bool IsWordPart(unsigned char c) { return IsWordStart(c) || (c >= '0' && c <= '9') || c == '$'; }

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

// Walks the text keeping line and column (in code points) of the cursor.
// Every byte that does not continue a UTF-8 character starts a column, so
// no two tokens ever share a position, whatever the bytes.
class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  unsigned char peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? static_cast<unsigned char>(text_[pos_ + ahead]) : 0;
  }
  bool StartsWith(std::string_view prefix) const { return text_.substr(pos_).starts_with(prefix); }
  int line() const { return line_; }
  int column() const { return column_; }
  size_t pos() const { return pos_; }

  void Advance(size_t count = 1) {
    for (size_t i = 0; i < count && pos_ < text_.size(); ++i) {
      unsigned char c = static_cast<unsigned char>(text_[pos_++]);
      if (c == '\n') {
        ++line_;
        column_ = 1;
        continuations_ = 0;
      } else if ((c & 0xC0) == 0x80 && continuations_ > 0) {
        --continuations_;  // inside a multibyte character
      } else {
        // A character, or a byte that is not part of one (invalid UTF-8),
        // which takes a column of its own as an editor shows it.
        ++column_;
        continuations_ = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
      }
    }
  }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
  int continuations_ = 0;  // bytes still to come of the current UTF-8 character
};

void SkipBlockComment(Cursor& cursor) {
  cursor.Advance(2);
  int depth = 1;
  while (!cursor.done() && depth > 0) {
    if (cursor.StartsWith("/*")) {
      ++depth;
      cursor.Advance(2);
    } else if (cursor.StartsWith("*/")) {
      --depth;
      cursor.Advance(2);
    } else {
      cursor.Advance();
    }
  }
}

// 'text' with '' for a quote; with `backslashes`, E'...' escapes too (kept
// as written: names are what we need, not literal values).
std::string ReadQuoted(Cursor& cursor, char quote, bool backslashes) {
  std::string text;
  cursor.Advance();
  while (!cursor.done()) {
    char c = static_cast<char>(cursor.peek());
    if (backslashes && c == '\\' && cursor.peek(1) != 0) {
      text += c;
      text += static_cast<char>(cursor.peek(1));
      cursor.Advance(2);
      continue;
    }
    if (c == quote) {
      if (cursor.peek(1) == static_cast<unsigned char>(quote)) {
        text += quote;
        cursor.Advance(2);
        continue;
      }
      cursor.Advance();
      break;
    }
    text += c;
    cursor.Advance();
  }
  return text;
}

// At '$': the length of a dollar-quote tag ("$$", "$body$"), or 0 when this
// '$' does not open one ($1 is a parameter).
size_t DollarTagLength(const Cursor& cursor) {
  size_t i = 1;
  if (IsDigit(cursor.peek(1))) {
    return 0;
  }
  while (cursor.peek(i) != 0 && cursor.peek(i) != '$') {
    unsigned char c = cursor.peek(i);
    if (!(IsWordStart(c) || (i > 1 && IsDigit(c)))) {
      return 0;
    }
    ++i;
  }
  return cursor.peek(i) == '$' ? i + 1 : 0;
}

std::string ReadDollarQuoted(Cursor& cursor, std::string_view source, size_t tag_length) {
  std::string tag(source.substr(cursor.pos(), tag_length));
  cursor.Advance(tag_length);
  std::string text;
  while (!cursor.done() && !cursor.StartsWith(tag)) {
    text += static_cast<char>(cursor.peek());
    cursor.Advance();
  }
  cursor.Advance(tag.size());
  return text;
}

}  // namespace

std::vector<std::vector<SqlToken>> SplitSqlStatements(std::string_view sql) {
  std::vector<std::vector<SqlToken>> statements(1);
  Cursor cursor(sql);
  while (!cursor.done()) {
    unsigned char c = cursor.peek();
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      cursor.Advance();
      continue;
    }
    if (cursor.StartsWith("--")) {
      while (!cursor.done() && cursor.peek() != '\n') {
        cursor.Advance();
      }
      continue;
    }
    if (cursor.StartsWith("/*")) {
      SkipBlockComment(cursor);
      continue;
    }
    SqlToken token;
    token.line = cursor.line();
    token.column = cursor.column();
    if (c == ';') {
      cursor.Advance();
      if (!statements.back().empty()) {
        statements.emplace_back();
      }
      continue;
    }
    if (c == '\'') {
      token.kind = SqlToken::Kind::kString;
      token.text = ReadQuoted(cursor, '\'', false);
    } else if ((c == 'E' || c == 'e') && cursor.peek(1) == '\'') {
      cursor.Advance();
      token.kind = SqlToken::Kind::kString;
      token.text = ReadQuoted(cursor, '\'', true);
    } else if ((c == 'U' || c == 'u') && cursor.peek(1) == '&' && cursor.peek(2) == '"') {
      cursor.Advance(2);
      token.kind = SqlToken::Kind::kIdentifier;
      token.text = ReadQuoted(cursor, '"', false);
    } else if (c == '"') {
      token.kind = SqlToken::Kind::kIdentifier;
      token.text = ReadQuoted(cursor, '"', false);
    } else if (c == '$' && DollarTagLength(cursor) > 0) {
      token.kind = SqlToken::Kind::kString;
      token.text = ReadDollarQuoted(cursor, sql, DollarTagLength(cursor));
    } else if (IsWordStart(c)) {
      token.kind = SqlToken::Kind::kWord;
      while (!cursor.done() && IsWordPart(cursor.peek())) {
        token.text += static_cast<char>(cursor.peek());
        cursor.Advance();
      }
    } else if (IsDigit(c)) {
      token.kind = SqlToken::Kind::kNumber;
      while (!cursor.done() &&
             (IsDigit(cursor.peek()) || cursor.peek() == '.' || cursor.peek() == '_')) {
        token.text += static_cast<char>(cursor.peek());
        cursor.Advance();
      }
    } else {
      token.kind = SqlToken::Kind::kSymbol;
      token.text = std::string(1, static_cast<char>(c));
      cursor.Advance();
    }
    statements.back().push_back(std::move(token));
  }
  if (statements.back().empty()) {
    statements.pop_back();
  }
  return statements;
}

}  // namespace pgveil::policy
