// cli/mask_command.h
//
// `pgveil mask`: previews a transformer on values given on the command line
// or on stdin, so users can see what their policy will write before they
// replicate anything.
//
//   pgveil mask --transform email --param keep_domain=true jane@example.com
//   cut -d, -f3 customers.csv | pgveil mask --transform phone --domain public.customers.phone
//   pgveil mask --list
//
// Output: one masked value per line on stdout, in input order; \N stands for
// SQL NULL both ways (as in COPY). Errors: one line on stderr each. Exit
// codes: 0 all values masked; 2 a usage or configuration error (no key,
// unknown transformer or parameter) or a value the transformer rejects.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/command.h"

namespace pgveil::cli {

// Adds the `mask` subcommand to `app`; when it is chosen on the command line,
// sets `*runner` to the function that runs it. `runner` must outlive `app`'s
// parse.
void AddMaskCommand(CLI::App& app, CommandRunner* runner);

}  // namespace pgveil::cli
