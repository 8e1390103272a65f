// core/bounded_queue.h
//
// BoundedQueue hands values from one thread to another, holding at most
// `capacity` of them: a producer that gets ahead waits, which is what keeps
// a copy's (or a scan's) memory bounded however fast the source is. Close() says no more
// values will come (the consumer drains what is left); Cancel() stops both
// sides at once, for failures.
//
// Thread-safety: every method is safe to call from any thread; meant for
// one producer and one consumer.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <utility>

namespace pgveil {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(capacity) {}

  // Waits for room, then adds `value`. False (and `value` dropped) once the
  // queue was cancelled.
  bool Push(T value) {
    std::unique_lock<std::mutex> lock(mutex_);
    room_.wait(lock, [&] { return cancelled_ || values_.size() < capacity_; });
    if (cancelled_) return false;
    values_.push_back(std::move(value));
    ready_.notify_one();
    return true;
  }

  // Waits for a value. nullopt once the queue is closed and empty, or
  // cancelled.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    ready_.wait(lock, [&] { return cancelled_ || closed_ || !values_.empty(); });
    if (cancelled_ || values_.empty()) return std::nullopt;
    T value = std::move(values_.front());
    values_.pop_front();
    room_.notify_one();
    return value;
  }

  void Close() {
    std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
    ready_.notify_all();
  }

  void Cancel() {
    std::lock_guard<std::mutex> lock(mutex_);
    cancelled_ = true;
    ready_.notify_all();
    room_.notify_all();
  }

 private:
  const size_t capacity_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::condition_variable room_;
  std::deque<T> values_;
  bool closed_ = false;
  bool cancelled_ = false;
};

}  // namespace pgveil
