#include "replicator/copy_row_codec.h"

#include <array>
#include <cstring>

namespace pgveil::replicator {
namespace {

int OctalDigit(char c) { return c >= '0' && c <= '7' ? c - '0' : -1; }

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The escape letter of each byte that needs one, 0 for the others.
constexpr std::array<char, 256> kEscapes = [] {
  std::array<char, 256> table{};
  table['\\'] = '\\';
  table['\b'] = 'b';
  table['\f'] = 'f';
  table['\n'] = 'n';
  table['\r'] = 'r';
  table['\t'] = 't';
  table['\v'] = 'v';
  return table;
}();

}  // namespace

void SplitCopyRow(std::string_view row, std::vector<std::string_view>* fields) {
  fields->clear();
  if (!row.empty() && row.back() == '\n') row.remove_suffix(1);
  const char* begin = row.data();
  const char* end = begin + row.size();
  while (true) {
    const void* tab = std::memchr(begin, '\t', static_cast<size_t>(end - begin));
    if (tab == nullptr) {
      fields->emplace_back(begin, static_cast<size_t>(end - begin));
      return;
    }
    const char* at = static_cast<const char*>(tab);
    fields->emplace_back(begin, static_cast<size_t>(at - begin));
    begin = at + 1;
  }
}

std::string_view UnescapeCopyField(std::string_view raw, std::string* scratch) {
  size_t first = raw.find('\\');
  if (first == std::string_view::npos) return raw;
  scratch->assign(raw.data(), first);
  for (size_t i = first; i < raw.size(); ++i) {
    if (raw[i] != '\\' || i + 1 == raw.size()) {
      // Copy the run up to the next backslash (or the end) in one go.
      size_t next = raw.find('\\', i + 1);
      if (next == std::string_view::npos || (raw[i] == '\\')) next = raw.size();
      scratch->append(raw.data() + i, next - i);
      i = next - 1;
      continue;
    }
    char e = raw[++i];
    switch (e) {
      case 'b':
        scratch->push_back('\b');
        break;
      case 'f':
        scratch->push_back('\f');
        break;
      case 'n':
        scratch->push_back('\n');
        break;
      case 'r':
        scratch->push_back('\r');
        break;
      case 't':
        scratch->push_back('\t');
        break;
      case 'v':
        scratch->push_back('\v');
        break;
      case 'x':
        if (i + 1 < raw.size() && HexDigit(raw[i + 1]) >= 0) {
          int value = HexDigit(raw[++i]);
          if (i + 1 < raw.size() && HexDigit(raw[i + 1]) >= 0)
            value = value * 16 + HexDigit(raw[++i]);
          scratch->push_back(static_cast<char>(value));
        } else {
          scratch->push_back('x');
        }
        break;
      default:
        if (OctalDigit(e) >= 0) {
          int value = OctalDigit(e);
          for (int n = 0; n < 2 && i + 1 < raw.size() && OctalDigit(raw[i + 1]) >= 0; ++n) {
            value = value * 8 + OctalDigit(raw[++i]);
          }
          scratch->push_back(static_cast<char>(value & 0xFF));
        } else {
          scratch->push_back(e);
        }
    }
  }
  return *scratch;
}

void AppendCopyField(std::string_view value, std::string* out) {
  size_t plain = 0;
  for (size_t i = 0; i < value.size(); ++i) {
    char escape = kEscapes[static_cast<unsigned char>(value[i])];
    if (escape == 0) continue;
    out->append(value.data() + plain, i - plain);
    out->push_back('\\');
    out->push_back(escape);
    plain = i + 1;
  }
  out->append(value.data() + plain, value.size() - plain);
}

}  // namespace pgveil::replicator
