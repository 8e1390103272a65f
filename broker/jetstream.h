// broker/jetstream.h
//
// JetStream is pgveil's handle on a NATS JetStream server or cluster: the
// only code that includes the NATS C client. It connects to every server
// given and reconnects on its own while it lives.
//
// Publishing is asynchronous with a bounded number of messages awaiting the
// stream's acknowledgement (synchronous publishing waits a round trip per
// message). Every message carries an id (`Nats-Msg-Id`), by which the
// stream drops a message it already holds (within its duplicate window).
// TakeAcknowledged hands back, in publishing order, the ids the stream has
// durably stored; a message the stream refused or did not acknowledge in
// time makes publish_error() Unavailable, and the caller starts over from
// its last durable position (the ids make that safe).
//
// Consuming is one durable pull consumer that acknowledges "all up to":
// Subscribe (re)creates it at a stream sequence, Fetch returns messages in
// stream order, AcknowledgeThrough acknowledges everything up to one.
//
// Errors: Unavailable for a broker that cannot be reached or does not
// answer; InvalidArgument for a stream that exists with other subjects.
//
// Thread-safety: one thread, except that the client's own threads record
// acknowledgements (guarded inside).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"

namespace pgveil::broker {

struct Delivered {
  std::string subject;
  std::string data;
  uint64_t sequence = 0;  // in the stream
};

struct Stored {
  std::string data;
  uint64_t sequence = 0;  // in the stream
};

struct StreamSettings {
  std::string name;
  std::string subjects;  // "NAME.>"
  int replicas = 1;
  int64_t duplicate_window_seconds = 120;
};

class JetStream {
 public:
  // `servers` as ParseNatsUrl gives them; `max_pending` publishes may await
  // their acknowledgement at once.
  static Result<std::unique_ptr<JetStream>> Connect(const std::vector<std::string>& servers,
                                                    int max_pending = 4096);
  ~JetStream();

  // The servers of the cluster the client knows of (given and discovered).
  int KnownServers() const;

  // Creates the stream (file storage) unless it exists.
  Status EnsureStream(const StreamSettings& settings);

  // The last message on `subject` of `stream`; nullopt when none (or no
  // such stream).
  Result<std::optional<Stored>> LastMessage(const std::string& stream, const std::string& subject);
  // The message at `sequence` of `stream`; nullopt when there is none
  // (removed, or past the end).
  Result<std::optional<Stored>> Message(const std::string& stream, uint64_t sequence);
  // The sequence of the last message in `stream` (0 when it is empty or
  // does not exist).
  Result<uint64_t> LastSequence(const std::string& stream);

  // Publishes asynchronously; waits while `max_pending` are unacknowledged.
  Status Publish(const std::string& subject, std::string_view data, const std::string& id);
  // The ids the stream acknowledged since the last call, in publishing
  // order, up to the first not yet acknowledged.
  std::vector<std::string> TakeAcknowledged();
  // Unavailable once a publish failed (refused, or no acknowledgement).
  Status publish_error() const;
  // Waits up to `timeout_ms` for every publish to be acknowledged.
  Status AwaitPublished(int64_t timeout_ms);

  // A durable pull consumer named `durable` over `filter`, delivering from
  // stream sequence `start` on (an existing one is recreated there).
  Status Subscribe(const std::string& stream, const std::string& filter, const std::string& durable,
                   uint64_t start);
  // About `batch` messages in stream order (more when more are queued
  // already); none after `timeout_ms`, which is at least 50 ms.
  Result<std::vector<Delivered>> Fetch(int batch, int64_t timeout_ms);
  // Acknowledges every fetched message up to stream sequence `sequence`.
  Status AcknowledgeThrough(uint64_t sequence);

  struct Impl;

 private:
  explicit JetStream(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace pgveil::broker
