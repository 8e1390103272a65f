#include "broker/jetstream.h"

#include <nats/nats.h>

#include <algorithm>
#include <deque>
#include <map>
#include <mutex>
#include <set>

#include <fmt/format.h>

namespace pgveil::broker {
namespace {

constexpr int64_t kNanosPerSecond = 1000000000;
constexpr jsErrCode kNoCode = static_cast<jsErrCode>(0);
constexpr int64_t kPublishAckWaitMs = 10000;
constexpr int64_t kApiWaitMs = 10000;
// A consumer redelivers what is not acknowledged after this long; the
// applier acknowledges after each target commit, well within it.
constexpr int64_t kAckWaitSeconds = 600;
constexpr int64_t kMaxAckPending = int64_t{1} << 20;
constexpr int64_t kMinFetchMs = 50;

// What went wrong with a client call, without anything a message held.
Status Failed(natsStatus status, jsErrCode code, const std::string& what) {
  std::string text = natsStatus_GetText(status);
  if (code != 0) text += fmt::format(" (JetStream error {})", static_cast<int>(code));
  return Status::Unavailable(fmt::format("NATS: {}: {}", what, text));
}

}  // namespace

struct JetStream::Impl {
  natsOptions* options = nullptr;
  natsConnection* connection = nullptr;
  jsCtx* js = nullptr;
  natsSubscription* subscription = nullptr;
  std::map<uint64_t, natsMsg*> unacknowledged;  // fetched, by stream sequence
  std::string last_id;                          // of the last message published

  std::mutex mutex;                   // guards what the client's threads touch:
  std::set<std::string> acknowledged;  // ids stored by the stream, not yet taken
  std::string publish_failure;         // the first publish that failed
  std::deque<std::string> published;   // ids in publishing order, not yet taken

  ~Impl() {
    // First the connection: its threads may still be delivering
    // acknowledgements into the context and this object.
    if (connection != nullptr) natsConnection_Close(connection);
    for (auto& [sequence, message] : unacknowledged) natsMsg_Destroy(message);
    if (subscription != nullptr) natsSubscription_Destroy(subscription);
    if (js != nullptr) jsCtx_Destroy(js);
    if (connection != nullptr) natsConnection_Destroy(connection);
    if (options != nullptr) natsOptions_Destroy(options);
  }

  static void OnPublished(jsCtx*, natsMsg* message, jsPubAck* ack, jsPubAckErr* error,
                          void* closure) {
    auto* self = static_cast<Impl*>(closure);
    const char* id = nullptr;
    natsMsgHeader_Get(message, "Nats-Msg-Id", &id);
    {
      std::lock_guard<std::mutex> lock(self->mutex);
      if (ack != nullptr && id != nullptr) {
        self->acknowledged.insert(id);
      } else if (self->publish_failure.empty()) {
        self->publish_failure =
            error != nullptr ? fmt::format("{}{}", natsStatus_GetText(error->Err),
                                           error->ErrCode != 0
                                               ? fmt::format(" (JetStream error {})",
                                                             static_cast<int>(error->ErrCode))
                                               : "")
                             : "no acknowledgement";
      }
    }
    natsMsg_Destroy(message);
  }
};

JetStream::JetStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
JetStream::~JetStream() = default;

Result<std::unique_ptr<JetStream>> JetStream::Connect(const std::vector<std::string>& servers,
                                                      int max_pending) {
  auto impl = std::make_unique<Impl>();
  std::vector<const char*> urls;
  for (const std::string& server : servers) urls.push_back(server.c_str());
  natsStatus status = natsOptions_Create(&impl->options);
  if (status == NATS_OK) {
    status = natsOptions_SetServers(impl->options, urls.data(), static_cast<int>(urls.size()));
  }
  if (status == NATS_OK) status = natsOptions_SetMaxReconnect(impl->options, -1);
  if (status == NATS_OK) status = natsOptions_SetReconnectWait(impl->options, 250);
  if (status == NATS_OK) status = natsOptions_SetName(impl->options, "pgveil");
  if (status == NATS_OK) status = natsConnection_Connect(&impl->connection, impl->options);
  if (status != NATS_OK) return Failed(status, kNoCode, "cannot connect to " + servers.front());
  jsOptions options;
  jsOptions_Init(&options);
  options.Wait = kApiWaitMs;
  options.PublishAsync.MaxPending = max_pending;
  // A publish waits this long for room among the pending ones: long enough
  // to ride out a server's failover without failing the stream.
  options.PublishAsync.StallWait = kPublishAckWaitMs;
  options.PublishAsync.AckHandler = &Impl::OnPublished;
  options.PublishAsync.AckHandlerClosure = impl.get();
  status = natsConnection_JetStream(&impl->js, impl->connection, &options);
  if (status != NATS_OK) return Failed(status, kNoCode, "JetStream");
  return std::unique_ptr<JetStream>(new JetStream(std::move(impl)));
}

int JetStream::KnownServers() const {
  char** servers = nullptr;
  int count = 0;
  if (natsConnection_GetServers(impl_->connection, &servers, &count) != NATS_OK) return 1;
  for (int i = 0; i < count; ++i) free(servers[i]);
  free(servers);
  return count;
}

Status JetStream::EnsureStream(const StreamSettings& settings) {
  jsStreamInfo* info = nullptr;
  jsErrCode code = kNoCode;
  natsStatus status = js_GetStreamInfo(&info, impl_->js, settings.name.c_str(), nullptr, &code);
  if (status == NATS_OK) {
    const bool same = info->Config->SubjectsLen == 1 &&
                      settings.subjects == info->Config->Subjects[0];
    jsStreamInfo_Destroy(info);
    if (same) return Status::Ok();
    return Status::InvalidArgument(fmt::format(
        "the JetStream stream \"{}\" exists with other subjects than {}; pick another --stream",
        settings.name, settings.subjects));
  }
  if (status != NATS_NOT_FOUND) return Failed(status, code, "reading the stream");
  jsStreamConfig config;
  jsStreamConfig_Init(&config);
  const char* subjects[] = {settings.subjects.c_str()};
  config.Name = settings.name.c_str();
  config.Subjects = subjects;
  config.SubjectsLen = 1;
  config.Storage = js_FileStorage;
  config.Replicas = settings.replicas;
  config.Duplicates = settings.duplicate_window_seconds * kNanosPerSecond;
  status = js_AddStream(&info, impl_->js, &config, nullptr, &code);
  if (status != NATS_OK) return Failed(status, code, "creating the stream " + settings.name);
  jsStreamInfo_Destroy(info);
  return Status::Ok();
}

namespace {

// What js_GetMsg or js_GetLastMsg returned: nullopt for no such message.
Result<std::optional<Stored>> Got(natsStatus status, jsErrCode code, natsMsg* message,
                                  const std::string& what) {
  if (status == NATS_NOT_FOUND || code == JSStreamNotFoundErr || code == JSNoMessageFoundErr) {
    return std::optional<Stored>();
  }
  if (status != NATS_OK) return Failed(status, code, "reading " + what);
  Stored stored{std::string(natsMsg_GetData(message), natsMsg_GetDataLength(message)),
                natsMsg_GetSequence(message)};
  natsMsg_Destroy(message);
  return std::optional<Stored>(std::move(stored));
}

}  // namespace

Result<std::optional<Stored>> JetStream::LastMessage(const std::string& stream,
                                                     const std::string& subject) {
  natsMsg* message = nullptr;
  jsErrCode code = kNoCode;
  natsStatus status =
      js_GetLastMsg(&message, impl_->js, stream.c_str(), subject.c_str(), nullptr, &code);
  return Got(status, code, message, "the last message of " + subject);
}

Result<std::optional<Stored>> JetStream::Message(const std::string& stream, uint64_t sequence) {
  natsMsg* message = nullptr;
  jsErrCode code = kNoCode;
  natsStatus status = js_GetMsg(&message, impl_->js, stream.c_str(), sequence, nullptr, &code);
  return Got(status, code, message, fmt::format("message {} of {}", sequence, stream));
}

Result<uint64_t> JetStream::LastSequence(const std::string& stream) {
  jsStreamInfo* info = nullptr;
  jsErrCode code = kNoCode;
  natsStatus status = js_GetStreamInfo(&info, impl_->js, stream.c_str(), nullptr, &code);
  if (status == NATS_NOT_FOUND || code == JSStreamNotFoundErr) return uint64_t{0};
  if (status != NATS_OK) return Failed(status, code, "reading the stream " + stream);
  const uint64_t last = info->State.LastSeq;
  jsStreamInfo_Destroy(info);
  return last;
}

Status JetStream::Publish(const std::string& subject, std::string_view data,
                          const std::string& id) {
  PGVEIL_RETURN_IF_ERROR(publish_error());
  natsMsg* message = nullptr;
  natsStatus status = natsMsg_Create(&message, subject.c_str(), nullptr, data.data(),
                                     static_cast<int>(data.size()));
  if (status != NATS_OK) return Failed(status, kNoCode, "creating a message");
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MsgId = id.c_str();
  options.MaxWait = kPublishAckWaitMs;
  // Each message names the one before it: a message the stream lost in a
  // failover makes every later one fail, instead of leaving a gap that a
  // republish would fill out of order.
  if (!impl_->last_id.empty()) options.ExpectLastMsgId = impl_->last_id.c_str();
  {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->published.push_back(id);
  }
  status = js_PublishMsgAsync(impl_->js, &message, &options);
  if (status != NATS_OK) {
    natsMsg_Destroy(message);
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->published.pop_back();
    if (impl_->publish_failure.empty()) impl_->publish_failure = natsStatus_GetText(status);
    return Failed(status, kNoCode, "publishing to " + subject);
  }
  impl_->last_id = id;
  return Status::Ok();
}

std::vector<std::string> JetStream::TakeAcknowledged() {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  std::vector<std::string> taken;
  while (!impl_->published.empty()) {
    auto found = impl_->acknowledged.find(impl_->published.front());
    if (found == impl_->acknowledged.end()) break;
    impl_->acknowledged.erase(found);
    taken.push_back(std::move(impl_->published.front()));
    impl_->published.pop_front();
  }
  return taken;
}

Status JetStream::publish_error() const {
  std::lock_guard<std::mutex> lock(impl_->mutex);
  if (impl_->publish_failure.empty()) return Status::Ok();
  return Status::Unavailable("NATS: a publish was not stored: " + impl_->publish_failure);
}

Status JetStream::AwaitPublished(int64_t timeout_ms) {
  jsPubOptions options;
  jsPubOptions_Init(&options);
  options.MaxWait = timeout_ms;
  natsStatus status = js_PublishAsyncComplete(impl_->js, &options);
  if (status != NATS_OK) return Failed(status, kNoCode, "waiting for the stream to store what was sent");
  return publish_error();
}

Status JetStream::Subscribe(const std::string& stream, const std::string& filter,
                            const std::string& durable, uint64_t start) {
  jsErrCode code = kNoCode;
  natsStatus status =
      js_DeleteConsumer(impl_->js, stream.c_str(), durable.c_str(), nullptr, &code);
  if (status != NATS_OK && status != NATS_NOT_FOUND) {
    return Failed(status, code, "removing the consumer " + durable);
  }
  jsSubOptions options;
  jsSubOptions_Init(&options);
  options.Stream = stream.c_str();
  options.Config.Durable = durable.c_str();
  options.Config.DeliverPolicy = js_DeliverByStartSequence;
  options.Config.OptStartSeq = start;
  options.Config.AckPolicy = js_AckAll;
  options.Config.AckWait = kAckWaitSeconds * kNanosPerSecond;
  // A transaction's events stay unacknowledged until its commit event is
  // applied, however many there are: the server must not stop delivering.
  options.Config.MaxAckPending = kMaxAckPending;
  options.Config.FilterSubject = filter.c_str();
  status = js_PullSubscribe(&impl_->subscription, impl_->js, filter.c_str(), durable.c_str(),
                            nullptr, &options, &code);
  if (status != NATS_OK) return Failed(status, code, "subscribing as " + durable);
  return Status::Ok();
}

Result<std::vector<Delivered>> JetStream::Fetch(int batch, int64_t timeout_ms) {
  // libnats 3.4 first takes every message already queued for the
  // subscription (left by an earlier request the server answered after the
  // client stopped waiting) into an array of `batch`, past its end when
  // more are queued: a core dump showed 261 messages in an array of 256.
  // The batch asked for covers what is queued, and a fetch waits long
  // enough that the server ends its request (10 ms before the client
  // gives up) rather than answering it late.
  int queued = 0;
  if (natsSubscription_GetPending(impl_->subscription, &queued, nullptr) == NATS_OK) {
    batch += 2 * queued;
  }
  timeout_ms = std::max(timeout_ms, kMinFetchMs);
  natsMsgList list = {nullptr, 0};
  jsErrCode code = kNoCode;
  natsStatus status = natsSubscription_Fetch(&list, impl_->subscription, batch, timeout_ms, &code);
  std::vector<Delivered> delivered;
  if (status == NATS_TIMEOUT) return delivered;
  if (status != NATS_OK) return Failed(status, code, "fetching from the stream");
  for (int i = 0; i < list.Count; ++i) {
    natsMsg* message = list.Msgs[i];
    list.Msgs[i] = nullptr;
    jsMsgMetaData* meta = nullptr;
    if (natsMsg_GetMetaData(&meta, message) != NATS_OK) {
      natsMsg_Destroy(message);
      continue;  // not a stream message (a status the client passed on)
    }
    Delivered out;
    out.subject = natsMsg_GetSubject(message);
    out.data.assign(natsMsg_GetData(message), natsMsg_GetDataLength(message));
    out.sequence = meta->Sequence.Stream;
    jsMsgMetaData_Destroy(meta);
    auto [at, fresh] = impl_->unacknowledged.emplace(out.sequence, message);
    if (!fresh) natsMsg_Destroy(message);
    delivered.push_back(std::move(out));
  }
  natsMsgList_Destroy(&list);
  return delivered;
}

Status JetStream::AcknowledgeThrough(uint64_t sequence) {
  auto end = impl_->unacknowledged.upper_bound(sequence);
  if (end == impl_->unacknowledged.begin()) return Status::Ok();
  natsStatus status = natsMsg_Ack(std::prev(end)->second, nullptr);
  for (auto it = impl_->unacknowledged.begin(); it != end;) {
    natsMsg_Destroy(it->second);
    it = impl_->unacknowledged.erase(it);
  }
  if (status != NATS_OK) return Failed(status, kNoCode, "acknowledging");
  return Status::Ok();
}

}  // namespace pgveil::broker
