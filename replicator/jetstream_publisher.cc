#include "replicator/jetstream_publisher.h"

#include <chrono>
#include <deque>
#include <map>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "broker/jetstream.h"
#include "core/identifier.h"
#include "pg/connection.h"
#include "pg/replication_connection.h"
#include "replicator/change_event.h"
#include "replicator/ddl_capture.h"
#include "replicator/jetstream_snapshot.h"
#include "replicator/reconnect_backoff.h"
#include "replicator/replicator.h"
#include "replicator/schema_model.h"
#include "replicator/schema_sync.h"
#include "replicator/schema_transfer.h"
#include "replicator/stream_admin.h"

namespace pgveil::replicator {
namespace {

using Clock = std::chrono::steady_clock;
using pgoutput::Lsn;

// A run of changes to one table is published once it is this large, or
// when the source has nothing more to send at once.
constexpr size_t kRowsEventBytes = 256 << 10;
constexpr int kReadMs = 100;
constexpr auto kFeedbackEvery = std::chrono::seconds(1);
constexpr auto kCatchUpPoll = std::chrono::milliseconds(300);
constexpr int kEndStreamMs = 10000;
constexpr int64_t kAwaitStoredMs = 60000;
constexpr int kSelfReplicas = 3;

// The last event of `subject` in the stream, decoded; nullopt when none.
template <typename T>
Result<std::optional<std::pair<T, uint64_t>>> LastEvent(broker::JetStream& broker,
                                                        const std::string& stream,
                                                        const std::string& subject) {
  PGVEIL_ASSIGN_OR_RETURN(std::optional<broker::Stored> stored,
                          broker.LastMessage(stream, stream + "." + subject));
  if (!stored) return std::optional<std::pair<T, uint64_t>>();
  PGVEIL_ASSIGN_OR_RETURN(events::Event event, events::Decode(stored->data));
  if (!std::holds_alternative<T>(event)) {
    return Status::InvalidArgument("the stream holds another kind of event on " + stream + "." +
                                   subject);
  }
  return std::optional<std::pair<T, uint64_t>>({std::get<T>(event), stored->sequence});
}

// The commit LSN of the last transaction the stream holds whole: the last
// commit before its end, or 0 when none follows the last copy.
Result<Lsn> LastStoredCommit(broker::JetStream& broker, const std::string& stream) {
  PGVEIL_ASSIGN_OR_RETURN(uint64_t sequence, broker.LastSequence(stream));
  for (; sequence > 0; --sequence) {
    PGVEIL_ASSIGN_OR_RETURN(std::optional<broker::Stored> stored, broker.Message(stream, sequence));
    if (!stored) break;  // the stream's limits removed what is older
    PGVEIL_ASSIGN_OR_RETURN(events::Event event, events::Decode(stored->data));
    if (const events::Commit* commit = events::LastCommit(event)) return commit->lsn;
    const bool change = std::holds_alternative<events::Rows>(event) ||
                        std::holds_alternative<events::Truncate>(event) ||
                        std::holds_alternative<events::SchemaChange>(event) ||
                        std::holds_alternative<events::Sequences>(event);
    if (!change) break;  // a copy's: the changes start after it
  }
  return Lsn{0};
}

// One connected run: from connecting to a stop or an error.
class PublisherSession {
 public:
  PublisherSession(const policy::Policy& policy, const masking::KeyRing& keys,
                   const PublishOptions& options, ReplicationObserver& observer,
                   PublishSummary& summary, StreamMetrics& metrics, std::string slot,
                   broker::JetStream& broker)
      : options_(options),
        observer_(observer),
        summary_(summary),
        metrics_(metrics),
        plan_input_{policy, keys, options.judge},
        slot_(std::move(slot)),
        broker_(broker) {}

  Status Run() {
    PGVEIL_RETURN_IF_ERROR(Connect());
    last_feedback_ = last_sequences_ = Clock::now();
    while (true) {
      if ((options_.stop->load() || caught_up_) && !in_transaction_) return Finish();
      // Runs of rows wait for more only while the source has more at once.
      PGVEIL_ASSIGN_OR_RETURN(pg::ReplicationFrame frame,
                              replication_->Read(rows_.transactions.empty() ? kReadMs : 0));
      metrics_.source_lsn = std::max<uint64_t>(metrics_.source_lsn, frame.wal_end);
      if (frame.kind == pg::ReplicationFrame::Kind::kData) {
        PGVEIL_RETURN_IF_ERROR(OnMessage(frame.payload));
      } else if (frame.kind == pg::ReplicationFrame::Kind::kNone) {
        PGVEIL_RETURN_IF_ERROR(FlushRows());
      } else if (frame.kind == pg::ReplicationFrame::Kind::kKeepalive) {
        TakeAcknowledged();
        // Everything the server sent is stored: all of it is as good as durable.
        if (Idle() && frame.wal_end > confirmed_) confirmed_ = frame.wal_end;
        if (options_.catch_up && Idle() && frame.wal_end >= catch_up_lsn_) caught_up_ = true;
        if (frame.reply_requested) PGVEIL_RETURN_IF_ERROR(SendFeedback());
      }
      PGVEIL_RETURN_IF_ERROR(broker_.publish_error());
      PGVEIL_RETURN_IF_ERROR(Housekeeping());
    }
  }

 private:
  Status Connect() {
    Result<std::unique_ptr<pg::Connection>> source = pg::Connection::Open(options_.source_dsn);
    if (!source.ok()) return source.status().WithContext("the source");
    source_ = std::move(source).value();
    PGVEIL_RETURN_IF_ERROR(RefreshDdlCapture(*source_, slot_, slot_));
    if (options_.catch_up) {
      PGVEIL_ASSIGN_OR_RETURN(catch_up_lsn_, EndOfWal(*source_));
    }
    // What the stream holds already is not published again, whatever the
    // stream's duplicate window.
    PGVEIL_ASSIGN_OR_RETURN(stored_, LastStoredCommit(broker_, options_.stream));
    PGVEIL_ASSIGN_OR_RETURN(
        pg::Rows published,
        source_->Query("SELECT coalesce(string_agg(prrelid::text, ','), '') FROM "
                       "pg_publication_rel r JOIN pg_publication p ON p.oid = r.prpubid WHERE "
                       "p.pubname = " +
                       QuoteLiteral(slot_)));
    std::vector<uint32_t> oids;
    for (const std::string& oid : Split(pg::FirstRowValue(published, 0))) {
      oids.push_back(static_cast<uint32_t>(std::stoul(oid)));
    }
    PGVEIL_ASSIGN_OR_RETURN(std::vector<SourceTable> tables, DescribeTables(*source_, oids));
    PGVEIL_RETURN_IF_ERROR(model_.Load(TablesToJson(tables)));

    Result<std::unique_ptr<pg::ReplicationConnection>> replication =
        pg::ReplicationConnection::Open(options_.source_dsn);
    if (!replication.ok()) return replication.status().WithContext("the source");
    replication_ = std::move(replication).value();
    PGVEIL_RETURN_IF_ERROR(replication_->StartLogical(slot_, 0, /*publication=*/slot_));
    metrics_.streaming = true;
    observer_.Event(StreamEvent::kStreaming,
                    fmt::format("streaming from the slot \"{}\" to the JetStream stream \"{}\"",
                                slot_, options_.stream));
    return Status::Ok();
  }

  static std::vector<std::string> Split(const std::string& list) {
    std::vector<std::string> parts;
    size_t at = 0;
    while (at < list.size()) {
      size_t comma = list.find(',', at);
      if (comma == std::string::npos) comma = list.size();
      parts.push_back(list.substr(at, comma - at));
      at = comma + 1;
    }
    return parts;
  }

  bool Idle() const { return !in_transaction_ && commits_.empty() && rows_.transactions.empty(); }

  Status OnMessage(std::string_view payload) {
    Result<pgoutput::Event> event = pgoutput::Decode(payload);
    if (!event.ok()) return Status::Internal(event.status().message());
    return std::visit([this](auto& e) { return On(e); }, *event);
  }

  Status On(const pgoutput::Begin& begin) {
    in_transaction_ = true;
    lsn_ = begin.final_lsn;
    part_ = 0;
    transaction_changes_ = 0;
    skipping_ = begin.final_lsn <= stored_;
    return Status::Ok();
  }

  Status On(const pgoutput::Commit& commit) {
    in_transaction_ = false;
    if (skipping_) {
      skipping_ = false;
      return Status::Ok();
    }
    events::Commit event{lsn_, commit.end_lsn, commit.commit_time, part_};
    // A transaction whose last part is a run of rows ends in it.
    if (!rows_.transactions.empty() && rows_.transactions.back().lsn == lsn_) {
      rows_.transactions.back().commit = event;
      Ended(event);
      return Status::Ok();
    }
    PGVEIL_RETURN_IF_ERROR(FlushRows());
    Ended(event);
    return Send(event);
  }

  Status On(const pgoutput::Relation& relation) {
    relations_.erase(relation.oid);
    announced_[relation.oid] = relation;
    return Status::Ok();
  }

  Status On(const pgoutput::Insert& insert) {
    events::RowChange change;
    return Add(insert.relation, [&](StreamRelation& relation) {
      return MaskTuple(relation, insert.row, &change.row, scratch_);
    }, change);
  }

  Status On(const pgoutput::Update& update) {
    events::RowChange change;
    change.op = events::RowChange::Op::kUpdate;
    change.old_kind = update.old_kind;
    return Add(update.relation, [&](StreamRelation& relation) {
      if (update.old_kind != 0) {
        PGVEIL_RETURN_IF_ERROR(MaskTuple(relation, update.old_row, &change.old_row, scratch_));
      }
      return MaskTuple(relation, update.row, &change.row, scratch_);
    }, change);
  }

  Status On(const pgoutput::Delete& remove) {
    events::RowChange change;
    change.op = events::RowChange::Op::kDelete;
    change.old_kind = remove.old_kind;
    return Add(remove.relation, [&](StreamRelation& relation) {
      return MaskTuple(relation, remove.old_row, &change.old_row, scratch_);
    }, change);
  }

  Status On(const pgoutput::Truncate& truncate) {
    if (skipping_) return Status::Ok();
    events::Truncate event;
    for (uint32_t oid : truncate.relations) {
      PGVEIL_ASSIGN_OR_RETURN(StreamRelation * relation, Planned(oid));
      if (!relation->skipped) event.tables.push_back({relation->schema, relation->name});
    }
    if (event.tables.empty()) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(FlushRows());
    event.lsn = lsn_;
    event.part = part_++;
    event.cascade = (truncate.options & pgoutput::Truncate::kCascade) != 0;
    event.restart_identity = (truncate.options & pgoutput::Truncate::kRestartIdentity) != 0;
    ++transaction_changes_;
    return Send(event);
  }

  // A schema change: gated as the direct stream gates it, then published
  // with the tables the policy skips left out.
  Status On(const pgoutput::Message& message) {
    if (skipping_ || message.prefix != DdlMessagePrefix(slot_)) return Status::Ok();
    PGVEIL_ASSIGN_OR_RETURN(SchemaChange change, ParseSchemaChange(message.content));
    std::vector<SourceTable> kept;
    for (const SourceTable& after : change.tables) {
      const policy::TableRule* rules = plan_input_.policy.FindTable(after.schema, after.name);
      if (rules != nullptr && rules->skip) continue;
      PGVEIL_RETURN_IF_ERROR(GateSchemaChange(model_.Find(after.oid), after, plan_input_));
      (void)model_.Change(after);
      kept.push_back(after);
    }
    nlohmann::json dropped = nlohmann::json::array();
    for (const SourceTable& table : change.dropped) {
      if (model_.Drop(table.oid).empty()) continue;
      dropped.push_back({{"oid", table.oid}, {"schema", table.schema}, {"name", table.name}});
    }
    if (kept.empty() && dropped.empty()) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(FlushRows());
    const std::string description =
        "{\"tables\": " + TablesToJson(kept) + ", \"dropped\": " +
        dropped.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "}";
    return Send(events::SchemaChange{lsn_, part_++, description});
  }

  Status On(const pgoutput::Origin&) { return Status::Ok(); }
  Status On(const pgoutput::Type&) { return Status::Ok(); }

  // Masks one change with `mask` and adds it to the run of its relation.
  template <typename Mask>
  Status Add(uint32_t oid, Mask mask, events::RowChange& change) {
    if (skipping_) return Status::Ok();
    PGVEIL_ASSIGN_OR_RETURN(StreamRelation * relation, Planned(oid));
    if (relation->skipped) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(mask(*relation));
    if (oid != rows_oid_ || rows_bytes_ >= kRowsEventBytes) {
      PGVEIL_RETURN_IF_ERROR(FlushRows());
      rows_oid_ = oid;
      rows_.table = {relation->schema, relation->name, relation->replica_identity, {}};
      for (const StreamColumn& column : relation->columns) {
        rows_.table.columns.push_back({column.name, column.type, column.type_oid, column.key});
      }
    }
    if (rows_.transactions.empty() || rows_.transactions.back().lsn != lsn_) {
      rows_.transactions.push_back({lsn_, part_++, {}, std::nullopt});
    }
    for (const pgoutput::Tuple* tuple : {&change.row, &change.old_row}) {
      for (const pgoutput::TupleValue& value : *tuple) rows_bytes_ += value.data.size() + 4;
    }
    rows_.transactions.back().changes.push_back(std::move(change));
    ++transaction_changes_;
    return Status::Ok();
  }

  // Publishes the run of changes gathered so far, if any.
  Status FlushRows() {
    if (rows_.transactions.empty()) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(Send(rows_));
    rows_.transactions.clear();
    rows_bytes_ = 0;
    rows_oid_ = 0;
    return Status::Ok();
  }

  // The transaction being received ends with the next event published.
  void Ended(const events::Commit& commit) {
    ending_.end = commit.end_lsn;
    ending_.transactions += 1;
    ending_.changes += transaction_changes_;
  }

  // The plan of relation `oid`: where a column without a rule stops.
  Result<StreamRelation*> Planned(uint32_t oid) {
    auto planned = relations_.find(oid);
    if (planned != relations_.end()) return &planned->second;
    auto announced = announced_.find(oid);
    if (announced == announced_.end()) {
      return Status::Internal(
          fmt::format("the stream sent a change of relation {} before describing it", oid));
    }
    PGVEIL_ASSIGN_OR_RETURN(std::vector<std::string> types,
                            ColumnTypeNames(*source_, announced->second));
    PGVEIL_ASSIGN_OR_RETURN(StreamRelation plan,
                            PlanStreamRelation(announced->second, types, plan_input_));
    if (rows_oid_ == oid) PGVEIL_RETURN_IF_ERROR(FlushRows());
    return &(relations_[oid] = std::move(plan));
  }

  // Publishes `event`, which ends the transactions Ended() since the last.
  Status Send(const events::Event& event) {
    Result<std::string> id = PublishEvent(broker_, options_.stream, event);
    if (!id.ok()) return id.status().WithContext("the JetStream stream");
    if (ending_.transactions > 0) {
      ending_.id = std::move(id).value();
      commits_.push_back(std::move(ending_));
      ending_ = PublishedCommits{};
    }
    return Status::Ok();
  }

  // Moves the confirmed position past every commit the stream has stored.
  void TakeAcknowledged() {
    for (const std::string& id : broker_.TakeAcknowledged()) {
      if (commits_.empty() || commits_.front().id != id) continue;
      confirmed_ = std::max(confirmed_, commits_.front().end);
      summary_.transactions += commits_.front().transactions;
      summary_.changes += commits_.front().changes;
      metrics_.transactions += commits_.front().transactions;
      metrics_.changes += commits_.front().changes;
      commits_.pop_front();
    }
    metrics_.applied_lsn = confirmed_;
    summary_.confirmed_lsn = pgoutput::FormatLsn(confirmed_);
  }

  Status SendFeedback() {
    last_feedback_ = Clock::now();
    return replication_->SendFeedback(confirmed_);
  }

  Status Housekeeping() {
    const Clock::time_point now = Clock::now();
    if (now - last_feedback_ > kFeedbackEvery) {
      TakeAcknowledged();
      PGVEIL_RETURN_IF_ERROR(SendFeedback());
      // Asks for a keepalive, which says how far the server has sent.
      if (options_.catch_up && Idle()) {
        PGVEIL_RETURN_IF_ERROR(replication_->SendFeedback(confirmed_, /*reply_requested=*/true));
      }
    } else if (options_.catch_up && Idle() && now - last_feedback_ > kCatchUpPoll) {
      last_feedback_ = now;
      PGVEIL_RETURN_IF_ERROR(replication_->SendFeedback(confirmed_, /*reply_requested=*/true));
    }
    if (!in_transaction_ &&
        now - last_sequences_ > std::chrono::seconds(options_.sequence_seconds)) {
      last_sequences_ = now;
      PGVEIL_RETURN_IF_ERROR(SendSequences());
    }
    return Status::Ok();
  }

  Status SendSequences() {
    PGVEIL_ASSIGN_OR_RETURN(std::vector<SequenceValue> values, ReadSequenceValues(*source_));
    if (values.empty()) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(FlushRows());
    return Send(events::Sequences{pg::PostgresNowMicros(), std::move(values)});
  }

  // Everything received published and stored, the slot told so, and the
  // stream ended so that the source has taken it in before this process goes.
  Status Finish() {
    PGVEIL_RETURN_IF_ERROR(FlushRows());
    PGVEIL_RETURN_IF_ERROR(SendSequences());
    PGVEIL_RETURN_IF_ERROR(
        broker_.AwaitPublished(kAwaitStoredMs).WithContext("the JetStream stream"));
    TakeAcknowledged();
    PGVEIL_RETURN_IF_ERROR(SendFeedback());
    return replication_->EndStream(kEndStreamMs);
  }

  // A published event that ends transactions: the last one's end.
  struct PublishedCommits {
    std::string id;
    Lsn end = 0;
    int64_t transactions = 0;
    int64_t changes = 0;
  };

  const PublishOptions& options_;
  ReplicationObserver& observer_;
  PublishSummary& summary_;
  StreamMetrics& metrics_;
  StreamPlanInput plan_input_;
  const std::string slot_;
  broker::JetStream& broker_;

  std::unique_ptr<pg::Connection> source_;
  std::unique_ptr<pg::ReplicationConnection> replication_;
  Lsn stored_ = 0;     // the commit LSN of the last transaction the stream holds whole
  Lsn confirmed_ = 0;  // told to the source
  Lsn catch_up_lsn_ = 0;
  bool caught_up_ = false;

  std::map<uint32_t, pgoutput::Relation> announced_;
  std::map<uint32_t, StreamRelation> relations_;
  SchemaModel model_;  // the streamed tables, for the schema gate
  masking::MaskedValue scratch_;

  bool in_transaction_ = false;
  bool skipping_ = false;
  Lsn lsn_ = 0;  // the commit LSN of the transaction being received
  int part_ = 0;
  int64_t transaction_changes_ = 0;
  events::Rows rows_;  // the run of changes to one relation being gathered
  uint32_t rows_oid_ = 0;
  size_t rows_bytes_ = 0;
  PublishedCommits ending_;               // what the next event published ends
  std::deque<PublishedCommits> commits_;  // published, not yet stored
  Clock::time_point last_feedback_, last_sequences_;
};

// Whether the stream holds a whole copy made from `slot`, which still
// exists: then the publisher streams on from the slot.
Result<bool> CopyIsWhole(broker::JetStream& broker, const std::string& stream,
                         pg::Connection& source, const std::string& slot) {
  PGVEIL_ASSIGN_OR_RETURN(auto begin, LastEvent<events::SnapshotBegin>(broker, stream,
                                                                       "snapshot.begin"));
  PGVEIL_ASSIGN_OR_RETURN(auto end, LastEvent<events::SnapshotEnd>(broker, stream, "snapshot.end"));
  if (!begin || !end || begin->first.slot != slot || end->first.snapshot != begin->first.snapshot ||
      end->second < begin->second) {
    return false;
  }
  PGVEIL_ASSIGN_OR_RETURN(std::optional<SlotPosition> position, ReadSlotPosition(source, slot));
  return position.has_value();
}

bool Retryable(const Status& status) { return status.code() == StatusCode::kUnavailable; }

}  // namespace

std::string PublisherSlotName(const std::string& stream, const std::string& source_identity) {
  return SlotNameFor("jetstream " + stream + " " + source_identity);
}

Result<RemovedStream> RemovePublisherSlot(const std::string& source_dsn,
                                          const std::string& stream) {
  Result<std::unique_ptr<pg::Connection>> source = pg::Connection::Open(source_dsn);
  if (!source.ok()) return source.status().WithContext("the source");
  PGVEIL_ASSIGN_OR_RETURN(std::string identity, SourceIdentity(**source));
  return RemoveSlot(**source, PublisherSlotName(stream, identity));
}

Result<PublishSummary> PublishToJetStream(const policy::Policy& policy,
                                          const masking::KeyRing& keys,
                                          const PublishOptions& options,
                                          ReplicationObserver& observer) {
  PublishSummary summary;
  StreamMetrics unobserved;
  StreamMetrics& metrics = options.metrics != nullptr ? *options.metrics : unobserved;
  // A broker that cannot be reached at the start is a mistake to report,
  // not an outage to wait out.
  PGVEIL_RETURN_IF_ERROR(broker::JetStream::Connect(options.servers).status());
  ReconnectBackoff backoff(options.max_retry_seconds, *options.stop);
  bool copy_checked = false;
  while (true) {
    Status status = [&]() -> Status {
      PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<broker::JetStream> broker,
                              broker::JetStream::Connect(options.servers));
      broker::StreamSettings settings;
      settings.name = options.stream;
      settings.subjects = options.stream + ".>";
      settings.replicas = broker->KnownServers() >= kSelfReplicas ? kSelfReplicas : 1;
      PGVEIL_RETURN_IF_ERROR(broker->EnsureStream(settings));
      Result<std::unique_ptr<pg::Connection>> source = pg::Connection::Open(options.source_dsn);
      if (!source.ok()) return source.status().WithContext("the source");
      PGVEIL_ASSIGN_OR_RETURN(std::string identity, SourceIdentity(**source));
      const std::string slot = PublisherSlotName(options.stream, identity);
      if (!copy_checked) {
        PGVEIL_ASSIGN_OR_RETURN(bool whole, CopyIsWhole(*broker, options.stream, **source, slot));
        if (!whole) {
          if (options.before_copy) PGVEIL_RETURN_IF_ERROR(options.before_copy());
          observer.Note("publishing a masked copy of the source to the JetStream stream \"" +
                        options.stream + "\"");
          PGVEIL_ASSIGN_OR_RETURN(PublishedCopy copy,
                                  PublishMaskedCopy(policy, keys, options, slot, *broker, observer));
          summary.copied = true;
          summary.copy_rows = copy.rows;
        }
        copy_checked = true;
      }
      const int64_t before = summary.transactions;
      PublisherSession session(policy, keys, options, observer, summary, metrics, slot, *broker);
      Status run = session.Run();
      if (summary.transactions > before) backoff.Reset();
      return run;
    }();
    metrics.streaming = false;
    if (status.ok()) return summary;
    if (!Retryable(status) || options.stop->load()) return status;
    ++metrics.source_errors;
    ++summary.reconnections;
    if (!backoff.Wait(status, observer)) return summary;
  }
}

}  // namespace pgveil::replicator
