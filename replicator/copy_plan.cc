#include "replicator/copy_plan.h"

#include <algorithm>

#include "core/identifier.h"

namespace pgveil::replicator {
namespace {

std::string ColumnList(const TablePlan& table) {
  std::string list;
  for (const ColumnPlan& column : table.columns) {
    if (!list.empty()) list += ", ";
    list += QuoteIdent(column.name);
  }
  return list;
}

std::string Tid(int64_t page) { return "'(" + std::to_string(page) + ",0)'::tid"; }

}  // namespace

std::vector<CopyTask> PlanCopyTasks(const MaskingPlan& plan, const CopyPlanOptions& options) {
  const int64_t range = std::max<int64_t>(1, options.split_pages);
  std::vector<CopyTask> tasks;
  for (size_t i = 0; i < plan.tables.size(); ++i) {
    const int64_t pages = std::max<int64_t>(0, plan.tables[i].pages);
    if (pages <= range) {
      CopyTask task;
      task.table = i;
      task.pages = pages;
      tasks.push_back(task);
      continue;
    }
    for (int64_t first = 0; first < pages; first += range) {
      CopyTask task;
      task.table = i;
      if (first > 0) task.first_page = first;
      if (first + range < pages) task.end_page = first + range;
      task.pages = std::min(range, pages - first);
      tasks.push_back(task);
    }
  }
  // Biggest first; ties keep catalog order, and a table's ranges their order.
  std::stable_sort(tasks.begin(), tasks.end(),
                   [](const CopyTask& a, const CopyTask& b) { return a.pages > b.pages; });
  return tasks;
}

std::string SourceCopySql(const TablePlan& table, const CopyTask& task) {
  std::string name = QuoteQualified(table.schema, table.name);
  std::string columns = ColumnList(table);
  if (task.WholeTable()) {
    return "COPY " + name + (columns.empty() ? "" : " (" + columns + ")") + " TO STDOUT";
  }
  std::string where;
  if (task.first_page) where = "ctid >= " + Tid(*task.first_page);
  if (task.end_page) where += (where.empty() ? "" : " AND ") + ("ctid < " + Tid(*task.end_page));
  return "COPY (SELECT " + columns + " FROM ONLY " + name + " WHERE " + where + ") TO STDOUT";
}

std::string TargetCopySql(const TablePlan& table, bool freeze) {
  std::string columns = ColumnList(table);
  return "COPY " + QuoteQualified(table.schema, table.name) +
         (columns.empty() ? "" : " (" + columns + ")") + " FROM STDIN" +
         (freeze ? " WITH (FREEZE)" : "");
}

}  // namespace pgveil::replicator
