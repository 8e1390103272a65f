// `pgveil branch create|list|drop|reset|gc`: databases cut from the masked
// replica for one developer or one pull request (replicator/branch.h).
//
//   create NAME  cuts the branch (a running replicate steps aside for it at a
//                transaction boundary) and prints its DSN, or JSON with its
//                provenance; exit 2 for a bad name, a name taken, or a
//                replica that is incomplete or failed its last gate
//   list         the replica's branches: LSN, policy, created, expires, size
//   drop NAME    drops a branch (never a database pgveil did not cut)
//   reset NAME   cuts the branch again from the replica's current state
//   gc           drops the branches whose TTL has run out
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "replicator/branch.h"
#include "replicator/branch_name.h"

namespace pgveil::cli {
namespace {

struct BranchCommandOptions {
  std::string name;
  std::string ttl;
  std::string format = "text";
  replicator::BranchOptions branch;
};

std::string Megabytes(int64_t bytes) { return fmt::format("{:.0f} MB", bytes / 1e6); }

std::string ListText(const std::vector<replicator::Branch>& branches) {
  if (branches.empty()) return "no branches\n";
  std::string out = fmt::format("{:<24} {:<14} {:<16} {:<21} {:<21} {:<12} {:>8}\n", "NAME", "LSN",
                                "POLICY", "CREATED", "EXPIRES", "CREATOR", "SIZE");
  for (const replicator::Branch& b : branches) {
    std::string policy = b.policy_sha256.empty()
                             ? "unknown"
                             : b.policy_sha256.substr(0, 8) + " " + b.policy_mode;
    std::string expires = b.expires_at.empty() ? "never" : b.expires_at;
    if (b.expired) expires += " (expired)";
    out += fmt::format("{:<24} {:<14} {:<16} {:<21} {:<21} {:<12} {:>8}\n", b.name, b.lsn, policy,
                       b.created_at, expires, b.creator, Megabytes(b.bytes));
  }
  return out;
}

// A new or reset branch: its DSN alone in text (for `$(pgveil branch ...)`),
// everything in JSON; what it is goes to stderr.
int PrintBranch(Result<replicator::Branch> branch, const std::string& format,
                const char* done) {
  if (!branch.ok()) return ReportError(branch.status());
  LogLine("info", "branch",
          fmt::format("branch \"{}\" {} from \"{}\" at LSN {} in {:.1f} s", branch->name, done,
                      branch->replica, branch->lsn, branch->seconds));
  Status written =
      WriteOutput("", (format == "json" ? replicator::BranchJson(*branch, true) : branch->dsn) + "\n");
  return written.ok() ? kExitClean : ReportError(written);
}

int RunCreate(BranchCommandOptions& options) {
  if (!options.ttl.empty()) {
    Result<int64_t> ttl = replicator::ParseTtl(options.ttl);
    if (!ttl.ok()) return ReportError(ttl.status());
    options.branch.ttl_seconds = *ttl;
  }
  return PrintBranch(replicator::CreateBranch(options.name, options.branch), options.format,
                     "cut");
}

int RunList(const BranchCommandOptions& options) {
  Result<std::vector<replicator::Branch>> branches = replicator::ListBranches(options.branch);
  if (!branches.ok()) return ReportError(branches.status());
  std::string out;
  if (options.format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const replicator::Branch& b : *branches) {
      list.push_back(nlohmann::ordered_json::parse(replicator::BranchJson(b, true)));
    }
    out = list.dump(2) + "\n";
  } else {
    out = ListText(*branches);
  }
  Status written = WriteOutput("", out);
  return written.ok() ? kExitClean : ReportError(written);
}

int RunDrop(const BranchCommandOptions& options) {
  Status dropped = replicator::DropBranch(options.name, options.branch);
  if (!dropped.ok()) return ReportError(dropped);
  LogLine("info", "branch", fmt::format("branch \"{}\" dropped", options.name));
  return kExitClean;
}

int RunGc(const BranchCommandOptions& options) {
  Result<replicator::CollectedBranches> collected =
      replicator::CollectExpiredBranches(options.branch);
  if (!collected.ok()) return ReportError(collected.status());
  std::string out;
  for (const std::string& name : collected->dropped) out += "dropped " + name + "\n";
  for (const std::string& name : collected->in_use) {
    out += "kept " + name + " (expired, but sessions are connected; --force ends them)\n";
  }
  if (out.empty()) out = "no expired branches\n";
  Status written = WriteOutput("", out);
  return written.ok() ? kExitClean : ReportError(written);
}

// The options every subcommand shares.
CLI::App* AddBranchSubcommand(CLI::App& branch, const char* name, const char* description,
                              BranchCommandOptions& options) {
  CLI::App* command = branch.add_subcommand(name, description);
  command->add_option("--replica", options.branch.replica_dsn, "DSN of the masked replica")
      ->required();
  return command;
}

void AddNameAndWait(CLI::App& command, BranchCommandOptions& options) {
  command.add_option("name", options.name, "the branch's name (its database's name)")->required();
  command
      .add_option("--wait", options.branch.wait_seconds,
                  "seconds other sessions may take to leave the replica")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  command.add_option("--format", options.format, "text (the DSN) or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
}

}  // namespace

void AddBranchCommand(CLI::App& app, CommandRunner* runner) {
  CLI::App* branch =
      app.add_subcommand("branch", "Branches of the masked replica: databases cut from it");
  branch->require_subcommand(1);
  auto options = std::make_shared<BranchCommandOptions>();

  CLI::App* create = AddBranchSubcommand(*branch, "create",
                                         "Cut a branch from the replica and print its DSN",
                                         *options);
  AddNameAndWait(*create, *options);
  create->add_option("--ttl", options->ttl, "how long it lives: 90s, 30m, 48h, 7d, 2w");
  create->callback([options, runner] { *runner = [options] { return RunCreate(*options); }; });

  CLI::App* reset = AddBranchSubcommand(
      *branch, "reset", "Cut a branch again from the replica's current state", *options);
  AddNameAndWait(*reset, *options);
  reset->add_flag("--force", options->branch.force, "end the sessions connected to the branch");
  reset->callback([options, runner] {
    *runner = [options] {
      return PrintBranch(replicator::ResetBranch(options->name, options->branch), options->format,
                         "reset");
    };
  });

  CLI::App* list = AddBranchSubcommand(*branch, "list", "The replica's branches", *options);
  list->add_option("--format", options->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  list->callback([options, runner] { *runner = [options] { return RunList(*options); }; });

  CLI::App* drop = AddBranchSubcommand(*branch, "drop", "Drop a branch", *options);
  drop->add_option("name", options->name, "the branch's name")->required();
  drop->add_flag("--force", options->branch.force, "end the sessions connected to the branch");
  drop->callback([options, runner] { *runner = [options] { return RunDrop(*options); }; });

  CLI::App* gc =
      AddBranchSubcommand(*branch, "gc", "Drop the branches whose TTL has run out", *options);
  gc->add_flag("--force", options->branch.force, "end the sessions connected to them");
  gc->callback([options, runner] { *runner = [options] { return RunGc(*options); }; });
}

}  // namespace pgveil::cli
