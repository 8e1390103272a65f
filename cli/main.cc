// pgveil: finds personal data in PostgreSQL, keeps the masking policy honest
// and replicates production into staging with the policy applied.
//
// main parses the command line and runs the chosen command; every exit code
// is decided here or by the command's runner (cli/exit_codes.h).
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/command.h"
#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "core/version.h"

int main(int argc, char** argv) {
  using namespace pgveil::cli;
  CLI::App app{
      "pgveil: find personal data in PostgreSQL, gate it with a policy, replicate it masked"};
  app.set_version_flag("--version", std::string(pgveil::kVersion));
  app.require_subcommand(1);
  CommandRunner runner;
  AddScanCommand(app, &runner);
  AddDemoCommand(app, &runner);
  AddMaskCommand(app, &runner);
  AddBootstrapCommand(app, &runner);
  AddCheckCommand(app, &runner);
  AddSnapshotCommand(app, &runner);
  AddDiffCommand(app, &runner);
  AddReplicateCommand(app, &runner);
  AddApplyCommand(app, &runner);
  AddReportCommand(app, &runner);
  AddBranchCommand(app, &runner);
  AddGrantsCommand(app, &runner);
  AddVerboseFlag(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    std::fprintf(stderr,
                 "pgveil: %s\nRun 'pgveil --help' or 'pgveil <command> --help' for usage.\n",
                 e.what());
    return kExitUsage;
  }
  return runner ? runner() : kExitUsage;
}
