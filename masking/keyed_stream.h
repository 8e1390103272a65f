// masking/keyed_stream.h
//
// KeyedStream turns one message into as many keyed pseudorandom bytes as a
// transformer needs: block k is HMAC(key, label || k || message), 32 bytes
// each. Transformers that replace digits or letters one by one (phone,
// credit_card, iban) draw from it; Uniform() uses rejection so digits are
// unbiased.
//
// Thread-safety: borrows the KeyedHash and the message; both must outlive
// the stream, and the stream is as thread-unsafe as its KeyedHash.
#pragma once

#include <cstdint>
#include <string_view>

#include "masking/keyed_hash.h"

namespace pgveil::masking {

class KeyedStream {
 public:
  KeyedStream(KeyedHash* hasher, std::string_view label, std::string_view message)
      : hasher_(hasher), label_(label), message_(message) {
    Refill();
  }

  uint8_t NextByte() {
    if (position_ == block_.size()) {
      Refill();
    }
    return block_[position_++];
  }

  // Uniform in [0, n), 1 <= n <= 256.
  unsigned Uniform(unsigned n) {
    const unsigned limit = 256 - 256 % n;
    while (true) {
      const unsigned byte = NextByte();
      if (byte < limit) {
        return byte % n;
      }
    }
  }

 private:
  void Refill() {
    const char counter = static_cast<char>(counter_++);
    hasher_->Begin();
    hasher_->Update(label_);
    hasher_->Update(std::string_view(&counter, 1));
    hasher_->Update(message_);
    block_ = hasher_->Finish();
    position_ = 0;
  }

  KeyedHash* hasher_;
  std::string_view label_;
  std::string_view message_;
  KeyedHash::Digest block_{};
  size_t position_ = 0;
  uint8_t counter_ = 0;
};

}  // namespace pgveil::masking
