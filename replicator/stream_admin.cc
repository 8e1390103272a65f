#include "replicator/stream_admin.h"

#include <cstdlib>

#include <nlohmann/json.hpp>

#include "core/identifier.h"
#include "pg/connection.h"
#include "replicator/ddl_capture.h"
#include "replicator/pgoutput.h"
#include "replicator/replicator.h"
#include "replicator/target_state.h"

namespace pgveil::replicator {

using pg::FirstRowValue;
using pg::Rows;

namespace {

std::string Text(const nlohmann::json& row, const char* key) {
  auto found = row.find(key);
  return found != row.end() && found->is_string() ? found->get<std::string>() : "";
}

// The source's side; a source that cannot be reached is a note, not a failure.
void ReadSource(const std::string& dsn, StreamStatus& status) {
  if (status.slot.empty()) return;
  Result<std::unique_ptr<pg::Connection>> source = pg::Connection::Open(dsn);
  if (!source.ok()) {
    status.source_error = source.status().message();
    return;
  }
  Result<std::optional<SlotPosition>> position = ReadSlotPosition(**source, status.slot);
  if (!position.ok()) {
    status.source_error = position.status().message();
    return;
  }
  status.slot_exists = position->has_value();
  if (!*position) return;
  status.lag_bytes = (*position)->behind;
  status.retained_wal = (*position)->retained;
}

}  // namespace

Result<StreamStatus> ReadReplicaState(pg::Connection& target) {
  StreamStatus status;
  PGVEIL_ASSIGN_OR_RETURN(
      Rows exists, target.Query("SELECT to_regclass('pgveil.replication_state') IS NOT NULL"));
  if (FirstRowValue(exists, 0) != "t") {
    return Status::NotFound("the target holds no copy made by pgveil replicate");
  }
  PGVEIL_ASSIGN_OR_RETURN(
      Rows rows,
      target.Query("SELECT j::text, extract(epoch FROM (j->>'applied_at')::timestamptz - "
                   "(j->>'source_commit_time')::timestamptz)::text, (SELECT count(*) FROM "
                   "pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND "
                   "database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
                   "AND ((classid::bigint << 32) | objid::bigint) = " +
                   std::string(kTargetLockKey) +
                   ")::text FROM pgveil.replication_state s, to_jsonb(s) j WHERE id = 1"));
  nlohmann::json row = nlohmann::json::parse(FirstRowValue(rows, 0), nullptr, false);
  if (!row.is_object()) return Status::NotFound("the target's replication state is empty");
  status.copy_status = Text(row, "status");
  status.stream_status = Text(row, "stream_status");
  status.stream_message = Text(row, "stream_message");
  status.slot = Text(row, "slot");
  status.source = Text(row, "source");
  status.consistent_lsn = Text(row, "consistent_lsn");
  status.applied_lsn = Text(row, "applied_lsn");
  status.applied_at = Text(row, "applied_at");
  status.source_commit_time = Text(row, "source_commit_time");
  status.policy_sha256 = Text(row, "policy_sha256");
  status.policy_mode = Text(row, "policy_mode");
  if (!FirstRowValue(rows, 1).empty())
    status.lag_seconds = std::atof(FirstRowValue(rows, 1).c_str());
  status.running = FirstRowValue(rows, 2) != "0";
  return status;
}

namespace {

// The end of the last WAL record before the insert position `insert`. The
// insert position is where the next record starts: after the page header
// (24 bytes, 40 at the start of a segment) when the last record ended at a
// page's end, and a stream only ever reaches the end of a record.
pgoutput::Lsn EndOfLastRecord(pgoutput::Lsn insert, uint64_t page, uint64_t segment) {
  if (segment > 0 && insert % segment == 40) return insert - 40;
  if (page > 0 && insert % page == 24) return insert - 24;
  return insert;
}

}  // namespace

Result<uint64_t> EndOfWal(pg::Connection& source) {
  // The insert position, not pg_current_wal_lsn() (the write position): a
  // commit made with synchronous_commit off may not be written yet, and a
  // stream that stopped at the write position would stop before that
  // transaction is sent.
  PGVEIL_ASSIGN_OR_RETURN(Rows now,
                          source.Query("SELECT pg_current_wal_insert_lsn()::text, "
                                       "current_setting('wal_block_size'), "
                                       "pg_size_bytes(current_setting('wal_segment_size'))"));
  PGVEIL_ASSIGN_OR_RETURN(pgoutput::Lsn insert, pgoutput::ParseLsn(FirstRowValue(now, 0)));
  return EndOfLastRecord(insert, std::strtoull(FirstRowValue(now, 1).c_str(), nullptr, 10),
                         std::strtoull(FirstRowValue(now, 2).c_str(), nullptr, 10));
}

Result<std::vector<std::string>> ColumnTypeNames(pg::Connection& source,
                                                 const pgoutput::Relation& relation) {
  std::string oids, modifiers;
  for (const pgoutput::RelationColumn& column : relation.columns) {
    oids += (oids.empty() ? "" : ",") + std::to_string(column.type_oid);
    modifiers += (modifiers.empty() ? "" : ",") + std::to_string(column.type_modifier);
  }
  PGVEIL_ASSIGN_OR_RETURN(
      Rows rows,
      source.Query("SELECT format_type(t, m) FROM unnest('{" + oids + "}'::oid[], '{" + modifiers +
                   "}'::int[]) WITH ORDINALITY AS u(t, m, o) ORDER BY o"));
  std::vector<std::string> types;
  for (const auto& row : rows) types.push_back(row[0].value_or(""));
  return types;
}

Result<std::string> SourceIdentity(pg::Connection& source) {
  PGVEIL_ASSIGN_OR_RETURN(
      Rows rows, source.Query("SELECT current_database(), (SELECT system_identifier FROM "
                              "pg_control_system())::text"));
  return FirstRowValue(rows, 0) + "/" + FirstRowValue(rows, 1);
}

Result<std::optional<SlotPosition>> ReadSlotPosition(pg::Connection& source,
                                                     const std::string& slot) {
  PGVEIL_ASSIGN_OR_RETURN(
      Rows rows,
      source.Query("SELECT (pg_current_wal_lsn() - confirmed_flush_lsn)::bigint, "
                   "(pg_current_wal_lsn() - restart_lsn)::bigint FROM pg_replication_slots "
                   "WHERE slot_name = " +
                   QuoteLiteral(slot)));
  if (rows.empty()) return std::optional<SlotPosition>();
  SlotPosition position;
  position.behind = std::max<int64_t>(0, std::atoll(FirstRowValue(rows, 0).c_str()));
  position.retained = std::atoll(FirstRowValue(rows, 1).c_str());
  return std::optional<SlotPosition>(position);
}

Result<StreamStatus> ReadStreamStatus(const std::string& target_dsn,
                                      const std::string& source_dsn) {
  Result<std::unique_ptr<pg::Connection>> target = pg::Connection::Open(target_dsn);
  if (!target.ok()) return target.status().WithContext("the target");
  Result<StreamStatus> read = ReadReplicaState(**target);
  if (!read.ok()) return read.status().WithContext("reading the target's state");
  StreamStatus status = std::move(read).value();
  ReadSource(source_dsn.empty() ? status.source : source_dsn, status);
  return status;
}

Result<RemovedStream> RemoveStream(const std::string& source_dsn, const std::string& target_dsn) {
  Result<std::unique_ptr<TargetState>> target = TargetState::Open(target_dsn);
  if (!target.ok()) {
    return target.status().WithContext("a replicate is running into the target; stop it first");
  }
  PGVEIL_ASSIGN_OR_RETURN(TargetInspection found, (*target)->Inspect());
  RemovedStream removed;
  removed.slot = found.slot;
  if (removed.slot.empty()) {
    PGVEIL_ASSIGN_OR_RETURN(std::string identity, (*target)->Identity());
    removed.slot = SlotNameFor(identity);
  }
  Result<std::unique_ptr<pg::Connection>> opened = pg::Connection::Open(source_dsn);
  if (!opened.ok()) return opened.status().WithContext("the source");
  PGVEIL_ASSIGN_OR_RETURN(removed, RemoveSlot(**opened, removed.slot));
  if (found.condition == TargetCondition::kComplete ||
      found.condition == TargetCondition::kIncomplete) {
    PGVEIL_RETURN_IF_ERROR((*target)->PrepareStream());
    PGVEIL_RETURN_IF_ERROR(
        (*target)
            ->connection()
            .Execute("UPDATE pgveil.replication_state SET slot = NULL, stream_status = "
                     "'removed' WHERE id = 1")
            .WithContext("recording the removal on the target"));
  }
  return removed;
}

Result<RemovedStream> RemoveSlot(pg::Connection& source, const std::string& name) {
  RemovedStream removed;
  removed.slot = name;
  const std::string slot = QuoteLiteral(removed.slot);
  PGVEIL_ASSIGN_OR_RETURN(
      Rows slots,
      source.Query("SELECT active FROM pg_replication_slots WHERE slot_name = " + slot));
  if (FirstRowValue(slots, 0) == "t") {
    return Status::InvalidArgument("the replication slot \"" + removed.slot +
                                   "\" is in use by a running replicate; stop it first");
  }
  if (!slots.empty()) {
    PGVEIL_RETURN_IF_ERROR(source.Execute("SELECT pg_drop_replication_slot(" + slot + ")")
                               .WithContext("dropping the replication slot"));
    removed.dropped_slot = true;
  }
  PGVEIL_ASSIGN_OR_RETURN(
      Rows publications,
      source.Query("SELECT count(*) FROM pg_publication WHERE pubname = " + slot));
  if (FirstRowValue(publications, 0) != "0") {
    PGVEIL_RETURN_IF_ERROR(source.Execute("DROP PUBLICATION IF EXISTS " + QuoteIdent(removed.slot))
                               .WithContext("dropping the publication"));
    removed.dropped_publication = true;
  }
  PGVEIL_RETURN_IF_ERROR(RemoveDdlCapture(source, removed.slot));
  return removed;
}

}  // namespace pgveil::replicator
