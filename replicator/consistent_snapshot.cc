#include "replicator/consistent_snapshot.h"

#include "core/identifier.h"
#include "pg/conninfo.h"
#include "replicator/ddl_capture.h"

namespace pgveil::replicator {

using pg::FirstRowValue;

namespace {

// `text` inside double quotes for a POSIX shell.
std::string DoubleQuoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\' || c == '$' || c == '`') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string DropSlotCommand(const std::string& source_dsn, const std::string& slot) {
  Result<pg::ConnInfoParts> parts = pg::SplitPassword(source_dsn);
  std::string dsn = parts.ok() ? parts->without_password : "<source DSN>";
  std::string command = "psql ";
  if (!dsn.empty()) command += DoubleQuoted(dsn) + " ";
  return command + "-c \"SELECT pg_drop_replication_slot('" + slot + "')\"";
}

std::string SlotLeftMessage(const std::string& slot, const std::string& command) {
  return "the replication slot \"" + slot + "\" was left on the source; drop it with: " + command;
}

Result<std::unique_ptr<ConsistentSnapshot>> ConsistentSnapshot::Create(
    const SnapshotOptions& options, ReplicationObserver& observer) {
  std::unique_ptr<ConsistentSnapshot> snapshot(new ConsistentSnapshot());
  snapshot->source_dsn_ = options.source_dsn;
  PGVEIL_ASSIGN_OR_RETURN(snapshot->session_, pg::Connection::Open(options.source_dsn));
  PGVEIL_ASSIGN_OR_RETURN(
      auto rows,
      snapshot->session_->Query(
          "SELECT current_setting('wal_level'), "
          "(SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user)"));
  const std::string wal_level = FirstRowValue(rows, 0);
  const bool may_replicate = FirstRowValue(rows, 1) == "t";
  if (wal_level == "logical" && may_replicate) {
    PGVEIL_RETURN_IF_ERROR(snapshot->CreateSlot(options, observer));
    return snapshot;
  }
  if (wal_level != "logical") {
    std::string reason = "the source has wal_level = " + wal_level +
                         ", and a logical replication slot needs wal_level = logical";
    if (!options.snapshot_only) {
      return Status::InvalidArgument(reason +
                                     "; set it on the source and restart it, or pass "
                                     "--snapshot-only for a one-off masked copy");
    }
    observer.Note(reason +
                  "; copying from pg_export_snapshot() without a slot, which is "
                  "enough for --snapshot-only");
  } else {
    std::string reason =
        "the source role has no REPLICATION attribute, which a replication "
        "slot needs";
    if (!options.snapshot_only) {
      return Status::PermissionDenied(reason +
                                      "; ALTER ROLE ... REPLICATION on the source, or pass "
                                      "--snapshot-only for a one-off masked copy");
    }
    observer.Note(reason +
                  "; copying from pg_export_snapshot() without a slot, which is "
                  "enough for --snapshot-only");
  }
  PGVEIL_RETURN_IF_ERROR(snapshot->ExportWithoutSlot());
  return snapshot;
}

Status ConsistentSnapshot::CreateSlot(const SnapshotOptions& options,
                                      ReplicationObserver& observer) {
  const std::string& name = options.slot_name;
  PGVEIL_ASSIGN_OR_RETURN(
      auto existing,
      session_->Query("SELECT active_pid IS NOT NULL FROM pg_replication_slots WHERE slot_name = " +
                      QuoteLiteral(name)));
  if (!existing.empty()) {
    const bool active = FirstRowValue(existing, 0) == "t";
    if (active || !options.drop_stale_slot) {
      return Status::InvalidArgument(
          "the replication slot \"" + name + "\" already exists on the source" +
          (active ? " and is in use" : "") +
          "; if no pgveil replicate into this target is running, drop it with: " +
          DropSlotCommand(source_dsn_, name));
    }
    PGVEIL_RETURN_IF_ERROR(
        session_->Execute("SELECT pg_drop_replication_slot(" + QuoteLiteral(name) + ")")
            .WithContext("dropping the replication slot \"" + name + "\" of an unfinished run"));
    observer.Note("dropped the replication slot \"" + name +
                  "\" that an unfinished run into this target had left on the source");
    if (options.snapshot_only) {  // nothing will stream: its publication and triggers go too
      (void)session_->Execute("DROP PUBLICATION IF EXISTS " + QuoteIdent(name));
      (void)RemoveDdlCapture(*session_, name);
    }
  }
  if (!options.snapshot_only) {
    std::string tables;
    for (const RelationRef& table : options.publication_tables) {
      tables += (tables.empty() ? " FOR TABLE " : ", ") + QuoteQualified(table.schema, table.name);
    }
    PGVEIL_RETURN_IF_ERROR(
        session_
            ->Execute("DROP PUBLICATION IF EXISTS " + QuoteIdent(name) + "; CREATE PUBLICATION " +
                      QuoteIdent(name) + tables + " WITH (publish_via_partition_root = true)")
            .WithContext("creating the publication \"" + name + "\" on the source"));
    publication_ = name;
    // Before the slot, so that every schema change after its consistent
    // point is in the stream.
    Status captured = InstallDdlCapture(*session_, name, name);
    if (captured.code() == StatusCode::kPermissionDenied) {
      observer.Note(captured.message());
    } else if (!captured.ok()) {
      (void)session_->Execute("DROP PUBLICATION IF EXISTS " + QuoteIdent(publication_));
      return captured;
    }
  }
  Result<std::unique_ptr<pg::ReplicationConnection>> replication =
      pg::ReplicationConnection::Open(source_dsn_);
  Result<pg::ReplicationSlot> slot = replication.ok()
                                         ? (*replication)->CreateSlotWithSnapshot(name)
                                         : Result<pg::ReplicationSlot>(replication.status());
  if (!slot.ok()) {
    if (!publication_.empty()) {
      (void)RemoveDdlCapture(*session_, name);
      (void)session_->Execute("DROP PUBLICATION IF EXISTS " + QuoteIdent(publication_));
    }
    return slot.status();
  }
  replication_ = std::move(replication).value();
  slot_ = std::move(slot).value();
  snapshot_ = slot_->snapshot;
  consistent_lsn_ = slot_->consistent_lsn;
  observer.Note("created the replication slot \"" + name + "\" at " + consistent_lsn_ +
                " (snapshot " + snapshot_ +
                "); if this run is killed, drop it with: " + CleanupCommand());
  return Status::Ok();
}

Status ConsistentSnapshot::ExportWithoutSlot() {
  PGVEIL_RETURN_IF_ERROR(session_->Execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                             .WithContext("starting the snapshot transaction on the source"));
  PGVEIL_ASSIGN_OR_RETURN(
      auto rows, session_->Query("SELECT pg_export_snapshot(), CASE WHEN pg_is_in_recovery() "
                                 "THEN pg_last_wal_replay_lsn() ELSE pg_current_wal_lsn() END"));
  snapshot_ = FirstRowValue(rows, 0);
  consistent_lsn_ = FirstRowValue(rows, 1);
  if (snapshot_.empty()) return Status::Internal("pg_export_snapshot() returned nothing");
  return Status::Ok();
}

ConsistentSnapshot::~ConsistentSnapshot() { (void)Release(/*keep_slot=*/false); }

std::string ConsistentSnapshot::source_description() const {
  return slot_ ? "replication slot \"" + slot_->name + "\"" : "pg_export_snapshot()";
}

std::string ConsistentSnapshot::CleanupCommand() const {
  return DropSlotCommand(source_dsn_, slot_ ? slot_->name : "");
}

Status ConsistentSnapshot::Release(bool keep_slot) {
  if (released_) return Status::Ok();
  released_ = true;
  Status outcome = Status::Ok();
  if (slot_ && !keep_slot) {
    const std::string drop = "SELECT pg_drop_replication_slot(" + QuoteLiteral(slot_->name) + ")";
    Status dropped = replication_ ? replication_->DropSlot(slot_->name)
                                  : Status::Unavailable("no replication session");
    if (!dropped.ok()) {
      // The walsender may be gone while the server is fine: try a new session.
      Result<std::unique_ptr<pg::Connection>> fresh = pg::Connection::Open(source_dsn_);
      dropped = fresh.ok() ? (*fresh)->Execute(drop) : fresh.status();
    }
    if (!dropped.ok()) outcome = dropped.WithContext("dropping the replication slot");
  }
  replication_.reset();
  if (!publication_.empty() && !keep_slot && session_) {
    (void)RemoveDdlCapture(*session_, publication_);
    (void)session_->Execute("DROP PUBLICATION IF EXISTS " + QuoteIdent(publication_));
  }
  if (session_ && !slot_) (void)session_->Execute("ROLLBACK");
  session_.reset();
  return outcome;
}

}  // namespace pgveil::replicator
