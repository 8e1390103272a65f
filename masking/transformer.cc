#include "masking/transformer.h"

#include <algorithm>

#include "masking/text_util.h"

namespace pgveil::masking {

Status Transformer::Apply(std::optional<std::string_view> in, MaskedValue* out) {
  out->is_null = false;
  out->text.clear();
  if (!in.has_value()) {
    out->is_null = true;
    return Status::Ok();
  }
  Status status = MaskValue(*in, out);
  if (status.ok() || status.code() != StatusCode::kInvalidArgument) {
    return status;
  }
  return HandleInvalid(*in, status, out);
}

Status Transformer::HandleInvalid(std::string_view in, const Status& status, MaskedValue* out) {
  out->text.clear();
  switch (invalid_.mode) {
    case OnInvalid::kError:
      return status.WithContext(std::string(name_));
    case OnInvalid::kNull:
      out->is_null = true;
      return Status::Ok();
    case OnInvalid::kHash: {
      PGVEIL_CHECK(invalid_.hasher.has_value());
      const KeyedHash::Digest digest = invalid_.hasher->Mac(in);
      const size_t length = std::clamp<size_t>(CountCodePoints(in), 1, 2 * digest.size());
      AppendHex(digest, length, &out->text);
      return Status::Ok();
    }
  }
  return status;
}

}  // namespace pgveil::masking
