// cli/terminal.h
//
// The only place pgveil talks to the terminal about itself: errors as one
// line on stderr, progress on stderr only when stderr is a terminal, colour
// only on a terminal and never when NO_COLOR is set.
//
// With --log-format json (a service under a log collector), every line of
// pgveil's own on stderr is one JSON object instead, and there is no
// progress:
//
//   {"time": "2026-12-06T22:31:43.123Z", "level": "info", "event": "streaming",
//    "message": "streaming from the slot \"pgveil_...\" after 0/1A2B3C8"}
//
// level is info, warning, error, or debug for the lines only -v/--verbose
// shows (the sample each table got, each phase of a copy, each checkpoint of
// a stream); event names what the line is about (policy, metrics, phase,
// note, resuming, policy_changed, streaming, schema_change, paused, resumed,
// retry, warning, checkpoint, gate_failed, error, stopped, branch, and with
// --verbose catalog and table). Messages hold names, counts, LSNs and
// commands, never a value (the replicator's observer contract; errors keep
// the server's primary message only).
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace CLI {
class App;
}  // namespace CLI

namespace pgveil::cli {

bool StderrIsTerminal();
bool UseColor(int fd);

enum class LogFormat { kText, kJson };
void SetLogFormat(LogFormat format);
LogFormat CurrentLogFormat();

// One line of pgveil's own on stderr: "pgveil: <message>", or the JSON
// object above.
void LogLine(std::string_view level, std::string_view event, const std::string& message);

// A "debug" LogLine, shown only with -v/--verbose.
void Debug(std::string_view event, const std::string& message);
// -v/--verbose on `app`'s every subcommand, at every depth.
void AddVerboseFlag(CLI::App& app);

// The error line for `status`; returns its exit code.
int ReportError(const Status& status);

// Overwrites the current stderr line with `message` when ShowsProgress();
// does nothing otherwise. Progress() with "" clears the line.
void Progress(std::string_view message);
// Whether progress is shown: stderr is a terminal, the log is text, and
// --quiet was not given.
bool ShowsProgress();
// -q/--quiet on `command`: no progress line.
void AddQuietFlag(CLI::App& command);

// Writes `text` to `path`, or to stdout when `path` is empty or "-".
Status WriteOutput(const std::string& path, std::string_view text);

}  // namespace pgveil::cli
