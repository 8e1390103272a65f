// cli/terminal.h
//
// The only place pgveil talks to the terminal about itself: errors as one
// line on stderr, progress on stderr only when stderr is a terminal, colour
// only on a terminal and never when NO_COLOR is set.
#pragma once

#include <string>
#include <string_view>

#include "core/status.h"

namespace pgveil::cli {

bool StderrIsTerminal();
bool UseColor(int fd);

// "pgveil: <message>" on stderr; returns the exit code for `status`.
int ReportError(const Status& status);

// Overwrites the current stderr line with `message` when stderr is a
// terminal; does nothing otherwise. Progress() with "" clears the line.
void Progress(std::string_view message);

// Writes `text` to `path`, or to stdout when `path` is empty or "-".
Status WriteOutput(const std::string& path, std::string_view text);

}  // namespace pgveil::cli
