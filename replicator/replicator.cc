#include "replicator/replicator.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "pg/catalog_reader.h"
#include "pg/connection.h"
#include "replicator/consistent_snapshot.h"
#include "replicator/ddl_capture.h"
#include "replicator/masking_plan.h"
#include "replicator/parallel_copy.h"
#include "replicator/publication.h"
#include "replicator/schema_transfer.h"
#include "replicator/target_state.h"
#include "replicator/work_dir.h"

namespace pgveil::replicator {
namespace {

using Clock = std::chrono::steady_clock;

// Everything between taking the snapshot and releasing it.
class CopyRun {
 public:
  CopyRun(const policy::Policy& policy, const masking::KeyRing& keys,
          const ReplicateOptions& options, ReplicationObserver& observer, TargetState& target,
          pg::Connection& source, ConsistentSnapshot& snapshot)
      : policy_(policy),
        keys_(keys),
        options_(options),
        observer_(observer),
        target_(target),
        source_(source),
        snapshot_(snapshot) {}

  bool state_written() const { return state_written_; }

  Result<ReplicateSummary> Run(bool reset_target, bool keep_slot) {
    ReplicateSummary summary;
    observer_.Phase("reading the source catalog");
    PGVEIL_ASSIGN_OR_RETURN(Catalog catalog, pg::ReadCatalog(source_, snapshot_.snapshot()));
    PGVEIL_ASSIGN_OR_RETURN(MaskingPlan plan, BuildMaskingPlan(policy_, catalog, keys_));
    PGVEIL_ASSIGN_OR_RETURN(WorkDir work_dir, WorkDir::Create());

    observer_.Phase("dumping the schema");
    SchemaTransferOptions schema_options;
    schema_options.source_dsn = options_.source_dsn;
    schema_options.target_dsn = options_.target_dsn;
    schema_options.snapshot = snapshot_.snapshot();
    schema_options.skipped = plan.skipped;
    schema_options.work_dir = work_dir.path();
    schema_options.jobs = options_.jobs;
    PGVEIL_ASSIGN_OR_RETURN(SchemaTransfer schema, SchemaTransfer::Dump(schema_options, source_));

    if (reset_target) {
      observer_.Phase("emptying the target");
      PGVEIL_RETURN_IF_ERROR(target_.Reset());
    }
    StateRecord record;
    if (snapshot_.slot()) record.slot = snapshot_.slot()->name;
    record.consistent_lsn = snapshot_.consistent_lsn();
    record.snapshot = snapshot_.snapshot();
    PGVEIL_RETURN_IF_ERROR(target_.MarkCopying(record));
    state_written_ = true;

    observer_.Phase("creating tables");
    PGVEIL_RETURN_IF_ERROR(schema.RestorePreData());

    observer_.Phase("copying");
    ParallelCopyOptions copy;
    copy.source_dsn = options_.source_dsn;
    copy.target_dsn = options_.target_dsn;
    copy.snapshot = snapshot_.snapshot();
    copy.jobs = options_.jobs;
    PGVEIL_ASSIGN_OR_RETURN(
        std::vector<TableCopyResult> copied,
        RunParallelCopy(plan, PlanCopyTasks(plan, options_.copy), copy, observer_));

    observer_.Phase("setting sequences");
    PGVEIL_ASSIGN_OR_RETURN(summary.sequences, CopySequenceValues(source_, target_.connection()));
    observer_.Phase("creating indexes and constraints, refreshing materialized views");
    PGVEIL_RETURN_IF_ERROR(FinishSchema(schema, plan.matviews));
    const std::string kept = keep_slot && snapshot_.slot() ? snapshot_.slot()->name : "";
    std::vector<SourceTable> streamed;
    if (!kept.empty()) {
      PGVEIL_ASSIGN_OR_RETURN(streamed, DescribeTables(source_, PublishedOids(plan, catalog),
                                                       snapshot_.snapshot()));
    }
    PGVEIL_RETURN_IF_ERROR(target_.MarkComplete(kept, TablesToJson(streamed), options_.policy));

    summary.snapshot_source = snapshot_.source_description();
    summary.consistent_lsn = snapshot_.consistent_lsn();
    summary.kept_slot = kept;
    summary.skipped_tables = static_cast<int>(plan.skipped.size());
    summary.dropped_foreign_keys = schema.dropped_foreign_keys();
    summary.materialized_views = static_cast<int>(plan.matviews.size());
    for (size_t i = 0; i < plan.tables.size(); ++i) {
      TableSummary table;
      table.name = plan.tables[i].QualifiedName();
      table.rows = copied[i].rows;
      table.bytes = copied[i].bytes;
      table.seconds = copied[i].seconds;
      table.columns = static_cast<int>(plan.tables[i].columns.size());
      table.masked_columns = plan.tables[i].MaskedColumns();
      table.tasks = copied[i].tasks;
      summary.tables.push_back(std::move(table));
    }
    return summary;
  }

 private:
  // Post-data, and the materialized views refreshed meanwhile on a session
  // of their own: they read the copied tables, not the indexes and keys
  // being built, so both proceed at once. The only exclusive lock REFRESH
  // holds is on its view, which pg_restore takes (for an index on it) in an
  // entry of its own while holding nothing else: no deadlock.
  Status FinishSchema(const SchemaTransfer& schema, const std::vector<RelationRef>& matviews) {
    Status refreshed = Status::Ok();
    std::thread refresh;
    if (!matviews.empty()) {
      refresh = std::thread([&] {
        Result<std::unique_ptr<pg::Connection>> session = pg::Connection::Open(options_.target_dsn);
        refreshed = session.ok() ? RefreshMaterializedViews(**session, matviews)
                                 : session.status().WithContext("the target");
      });
    }
    Status restored = schema.RestorePostData();
    if (refresh.joinable()) refresh.join();
    PGVEIL_RETURN_IF_ERROR(restored);
    return refreshed;
  }

  const policy::Policy& policy_;
  const masking::KeyRing& keys_;
  const ReplicateOptions& options_;
  ReplicationObserver& observer_;
  TargetState& target_;
  pg::Connection& source_;
  ConsistentSnapshot& snapshot_;
  bool state_written_ = false;
};

// Refuses a target that holds something, unless told to start over.
Status CheckTarget(const TargetInspection& found, bool force, ReplicationObserver& observer) {
  switch (found.condition) {
    case TargetCondition::kEmpty:
      return Status::Ok();
    case TargetCondition::kIncomplete:
      observer.Note("the target holds an incomplete copy (started " + found.started_at +
                    "); emptying it and starting over");
      return Status::Ok();
    case TargetCondition::kComplete:
      if (force) return Status::Ok();
      return Status::InvalidArgument("the target already holds a complete masked copy (started " +
                                     found.started_at +
                                     "); pass --force to empty it and copy again");
    case TargetCondition::kForeign:
      if (force) return Status::Ok();
      return Status::InvalidArgument(
          fmt::format("the target database is not empty ({} objects); replicate into an empty "
                      "database, or pass --force to drop everything in it first",
                      found.objects));
  }
  return Status::Ok();
}

}  // namespace

std::string SlotNameFor(std::string_view target_identity) {
  uint64_t hash = 14695981039346656037ull;  // FNV-1a, 64 bits
  for (unsigned char c : target_identity) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return fmt::format("pgveil_{:016x}", hash);
}

Result<ReplicateSummary> Replicate(const policy::Policy& policy, const masking::KeyRing& keys,
                                   const ReplicateOptions& options, ReplicationObserver& observer) {
  const Clock::time_point started = Clock::now();
  PGVEIL_ASSIGN_OR_RETURN(auto target, TargetState::Open(options.target_dsn));
  Result<TargetInspection> found = target->Inspect();
  if (!found.ok()) return found.status().WithContext("inspecting the target");
  PGVEIL_RETURN_IF_ERROR(CheckTarget(*found, options.force, observer));
  PGVEIL_ASSIGN_OR_RETURN(std::string identity, target->Identity());

  Result<std::unique_ptr<pg::Connection>> source = pg::Connection::Open(options.source_dsn);
  if (!source.ok()) return source.status().WithContext("the source");
  // A first plan, before anything exists on the source: a missing rule or
  // a bad transformer parameter stops the run here.
  PGVEIL_ASSIGN_OR_RETURN(Catalog before, pg::ReadCatalog(**source));
  PGVEIL_ASSIGN_OR_RETURN(MaskingPlan draft, BuildMaskingPlan(policy, before, keys));
  if (!options.snapshot_only) {
    PGVEIL_RETURN_IF_ERROR(CheckReplicaIdentities(**source, PublishedOids(draft, before)));
  }

  SnapshotOptions snapshot_options;
  snapshot_options.source_dsn = options.source_dsn;
  snapshot_options.slot_name = SlotNameFor(identity);
  snapshot_options.snapshot_only = options.snapshot_only;
  snapshot_options.publication_tables = PublicationTables(draft);
  // The slot's name is this target's alone (its cluster's system identifier
  // is part of the identity) and this run holds the target's lock, so an
  // inactive slot of that name was left by a run into this target that was
  // killed — perhaps before it could write its state row.
  snapshot_options.drop_stale_slot = true;
  observer.Phase("creating the snapshot");
  PGVEIL_ASSIGN_OR_RETURN(auto snapshot, ConsistentSnapshot::Create(snapshot_options, observer));

  const bool keep_slot = !options.snapshot_only;
  CopyRun run(policy, keys, options, observer, *target, **source, *snapshot);
  Result<ReplicateSummary> summary =
      run.Run(found->condition != TargetCondition::kEmpty, keep_slot);
  if (!summary.ok()) {
    if (run.state_written()) (void)target->MarkIncomplete();
    Status released = snapshot->Release(/*keep_slot=*/false);
    if (!released.ok() && snapshot->slot()) {
      observer.Note(SlotLeftMessage(snapshot->slot()->name, snapshot->CleanupCommand()));
    }
    return summary.status();
  }
  Status released = snapshot->Release(keep_slot);
  if (!released.ok()) {
    observer.Note(SlotLeftMessage(snapshot->slot()->name, snapshot->CleanupCommand()));
    return released.WithContext("the copy is complete, but");
  }
  if (!summary->kept_slot.empty()) {
    observer.Note("kept the replication slot \"" + summary->kept_slot + "\" (consistent point " +
                  summary->consistent_lsn +
                  ") for streaming changes into the target; it retains WAL on the source until "
                  "the stream consumes it");
  }
  summary->started_over = found->condition != TargetCondition::kEmpty;
  summary->seconds = std::chrono::duration<double>(Clock::now() - started).count();
  return summary;
}

}  // namespace pgveil::replicator
