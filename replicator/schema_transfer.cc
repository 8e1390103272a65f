#include "replicator/schema_transfer.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

#include "core/identifier.h"
#include "pg/conninfo.h"
#include "replicator/child_process.h"

namespace pgveil::replicator {
namespace {

// A pg_dump table pattern that matches exactly `schema`.`name`: inside
// double quotes no pattern character is special, and "" is a quote.
std::string ExactTablePattern(const RelationRef& table) {
  return QuoteQualified(table.schema, table.name);
}

// The DSN for a client program's --dbname and its environment (the
// password, which must not show in the process list).
struct ClientConnection {
  std::string dbname;
  std::vector<std::string> env;
};

Result<ClientConnection> ForClient(const std::string& dsn) {
  PGVEIL_ASSIGN_OR_RETURN(pg::ConnInfoParts parts, pg::SplitPassword(dsn));
  ClientConnection client;
  client.dbname = parts.without_password;
  if (parts.password) client.env.push_back("PGPASSWORD=" + *parts.password);
  client.env.push_back("PGAPPNAME=pgveil");
  return client;
}

Status RunClient(const std::string& program, std::vector<std::string> args,
                 const ClientConnection& client, std::string* out) {
  args.insert(args.begin(), program);
  if (!client.dbname.empty()) args.push_back("--dbname=" + client.dbname);
  PGVEIL_ASSIGN_OR_RETURN(ChildOutput output, RunChild(args, client.env, out != nullptr));
  if (output.exit_code != 0) {
    return Status::Unavailable(program + " failed: " + ChildErrorSummary(program, output.err));
  }
  if (out != nullptr) *out = std::move(output.out);
  return Status::Ok();
}

// One line of `pg_restore --list`:
//   "3345; 2606 16500 FK CONSTRAINT public orders orders_fkey owner"
// Returns false for comments and blank lines.
bool ParseListLine(const std::string& line, std::string* catalog, std::string* oid) {
  size_t semicolon = line.find("; ");
  if (line.starts_with(";") || semicolon == std::string::npos) return false;
  std::istringstream fields(line.substr(semicolon + 2));
  fields >> *catalog >> *oid;
  return !oid->empty();
}

Result<std::set<std::string>> ForeignKeysIntoSkipped(pg::Connection& source,
                                                     const std::vector<RelationRef>& skipped) {
  std::set<std::string> oids;
  if (skipped.empty()) return oids;
  std::string list;
  for (const RelationRef& table : skipped) {
    list += (list.empty() ? "" : ",") + std::to_string(table.oid);
  }
  std::string array = "'{" + list + "}'::oid[]";
  PGVEIL_ASSIGN_OR_RETURN(
      auto rows, source.Query("SELECT oid::text FROM pg_constraint WHERE contype = 'f' AND "
                              "confrelid = ANY(" +
                              array + ") AND NOT conrelid = ANY(" + array + ")"));
  for (const auto& row : rows) {
    if (!row.empty() && row[0]) oids.insert(*row[0]);
  }
  return oids;
}

}  // namespace

Result<SchemaTransfer> SchemaTransfer::Dump(const SchemaTransferOptions& options,
                                            pg::Connection& source) {
  SchemaTransfer transfer(options);
  transfer.archive_ = options.work_dir + "/schema.dump";
  transfer.list_ = options.work_dir + "/schema.list";
  PGVEIL_ASSIGN_OR_RETURN(ClientConnection client, ForClient(options.source_dsn));
  std::vector<std::string> args = {"--schema-only",
                                   "--format=custom",
                                   "--no-publications",
                                   "--no-subscriptions",
                                   "--no-sync",
                                   // pgveil's own schema-change triggers (ddl_capture.h)
                                   "--exclude-schema=pgveil",
                                   "--snapshot=" + options.snapshot,
                                   "--file=" + transfer.archive_};
  for (const RelationRef& table : options.skipped) {
    args.push_back("--exclude-table=" + ExactTablePattern(table));
  }
  PGVEIL_RETURN_IF_ERROR(
      RunClient("pg_dump", args, client, nullptr).WithContext("dumping the source schema"));

  std::string list;
  PGVEIL_RETURN_IF_ERROR(
      RunClient("pg_restore", {"--list", transfer.archive_}, ClientConnection{}, &list)
          .WithContext("listing the schema archive"));
  Result<std::set<std::string>> drop = ForeignKeysIntoSkipped(source, options.skipped);
  if (!drop.ok()) return drop.status().WithContext("finding foreign keys into skipped tables");
  std::ofstream out(transfer.list_, std::ios::binary | std::ios::trunc);
  std::istringstream lines(list);
  for (std::string line; std::getline(lines, line);) {
    std::string catalog, oid;
    if (ParseListLine(line, &catalog, &oid) && catalog == "2606" && drop->count(oid)) {
      out << ';';
      ++transfer.dropped_foreign_keys_;
    }
    // pgveil's event triggers belong to the source (pg_event_trigger is 3466).
    if (catalog == "3466" && line.find(" EVENT TRIGGER - pgveil_") != std::string::npos) {
      out << ';';
    }
    out << line << '\n';
  }
  out.close();
  if (!out) return Status::Unavailable("cannot write " + transfer.list_);
  return transfer;
}

Status SchemaTransfer::Restore(const std::string& section, bool single_transaction) const {
  PGVEIL_ASSIGN_OR_RETURN(ClientConnection client, ForClient(options_.target_dsn));
  std::vector<std::string> args = {"--section=" + section, "--use-list=" + list_,
                                   "--no-owner",           "--no-acl",
                                   "--no-security-labels", "--exit-on-error"};
  if (single_transaction) {
    args.push_back("--single-transaction");
  } else {
    args.push_back("--jobs=" + std::to_string(std::max(1, options_.jobs)));
  }
  args.push_back(archive_);
  return RunClient("pg_restore", args, client, nullptr);
}

Result<std::string> SchemaTransfer::SectionSql(const std::string& section) const {
  std::string script;
  PGVEIL_RETURN_IF_ERROR(
      RunClient("pg_restore",
                {"--section=" + section, "--use-list=" + list_, "--no-owner", "--no-acl",
                 "--no-security-labels", "--file=-", archive_},
                ClientConnection{}, &script)
          .WithContext("writing the " + section + " SQL"));
  std::string sql;
  std::istringstream lines(script);
  for (std::string line; std::getline(lines, line);) {
    const bool meta = line.starts_with("\\restrict ") || line.starts_with("\\unrestrict ");
    if (!meta) sql += line + "\n";
  }
  return sql;
}

Status SchemaTransfer::RestorePreData() const {
  return Restore("pre-data", true).WithContext("creating the tables on the target");
}

Status SchemaTransfer::RestorePostData() const {
  return Restore("post-data", false)
      .WithContext("creating indexes, constraints and triggers on the target");
}

Result<std::vector<SequenceValue>> ReadSequenceValues(pg::Connection& source) {
  // pg_sequences hides the value of a sequence that was never read from
  // (is_called false, as after an identity's RESTART WITH); reading each
  // sequence itself gives both, in one UNION ALL round trip.
  PGVEIL_ASSIGN_OR_RETURN(
      auto names, source.Query("SELECT format('%I.%I', n.nspname, c.relname) FROM pg_class c "
                               "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = "
                               "'S' AND CASE WHEN c.relkind = 'S' THEN "  // it raises otherwise
                               "has_sequence_privilege(c.oid, 'SELECT') END ORDER BY 1"));
  std::vector<SequenceValue> sequences;
  if (names.empty()) return sequences;
  std::string read;
  for (const auto& row : names) {
    if (row.empty() || !row[0]) continue;
    read += (read.empty() ? "" : " UNION ALL ") + std::string("SELECT ") + QuoteLiteral(*row[0]) +
            ", last_value::text, is_called::text FROM " + *row[0];
  }
  PGVEIL_ASSIGN_OR_RETURN(auto values, source.Query(read));
  for (const auto& row : values) {
    if (row.size() < 3 || !row[0] || !row[1] || !row[2]) continue;
    sequences.push_back({*row[0], *row[1], *row[2] == "t"});
  }
  return sequences;
}

std::string SetSequencesSql(const std::vector<SequenceValue>& sequences) {
  std::string sql;
  for (const SequenceValue& sequence : sequences) {
    std::string name = QuoteLiteral(sequence.name);
    sql += "SELECT pg_catalog.setval(to_regclass(" + name + "), " +
           std::to_string(std::strtoll(sequence.last_value.c_str(), nullptr, 10)) + ", " +
           (sequence.is_called ? "true" : "false") + ") WHERE to_regclass(" + name +
           ") IS NOT NULL;\n";
  }
  return sql;
}

Result<int> CopySequenceValues(pg::Connection& source, pg::Connection& target) {
  PGVEIL_ASSIGN_OR_RETURN(std::vector<SequenceValue> sequences, ReadSequenceValues(source));
  if (sequences.empty()) return 0;
  PGVEIL_RETURN_IF_ERROR(
      target.Execute(SetSequencesSql(sequences)).WithContext("setting sequences on the target"));
  return static_cast<int>(sequences.size());
}

Status RefreshMaterializedViews(pg::Connection& target, const std::vector<RelationRef>& matviews) {
  for (const RelationRef& view : matviews) {
    PGVEIL_RETURN_IF_ERROR(
        target.Execute("REFRESH MATERIALIZED VIEW " + QuoteQualified(view.schema, view.name))
            .WithContext("refreshing " + view.QualifiedName() + " on the target"));
  }
  return Status::Ok();
}

}  // namespace pgveil::replicator
