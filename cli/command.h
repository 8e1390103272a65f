// cli/command.h
//
// How commands plug into main: each command file adds its subcommand to the
// CLI11 app and, when that subcommand is chosen, sets the runner main calls
// after parsing. A runner returns the process exit code (cli/exit_codes.h).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>

namespace pgveil::cli {

using CommandRunner = std::function<int()>;

void AddScanCommand(CLI::App& app, CommandRunner* runner);
void AddDemoCommand(CLI::App& app, CommandRunner* runner);
void AddMaskCommand(CLI::App& app, CommandRunner* runner);
void AddBootstrapCommand(CLI::App& app, CommandRunner* runner);
void AddCheckCommand(CLI::App& app, CommandRunner* runner);
void AddSnapshotCommand(CLI::App& app, CommandRunner* runner);
void AddDiffCommand(CLI::App& app, CommandRunner* runner);
void AddReplicateCommand(CLI::App& app, CommandRunner* runner);
// `replicate status` and `replicate cleanup`, under `replicate`.
void AddReplicateAdminCommands(CLI::App& replicate, CommandRunner* runner);
void AddReportCommand(CLI::App& app, CommandRunner* runner);
void AddBranchCommand(CLI::App& app, CommandRunner* runner);
void AddGrantsCommand(CLI::App& app, CommandRunner* runner);
void AddApplyCommand(CLI::App& app, CommandRunner* runner);

}  // namespace pgveil::cli
