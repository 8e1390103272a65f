// `pgveil grants --for scan|check|report|replicate [--role NAME] [--schema S...]`:
// prints the least-privilege SQL for a dedicated role (pg/grants.h). It
// connects to nothing. Exit 0, or 2 for a bad flag.
#include <memory>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "pg/grants.h"

namespace pgveil::cli {
namespace {

struct GrantsCommandOptions {
  std::string purpose;
  pg::GrantsRequest request;
};

int RunGrantsCommand(GrantsCommandOptions options) {
  // CLI11 has already held --for to the four names.
  options.request.purpose = pg::ParseGrantsPurpose(options.purpose).value();
  Status written = WriteOutput("", pg::GrantsSql(options.request));
  return written.ok() ? kExitClean : ReportError(written);
}

}  // namespace

void AddGrantsCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<GrantsCommandOptions>();
  CLI::App* command = app.add_subcommand(
      "grants", "Print the least-privilege SQL for a role that runs one pgveil command");
  command->add_option("--for", options->purpose, "the command the role runs")
      ->required()
      ->check(CLI::IsMember({"scan", "check", "report", "replicate"}));
  command->add_option("--role", options->request.role, "the role to create")->capture_default_str();
  command->add_option("--schema", options->request.schemas,
                      "grant on these schemas only (default: every schema, pg_read_all_data)");
  command->callback(
      [options, runner] { *runner = [options] { return RunGrantsCommand(*options); }; });
}

}  // namespace pgveil::cli
