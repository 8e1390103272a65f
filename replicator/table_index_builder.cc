#include "replicator/table_index_builder.h"

namespace pgveil::replicator {

TableIndexBuilder::TableIndexBuilder(SchemaTransfer& schema, const MaskingPlan& plan)
    : schema_(schema), plan_(plan), queue_(plan.tables.size() + 1), thread_([this] { Run(); }) {}

TableIndexBuilder::~TableIndexBuilder() { (void)Finish(/*cancel=*/true); }

void TableIndexBuilder::Add(size_t table) { queue_.Push(table); }

void TableIndexBuilder::Run() {
  while (std::optional<size_t> table = queue_.Pop()) {
    const TablePlan& plan = plan_.tables[*table];
    Status built = schema_.RestoreTableIndexes(plan.oid);
    if (!built.ok()) {
      status_ = built.WithContext("creating the indexes of " + plan.QualifiedName());
      queue_.Cancel();
      return;
    }
  }
}

Status TableIndexBuilder::Finish(bool cancel) {
  if (cancel) {
    queue_.Cancel();
  } else {
    queue_.Close();
  }
  if (thread_.joinable()) thread_.join();
  return status_;
}

}  // namespace pgveil::replicator
