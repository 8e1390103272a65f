// COPY text rows arrive from the source database and leave for the target
// after masking. Whatever a row holds, every value must come back unchanged
// through escape -> split -> unescape, an escaped value must never read as
// NULL, and a canonical row must be a fixed point of decode -> encode.
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "replicator/copy_row_codec.h"
#include "tests/fuzz/fuzz_targets.h"

namespace pgveil::fuzz {
namespace {

using replicator::AppendCopyField;
using replicator::kCopyNull;
using replicator::SplitCopyRow;
using replicator::UnescapeCopyField;

// Decodes `row` into values (nullopt for NULL) and encodes them again.
std::string Reencode(std::string_view row, std::vector<std::optional<std::string>>* values) {
  std::vector<std::string_view> fields;
  SplitCopyRow(row, &fields);
  PGVEIL_CHECK(!fields.empty());
  values->clear();
  std::string out, scratch;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += '\t';
    if (fields[i] == kCopyNull) {
      values->push_back(std::nullopt);
      out += kCopyNull;
      continue;
    }
    std::string value(UnescapeCopyField(fields[i], &scratch));
    AppendCopyField(value, &out);
    values->push_back(std::move(value));
  }
  return out + '\n';
}

}  // namespace

void FuzzCopyRowCodec(std::string_view data) {
  // The whole input as one value: it survives and never becomes NULL.
  std::string escaped;
  AppendCopyField(data, &escaped);
  PGVEIL_CHECK(escaped != kCopyNull);
  PGVEIL_CHECK(escaped.find_first_of("\t\n\r") == std::string::npos);
  std::string scratch;
  PGVEIL_CHECK(UnescapeCopyField(escaped, &scratch) == data);

  // The input as a row from COPY TO.
  std::vector<std::optional<std::string>> values, again;
  std::string canonical = Reencode(data, &values);
  PGVEIL_CHECK(Reencode(canonical, &again) == canonical);
  PGVEIL_CHECK(again == values);
}

}  // namespace pgveil::fuzz
