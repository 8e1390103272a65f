#include "replicator/jetstream_snapshot.h"

#include <chrono>

#include "pg/catalog_reader.h"
#include "pg/connection.h"
#include "pg/copy_stream.h"
#include "replicator/consistent_snapshot.h"
#include "replicator/copy_plan.h"
#include "replicator/ddl_capture.h"
#include "replicator/masking_plan.h"
#include "replicator/publication.h"
#include "replicator/schema_transfer.h"
#include "replicator/table_masker.h"
#include "replicator/work_dir.h"

namespace pgveil::replicator {
namespace {

using Clock = std::chrono::steady_clock;

// A quarter of NATS's default limit of 1 MiB per message: JSON escaping
// at most doubles text (a backslash, a control character).
constexpr size_t kEventBytes = 256 << 10;
constexpr int64_t kAwaitStoredMs = 120000;

// `sql` in parts of at most kEventBytes, cut after a newline where there
// is one, and never inside a UTF-8 character.
std::vector<std::string> SqlParts(const std::string& sql) {
  std::vector<std::string> parts;
  size_t at = 0;
  while (at < sql.size() || parts.empty()) {
    size_t end = std::min(sql.size(), at + kEventBytes);
    if (end < sql.size()) {
      size_t newline = sql.rfind('\n', end - 1);
      if (newline != std::string::npos && newline >= at) {
        end = newline + 1;
      } else {
        while (end > at + 1 && (static_cast<unsigned char>(sql[end]) & 0xC0) == 0x80) --end;
      }
    }
    parts.push_back(sql.substr(at, end - at));
    at = end;
  }
  return parts;
}

class CopyPublisher {
 public:
  CopyPublisher(const policy::Policy& policy, const masking::KeyRing& keys,
                const PublishOptions& options, broker::JetStream& broker,
                ReplicationObserver& observer, pg::Connection& source,
                ConsistentSnapshot& snapshot)
      : policy_(policy),
        keys_(keys),
        options_(options),
        broker_(broker),
        observer_(observer),
        source_(source),
        snapshot_(snapshot) {}

  Result<PublishedCopy> Run() {
    PublishedCopy copy;
    PGVEIL_ASSIGN_OR_RETURN(copy.consistent_lsn,
                            pgoutput::ParseLsn(snapshot_.consistent_lsn()));
    lsn_ = copy.consistent_lsn;
    PGVEIL_ASSIGN_OR_RETURN(Catalog catalog, pg::ReadCatalog(source_, snapshot_.snapshot()));
    PGVEIL_ASSIGN_OR_RETURN(MaskingPlan plan, BuildMaskingPlan(policy_, catalog, keys_));
    PGVEIL_ASSIGN_OR_RETURN(WorkDir work_dir, WorkDir::Create());

    observer_.Phase("dumping the schema");
    SchemaTransferOptions schema_options;
    schema_options.source_dsn = options_.source_dsn;
    schema_options.snapshot = snapshot_.snapshot();
    schema_options.skipped = plan.skipped;
    schema_options.work_dir = work_dir.path();
    PGVEIL_ASSIGN_OR_RETURN(SchemaTransfer schema, SchemaTransfer::Dump(schema_options, source_));
    PGVEIL_RETURN_IF_ERROR(Send(events::SnapshotBegin{lsn_, snapshot_.slot()->name,
                                                      options_.policy.sha256,
                                                      options_.policy.mode}));
    PGVEIL_RETURN_IF_ERROR(SendSql(schema, "pre-data"));

    observer_.Phase("copying");
    PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<pg::CopyReader> reader,
                            pg::CopyReader::Open(options_.source_dsn, snapshot_.snapshot()));
    progress_.tables_total = static_cast<int>(plan.tables.size());
    for (size_t i = 0; i < plan.tables.size(); ++i) {
      PGVEIL_RETURN_IF_ERROR(CopyTable(plan.tables[i], i, *reader)
                                 .WithContext("copying " + plan.tables[i].QualifiedName()));
      ++progress_.tables_done;
    }
    observer_.Progress(progress_);
    copy.rows = progress_.rows;

    PGVEIL_RETURN_IF_ERROR(SendSql(schema, "post-data"));
    events::SnapshotEnd end;
    end.snapshot = lsn_;
    PGVEIL_ASSIGN_OR_RETURN(end.sequences, ReadSequenceValues(source_));
    PGVEIL_ASSIGN_OR_RETURN(std::vector<SourceTable> streamed,
                            DescribeTables(source_, PublishedOids(plan, catalog),
                                           snapshot_.snapshot()));
    end.tables = TablesToJson(streamed);
    for (const RelationRef& view : plan.matviews) end.matviews.push_back({view.schema, view.name});
    end.rows = copy.rows;
    PGVEIL_RETURN_IF_ERROR(Send(end));
    PGVEIL_RETURN_IF_ERROR(broker_.AwaitPublished(kAwaitStoredMs));
    return copy;
  }

 private:
  Status Send(const events::Event& event) {
    return PublishEvent(broker_, options_.stream, event).status();
  }

  Status SendSql(const SchemaTransfer& schema, const std::string& section) {
    PGVEIL_ASSIGN_OR_RETURN(std::string sql, schema.SectionSql(section));
    std::vector<std::string> parts = SqlParts(sql);
    for (size_t i = 0; i < parts.size(); ++i) {
      PGVEIL_RETURN_IF_ERROR(Send(events::SchemaSql{lsn_, section, static_cast<int>(i),
                                                    static_cast<int>(parts.size()),
                                                    std::move(parts[i])}));
    }
    return Status::Ok();
  }

  Status CopyTable(const TablePlan& table, size_t index, pg::CopyReader& reader) {
    TableMasker masker(table);
    CopyTask whole;
    whole.table = index;
    PGVEIL_RETURN_IF_ERROR(reader.Start(SourceCopySql(table, whole)));
    events::CopyRows chunk;
    chunk.snapshot = lsn_;
    chunk.table = {table.schema, table.name};
    for (const ColumnPlan& column : table.columns) chunk.columns.push_back(column.name);
    auto send = [&]() -> Status {
      PGVEIL_RETURN_IF_ERROR(Send(chunk));
      ++chunk.chunk;
      chunk.rows.clear();
      if (Clock::now() - last_progress_ > std::chrono::milliseconds(250)) {
        last_progress_ = Clock::now();
        observer_.Progress(progress_);
      }
      return Status::Ok();
    };
    while (true) {
      std::string_view row;
      bool done = false;
      PGVEIL_RETURN_IF_ERROR(reader.Next(&row, &done));
      if (done) break;
      progress_.bytes += static_cast<int64_t>(row.size());
      ++progress_.rows;
      PGVEIL_RETURN_IF_ERROR(masker.MaskRow(row, &chunk.rows));
      if (chunk.rows.size() >= kEventBytes) PGVEIL_RETURN_IF_ERROR(send());
    }
    if (!chunk.rows.empty()) PGVEIL_RETURN_IF_ERROR(send());
    return Status::Ok();
  }

  const policy::Policy& policy_;
  const masking::KeyRing& keys_;
  const PublishOptions& options_;
  broker::JetStream& broker_;
  ReplicationObserver& observer_;
  pg::Connection& source_;
  ConsistentSnapshot& snapshot_;
  pgoutput::Lsn lsn_ = 0;
  CopyProgress progress_;
  Clock::time_point last_progress_;
};

}  // namespace

Result<std::string> PublishEvent(broker::JetStream& broker, const std::string& stream,
                                 const events::Event& event) {
  const std::string encoded = events::Encode(event);
  std::string id = events::MessageId(event, encoded);
  PGVEIL_RETURN_IF_ERROR(broker.Publish(events::Subject(stream, event), encoded, id));
  return id;
}

Result<PublishedCopy> PublishMaskedCopy(const policy::Policy& policy, const masking::KeyRing& keys,
                                        const PublishOptions& options, const std::string& slot,
                                        broker::JetStream& broker, ReplicationObserver& observer) {
  Result<std::unique_ptr<pg::Connection>> source = pg::Connection::Open(options.source_dsn);
  if (!source.ok()) return source.status().WithContext("the source");
  // A first plan, before anything exists on the source: a missing rule or
  // a bad transformer parameter stops the run here.
  PGVEIL_ASSIGN_OR_RETURN(Catalog before, pg::ReadCatalog(**source));
  PGVEIL_ASSIGN_OR_RETURN(MaskingPlan draft, BuildMaskingPlan(policy, before, keys));
  PGVEIL_RETURN_IF_ERROR(CheckReplicaIdentities(**source, PublishedOids(draft, before)));

  SnapshotOptions snapshot_options;
  snapshot_options.source_dsn = options.source_dsn;
  snapshot_options.slot_name = slot;
  snapshot_options.publication_tables = PublicationTables(draft);
  // The slot's name is this stream's alone, and its copy never finished.
  snapshot_options.drop_stale_slot = true;
  observer.Phase("creating the snapshot");
  PGVEIL_ASSIGN_OR_RETURN(auto snapshot, ConsistentSnapshot::Create(snapshot_options, observer));
  if (!snapshot->slot()) {
    (void)snapshot->Release(/*keep_slot=*/false);
    return Status::InvalidArgument(
        "publishing to a stream needs a replication slot on the source; see the note above");
  }
  CopyPublisher publisher(policy, keys, options, broker, observer, **source, *snapshot);
  Result<PublishedCopy> copy = publisher.Run();
  Status released = snapshot->Release(/*keep_slot=*/copy.ok());
  if (!copy.ok()) {
    if (!released.ok()) {
      observer.Note(SlotLeftMessage(snapshot->slot()->name, snapshot->CleanupCommand()));
    }
    return copy.status();
  }
  if (!released.ok()) return released.WithContext("the copy is published, but");
  return copy;
}

}  // namespace pgveil::replicator
