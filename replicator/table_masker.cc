#include "replicator/table_masker.h"

#include "masking/registry.h"
#include "replicator/copy_row_codec.h"

namespace pgveil::replicator {

TableMasker::TableMasker(const TablePlan& plan) : plan_(plan) {
  for (const ColumnPlan& column : plan.columns) {
    transformers_.push_back(column.prototype ? column.prototype->Clone() : nullptr);
    masks_anything_ = masks_anything_ || column.prototype != nullptr;
    const masking::TransformerSpec* spec =
        column.prototype ? masking::FindTransformerSpec(column.rule) : nullptr;
    // json documents are nearly always distinct and long: not worth a cache.
    bool cacheable = spec != nullptr && spec->deterministic && column.rule != "json";
    caches_.push_back(cacheable ? std::make_unique<ValueCache>() : nullptr);
  }
}

Status TableMasker::MaskRow(std::string_view row, std::string* out) {
  if (!masks_anything_) {
    out->append(row);
    if (row.empty() || row.back() != '\n') out->push_back('\n');
    return Status::Ok();
  }
  SplitCopyRow(row, &fields_);
  if (fields_.size() != transformers_.size()) {
    return Status::Internal("a COPY row of " + plan_.QualifiedName() + " has " +
                            std::to_string(fields_.size()) + " fields where " +
                            std::to_string(transformers_.size()) + " were expected");
  }
  for (size_t i = 0; i < fields_.size(); ++i) {
    if (i > 0) out->push_back('\t');
    std::string_view raw = fields_[i];
    masking::Transformer* transformer = transformers_[i].get();
    if (transformer == nullptr || raw == kCopyNull) {
      out->append(raw);  // kept columns and NULLs go through as they are
      continue;
    }
    std::string_view value = UnescapeCopyField(raw, &scratch_);
    ValueCache* cache = caches_[i].get();
    const masking::MaskedValue* result = cache != nullptr ? cache->Find(value) : nullptr;
    if (result == nullptr) {
      Status masked = transformer->Apply(value, &masked_);
      if (!masked.ok()) {
        return masked.WithContext("masking " + plan_.RulesFrom() + "." + plan_.columns[i].name);
      }
      if (cache != nullptr) cache->Insert(value, masked_);
      result = &masked_;
    }
    if (result->is_null) {
      out->append(kCopyNull);
    } else {
      AppendCopyField(result->text, out);
    }
  }
  out->push_back('\n');
  return Status::Ok();
}

}  // namespace pgveil::replicator
