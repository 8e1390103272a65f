#include "broker/nats_url.h"

#include <sstream>

#include <fmt/format.h>

namespace pgveil::broker {

Result<std::vector<std::string>> ParseNatsUrl(const std::string& url) {
  // The address itself is not echoed: it may hold a password.
  auto invalid = [](const std::string& why) {
    return Status::InvalidArgument(fmt::format(
        "the NATS address is not valid ({}); use nats://host:port[,host:port...]", why));
  };
  const std::string scheme = "nats://";
  if (!url.starts_with(scheme)) return invalid("it must start with nats://");
  std::vector<std::string> servers;
  std::istringstream parts(url.substr(scheme.size()));
  for (std::string part; std::getline(parts, part, ',');) {
    if (part.starts_with(scheme)) part = part.substr(scheme.size());
    if (part.find('@') != std::string::npos) {
      return invalid("credentials do not belong on the command line");
    }
    const size_t colon = part.rfind(':');
    if (part.empty() || colon == 0 || colon == std::string::npos || colon + 1 == part.size()) {
      return invalid("each server needs a host and a port");
    }
    for (size_t i = colon + 1; i < part.size(); ++i) {
      if (part[i] < '0' || part[i] > '9') return invalid("a port is a number");
    }
    servers.push_back(scheme + part);
  }
  if (servers.empty()) return invalid("no server");
  return servers;
}

Status ValidateStreamName(const std::string& name) {
  bool valid = !name.empty() && name.size() <= 32;
  for (char c : name) {
    valid = valid && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                      (c >= '0' && c <= '9') || c == '_' || c == '-');
  }
  if (valid) return Status::Ok();
  return Status::InvalidArgument(fmt::format(
      "--stream \"{}\" is not a stream name pgveil accepts: 1 to 32 of A-Z a-z 0-9 _ -",
      name.substr(0, 64)));
}

}  // namespace pgveil::broker
