#include "replicator/branch.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/identifier.h"
#include "pg/connection.h"
#include "pg/conninfo.h"
#include "replicator/branch_lock.h"
#include "replicator/branch_name.h"
#include "replicator/stream_admin.h"

namespace pgveil::replicator {

using pg::FirstRowValue;
using pg::Rows;

namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::ordered_json;

constexpr auto kSessionPoll = std::chrono::milliseconds(50);
constexpr auto kNotifyEvery = std::chrono::seconds(1);
// The database comment of a branch starts with this (its JSON's first key).
constexpr const char* kProvenancePrefix = "{\"pgveil_branch\":";
// A timestamptz expression ({}) as ISO 8601 in UTC.
constexpr const char* kUtcFormat = "to_char(({}) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

std::string Text(const Json& json, const char* key) {
  auto found = json.find(key);
  return found != json.end() && found->is_string() ? found->get<std::string>() : "";
}

}  // namespace

std::string BranchJson(const Branch& branch, bool full) {
  auto text_or_null = [](const std::string& text) { return text.empty() ? Json() : Json(text); };
  Json json = {{"pgveil_branch", 1}};
  if (full) {
    json = {{"name", branch.name}, {"dsn", branch.dsn}};
  }
  json.update(Json{
      {"replica", branch.replica},
      {"source", text_or_null(branch.source)},
      {"lsn", text_or_null(branch.lsn)},
      {"policy_sha256", text_or_null(branch.policy_sha256)},
      {"policy_mode", text_or_null(branch.policy_mode)},
      {"created_at", branch.created_at},
      {"reset_at", text_or_null(branch.reset_at)},
      {"ttl_seconds", branch.ttl_seconds},
      {"expires_at", text_or_null(branch.expires_at)},
      {"creator", branch.creator},
  });
  if (full) {
    json["expired"] = branch.expired;
    json["bytes"] = branch.bytes;
  }
  return json.dump(full ? 2 : -1);
}

namespace {

Branch FromProvenance(const std::string& name, const std::string& comment) {
  Json json = Json::parse(comment, nullptr, false);
  Branch branch;
  branch.name = name;
  if (!json.is_object()) return branch;
  branch.replica = Text(json, "replica");
  branch.source = Text(json, "source");
  branch.lsn = Text(json, "lsn");
  branch.policy_sha256 = Text(json, "policy_sha256");
  branch.policy_mode = Text(json, "policy_mode");
  branch.created_at = Text(json, "created_at");
  branch.reset_at = Text(json, "reset_at");
  branch.expires_at = Text(json, "expires_at");
  branch.creator = Text(json, "creator");
  auto ttl = json.find("ttl_seconds");
  if (ttl != json.end() && ttl->is_number_integer()) branch.ttl_seconds = ttl->get<int64_t>();
  return branch;
}

// The replica's server, as the branch commands work on it: a session in
// the maintenance database holding the replica's branch lock. Nothing stays
// connected to the replica itself.
class BranchServer {
 public:
  static Result<std::unique_ptr<BranchServer>> Open(const BranchOptions& options) {
    auto server = std::unique_ptr<BranchServer>(new BranchServer(options));
    PGVEIL_RETURN_IF_ERROR(server->Connect());
    return server;
  }

  const std::string& replica() const { return replica_; }

  // The replica's state row, read when the server was opened.
  const Result<StreamStatus>& replica_state() const { return replica_state_; }

  // The branches of this replica; with `only`, that one if it is one.
  Result<std::vector<Branch>> Branches(const std::string& only = "") {
    std::string filter = only.empty() ? "" : " AND datname = " + QuoteLiteral(only);
    PGVEIL_ASSIGN_OR_RETURN(
        Rows rows,
        maintenance_->Query(
            "SELECT datname, description, pg_database_size(oid)::text, CASE WHEN "
            "description::jsonb->>'expires_at' IS NULL THEN 'false' ELSE "
            "((description::jsonb->>'expires_at')::timestamptz < now())::text END FROM "
            "(SELECT datname, oid, shobj_description(oid, 'pg_database') AS description FROM "
            "pg_database) d WHERE description LIKE " +
            QuoteLiteral(std::string(kProvenancePrefix) + "%") + filter + " ORDER BY datname"));
    std::vector<Branch> branches;
    for (const auto& row : rows) {
      Branch branch = FromProvenance(row[0].value_or(""), row[1].value_or(""));
      if (branch.replica != replica_) continue;
      branch.dsn = DsnOf(branch.name);
      branch.bytes = std::atoll(row[2].value_or("0").c_str());
      branch.expired = row[3].value_or("") == "true";
      branches.push_back(std::move(branch));
    }
    return branches;
  }

  // Branch `name` of this replica; NotFound, or InvalidArgument for a
  // database that is no branch of it.
  Result<Branch> Find(const std::string& name) {
    PGVEIL_ASSIGN_OR_RETURN(std::vector<Branch> found, Branches(name));
    if (!found.empty()) return found.front();
    PGVEIL_ASSIGN_OR_RETURN(bool exists, DatabaseExists(name));
    if (exists) {
      return Status::InvalidArgument(fmt::format(
          "the database \"{}\" is not a branch of the replica \"{}\"; pgveil drops and resets "
          "only the branches it cut",
          name, replica_));
    }
    return Status::NotFound(
        fmt::format("the replica \"{}\" has no branch named \"{}\"", replica_, name));
  }

  // Cuts branch `name` from the replica (the handshake of branch_lock.h)
  // and records `provenance` on it, completed from the branch's own state.
  Result<Branch> Cut(Branch provenance) {
    const Clock::time_point started = Clock::now();
    const std::string name = provenance.name;
    PGVEIL_RETURN_IF_ERROR(CopyReplica(name));
    Result<Branch> described = Describe(std::move(provenance));
    if (!described.ok()) {
      (void)maintenance_->Execute("DROP DATABASE IF EXISTS " + QuoteIdent(name));
      return described.status().WithContext("describing the new branch (it was dropped again)");
    }
    PGVEIL_RETURN_IF_ERROR(maintenance_->Execute(BranchLockSql("pg_advisory_unlock", oid_)));
    described->seconds = std::chrono::duration<double>(Clock::now() - started).count();
    return described;
  }

  // Drops branch `name`: Unavailable while sessions are connected to it
  // (unless options.force ends them).
  Status Drop(const std::string& name) {
    if (!options_.force) PGVEIL_RETURN_IF_ERROR(NotBusy(name));
    return maintenance_
        ->Execute("DROP DATABASE " + QuoteIdent(name) + (options_.force ? " WITH (FORCE)" : ""))
        .WithContext(fmt::format("dropping the branch \"{}\"", name));
  }

  // Unavailable while sessions are connected to branch `name`.
  Status NotBusy(const std::string& name) {
    PGVEIL_ASSIGN_OR_RETURN(std::string sessions, Sessions(name));
    if (sessions.empty()) return Status::Ok();
    return Status::Unavailable(fmt::format(
        "{} are connected to the branch \"{}\"; close them, or pass --force to end them",
        sessions, name));
  }

  // Renames branch `from` (just cut, nobody connected) to `to`.
  Status Rename(const std::string& from, const std::string& to) {
    return maintenance_
        ->Execute("ALTER DATABASE " + QuoteIdent(from) + " RENAME TO " + QuoteIdent(to))
        .WithContext(fmt::format("renaming the new cut of \"{}\"", to));
  }

  // The sessions connected to database `name`: how many, and their
  // application names ("" when none).
  Result<std::string> Sessions(const std::string& name) {
    PGVEIL_ASSIGN_OR_RETURN(
        Rows rows, maintenance_->Query(
                       "SELECT count(*), coalesce(string_agg(DISTINCT coalesce(nullif("
                       "application_name, ''), 'unnamed'), ', '), '') FROM pg_stat_activity "
                       "WHERE datname = " +
                       QuoteLiteral(name)));
    if (FirstRowValue(rows, 0) == "0") return std::string();
    return fmt::format("{} session(s) ({})", FirstRowValue(rows, 0), FirstRowValue(rows, 1));
  }

  // Branch `name`'s connection string, without a password.
  std::string DsnOf(const std::string& name) const {
    Result<std::string> dsn = pg::WithDatabase(options_.replica_dsn, name);
    if (!dsn.ok()) return "";
    Result<pg::ConnInfoParts> parts = pg::SplitPassword(*dsn);
    return parts.ok() ? parts->without_password : "";
  }

  Result<bool> DatabaseExists(const std::string& name) {
    PGVEIL_ASSIGN_OR_RETURN(
        Rows rows, maintenance_->Query("SELECT count(*) FROM pg_database WHERE datname = " +
                                       QuoteLiteral(name)));
    return FirstRowValue(rows, 0) != "0";
  }

  struct ServerNow {
    std::string now;      // ISO 8601, UTC
    std::string expires;  // now + the TTL asked for; "" without one
    std::string role;     // current_user
  };
  Result<ServerNow> Now(int64_t ttl_seconds) {
    std::string expires = ttl_seconds > 0 ? fmt::format(kUtcFormat, fmt::format(
                                                            "now() + make_interval(secs => {})",
                                                            ttl_seconds))
                                          : "''";
    PGVEIL_ASSIGN_OR_RETURN(
        Rows rows, maintenance_->Query(fmt::format("SELECT {}, {}, current_user",
                                                   fmt::format(kUtcFormat, "now()"), expires)));
    return ServerNow{FirstRowValue(rows, 0), FirstRowValue(rows, 1), FirstRowValue(rows, 2)};
  }

 private:
  explicit BranchServer(const BranchOptions& options)
      : options_(options), replica_state_(Status::NotFound("")) {}

  Status Connect() {
    {
      Result<std::unique_ptr<pg::Connection>> replica = pg::Connection::Open(options_.replica_dsn);
      if (!replica.ok()) return replica.status().WithContext("the replica");
      PGVEIL_ASSIGN_OR_RETURN(
          Rows rows, (*replica)->Query("SELECT current_database(), oid::text, "
                                       "current_setting('server_version_num') FROM pg_database "
                                       "WHERE datname = current_database()"));
      replica_ = FirstRowValue(rows, 0);
      oid_ = FirstRowValue(rows, 1);
      version_ = std::atoi(FirstRowValue(rows, 2).c_str());
      replica_state_ = ReadReplicaState(**replica);
    }  // the replica's session ends here: CREATE DATABASE needs it gone
    Result<std::unique_ptr<pg::Connection>> maintenance = OpenMaintenance(options_.replica_dsn);
    if (!maintenance.ok()) return maintenance.status();
    maintenance_ = std::move(maintenance).value();
    return maintenance_->Execute(BranchLockSql("pg_advisory_lock", oid_))
        .WithContext("waiting for the replica's branch lock");
  }

  // Asks a stream running into the replica to step aside (branch_lock.h).
  void Notify() {
    Result<std::unique_ptr<pg::Connection>> replica = pg::Connection::Open(options_.replica_dsn);
    if (replica.ok()) (void)(*replica)->Execute(std::string("NOTIFY ") + kBranchChannel);
  }

  // CREATE DATABASE name TEMPLATE replica, once nobody is connected to the
  // replica; a session that comes in between is waited out, until
  // options.wait_seconds.
  Status CopyReplica(const std::string& name) {
    const Clock::time_point deadline = Clock::now() + std::chrono::seconds(options_.wait_seconds);
    Clock::time_point notified;
    std::string sessions;
    while (true) {
      if (notified == Clock::time_point() || Clock::now() - notified >= kNotifyEvery) {
        Notify();
        notified = Clock::now();
      }
      PGVEIL_ASSIGN_OR_RETURN(sessions, Sessions(replica_));
      if (sessions.empty()) {
        Status created = CreateDatabase(name);
        if (created.ok()) return created;
        // Someone came in between (CREATE DATABASE refuses then): wait them out.
        PGVEIL_ASSIGN_OR_RETURN(sessions, Sessions(replica_));
        if (sessions.empty()) {
          return created.WithContext(fmt::format("creating the branch \"{}\"", name));
        }
      }
      if (Clock::now() > deadline) {
        return Status::Unavailable(fmt::format(
            "{} stayed connected to the replica \"{}\" for {} s; a branch is cut only while "
            "nobody is connected to it (a running pgveil replicate steps aside by itself): close "
            "them, or wait longer with --wait",
            sessions.empty() ? "other sessions" : sessions, replica_, options_.wait_seconds));
      }
      std::this_thread::sleep_for(kSessionPoll);
    }
  }

  // PostgreSQL 18 can clone files (file_copy_method = clone) where the file
  // system can; a server that can is asked to, and falls back to copying.
  Status CreateDatabase(const std::string& name) {
    const std::string sql = "CREATE DATABASE " + QuoteIdent(name) + " TEMPLATE " +
                            QuoteIdent(replica_) + " STRATEGY FILE_COPY";
    if (version_ >= 180000 && maintenance_->Execute("SET file_copy_method = clone").ok()) {
      Status cloned = maintenance_->Execute(sql);
      (void)maintenance_->Execute("RESET file_copy_method");
      if (cloned.ok()) return cloned;
    }
    return maintenance_->Execute(sql);
  }

  // `provenance` completed from the new branch's state row, written into
  // its comment; the state row is marked so that nothing streams into it.
  Result<Branch> Describe(Branch provenance) {
    PGVEIL_ASSIGN_OR_RETURN(std::string dsn, pg::WithDatabase(options_.replica_dsn,
                                                              provenance.name));
    Result<std::unique_ptr<pg::Connection>> opened = pg::Connection::Open(dsn);
    if (!opened.ok()) return opened.status();
    PGVEIL_ASSIGN_OR_RETURN(StreamStatus state, ReadReplicaState(**opened));
    provenance.lsn = state.applied_lsn.empty() ? state.consistent_lsn : state.applied_lsn;
    provenance.source = state.source;
    provenance.policy_sha256 = state.policy_sha256;
    provenance.policy_mode = state.policy_mode;
    provenance.dsn = DsnOf(provenance.name);
    PGVEIL_RETURN_IF_ERROR((*opened)->Execute(
        "UPDATE pgveil.replication_state SET slot = NULL, stream_status = 'branch', "
        "stream_message = NULL WHERE id = 1"));
    PGVEIL_RETURN_IF_ERROR(maintenance_->Execute("COMMENT ON DATABASE " +
                                                 QuoteIdent(provenance.name) + " IS " +
                                                 QuoteLiteral(BranchJson(provenance, /*full=*/false))));
    return provenance;
  }

  const BranchOptions& options_;
  std::unique_ptr<pg::Connection> maintenance_;
  std::string replica_;
  std::string oid_;
  int version_ = 0;
  Result<StreamStatus> replica_state_;
};

// Why the replica cannot be branched, or OK.
Status Branchable(const BranchServer& server) {
  const Result<StreamStatus>& state = server.replica_state();
  if (!state.ok() && state.status().code() != StatusCode::kNotFound) {
    return state.status().WithContext("reading the replica's state");
  }
  if (!state.ok()) {
    return Status::InvalidArgument(fmt::format(
        "the database \"{}\" holds no masked copy made by pgveil replicate; branches are cut "
        "from one",
        server.replica()));
  }
  if (state->stream_status == "branch") {
    return Status::InvalidArgument(fmt::format(
        "the database \"{}\" is itself a branch; cut branches from the replica", server.replica()));
  }
  if (state->copy_status != "complete") {
    return Status::InvalidArgument(fmt::format(
        "the replica \"{}\" is not complete (its copy is {}); a branch is cut only from a "
        "complete masked copy: let pgveil replicate finish first",
        server.replica(), state->copy_status));
  }
  if (state->stream_status == "gate_failed") {
    return Status::InvalidArgument(fmt::format(
        "the replica \"{}\" failed its last schema gate ({}); fix the policy and resume pgveil "
        "replicate before cutting a branch",
        server.replica(), state->stream_message));
  }
  return Status::Ok();
}

}  // namespace

Result<Branch> CreateBranch(const std::string& name, const BranchOptions& options) {
  PGVEIL_RETURN_IF_ERROR(ValidateBranchName(name));
  PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<BranchServer> server, BranchServer::Open(options));
  if (name == server->replica()) {
    return Status::InvalidArgument(
        fmt::format("the branch name \"{}\" is the replica's own name", name));
  }
  PGVEIL_RETURN_IF_ERROR(Branchable(*server));
  PGVEIL_ASSIGN_OR_RETURN(bool exists, server->DatabaseExists(name));
  if (exists) {
    return Status::InvalidArgument(
        fmt::format("a database named \"{}\" already exists on the replica's server", name));
  }
  PGVEIL_ASSIGN_OR_RETURN(auto now, server->Now(options.ttl_seconds));
  Branch provenance;
  provenance.name = name;
  provenance.replica = server->replica();
  provenance.created_at = now.now;
  provenance.expires_at = now.expires;
  provenance.ttl_seconds = options.ttl_seconds;
  provenance.creator = now.role;
  return server->Cut(std::move(provenance));
}

Result<Branch> ResetBranch(const std::string& name, const BranchOptions& options) {
  PGVEIL_RETURN_IF_ERROR(ValidateBranchName(name));
  PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<BranchServer> server, BranchServer::Open(options));
  PGVEIL_ASSIGN_OR_RETURN(Branch provenance, server->Find(name));
  PGVEIL_RETURN_IF_ERROR(Branchable(*server));
  if (!options.force) PGVEIL_RETURN_IF_ERROR(server->NotBusy(name));
  PGVEIL_ASSIGN_OR_RETURN(auto now, server->Now(0));
  provenance.reset_at = now.now;
  // The new cut is made beside the old branch, which is dropped only once
  // the cut exists: a reset that fails leaves the branch as it was.
  const std::string fresh = name.substr(0, 48) + "-reset-" + std::to_string(getpid());
  provenance.name = fresh;
  PGVEIL_ASSIGN_OR_RETURN(Branch cut, server->Cut(std::move(provenance)));
  Status dropped = server->Drop(name);
  if (!dropped.ok()) {
    (void)server->Drop(fresh);
    return dropped;
  }
  PGVEIL_RETURN_IF_ERROR(server->Rename(fresh, name));
  cut.name = name;
  cut.dsn = server->DsnOf(name);
  return cut;
}

Result<std::vector<Branch>> ListBranches(const BranchOptions& options) {
  PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<BranchServer> server, BranchServer::Open(options));
  return server->Branches();
}

Status DropBranch(const std::string& name, const BranchOptions& options) {
  PGVEIL_RETURN_IF_ERROR(ValidateBranchName(name));
  PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<BranchServer> server, BranchServer::Open(options));
  PGVEIL_RETURN_IF_ERROR(server->Find(name).status());
  return server->Drop(name);
}

Result<CollectedBranches> CollectExpiredBranches(const BranchOptions& options) {
  PGVEIL_ASSIGN_OR_RETURN(std::unique_ptr<BranchServer> server, BranchServer::Open(options));
  PGVEIL_ASSIGN_OR_RETURN(std::vector<Branch> branches, server->Branches());
  CollectedBranches collected;
  for (const Branch& branch : branches) {
    if (!branch.expired) continue;
    PGVEIL_ASSIGN_OR_RETURN(std::string sessions, server->Sessions(branch.name));
    if (!sessions.empty() && !options.force) {
      collected.in_use.push_back(branch.name);
      continue;
    }
    PGVEIL_RETURN_IF_ERROR(server->Drop(branch.name));
    collected.dropped.push_back(branch.name);
  }
  return collected;
}

Result<std::optional<Branch>> BranchOfDatabase(const std::string& dsn) {
  Result<std::unique_ptr<pg::Connection>> opened = pg::Connection::Open(dsn);
  if (!opened.ok()) return opened.status();
  PGVEIL_ASSIGN_OR_RETURN(
      Rows rows, (*opened)->Query("SELECT datname, shobj_description(oid, 'pg_database') FROM "
                                  "pg_database WHERE datname = current_database()"));
  const std::string comment = FirstRowValue(rows, 1);
  if (!comment.starts_with(kProvenancePrefix)) return std::optional<Branch>();
  return std::optional<Branch>(FromProvenance(FirstRowValue(rows, 0), comment));
}

}  // namespace pgveil::replicator
