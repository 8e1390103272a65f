// cli/mask_command.cc
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
//
// The whole pipeline: load the key (environment, file, or a throwaway one),
// build the transformer from the registry, mask each value, print.
#include "cli/command.h"

#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/exit_codes.h"
#include "cli/terminal.h"
#include "masking/key_source.h"
#include "masking/registry.h"

namespace pgveil::cli {
namespace {

constexpr std::string_view kNullMarker = "\\N";
constexpr std::string_view kPreviewDomain = "preview";

struct MaskOptions {
  std::string transform;
  std::vector<std::string> params;
  std::string domain;
  std::string key_env = std::string(masking::kDefaultKeyVariable);
  std::string key_file;
  bool throwaway_key = false;
  bool list = false;
  std::vector<std::string> values;
};

Result<masking::ParamMap> ParseParams(const std::vector<std::string>& given) {
  masking::ParamMap params;
  for (const std::string& param : given) {
    const size_t equals = param.find('=');
    if (equals == std::string::npos || equals == 0) {
      return Status::InvalidArgument("--param expects NAME=VALUE");
    }
    std::string name = param.substr(0, equals);
    if (name == "domain") {
      return Status::InvalidArgument("the domain is not a parameter; use --domain");
    }
    if (!params.emplace(name, param.substr(equals + 1)).second) {
      return Status::InvalidArgument("--param " + name + " is given twice");
    }
  }
  return params;
}

std::string TypeList(const masking::TransformerSpec& spec) {
  std::string list;
  for (std::string_view type : spec.accepted_types) {
    list += (list.empty() ? "" : ", ") + std::string(type);
  }
  return list == "*" ? "any type" : list;
}

void PrintList() {
  for (const masking::TransformerSpec* spec : masking::AllTransformerSpecs()) {
    const std::string_view uniqueness = masking::UniquenessName(spec->uniqueness);
    const std::string_view privacy = masking::PrivacyClassName(spec->privacy);
    std::printf("%s\n  %.*s\n  types: %s; %s; uniqueness: %.*s; privacy: %.*s\n",
                std::string(spec->name).c_str(), static_cast<int>(spec->summary.size()),
                spec->summary.data(), TypeList(*spec).c_str(), spec->keyed ? "keyed" : "not keyed",
                static_cast<int>(uniqueness.size()), uniqueness.data(),
                static_cast<int>(privacy.size()), privacy.data());
    for (const masking::ParamSpec& param : spec->params) {
      std::string default_text = param.required ? " (required)"
                                 : param.default_value.empty()
                                     ? ""
                                     : " (default " + std::string(param.default_value) + ")";
      std::printf("    %.*s%s: %.*s\n", static_cast<int>(param.name.size()), param.name.data(),
                  default_text.c_str(), static_cast<int>(param.doc.size()), param.doc.data());
    }
  }
}

Result<masking::KeyRing> LoadKeys(const MaskOptions& options) {
  if (options.throwaway_key) {
    std::fprintf(stderr,
                 "pgveil: mask: using a throwaway key; outputs change from run to run and differ "
                 "from what replicate writes\n");
    return masking::ThrowawayKeyRing();
  }
  const masking::KeySource source = options.key_file.empty()
                                        ? masking::KeySource::Environment(options.key_env)
                                        : masking::KeySource::File(options.key_file);
  return masking::LoadKeyRing(source);
}

// Masks one value and prints it; reports a rejected value on stderr.
Status MaskOne(masking::Transformer& transformer, std::string_view value, size_t number,
               masking::MaskedValue* out) {
  std::optional<std::string_view> input;
  if (value != kNullMarker) {
    input = value;
  }
  Status status = transformer.Apply(input, out);
  if (!status.ok()) {
    return status.WithContext("value " + std::to_string(number));
  }
  if (out->is_null) {
    std::fwrite(kNullMarker.data(), 1, kNullMarker.size(), stdout);
  } else {
    std::fwrite(out->text.data(), 1, out->text.size(), stdout);
  }
  std::fputc('\n', stdout);
  return Status::Ok();
}

int RunMaskCommand(const MaskOptions& options) {
  if (options.list) {
    PrintList();
    return kExitClean;
  }
  if (options.transform.empty()) {
    return ReportError(Status::InvalidArgument(
        "mask: --transform NAME is required (pgveil mask --list shows the transformers)"));
  }
  Result<masking::ParamMap> params = ParseParams(options.params);
  if (!params.ok()) {
    return ReportError(params.status().WithContext("mask"));
  }
  // Name and parameters first: a typo should not be reported as a missing key.
  Result<masking::OutputTraits> described =
      masking::DescribeTransformer(options.transform, params.value());
  if (!described.ok()) {
    return ReportError(described.status().WithContext("mask"));
  }
  // Unkeyed transformers (keep, postal_generalize, ...) need no key: a
  // throwaway one keeps the code path uniform without asking for a secret.
  const masking::TransformerSpec* spec = masking::FindTransformerSpec(options.transform);
  Result<masking::KeyRing> keys =
      (spec != nullptr && !spec->keyed && !options.throwaway_key && options.key_file.empty())
          ? masking::ThrowawayKeyRing()
          : LoadKeys(options);
  if (!keys.ok()) {
    return ReportError(keys.status().WithContext("mask"));
  }

  std::string domain = options.domain;
  if (domain.empty()) {
    domain = std::string(kPreviewDomain);
    if (spec != nullptr && spec->keyed && StderrIsTerminal()) {
      std::fprintf(stderr,
                   "pgveil: mask: no --domain, using '%s'; pass --domain schema.table.column to "
                   "see what replicate writes\n",
                   domain.c_str());
    }
  }
  Result<std::unique_ptr<masking::Transformer>> transformer =
      masking::CreateTransformer(options.transform, params.value(), domain, keys.value());
  if (!transformer.ok()) {
    return ReportError(transformer.status().WithContext("mask"));
  }

  masking::MaskedValue out;
  Status first_error;
  size_t number = 0;
  auto handle = [&](std::string_view value) {
    Status status = MaskOne(**transformer, value, ++number, &out);
    if (!status.ok()) {
      ReportError(status.WithContext("mask"));
      if (first_error.ok()) {
        first_error = status;
      }
    }
  };
  auto read_stdin = [&] {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      handle(line);
    }
  };
  if (options.values.empty()) {
    read_stdin();
  } else {
    for (const std::string& value : options.values) {
      if (value == "-") {
        read_stdin();
      } else {
        handle(value);
      }
    }
  }
  std::fflush(stdout);
  return first_error.ok() ? kExitClean : ExitCodeFor(first_error);
}

}  // namespace

void AddMaskCommand(CLI::App& app, CommandRunner* runner) {
  auto options = std::make_shared<MaskOptions>();
  CLI::App* command = app.add_subcommand(
      "mask", "Preview a transformer on values (arguments, or one per line on stdin)");
  command->add_option("-t,--transform", options->transform, "transformer name, e.g. email");
  command->add_option("-p,--param", options->params, "transformer parameter NAME=VALUE")
      ->allow_extra_args(false);
  command->add_option("-d,--domain", options->domain,
                      "key domain: schema.table.column, or the policy's explicit domain");
  auto* key_env = command
                      ->add_option("--key-env", options->key_env,
                                   "environment variable holding the masking key")
                      ->capture_default_str();
  auto* key_file =
      command->add_option("--key-file", options->key_file, "file holding the masking key");
  auto* throwaway = command->add_flag("--throwaway-key", options->throwaway_key,
                                      "use a random key for this run only (says so on stderr)");
  key_file->excludes(key_env);
  throwaway->excludes(key_env);
  throwaway->excludes(key_file);
  command->add_flag("--list", options->list, "list the transformers and their parameters");
  command->add_option("values", options->values,
                      "values to mask; none or '-' reads stdin; \\N is SQL NULL");
  command->callback(
      [options, runner] { *runner = [options] { return RunMaskCommand(*options); }; });
}

}  // namespace pgveil::cli
