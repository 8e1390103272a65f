#include "policy/qualified_name.h"

namespace pgveil::policy {

Result<std::vector<std::string>> SplitQualifiedName(std::string_view text) {
  std::vector<std::string> parts;
  std::string part;
  bool quoted = false;  // the current part was written in quotes
  size_t i = 0;
  while (i <= text.size()) {
    if (i == text.size() || text[i] == '.') {
      if (part.empty()) {
        return Status::InvalidArgument("'" + std::string(text) + "' has an empty name part");
      }
      parts.push_back(std::move(part));
      part.clear();
      quoted = false;
      ++i;
      continue;
    }
    if (text[i] == '"') {
      if (!part.empty() || quoted) {
        return Status::InvalidArgument("'" + std::string(text) +
                                       "' has a quote inside a name part; write \"\" inside "
                                       "a quoted part");
      }
      quoted = true;
      ++i;
      while (true) {
        if (i >= text.size()) {
          return Status::InvalidArgument("'" + std::string(text) + "' has an unterminated quote");
        }
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            part += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        part += text[i++];
      }
      if (i < text.size() && text[i] != '.') {
        return Status::InvalidArgument("'" + std::string(text) +
                                       "' has text after a closing quote");
      }
      continue;
    }
    if (quoted) {
      return Status::InvalidArgument("'" + std::string(text) + "' has text after a closing quote");
    }
    part += text[i++];
  }
  return parts;
}

Result<TableName> ParseTableName(std::string_view text) {
  PGVEIL_ASSIGN_OR_RETURN(std::vector<std::string> parts, SplitQualifiedName(text));
  if (parts.size() == 1) {
    return TableName{"public", parts[0]};
  }
  if (parts.size() == 2) {
    return TableName{parts[0], parts[1]};
  }
  return Status::InvalidArgument("'" + std::string(text) +
                                 "' is not a table name (schema.table); quote a name that holds "
                                 "a dot");
}

Result<ColumnRef> ParseColumnName(std::string_view text) {
  PGVEIL_ASSIGN_OR_RETURN(std::vector<std::string> parts, SplitQualifiedName(text));
  if (parts.size() != 3) {
    return Status::InvalidArgument("'" + std::string(text) +
                                   "' is not a column name (schema.table.column)");
  }
  return ColumnRef{parts[0], parts[1], parts[2]};
}

std::string FormatNamePart(std::string_view part) {
  bool plain = !part.empty() && part.find_first_of(".\"") == std::string_view::npos &&
               part.front() != ' ' && part.back() != ' ';
  if (plain) {
    return std::string(part);
  }
  std::string quoted = "\"";
  for (char c : part) {
    quoted += c;
    if (c == '"') {
      quoted += '"';
    }
  }
  return quoted + "\"";
}

std::string FormatTableName(const TableName& table) {
  return FormatNamePart(table.schema) + "." + FormatNamePart(table.name);
}

std::string FormatColumnName(const ColumnRef& column) {
  return FormatNamePart(column.schema) + "." + FormatNamePart(column.table) + "." +
         FormatNamePart(column.column);
}

}  // namespace pgveil::policy
