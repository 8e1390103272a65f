// masking/transformer.h
//
// A Transformer masks one column value at a time. Values arrive as
// PostgreSQL text representations (what COPY ... TO in text format yields,
// already unescaped; dates in DateStyle ISO) and leave the same way. SQL NULL
// is its own state, never a string: every transformer maps NULL to NULL.
//
// Bad input has one defined behaviour per transformer, chosen with the
// on_invalid parameter where the transformer has an input grammar:
//   error (default)  Apply returns InvalidArgument naming the transformer
//                    and what is wrong ("not an email address: no '@'"),
//                    never the value;
//   null             the output is SQL NULL;
//   hash             the output is keyed hex, as many characters as the
//                    input has (at most 64), so it still fits a text column.
// The empty string masks to the empty string wherever text is accepted: it
// carries nothing to hide.
//
// Transformers are built by CreateTransformer() in registry.h.
//
// Thread-safety: a Transformer is NOT safe for concurrent use. It keeps
// prepared OpenSSL contexts and scratch buffers so that Apply() allocates
// nothing in the common case. Give each thread its own Clone(); clones share
// no mutable state and produce identical output.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"
#include "masking/keyed_hash.h"

namespace pgveil::masking {

// One masked value. `text` keeps its capacity across calls, so a caller that
// reuses one MaskedValue per column allocates only when a value is longer
// than any before it.
struct MaskedValue {
  bool is_null = false;
  std::string text;  // meaningful only when !is_null
};

enum class OnInvalid { kError, kNull, kHash };

// How a transformer treats input it cannot mask; see the header comment.
struct InvalidValuePolicy {
  OnInvalid mode = OnInvalid::kError;
  std::optional<KeyedHash> hasher;  // present when mode == kHash
};

class Transformer {
 public:
  virtual ~Transformer() = default;

  // Masks `in` (std::nullopt is SQL NULL) into `*out`, which must not be
  // null. On error `*out` is unspecified.
  Status Apply(std::optional<std::string_view> in, MaskedValue* out);

  // An independent transformer with the same key, domain and parameters.
  virtual std::unique_ptr<Transformer> Clone() const = 0;

  // The registry name ("email").
  std::string_view name() const { return name_; }

 protected:
  // `name` must have static storage (the registry's spec name).
  Transformer(std::string_view name, InvalidValuePolicy invalid)
      : name_(name), invalid_(std::move(invalid)) {}
  Transformer(const Transformer&) = default;
  Transformer& operator=(const Transformer&) = delete;

  // Masks a non-NULL value. On entry out->is_null is false and out->text is
  // empty. Returns InvalidArgument(reason) for input of the wrong shape; the
  // reason must not contain the value. Other codes are passed through as is.
  virtual Status MaskValue(std::string_view in, MaskedValue* out) = 0;

  static Status Invalid(std::string reason) { return Status::InvalidArgument(std::move(reason)); }

 private:
  Status HandleInvalid(std::string_view in, const Status& status, MaskedValue* out);

  std::string_view name_;
  InvalidValuePolicy invalid_;
};

}  // namespace pgveil::masking
