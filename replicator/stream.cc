#include "replicator/stream.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <future>
#include <map>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "core/identifier.h"
#include "pg/apply_session.h"
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "pg/replication_connection.h"
#include "replicator/branch_lock.h"
#include "replicator/change_batch.h"
#include "replicator/ddl_capture.h"
#include "replicator/reconnect_backoff.h"
#include "replicator/schema_model.h"
#include "replicator/schema_sync.h"
#include "replicator/schema_transfer.h"
#include "replicator/stream_admin.h"
#include "replicator/target_state.h"

namespace pgveil::replicator {

using pg::FirstRowValue;
using pg::Rows;

namespace {

using Clock = std::chrono::steady_clock;
using pgoutput::Lsn;

// A transaction this large is sent to the target before its commit
// arrives (inside the still open target transaction), so memory stays
// bounded whatever the source commits at once.
constexpr size_t kSpillBytes = size_t{32} << 20;
// Flush the done transactions once their SQL is this large.
constexpr size_t kBatchBytes = size_t{16} << 20;
constexpr auto kFeedbackEvery = std::chrono::seconds(10);
constexpr auto kRetainedWalEvery = std::chrono::seconds(30);
constexpr auto kCatchUpPoll = std::chrono::milliseconds(300);
// How long a read of the stream waits while a target transaction is in
// flight, so that its acknowledgement is not late.
constexpr int kPendingPollMs = 5;
// A batch is sent once the stream has been quiet this long (or is full, or
// batch_milliseconds old): low lag when changes trickle in, big batches
// when they pour.
constexpr int kIdleFlushMs = 10;
constexpr int kEndStreamMs = 10000;
// How often the target session is asked whether a branch wants the target.
constexpr auto kBranchRequestEvery = std::chrono::milliseconds(100);
constexpr auto kBranchLockPoll = std::chrono::milliseconds(50);
constexpr auto kCheckpointEvery = std::chrono::seconds(10);
constexpr int kIdleReadMs = 100;

// A pgoutput time as SQL.
std::string TimestampSql(int64_t micros) {
  return fmt::format("to_timestamp({:.6f})", static_cast<double>(pg::kPostgresEpochUnixSeconds) +
                                                 static_cast<double>(micros) / 1e6);
}

// One connected run of the stream: from connecting to a stop or an error.
class StreamSession {
 public:
  StreamSession(const policy::Policy& policy, const masking::KeyRing& keys,
                const StreamOptions& options, ReplicationObserver& observer, StreamSummary& summary,
                StreamMetrics& metrics, bool batch_updates)
      : options_(options),
        observer_(observer),
        summary_(summary),
        metrics_(metrics),
        plan_input_{policy, keys, options.judge},
        batch_(batch_updates) {}

  // Whether the run ended because a multi-row UPDATE met a unique violation
  // (change_batch.h): nothing of it was committed, and a run with one-row
  // updates can take over from the same position.
  bool needs_one_row_updates() const { return needs_one_row_updates_; }

  Status Run() {
    PGVEIL_RETURN_IF_ERROR(Connect());
    last_feedback_ = last_sequences_ = last_wal_check_ = last_branch_check_ = Clock::now();
    while (true) {
      if ((options_.stop->load() || caught_up_) && !in_transaction_) return Finish();
      PGVEIL_ASSIGN_OR_RETURN(pg::ReplicationFrame frame, replication_->Read(ReadTimeout()));
      // Every frame carries the server's end of WAL: how far behind this is.
      metrics_.source_lsn = std::max<uint64_t>(metrics_.source_lsn, frame.wal_end);
      switch (frame.kind) {
        case pg::ReplicationFrame::Kind::kData: {
          // A schema stop leaves the stopping transaction, and those received
          // since the last target commit, unapplied and unacknowledged: the
          // next run gets them again from the slot.
          PGVEIL_RETURN_IF_ERROR(OnMessage(frame.payload));
          break;
        }
        case pg::ReplicationFrame::Kind::kKeepalive:
          // wal_end is how far the server has decoded and sent: with nothing
          // of it left unapplied, all of it is as good as durable here.
          if (Idle() && frame.wal_end > confirmed_) confirmed_ = frame.wal_end;
          if (Idle()) {
            metrics_.applied_lsn = confirmed_;
            metrics_.lag_seconds = 0;
          }
          if (options_.catch_up && Idle() && frame.wal_end >= catch_up_lsn_) caught_up_ = true;
          if (frame.reply_requested) PGVEIL_RETURN_IF_ERROR(SendFeedback());
          break;
        case pg::ReplicationFrame::Kind::kNone:
          // Nothing more has come for a moment: what is complete goes now,
          // rather than waiting out the batch's time.
          if (has_done_ && !in_transaction_) PGVEIL_RETURN_IF_ERROR(Flush());
          break;
      }
      PGVEIL_RETURN_IF_ERROR(Housekeeping());
      if (stopped_while_paused_) return Status::Ok();
    }
  }

  // Marks the target stopped with `status`'s message (names only).
  void RecordStop(const Status& status) {
    if (target_ == nullptr) return;
    if (pending_) pending_->result.wait();
    if (target_open_ && apply_) (void)apply_->Execute("ROLLBACK");
    // A schema stop is remembered as such: no branch is cut from a replica
    // whose last gate failed (branch.h).
    const char* stopped = status.code() == StatusCode::kGateFailed ? "gate_failed" : "stopped";
    (void)target_->connection().Execute(
        "UPDATE pgveil.replication_state SET stream_status = '" + std::string(stopped) +
        "', stream_message = " + QuoteLiteral(status.ok() ? "" : status.message()) +
        " WHERE id = 1");
  }

 private:
  Status Connect() {
    PGVEIL_RETURN_IF_ERROR(OpenTargetSessions());
    PGVEIL_RETURN_IF_ERROR(target_->PrepareStream());
    PGVEIL_ASSIGN_OR_RETURN(
        Rows state, target_->connection().Query(
                        "SELECT status, coalesce(slot, ''), coalesce(applied_lsn, "
                        "consistent_lsn)::text FROM pgveil.replication_state WHERE id = 1"));
    if (FirstRowValue(state, 0) != "complete" || FirstRowValue(state, 1).empty()) {
      return Status::InvalidArgument(
          "the target holds no complete masked copy made for streaming; run pgveil replicate "
          "without --snapshot-only first");
    }
    slot_ = FirstRowValue(state, 1);
    PGVEIL_ASSIGN_OR_RETURN(applied_, pgoutput::ParseLsn(FirstRowValue(state, 2)));
    confirmed_ = applied_;
    PGVEIL_RETURN_IF_ERROR(LoadModel());

    Result<std::unique_ptr<pg::Connection>> source = pg::Connection::Open(options_.source_dsn);
    if (!source.ok()) return source.status().WithContext("the source");
    source_ = std::move(source).value();
    PGVEIL_RETURN_IF_ERROR(RefreshDdlCapture(*source_, slot_, slot_));
    if (options_.catch_up) {
      PGVEIL_ASSIGN_OR_RETURN(catch_up_lsn_, EndOfWal(*source_));
    }
    Result<pg::ConnInfoParts> parts = pg::SplitPassword(options_.source_dsn);
    PGVEIL_RETURN_IF_ERROR(
        target_->connection()
            .Execute("UPDATE pgveil.replication_state SET stream_status = 'streaming', "
                     "stream_message = NULL, policy_sha256 = " +
                     QuoteLiteral(options_.policy.sha256) +
                     ", policy_mode = " + QuoteLiteral(options_.policy.mode) + ", source = " +
                     QuoteLiteral(parts.ok() ? parts->without_password : "") + " WHERE id = 1")
            .WithContext("the target"));

    Result<std::unique_ptr<pg::ReplicationConnection>> replication =
        pg::ReplicationConnection::Open(options_.source_dsn);
    if (!replication.ok()) return replication.status().WithContext("the source");
    replication_ = std::move(replication).value();
    PGVEIL_RETURN_IF_ERROR(replication_->StartLogical(slot_, applied_, /*publication=*/slot_));
    metrics_.streaming = true;
    metrics_.applied_lsn = applied_;
    observer_.Event(StreamEvent::kStreaming, "streaming from the slot \"" + slot_ + "\" after " +
                   pgoutput::FormatLsn(applied_));
    return Status::Ok();
  }

  // The target's sessions: the one holding the lock, which listens for
  // branches (branch_lock.h), and the one the batches are applied on.
  Status OpenTargetSessions() {
    PGVEIL_ASSIGN_OR_RETURN(target_, TargetState::OpenWaiting(options_.target_dsn, *options_.stop));
    PGVEIL_RETURN_IF_ERROR(
        target_->connection().Listen(kBranchChannel).WithContext("the target"));
    PGVEIL_ASSIGN_OR_RETURN(Rows oid,
                            target_->connection().Query(
                                "SELECT oid::text FROM pg_database WHERE datname = "
                                "current_database()"));
    target_oid_ = FirstRowValue(oid, 0);
    return OpenApplySession();
  }

  // The session the batches are applied on (the lock's session stays idle).
  Status OpenApplySession() {
    PGVEIL_ASSIGN_OR_RETURN(apply_, OpenBatchSession(options_.target_dsn, observer_));
    return Status::Ok();
  }

  Status LoadModel() {
    PGVEIL_ASSIGN_OR_RETURN(Rows rows,
                            target_->connection().Query("SELECT coalesce(jsonb_agg(description), "
                                                        "'[]')::text FROM pgveil.stream_tables"));
    return model_.Load(FirstRowValue(rows, 0));
  }

  bool Idle() const {
    return !in_transaction_ && batch_.empty() && !target_open_ && !has_done_ && !pending_;
  }

  int ReadTimeout() const {
    // Idle, the loop still comes round often enough to see a branch's request.
    if (!has_done_) return pending_ ? kPendingPollMs : kIdleReadMs;
    auto waited =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - batch_started_);
    return std::clamp<int>(options_.batch_milliseconds - static_cast<int>(waited.count()), 1,
                           kIdleFlushMs);
  }

  Status OnMessage(std::string_view payload) {
    Result<pgoutput::Event> event = pgoutput::Decode(payload);
    if (!event.ok()) return Status::Internal(event.status().message());
    return std::visit([this](auto& e) { return On(e); }, *event);
  }

  Status On(const pgoutput::Begin& begin) {
    in_transaction_ = true;
    transaction_changes_ = 0;
    skipping_ = begin.final_lsn < applied_;
    return Status::Ok();
  }

  Status On(const pgoutput::Commit& commit) {
    in_transaction_ = false;
    if (skipping_) {
      skipping_ = false;
      return Status::Ok();
    }
    done_changes_ += transaction_changes_;
    if (!has_done_) batch_started_ = Clock::now();
    has_done_ = true;
    done_end_ = commit.end_lsn;
    done_commit_time_ = commit.commit_time;
    done_commit_times_.push_back(commit.commit_time);
    ++done_transactions_;
    if (done_changes_ >= options_.batch_changes || batch_.bytes() >= kBatchBytes || target_open_) {
      return Flush();
    }
    return Status::Ok();
  }

  Status On(const pgoutput::Relation& relation) {
    batch_.Break();  // its open run may be of the plan replaced here
    relations_.erase(relation.oid);
    announced_[relation.oid] = relation;
    return Status::Ok();
  }

  Status On(const pgoutput::Insert& insert) {
    if (skipping_) return Status::Ok();
    PGVEIL_ASSIGN_OR_RETURN(StreamRelation * relation, Planned(insert.relation));
    if (relation->skipped) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(batch_.Insert(*relation, insert.row));
    ++transaction_changes_;
    return MaybeSpill();
  }

  Status On(const pgoutput::Update& update) {
    if (skipping_) return Status::Ok();
    PGVEIL_ASSIGN_OR_RETURN(StreamRelation * relation, Planned(update.relation));
    if (relation->skipped) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(batch_.Update(*relation, update));
    ++transaction_changes_;
    return MaybeSpill();
  }

  Status On(const pgoutput::Delete& change) {
    if (skipping_) return Status::Ok();
    PGVEIL_ASSIGN_OR_RETURN(StreamRelation * relation, Planned(change.relation));
    if (relation->skipped) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(batch_.Delete(*relation, change));
    ++transaction_changes_;
    return MaybeSpill();
  }

  Status On(const pgoutput::Truncate& truncate) {
    if (skipping_) return Status::Ok();
    std::vector<const StreamRelation*> relations;
    for (uint32_t oid : truncate.relations) {
      PGVEIL_ASSIGN_OR_RETURN(StreamRelation * relation, Planned(oid));
      if (!relation->skipped) relations.push_back(relation);
    }
    batch_.Truncate(relations, truncate.options);
    ++transaction_changes_;
    return Status::Ok();
  }

  Status On(const pgoutput::Message& message) {
    if (skipping_ || message.prefix != DdlMessagePrefix(slot_)) return Status::Ok();
    PGVEIL_ASSIGN_OR_RETURN(SchemaChange change, ParseSchemaChange(message.content));
    for (const SourceTable& after : change.tables) {
      const policy::TableRule* rules = plan_input_.policy.FindTable(after.schema, after.name);
      if (rules != nullptr && rules->skip) continue;
      PGVEIL_RETURN_IF_ERROR(GateSchemaChange(model_.Find(after.oid), after, plan_input_));
      for (const std::string& sql : model_.Change(after)) batch_.Statement(sql);
      observer_.Event(StreamEvent::kSchemaChange,
                      "schema change on " + after.QualifiedName() + " applied to the target");
    }
    for (const SourceTable& dropped : change.dropped) {
      const std::vector<std::string> statements = model_.Drop(dropped.oid);
      if (statements.empty()) continue;
      for (const std::string& sql : statements) batch_.Statement(sql);
      observer_.Event(StreamEvent::kSchemaChange,
                      "dropped " + dropped.QualifiedName() + " on the target");
    }
    return Status::Ok();
  }

  Status On(const pgoutput::Origin&) { return Status::Ok(); }
  Status On(const pgoutput::Type&) { return Status::Ok(); }

  // The plan of relation `oid`, made from its Relation message when first
  // used: this is where a column without a rule stops the stream.
  Result<StreamRelation*> Planned(uint32_t oid) {
    auto planned = relations_.find(oid);
    if (planned != relations_.end()) return &planned->second;
    auto announced = announced_.find(oid);
    if (announced == announced_.end()) {
      return Status::Internal(
          fmt::format("the stream sent a change of relation {} before "
                      "describing it",
                      oid));
    }
    const pgoutput::Relation& relation = announced->second;
    PGVEIL_ASSIGN_OR_RETURN(std::vector<std::string> types, ColumnTypeNames(*source_, relation));
    PGVEIL_ASSIGN_OR_RETURN(StreamRelation plan, PlanStreamRelation(relation, types, plan_input_));
    if (!plan.skipped) AddMissingColumns(plan);
    return &(relations_[oid] = std::move(plan));
  }

  // Without the schema triggers (a source role that is not superuser) a
  // column the policy covers can reach the stream before the target has
  // it; it is added here, in the same transaction as its first row.
  void AddMissingColumns(const StreamRelation& plan) {
    SourceTable* known = model_.Find(plan.oid);
    if (known == nullptr) return;
    for (const StreamColumn& column : plan.columns) {
      bool present = false;
      for (const SourceColumn& c : known->columns) present = present || c.name == column.name;
      if (present) continue;
      batch_.Statement("ALTER TABLE " + QuoteQualified(plan.schema, plan.name) +
                       " ADD COLUMN IF NOT EXISTS " + QuoteIdent(column.name) + " " + column.type);
      known->columns.push_back({0, column.name, column.type, false, false});
    }
  }

  // A transaction too large to hold goes to the target before its commit.
  Status MaybeSpill() {
    if (batch_.bytes() < kSpillBytes) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(AwaitApplied());
    std::string sql = target_open_ ? "" : "BEGIN;\n";
    target_open_ = true;
    sent_batched_updates_ = sent_batched_updates_ || batch_.has_batched_updates();
    sql += batch_.Take();
    return Applied(apply_->Execute(sql), sent_batched_updates_);
  }

  Status Applied(Status status, bool batched) {
    return AppliedStatus(std::move(status), batched, &needs_one_row_updates_);
  }

  // Sends every complete transaction received, with its end LSN, to the
  // target as one transaction, which runs while the stream is read on; the
  // one sent before it must have committed first (AwaitApplied). Only
  // between source transactions: the batch then holds complete ones only.
  Status Flush() {
    if (!has_done_) return Status::Ok();
    PGVEIL_RETURN_IF_ERROR(AwaitApplied());
    const bool batched = sent_batched_updates_ || batch_.has_batched_updates();
    std::string begin = target_open_ ? "" : "BEGIN";
    std::string sql = batch_.Take();
    std::string commit = "UPDATE pgveil.replication_state SET applied_lsn = " +
                         QuoteLiteral(pgoutput::FormatLsn(done_end_)) + ", applied_at = now(), " +
                         "source_commit_time = " + TimestampSql(done_commit_time_) +
                         " WHERE id = 1;\nCOMMIT";
    PendingApply pending;
    pending.end = done_end_;
    pending.transactions = done_transactions_;
    pending.changes = done_changes_;
    pending.commit_times = std::move(done_commit_times_);
    pending.batched_updates = batched;
    pending.result = SendBatch(apply_.get(), std::move(begin), std::move(sql), std::move(commit));
    pending_ = std::move(pending);
    target_open_ = false;
    has_done_ = false;
    sent_batched_updates_ = false;
    done_commit_times_.clear();
    done_transactions_ = 0;
    done_changes_ = 0;
    return Status::Ok();
  }

  // Waits for the transaction in flight on the target; once it committed,
  // its position is applied and acknowledged to the source.
  Status AwaitApplied() {
    if (!pending_) return Status::Ok();
    PendingApply done;
    PGVEIL_RETURN_IF_ERROR(AwaitBatch(pending_, &done, &needs_one_row_updates_));
    applied_ = done.end;
    if (applied_ > confirmed_) confirmed_ = applied_;
    summary_.transactions += done.transactions;
    summary_.changes += done.changes;
    summary_.applied_lsn = pgoutput::FormatLsn(applied_);
    const int64_t now = pg::PostgresNowMicros();
    for (int64_t committed : done.commit_times) {
      summary_.lag_ms.push_back(static_cast<float>(now - committed) / 1000.0f);
    }
    metrics_.applied_lsn = confirmed_;
    metrics_.transactions += done.transactions;
    metrics_.changes += done.changes;
    if (!done.commit_times.empty()) {
      metrics_.lag_seconds = static_cast<double>(now - done.commit_times.back()) / 1e6;
    }
    if (Clock::now() - last_checkpoint_ > kCheckpointEvery) {
      last_checkpoint_ = Clock::now();
      observer_.Event(StreamEvent::kCheckpoint,
                      fmt::format("applied and acknowledged up to {}: {} transactions, {} row "
                                  "changes in this run",
                                  summary_.applied_lsn, summary_.transactions, summary_.changes));
    }
    return SendFeedback();
  }

  // Everything received applied and acknowledged.
  Status Drain() {
    PGVEIL_RETURN_IF_ERROR(Flush());
    return AwaitApplied();
  }

  Status SendFeedback() {
    last_feedback_ = Clock::now();
    return replication_->SendFeedback(confirmed_);
  }

  Status Housekeeping() {
    const Clock::time_point now = Clock::now();
    if (has_done_ && !in_transaction_ && ReadTimeout() <= 1) PGVEIL_RETURN_IF_ERROR(Flush());
    if (pending_ &&
        pending_->result.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
      PGVEIL_RETURN_IF_ERROR(AwaitApplied());
    }
    if (now - last_feedback_ > kFeedbackEvery) PGVEIL_RETURN_IF_ERROR(SendFeedback());
    // Asks for a keepalive, which says how far the server has sent.
    if (options_.catch_up && Idle() && now - last_feedback_ > kCatchUpPoll) {
      last_feedback_ = now;
      PGVEIL_RETURN_IF_ERROR(replication_->SendFeedback(confirmed_, /*reply_requested=*/true));
    }
    if (!target_open_ && now - last_sequences_ > std::chrono::seconds(options_.sequence_seconds)) {
      last_sequences_ = now;
      PGVEIL_RETURN_IF_ERROR(SetSequences());
    }
    if (now - last_wal_check_ > kRetainedWalEvery) {
      last_wal_check_ = now;
      PGVEIL_RETURN_IF_ERROR(CheckRetainedWal());
    }
    if (now - last_branch_check_ > kBranchRequestEvery) {
      last_branch_check_ = now;
      PGVEIL_ASSIGN_OR_RETURN(bool asked, target_->connection().Notified());
      branch_requested_ = branch_requested_ || asked;
    }
    // Only between source transactions, with none half sent to the target:
    // the branch then holds whole transactions only.
    if (branch_requested_ && !in_transaction_ && !target_open_) {
      branch_requested_ = false;
      PGVEIL_RETURN_IF_ERROR(PauseForBranch());
    }
    return Status::Ok();
  }

  // A branch is being cut from the target (branch_lock.h): everything
  // received is applied and acknowledged, the target is left alone until
  // the branch lock is free, and the stream goes on from the same place.
  // The replication connection stays open and keeps feeding back meanwhile.
  Status PauseForBranch() {
    PGVEIL_RETURN_IF_ERROR(Drain());
    PGVEIL_RETURN_IF_ERROR(SetSequences());
    Result<std::unique_ptr<pg::Connection>> maintenance = OpenMaintenance(options_.target_dsn);
    if (!maintenance.ok()) {
      observer_.Event(StreamEvent::kWarning,
                      maintenance.status().message() + "; a branch of the target must wait");
      return Status::Ok();
    }
    ++metrics_.branch_pauses;
    metrics_.streaming = false;
    observer_.Event(StreamEvent::kPaused, "pausing at " + pgoutput::FormatLsn(applied_) +
                   " while a branch is cut from the target");
    const Clock::time_point paused = Clock::now();
    apply_.reset();
    target_.reset();
    batch_.ForgetPrepared();
    while (!options_.stop->load()) {
      PGVEIL_ASSIGN_OR_RETURN(Rows free, (*maintenance)->Query(BranchLockSql(
                                             "pg_try_advisory_lock_shared", target_oid_)));
      if (FirstRowValue(free, 0) == "t") {
        PGVEIL_RETURN_IF_ERROR(
            (*maintenance)->Execute(BranchLockSql("pg_advisory_unlock_shared", target_oid_)));
        break;
      }
      if (Clock::now() - last_feedback_ > kFeedbackEvery) PGVEIL_RETURN_IF_ERROR(SendFeedback());
      std::this_thread::sleep_for(kBranchLockPoll);
    }
    if (options_.stop->load()) {
      // Everything received is applied and acknowledged already; coming
      // back to the replica now would only get in the branch's way.
      stopped_while_paused_ = true;
      PGVEIL_RETURN_IF_ERROR(SendFeedback());
      return replication_->EndStream(kEndStreamMs);
    }
    PGVEIL_RETURN_IF_ERROR(OpenTargetSessions());
    metrics_.streaming = true;
    observer_.Event(StreamEvent::kResumed, fmt::format(
        "resumed after {:.1f} s", std::chrono::duration<double>(Clock::now() - paused).count()));
    return Status::Ok();
  }

  Status SetSequences() {
    PGVEIL_RETURN_IF_ERROR(AwaitApplied());
    Result<int> set = CopySequenceValues(*source_, target_->connection());
    return set.ok() ? Status::Ok() : set.status().WithContext("setting sequences on the target");
  }

  Status CheckRetainedWal() {
    PGVEIL_ASSIGN_OR_RETURN(std::optional<SlotPosition> position,
                            ReadSlotPosition(*source_, slot_));
    const int64_t retained = position ? position->retained : 0;
    metrics_.retained_wal = retained;
    if (retained > options_.retained_wal_warning) {
      observer_.Event(StreamEvent::kWarning,
          fmt::format("the slot \"{}\" retains {} MB of WAL on the source", slot_, retained >> 20));
    }
    return Status::Ok();
  }

  // The end of a run asked for (a signal, --catch-up): everything received
  // applied and acknowledged, and the stream ended so that the source has
  // taken the acknowledgement in before this process goes.
  Status Finish() {
    PGVEIL_RETURN_IF_ERROR(Drain());
    PGVEIL_RETURN_IF_ERROR(SetSequences());
    PGVEIL_RETURN_IF_ERROR(SendFeedback());
    return replication_->EndStream(kEndStreamMs);
  }

  const StreamOptions& options_;
  ReplicationObserver& observer_;
  StreamSummary& summary_;
  StreamMetrics& metrics_;
  StreamPlanInput plan_input_;

  std::unique_ptr<TargetState> target_;      // holds the lock and the state row
  std::unique_ptr<pg::ApplySession> apply_;  // where the changes are applied
  std::unique_ptr<pg::Connection> source_;
  std::unique_ptr<pg::ReplicationConnection> replication_;
  std::string slot_;
  std::string target_oid_;         // the target database's OID, which keys its branch lock
  bool branch_requested_ = false;  // a branch asked for the target (branch_lock.h)
  bool stopped_while_paused_ = false;
  Lsn applied_ = 0;       // end LSN of the last transaction committed on the target
  Lsn confirmed_ = 0;     // what the source was or will be told is durable
  Lsn catch_up_lsn_ = 0;  // with catch_up: the source's WAL position at the start
  bool caught_up_ = false;

  std::map<uint32_t, pgoutput::Relation> announced_;
  std::map<uint32_t, StreamRelation> relations_;
  SchemaModel model_;  // the streamed tables as the target has them

  bool in_transaction_ = false;
  bool skipping_ = false;     // the transaction committed before applied_: already on the target
  bool target_open_ = false;  // a target transaction holds spilled SQL
  // The SQL of the transactions received since the last flush, the one
  // being received last. Runs of changes go on across transactions.
  ChangeBatch batch_;
  int64_t transaction_changes_ = 0;    // row changes of the one being received
  bool has_done_ = false;              // the batch holds a complete transaction
  bool sent_batched_updates_ = false;  // a spill sent a multi-row UPDATE
  // The target transaction in flight, sent by Flush and not yet awaited.
  struct PendingApply {
    std::future<Status> result;
    Lsn end = 0;
    int64_t transactions = 0;
    int64_t changes = 0;
    std::vector<int64_t> commit_times;
    bool batched_updates = false;
  };
  std::optional<PendingApply> pending_;
  bool needs_one_row_updates_ = false;
  Lsn done_end_ = 0;
  int64_t done_commit_time_ = 0;
  std::vector<int64_t> done_commit_times_;
  int64_t done_transactions_ = 0;
  int64_t done_changes_ = 0;
  Clock::time_point batch_started_;
  Clock::time_point last_feedback_, last_sequences_, last_wal_check_, last_branch_check_;
  Clock::time_point last_checkpoint_;
};

bool Retryable(const Status& status) { return status.code() == StatusCode::kUnavailable; }

// Which side a retried failure came from: every target error names the target.
bool FromTarget(const Status& status) {
  return status.message().find("target") != std::string::npos;
}

}  // namespace

Result<StreamSummary> Stream(const policy::Policy& policy, const masking::KeyRing& keys,
                             const StreamOptions& options, ReplicationObserver& observer) {
  StreamSummary summary;
  StreamMetrics unobserved;
  StreamMetrics& metrics = options.metrics != nullptr ? *options.metrics : unobserved;
  ReconnectBackoff backoff(options.max_retry_seconds, *options.stop);
  bool batch_updates = true;
  while (true) {
    StreamSession session(policy, keys, options, observer, summary, metrics, batch_updates);
    const int64_t applied_before = summary.transactions;
    Status status = session.Run();
    metrics.streaming = false;
    if (session.needs_one_row_updates() && batch_updates) {
      ++metrics.target_errors;
      observer.Event(StreamEvent::kRetry,
                   status.message() + "; applying updates one row at a time from here on");
      batch_updates = false;
      continue;
    }
    if (status.ok() || !Retryable(status)) {
      session.RecordStop(status);
      if (!status.ok()) return status;
      return summary;
    }
    if (options.stop->load()) return status;
    ++(FromTarget(status) ? metrics.target_errors : metrics.source_errors);
    if (summary.transactions > applied_before) backoff.Reset();
    ++summary.reconnections;
    if (!backoff.Wait(status, observer)) return summary;
  }
}

}  // namespace pgveil::replicator
