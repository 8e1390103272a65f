// broker/nats_url.h
//
// The servers of a `--sink` / `--from` value: `nats://host:port[,host:port…]`
// (each part may repeat the scheme, as NATS clients accept). Credentials in
// the URL are refused: they would show in the process's command line; the
// NATS client reads them from its own settings instead.
//
// Thread-safety: plain functions.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"

namespace pgveil::broker {

// The server URLs of `url`, each `nats://host:port`; InvalidArgument naming
// what is wrong and the form expected.
Result<std::vector<std::string>> ParseNatsUrl(const std::string& url);

// Whether `name` is a JetStream stream name pgveil accepts (1–32 of
// A-Z a-z 0-9 _ -): it is also the first token of every subject.
Status ValidateStreamName(const std::string& name);

}  // namespace pgveil::broker
