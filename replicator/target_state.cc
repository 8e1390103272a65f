#include "replicator/target_state.h"

#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

#include "core/identifier.h"

namespace pgveil::replicator {

using pg::FirstRowValue;

namespace {

constexpr const char* kUserNamespace =
    "n.nspname NOT IN ('pg_catalog', 'information_schema', 'pgveil') AND "
    "n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'";

std::string ObjectCountSql() {
  std::string user = kUserNamespace;
  return "SELECT (SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
         "WHERE " +
         user +
         ") + "
         "(SELECT count(*) FROM pg_namespace n WHERE " +
         user +
         " AND n.nspname <> 'public') + "
         "(SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
         "WHERE " +
         user +
         ") + "
         "(SELECT count(*) FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace "
         "WHERE " +
         user +
         " AND t.typrelid = 0 AND t.typelem = 0) + "
         "(SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql')";
}

constexpr const char* kResetSql = R"SQL(
DO $pgveil$
DECLARE
  item record;
BEGIN
  FOR item IN SELECT extname FROM pg_extension WHERE extname <> 'plpgsql' LOOP
    EXECUTE format('DROP EXTENSION IF EXISTS %I CASCADE', item.extname);
  END LOOP;
  FOR item IN SELECT nspname FROM pg_namespace
              WHERE nspname NOT IN ('pg_catalog', 'information_schema')
                AND nspname NOT LIKE 'pg\_toast%' AND nspname NOT LIKE 'pg\_temp%' LOOP
    EXECUTE format('DROP SCHEMA %I CASCADE', item.nspname);
  END LOOP;
  IF current_setting('server_version_num')::int >= 150000 THEN
    CREATE SCHEMA public AUTHORIZATION pg_database_owner;
    GRANT USAGE ON SCHEMA public TO PUBLIC;
  ELSIF current_setting('server_version_num')::int >= 140000 THEN
    CREATE SCHEMA public AUTHORIZATION pg_database_owner;
    GRANT ALL ON SCHEMA public TO PUBLIC;
  ELSE
    CREATE SCHEMA public;
    GRANT ALL ON SCHEMA public TO PUBLIC;
  END IF;
  COMMENT ON SCHEMA public IS 'standard public schema';
END
$pgveil$
)SQL";

constexpr const char* kStateTableSql = R"SQL(
CREATE SCHEMA pgveil;
COMMENT ON SCHEMA pgveil IS 'pgveil replicate: where this masked copy comes from';
CREATE TABLE pgveil.replication_state (
  id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  slot text,
  consistent_lsn pg_lsn,
  snapshot text,
  status text NOT NULL CHECK (status IN ('copying', 'complete', 'incomplete')),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
)SQL";

// The stream's part of the state, added to a target copied by any version:
// the last source commit applied (its end LSN) and when, and the shape of
// every streamed source table as of that commit (ddl_capture.h), written in
// the same transaction as the rows.
constexpr const char* kStreamStateSql = R"SQL(
ALTER TABLE pgveil.replication_state
  ADD COLUMN IF NOT EXISTS applied_lsn pg_lsn,
  ADD COLUMN IF NOT EXISTS applied_at timestamptz,
  ADD COLUMN IF NOT EXISTS source_commit_time timestamptz,
  ADD COLUMN IF NOT EXISTS source text,
  ADD COLUMN IF NOT EXISTS policy_sha256 text,
  ADD COLUMN IF NOT EXISTS policy_mode text,
  ADD COLUMN IF NOT EXISTS stream_status text,
  ADD COLUMN IF NOT EXISTS stream_message text;
CREATE TABLE IF NOT EXISTS pgveil.stream_tables (
  oid oid PRIMARY KEY,
  description jsonb NOT NULL
);
)SQL";

std::string Nullable(const std::string& text) { return text.empty() ? "NULL" : QuoteLiteral(text); }

}  // namespace

Result<std::unique_ptr<TargetState>> TargetState::Open(const std::string& dsn) {
  Result<std::unique_ptr<pg::Connection>> connection = pg::Connection::Open(dsn);
  if (!connection.ok()) return connection.status().WithContext("the target");
  PGVEIL_ASSIGN_OR_RETURN(
      auto rows,
      (*connection)->Query(std::string("SELECT pg_try_advisory_lock(") + kTargetLockKey + ")"));
  if (FirstRowValue(rows, 0) != "t") {
    return Status::InvalidArgument(
        "another pgveil replicate is writing into the target database right now");
  }
  return std::unique_ptr<TargetState>(new TargetState(std::move(connection).value()));
}

Result<std::unique_ptr<TargetState>> TargetState::OpenWaiting(const std::string& dsn,
                                                              const std::atomic<bool>& stop) {
  constexpr int kAttempts = 20;  // 250 ms apart
  for (int attempt = 1;; ++attempt) {
    Result<std::unique_ptr<TargetState>> target = Open(dsn);
    if (target.ok() || target.status().code() != StatusCode::kInvalidArgument ||
        attempt == kAttempts || stop.load()) {
      return target;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

Result<TargetInspection> TargetState::Inspect() {
  TargetInspection inspection;
  PGVEIL_ASSIGN_OR_RETURN(auto counted, connection_->Query(ObjectCountSql()));
  inspection.objects = std::atoi(FirstRowValue(counted, 0).c_str());
  PGVEIL_ASSIGN_OR_RETURN(
      auto has_state,
      connection_->Query("SELECT to_regclass('pgveil.replication_state') IS NOT NULL"));
  std::optional<std::string> status;
  if (FirstRowValue(has_state, 0) == "t") {
    PGVEIL_ASSIGN_OR_RETURN(
        auto state, connection_->Query("SELECT status, coalesce(slot, ''), started_at::text "
                                       "FROM pgveil.replication_state WHERE id = 1"));
    if (!state.empty()) {
      status = FirstRowValue(state, 0);
      inspection.slot = FirstRowValue(state, 1);
      inspection.started_at = FirstRowValue(state, 2);
    }
  }
  if (status == "complete") {
    inspection.condition = TargetCondition::kComplete;
  } else if (status) {
    inspection.condition = TargetCondition::kIncomplete;
  } else if (inspection.objects > 0) {
    inspection.condition = TargetCondition::kForeign;
  }
  return inspection;
}

Result<std::string> TargetState::Identity() {
  PGVEIL_ASSIGN_OR_RETURN(
      auto rows, connection_->Query("SELECT current_database(), coalesce(host(inet_server_addr()), "
                                    "''), current_setting('port'), (SELECT system_identifier FROM "
                                    "pg_control_system())::text"));
  return FirstRowValue(rows, 0) + "@" + FirstRowValue(rows, 1) + ":" + FirstRowValue(rows, 2) +
         "/" + FirstRowValue(rows, 3);
}

Status TargetState::Reset() {
  return connection_->Execute(kResetSql).WithContext("emptying the target database");
}

Status TargetState::MarkCopying(const StateRecord& record) {
  // One simple-query string runs as one transaction.
  std::string sql = std::string("DROP SCHEMA IF EXISTS pgveil CASCADE;") + kStateTableSql +
                    "INSERT INTO pgveil.replication_state (slot, consistent_lsn, snapshot, "
                    "status) VALUES (" +
                    Nullable(record.slot) + ", " + Nullable(record.consistent_lsn) + ", " +
                    Nullable(record.snapshot) + ", 'copying')";
  return connection_->Execute(sql).WithContext("recording the run on the target");
}

Status TargetState::MarkComplete(const std::string& slot, const std::string& tables_json,
                                 const PolicyRecord& policy) {
  std::string sql =
      std::string("BEGIN;") + kStreamStateSql +
      "UPDATE pgveil.replication_state SET status = 'complete', slot = " + Nullable(slot) +
      ", finished_at = now(), applied_lsn = consistent_lsn, policy_sha256 = " +
      Nullable(policy.sha256) + ", policy_mode = " + Nullable(policy.mode) + " WHERE id = 1;"
      "DELETE FROM pgveil.stream_tables;"
      "INSERT INTO pgveil.stream_tables SELECT (t->>'oid')::oid, t FROM "
      "jsonb_array_elements(" +
      QuoteLiteral(tables_json) + "::jsonb) t; COMMIT";
  return connection_->Execute(sql).WithContext("recording the finished copy on the target");
}

Status TargetState::PrepareStream() {
  return connection_->Execute(kStreamStateSql).WithContext("preparing the target for streaming");
}

Status TargetState::MarkIncomplete() {
  return connection_
      ->Execute(
          "UPDATE pgveil.replication_state SET status = 'incomplete', finished_at = now() "
          "WHERE id = 1")
      .WithContext("marking the target incomplete");
}

}  // namespace pgveil::replicator
