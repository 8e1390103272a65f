#include "replicator/jetstream_applier.h"

#include <chrono>
#include <future>
#include <map>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "broker/jetstream.h"
#include "core/identifier.h"
#include "pg/apply_session.h"
#include "pg/connection.h"
#include "pg/copy_stream.h"
#include "pg/replication_connection.h"
#include "replicator/change_batch.h"
#include "replicator/change_event.h"
#include "replicator/reconnect_backoff.h"
#include "replicator/replicator.h"
#include "replicator/schema_model.h"
#include "replicator/schema_transfer.h"
#include "replicator/target_state.h"

namespace pgveil::replicator {
namespace {

using Clock = std::chrono::steady_clock;
using pg::FirstRowValue;
using pgoutput::Lsn;

constexpr int kFetchBatch = 256;
constexpr int64_t kIdleFetchMs = 200;
constexpr size_t kBatchBytes = size_t{16} << 20;
constexpr auto kCheckpointEvery = std::chrono::seconds(10);
constexpr auto kWaitForCopyNote = std::chrono::seconds(30);

constexpr const char* kPositionSql =
    "CREATE TABLE IF NOT EXISTS pgveil.stream_position (stream text PRIMARY KEY, "
    "sequence bigint NOT NULL)";

std::string PositionSql(const std::string& stream, uint64_t sequence) {
  return fmt::format(
      "INSERT INTO pgveil.stream_position VALUES ({}, {}) ON CONFLICT (stream) DO UPDATE SET "
      "sequence = excluded.sequence",
      QuoteLiteral(stream), sequence);
}

// A relation as the events describe it, written as it comes: no transformer.
StreamRelation PassThrough(const events::Table& table) {
  StreamRelation relation;
  relation.schema = table.schema;
  relation.name = table.name;
  relation.replica_identity = table.identity;
  for (const events::Column& column : table.columns) {
    StreamColumn out;
    out.name = column.name;
    out.type = column.type;
    out.type_oid = column.type_oid;
    out.key = column.key;
    out.rule = "keep";
    relation.columns.push_back(std::move(out));
  }
  return relation;
}

std::string RelationKey(const events::Table& table) {
  std::string key = table.schema + '\0' + table.name + '\0' + table.identity;
  for (const events::Column& column : table.columns) {
    key += '\0' + column.name + '\0' + column.type + (column.key ? "k" : "");
  }
  return key;
}

// A transaction's run of rows, held until its commit, with the session's
// relation of its table.
struct HeldRows {
  StreamRelation* relation = nullptr;
  std::vector<events::RowChange> changes;
};
using HeldPart = std::variant<HeldRows, events::Truncate, events::SchemaChange>;

// One connected run: from connecting to a stop or an error.
class ApplierSession {
 public:
  ApplierSession(const ApplyOptions& options, ReplicationObserver& observer, ApplySummary& summary,
                 StreamMetrics& metrics, bool batch_updates)
      : options_(options),
        observer_(observer),
        summary_(summary),
        metrics_(metrics),
        batch_(batch_updates) {}

  // Whether the run ended because a multi-row UPDATE met a unique violation:
  // nothing of it was committed, and a run with one-row updates can take
  // over from the same position.
  bool needs_one_row_updates() const { return needs_one_row_updates_; }

  Status Run() {
    PGVEIL_RETURN_IF_ERROR(Connect());
    while (true) {
      if (options_.stop->load()) return Drain();
      const int64_t wait = has_done_ ? std::max<int64_t>(1, options_.batch_milliseconds -
                                                                 BatchAgeMs())
                                     : kIdleFetchMs;
      PGVEIL_ASSIGN_OR_RETURN(std::vector<broker::Delivered> messages,
                              broker_->Fetch(kFetchBatch, std::min(wait, kIdleFetchMs)));
      if (messages.empty()) {
        PGVEIL_RETURN_IF_ERROR(Flush());
        if (options_.catch_up && seen_ >= catch_up_sequence_) return Drain();
        if (pending_ &&
            pending_->result.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
          PGVEIL_RETURN_IF_ERROR(AwaitApplied());
        }
        continue;
      }
      for (const broker::Delivered& message : messages) {
        // The consumer covers every subject of the stream, whose sequences
        // have no holes: one it redelivers was handled already, and a jump
        // means messages it counted as delivered never arrived (a server
        // failed over with them in flight). They come back only when their
        // acknowledgement wait runs out, so the consumer is made again at
        // the recorded position instead.
        if (message.sequence <= seen_) continue;
        if (message.sequence != seen_ + 1) {
          return Status::Unavailable(fmt::format(
              "the stream delivered sequence {} after {}; reading again from the last commit",
              message.sequence, seen_));
        }
        Result<events::Event> event = events::Decode(message.data);
        if (!event.ok()) {
          return event.status().WithContext(
              fmt::format("stream sequence {} ({})", message.sequence, message.subject));
        }
        sequence_ = message.sequence;
        PGVEIL_RETURN_IF_ERROR(std::visit([this](auto& e) { return On(e); }, *event));
        seen_ = message.sequence;
      }
      if (has_done_ && (done_changes_ >= options_.batch_changes || batch_.bytes() >= kBatchBytes ||
                        BatchAgeMs() >= options_.batch_milliseconds)) {
        PGVEIL_RETURN_IF_ERROR(Flush());
      }
    }
  }

 private:
  enum class Mode { kAwaitingCopy, kCopying, kStreaming };

  Status Connect() {
    PGVEIL_ASSIGN_OR_RETURN(target_, TargetState::OpenWaiting(options_.target_dsn, *options_.stop));
    PGVEIL_ASSIGN_OR_RETURN(apply_, OpenBatchSession(options_.target_dsn, observer_));
    PGVEIL_ASSIGN_OR_RETURN(broker_, broker::JetStream::Connect(options_.servers));
    PGVEIL_ASSIGN_OR_RETURN(std::string identity, target_->Identity());
    durable_ = SlotNameFor("apply " + options_.stream + " " + identity);

    uint64_t start = 0;
    PGVEIL_ASSIGN_OR_RETURN(std::optional<uint64_t> position, RecordedPosition());
    if (position) {
      mode_ = Mode::kStreaming;
      start = *position + 1;
      PGVEIL_RETURN_IF_ERROR(target_->PrepareStream());
      PGVEIL_ASSIGN_OR_RETURN(
          pg::Rows state,
          target_->connection().Query(
              "SELECT applied_lsn::text, (SELECT coalesce(jsonb_agg(description), '[]')::text "
              "FROM pgveil.stream_tables) FROM pgveil.replication_state WHERE id = 1"));
      PGVEIL_ASSIGN_OR_RETURN(applied_, pgoutput::ParseLsn(FirstRowValue(state, 0)));
      PGVEIL_RETURN_IF_ERROR(model_.Load(FirstRowValue(state, 1)));
    } else {
      PGVEIL_RETURN_IF_ERROR(CheckReplaceable());
      mode_ = Mode::kAwaitingCopy;
      PGVEIL_ASSIGN_OR_RETURN(start, LastCopyStart());
      if (start == 0) return Status::Ok();  // stopped while waiting
    }
    if (options_.catch_up) {
      PGVEIL_ASSIGN_OR_RETURN(catch_up_sequence_, broker_->LastSequence(options_.stream));
    }
    PGVEIL_RETURN_IF_ERROR(
        broker_->Subscribe(options_.stream, options_.stream + ".>", durable_, start));
    seen_ = start - 1;
    metrics_.streaming = true;
    metrics_.applied_lsn = applied_;
    observer_.Event(StreamEvent::kStreaming,
                    fmt::format("applying from the JetStream stream \"{}\" at sequence {}",
                                options_.stream, start));
    return Status::Ok();
  }

  // The stream sequence the target holds everything up to; nullopt for a
  // target without a whole copy from this stream.
  Result<std::optional<uint64_t>> RecordedPosition() {
    PGVEIL_ASSIGN_OR_RETURN(
        pg::Rows exists,
        target_->connection().Query("SELECT to_regclass('pgveil.stream_position') IS NOT NULL"));
    if (FirstRowValue(exists, 0) != "t") return std::optional<uint64_t>();
    PGVEIL_ASSIGN_OR_RETURN(
        pg::Rows rows,
        target_->connection().Query(
            "SELECT p.sequence::text FROM pgveil.stream_position p, pgveil.replication_state s "
            "WHERE s.id = 1 AND s.status = 'complete' AND p.stream = " +
            QuoteLiteral(options_.stream)));
    const std::string value = FirstRowValue(rows, 0);
    if (value.empty()) return std::optional<uint64_t>();
    return std::optional<uint64_t>(std::strtoull(value.c_str(), nullptr, 10));
  }

  // A target that holds something other than this stream's copy is only
  // replaced with --force; an unfinished copy is started over.
  Status CheckReplaceable() {
    PGVEIL_ASSIGN_OR_RETURN(TargetInspection found, target_->Inspect());
    if (found.condition == TargetCondition::kComplete && !options_.force) {
      return Status::InvalidArgument(
          "the target holds a complete masked copy that is not from the stream \"" +
          options_.stream + "\"; pass --force to replace it with the stream's");
    }
    if (found.condition == TargetCondition::kForeign && !options_.force) {
      return Status::InvalidArgument(fmt::format(
          "the target database is not empty ({} objects); apply into an empty database, or pass "
          "--force to drop everything in it first",
          found.objects));
    }
    return Status::Ok();
  }

  // The stream sequence of the last copy's first event, waiting for a
  // publisher to put one there; 0 when stopped meanwhile.
  Result<uint64_t> LastCopyStart() {
    Clock::time_point noted = Clock::now() - kWaitForCopyNote;
    while (!options_.stop->load()) {
      PGVEIL_ASSIGN_OR_RETURN(
          std::optional<broker::Stored> begin,
          broker_->LastMessage(options_.stream, options_.stream + ".snapshot.begin"));
      if (begin) return begin->sequence;
      if (options_.catch_up) {
        return Status::NotFound("the stream \"" + options_.stream +
                                "\" holds no masked copy to catch up with; run pgveil replicate "
                                "--sink first");
      }
      if (Clock::now() - noted >= kWaitForCopyNote) {
        noted = Clock::now();
        observer_.Note("the stream \"" + options_.stream +
                       "\" holds no masked copy yet; waiting for its publisher");
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    return uint64_t{0};
  }

  // The copy.

  Status On(const events::SnapshotBegin& begin) {
    if (mode_ == Mode::kStreaming) {
      observer_.Note("the stream holds a new masked copy of the source (its publisher started "
                     "over); replacing the target's");
    }
    PGVEIL_RETURN_IF_ERROR(Drain());
    Abandon();
    mode_ = Mode::kCopying;
    copy_ = CopyState{};
    relations_.clear();
    // The tables go, and with them what the prepared statements were for.
    batch_.ForgetPrepared();
    PGVEIL_RETURN_IF_ERROR(apply_->Execute("DEALLOCATE ALL").WithContext("the target"));
    copy_.begin = begin;
    summary_.restored = true;
    summary_.copy_rows = 0;
    observer_.Phase("emptying the target");
    PGVEIL_RETURN_IF_ERROR(target_->Reset());
    StateRecord record;
    record.consistent_lsn = pgoutput::FormatLsn(begin.snapshot);
    PGVEIL_RETURN_IF_ERROR(target_->MarkCopying(record));
    observer_.Phase("creating tables");
    return Acknowledge();
  }

  Status On(const events::SchemaSql& sql) {
    if (!InCopy(sql.snapshot)) return Status::Ok();
    std::string& text = sql.section == "pre-data" ? copy_.pre_data : copy_.post_data;
    text += sql.sql;
    if (sql.section == "pre-data" && sql.part + 1 == sql.parts) {
      PGVEIL_RETURN_IF_ERROR(RunSchemaSql("BEGIN;\n" + text + "\nCOMMIT")
                                 .WithContext("creating the tables on the target"));
      text.clear();
      observer_.Phase("copying");
    }
    return Acknowledge();
  }

  Status On(const events::CopyRows& rows) {
    if (!InCopy(rows.snapshot)) return Status::Ok();
    if (copy_writer_ == nullptr) {
      PGVEIL_ASSIGN_OR_RETURN(copy_writer_, pg::CopyWriter::Open(options_.target_dsn, ""));
    }
    std::string columns;
    for (const std::string& column : rows.columns) {
      columns += (columns.empty() ? "" : ", ") + QuoteIdent(column);
    }
    const std::string table = QuoteQualified(rows.table.schema, rows.table.name);
    PGVEIL_RETURN_IF_ERROR(copy_writer_->Start("COPY " + table + " (" + columns + ") FROM STDIN"));
    Status written = copy_writer_->Write(rows.rows);
    if (!written.ok()) {
      copy_writer_->Abort();
      return written.WithContext("copying into " + table);
    }
    Result<int64_t> loaded = copy_writer_->Finish();
    if (!loaded.ok()) return loaded.status().WithContext("copying into " + table);
    copy_.rows += *loaded;
    summary_.copy_rows = copy_.rows;
    return Acknowledge();
  }

  Status On(const events::SnapshotEnd& end) {
    if (!InCopy(end.snapshot)) return Status::Ok();
    copy_writer_.reset();
    observer_.Phase("creating indexes and constraints, refreshing materialized views");
    PGVEIL_RETURN_IF_ERROR(RunSchemaSql(copy_.post_data)
                               .WithContext("creating indexes, constraints and triggers on the "
                                            "target"));
    std::vector<RelationRef> matviews;
    for (const events::TableName& view : end.matviews) matviews.push_back({view.schema, view.name, 0});
    PGVEIL_RETURN_IF_ERROR(RefreshMaterializedViews(target_->connection(), matviews));
    PGVEIL_RETURN_IF_ERROR(target_->MarkComplete(
        "", end.tables, PolicyRecord{copy_.begin.policy_sha256, copy_.begin.policy_mode}));
    PGVEIL_RETURN_IF_ERROR(
        target_->connection()
            .Execute(std::string("BEGIN;") + kPositionSql + ";" + SetSequencesSql(end.sequences) +
                     PositionSql(options_.stream, sequence_) + "; COMMIT")
            .WithContext("recording the copy on the target"));
    PGVEIL_RETURN_IF_ERROR(model_.Load(end.tables));
    applied_ = end.snapshot;
    mode_ = Mode::kStreaming;
    metrics_.applied_lsn = applied_;
    observer_.Note(fmt::format("restored the masked copy of {} rows from the stream; applying "
                               "its changes from {}",
                               copy_.rows, pgoutput::FormatLsn(applied_)));
    return Acknowledge();
  }

  // pg_restore's SQL sets the session up its own way (an empty
  // search_path, among others): it runs on a session of its own.
  Status RunSchemaSql(const std::string& sql) {
    if (sql.empty()) return Status::Ok();
    Result<std::unique_ptr<pg::Connection>> session = pg::Connection::Open(options_.target_dsn);
    if (!session.ok()) return session.status().WithContext("the target");
    return (*session)->Execute(sql);
  }

  bool InCopy(Lsn snapshot) const {
    return mode_ == Mode::kCopying && copy_.begin.snapshot == snapshot;
  }

  // During the copy every event is acknowledged at once: a copy that is
  // interrupted starts over from its first event.
  Status Acknowledge() { return broker_->AcknowledgeThrough(sequence_); }

  // The changes.

  // A transaction's parts are held until its commit: only whole
  // transactions reach the batch, whose runs then go on across them as the
  // direct stream's do.
  Status On(events::Rows& rows) {
    StreamRelation* relation = nullptr;
    for (events::TransactionRows& transaction : rows.transactions) {
      if (Joins(transaction.lsn, transaction.part)) {
        if (relation == nullptr) relation = &Relation(rows.table);
        held_.emplace_back(std::in_place_type<HeldRows>,
                           HeldRows{relation, std::move(transaction.changes)});
      }
      if (transaction.commit) PGVEIL_RETURN_IF_ERROR(On(*transaction.commit));
    }
    // A transaction that goes on past this event started in it: the
    // position stays before the event, so that a new run reads it again.
    if (open_ && done_sequence_ == sequence_) done_sequence_ = sequence_ - 1;
    return Status::Ok();
  }
  Status On(events::Truncate& truncate) {
    if (Joins(truncate.lsn, truncate.part)) {
      held_.emplace_back(std::in_place_type<events::Truncate>, std::move(truncate));
    }
    return Status::Ok();
  }
  Status On(events::SchemaChange& change) {
    if (Joins(change.lsn, change.part)) {
      held_.emplace_back(std::in_place_type<events::SchemaChange>, std::move(change));
    }
    return Status::Ok();
  }

  // The pass-through relation of `table`, made on first sight.
  StreamRelation& Relation(const events::Table& table) {
    const std::string key = RelationKey(table);
    auto found = relations_.find(key);
    if (found == relations_.end()) found = relations_.emplace(key, PassThrough(table)).first;
    return found->second;
  }

  Status On(const events::Commit& commit) {
    if (mode_ != Mode::kStreaming || commit.lsn < applied_) {
      Abandon();
      return Status::Ok();
    }
    const int held = open_ && lsn_ == commit.lsn ? next_part_ : 0;
    if (held != commit.parts) {
      return Status::Internal(fmt::format(
          "the stream holds {} of the {} parts of the transaction at {}: it lost events",
          held, commit.parts, pgoutput::FormatLsn(commit.lsn)));
    }
    for (const HeldPart& part : held_) {
      PGVEIL_RETURN_IF_ERROR(std::visit([this](const auto& e) { return Apply(e); }, part));
    }
    Abandon();  // applied: nothing is held any more
    applied_ = commit.end_lsn;  // a later copy of this transaction is skipped
    done_commit_time_ = commit.commit_time;
    ++done_transactions_;
    return Done();
  }

  Status Apply(const HeldRows& rows) {
    StreamRelation& relation = *rows.relation;
    for (const events::RowChange& change : rows.changes) {
      switch (change.op) {
        case events::RowChange::Op::kInsert:
          PGVEIL_RETURN_IF_ERROR(batch_.Insert(relation, change.row));
          break;
        case events::RowChange::Op::kUpdate:
          PGVEIL_RETURN_IF_ERROR(
              batch_.Update(relation, pgoutput::Update{0, change.old_kind, change.old_row,
                                                       change.row}));
          break;
        case events::RowChange::Op::kDelete:
          PGVEIL_RETURN_IF_ERROR(
              batch_.Delete(relation, pgoutput::Delete{0, change.old_kind, change.old_row}));
          break;
      }
    }
    done_changes_ += static_cast<int64_t>(rows.changes.size());
    return Status::Ok();
  }

  Status Apply(const events::Truncate& truncate) {
    std::vector<const StreamRelation*> relations;
    for (const events::TableName& table : truncate.tables) {
      StreamRelation& relation = truncated_[table.schema + '\0' + table.name];
      relation.schema = table.schema;
      relation.name = table.name;
      relations.push_back(&relation);
    }
    uint8_t options = 0;
    if (truncate.cascade) options |= pgoutput::Truncate::kCascade;
    if (truncate.restart_identity) options |= pgoutput::Truncate::kRestartIdentity;
    batch_.Truncate(relations, options);
    ++done_changes_;
    return Status::Ok();
  }

  Status Apply(const events::SchemaChange& change) {
    PGVEIL_ASSIGN_OR_RETURN(SchemaChange parsed, ParseSchemaChange(change.description));
    for (const SourceTable& after : parsed.tables) {
      for (const std::string& sql : model_.Change(after)) batch_.Statement(sql);
      observer_.Event(StreamEvent::kSchemaChange,
                      "schema change on " + after.QualifiedName() + " applied to the target");
    }
    for (const SourceTable& dropped : parsed.dropped) {
      for (const std::string& sql : model_.Drop(dropped.oid)) batch_.Statement(sql);
    }
    return Status::Ok();
  }

  // Sequences are set between transactions; one set while a transaction
  // is held is a publisher's that died mid-transaction, and the next one
  // comes soon.
  Status On(const events::Sequences& sequences) {
    if (mode_ != Mode::kStreaming || open_) return Status::Ok();
    batch_.Statement(SetSequencesSql(sequences.values));
    return Done();
  }

  // The event just handled ends what the next flush sends and acknowledges.
  Status Done() {
    if (!has_done_) batch_started_ = Clock::now();
    has_done_ = true;
    done_sequence_ = sequence_;
    return Status::Ok();
  }

  // Whether an event of part `part` of the transaction at `lsn` is to be
  // held: not before the copy, not one the target holds, and in order.
  // A part 0 of the transaction being held means it was published again
  // from its start: what was held of it is dropped.
  bool Joins(Lsn lsn, int part) {
    if (mode_ != Mode::kStreaming || lsn < applied_) return false;
    if (open_ && (lsn != lsn_ || part == 0)) Abandon();
    if (!open_) {
      if (part != 0) return false;  // the rest of one that started before this run's position
      open_ = true;
      lsn_ = lsn;
      next_part_ = 0;
    }
    if (part != next_part_) return false;
    ++next_part_;
    return true;
  }

  // Drops what is held of the open transaction.
  void Abandon() {
    held_.clear();
    open_ = false;
  }

  int64_t BatchAgeMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - batch_started_)
        .count();
  }

  // The whole transactions received, with their position, as one target
  // transaction, which runs while the stream is read on; the one sent
  // before it must have committed first (AwaitApplied).
  Status Flush() {
    if (!has_done_) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(AwaitApplied());
    std::string position = "UPDATE pgveil.replication_state SET applied_lsn = " +
                           QuoteLiteral(pgoutput::FormatLsn(applied_)) + ", applied_at = now()";
    if (done_transactions_ > 0) {
      position += fmt::format(", source_commit_time = to_timestamp({:.6f})",
                              static_cast<double>(pg::kPostgresEpochUnixSeconds) +
                                  static_cast<double>(done_commit_time_) / 1e6);
    }
    position += " WHERE id = 1;\n" + PositionSql(options_.stream, done_sequence_) + ";\nCOMMIT";
    PendingApply pending;
    pending.applied = applied_;
    pending.sequence = done_sequence_;
    pending.transactions = done_transactions_;
    pending.changes = done_changes_;
    pending.commit_time = done_commit_time_;
    pending.batched_updates = batch_.has_batched_updates();
    pending.result = SendBatch(apply_.get(), "BEGIN", batch_.Take(), std::move(position));
    pending_ = std::move(pending);
    has_done_ = false;
    done_transactions_ = 0;
    done_changes_ = 0;
    return Status::Ok();
  }

  // Waits for the transaction in flight on the target; once it committed,
  // the consumer is acknowledged up to its last event.
  Status AwaitApplied() {
    if (!pending_) return Status::Ok();
    PendingApply done;
    PGVEIL_RETURN_IF_ERROR(AwaitBatch(pending_, &done, &needs_one_row_updates_));
    PGVEIL_RETURN_IF_ERROR(broker_->AcknowledgeThrough(done.sequence));
    summary_.transactions += done.transactions;
    summary_.changes += done.changes;
    summary_.applied_lsn = pgoutput::FormatLsn(done.applied);
    metrics_.applied_lsn = done.applied;
    metrics_.transactions += done.transactions;
    metrics_.changes += done.changes;
    if (done.transactions > 0) {
      metrics_.lag_seconds = static_cast<double>(pg::PostgresNowMicros() - done.commit_time) / 1e6;
    }
    if (Clock::now() - last_checkpoint_ > kCheckpointEvery) {
      last_checkpoint_ = Clock::now();
      observer_.Event(StreamEvent::kCheckpoint,
                      fmt::format("applied up to {} (stream sequence {}): {} transactions, {} "
                                  "row changes in this run",
                                  summary_.applied_lsn, done.sequence, summary_.transactions,
                                  summary_.changes));
    }
    return Status::Ok();
  }

  // Everything received applied and acknowledged.
  Status Drain() {
    PGVEIL_RETURN_IF_ERROR(Flush());
    return AwaitApplied();
  }

  // A target transaction in flight.
  struct PendingApply {
    Lsn applied = 0;
    uint64_t sequence = 0;
    int64_t transactions = 0;
    int64_t changes = 0;
    int64_t commit_time = 0;
    bool batched_updates = false;
    std::future<Status> result;
  };

  struct CopyState {
    events::SnapshotBegin begin;
    std::string pre_data, post_data;
    int64_t rows = 0;
  };

  const ApplyOptions& options_;
  ReplicationObserver& observer_;
  ApplySummary& summary_;
  StreamMetrics& metrics_;

  std::unique_ptr<TargetState> target_;      // holds the lock and the state row
  std::unique_ptr<pg::ApplySession> apply_;  // where the changes are applied
  std::unique_ptr<pg::CopyWriter> copy_writer_;
  std::unique_ptr<broker::JetStream> broker_;
  std::string durable_;
  Mode mode_ = Mode::kAwaitingCopy;
  CopyState copy_;
  SchemaModel model_;
  uint64_t sequence_ = 0;  // of the event being handled
  uint64_t seen_ = 0;      // the last sequence handled
  uint64_t catch_up_sequence_ = 0;

  std::map<std::string, StreamRelation> relations_;  // by RelationKey
  std::map<std::string, StreamRelation> truncated_;  // names only
  // The end LSN of the last transaction taken in (or the copy's consistent
  // point): a transaction that commits before it is on the target already.
  Lsn applied_ = 0;
  bool open_ = false;  // a transaction's parts are being held
  Lsn lsn_ = 0;        // the open transaction's commit LSN
  int next_part_ = 0;
  std::vector<HeldPart> held_;       // the open transaction's parts so far
  ChangeBatch batch_;                // whole transactions not yet sent
  bool has_done_ = false;            // the next flush has something to send
  bool needs_one_row_updates_ = false;
  int64_t done_commit_time_ = 0;
  uint64_t done_sequence_ = 0;
  int64_t done_transactions_ = 0;
  int64_t done_changes_ = 0;
  Clock::time_point batch_started_;
  Clock::time_point last_checkpoint_;
  std::optional<PendingApply> pending_;  // last: it may still use apply_
};

bool Retryable(const Status& status) { return status.code() == StatusCode::kUnavailable; }

}  // namespace

Result<ApplySummary> ApplyFromJetStream(const ApplyOptions& options,
                                        ReplicationObserver& observer) {
  ApplySummary summary;
  StreamMetrics unobserved;
  StreamMetrics& metrics = options.metrics != nullptr ? *options.metrics : unobserved;
  // A broker that cannot be reached at the start is a mistake to report,
  // not an outage to wait out.
  PGVEIL_RETURN_IF_ERROR(broker::JetStream::Connect(options.servers).status());
  ReconnectBackoff backoff(options.max_retry_seconds, *options.stop);
  bool batch_updates = true;
  while (true) {
    const int64_t before = summary.transactions;
    ApplierSession session(options, observer, summary, metrics, batch_updates);
    Status status = session.Run();
    metrics.streaming = false;
    if (session.needs_one_row_updates() && batch_updates) {
      ++metrics.target_errors;
      observer.Event(StreamEvent::kRetry,
                     status.message() + "; applying updates one row at a time from here on");
      batch_updates = false;
      continue;
    }
    if (status.ok()) return summary;
    if (!Retryable(status) || options.stop->load()) return status;
    if (summary.transactions > before) backoff.Reset();
    ++metrics.target_errors;
    ++summary.reconnections;
    if (!backoff.Wait(status, observer)) return summary;
  }
}

}  // namespace pgveil::replicator
